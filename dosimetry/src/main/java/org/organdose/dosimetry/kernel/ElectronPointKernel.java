package org.organdose.dosimetry.kernel;

import java.util.SplittableRandom;

/**
 * Scaled dose point kernels of monoenergetic electrons in water: the fraction of an electron's
 * energy deposited at distance x r0 from where it starts, x in bins of {@link #X_BIN_WIDTH} up to
 * {@link #X_MAX}, r0 its CSDA range. Computed once per run by a condensed-history Monte Carlo of
 * {@link ElectronSlowingDown}: steps of 5 % of the residual CSDA range, each with its CSDA energy
 * loss, a random hinge, and a deflection drawn from a screened-Rutherford-shaped distribution
 * whose mean 1 - cos(theta) equals 1 - exp(-s / lambda1), the Goudsmit-Saunderson first moment
 * over the step s. Energy-loss straggling and secondary electrons are not transported (their
 * energy stays on the track), so no energy reaches beyond r0. Scaled kernels depend little on
 * energy (the energy-weighted mean x is 0.50 at 50 keV and 0.46 at 2 MeV); between the table
 * energies they are interpolated in ln E, below 5 keV the 5 keV kernel and above 5 MeV the
 * 5 MeV kernel is used. In a medium of water's composition and another density every length
 * scales with 1/density. The fixed seed makes every kernel reproducible.
 */
final class ElectronPointKernel {
    static final double[] TABLE_ENERGIES_MEV = {0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5};
    static final double X_MAX = 1.0;
    static final int X_BINS = 200;
    static final double X_BIN_WIDTH = X_MAX / X_BINS;
    private static final int ELECTRONS = 6000;
    private static final double STEP_FRACTION = 0.05;
    /** The track ends when the residual range falls below this fraction of r0; the rest is deposited there. */
    private static final double STOP_FRACTION = 0.01;
    private static final long SEED = 20120517L;

    private ElectronPointKernel() {
    }

    /** The table, computed on first use. */
    private static final class Table {
        static final double[][] FRACTIONS = new double[TABLE_ENERGIES_MEV.length][];

        static {
            for (int e = 0; e < TABLE_ENERGIES_MEV.length; e++) {
                FRACTIONS[e] = simulate(TABLE_ENERGIES_MEV[e], new SplittableRandom(SEED + e));
            }
        }
    }

    /** CSDA range in mm in a water-like medium of this density. */
    static double csdaRangeMm(double energyMeV, double densityGPerMl) {
        return ElectronSlowingDown.csdaRange(energyMeV) * 10 / densityGPerMl;
    }

    /** Energy fraction per x bin (summing to 1) for an electron of this energy. */
    static double[] scaledFractions(double energyMeV) {
        double[] energies = TABLE_ENERGIES_MEV;
        int last = energies.length - 1;
        if (energyMeV <= energies[0]) {
            return Table.FRACTIONS[0].clone();
        }
        if (energyMeV >= energies[last]) {
            return Table.FRACTIONS[last].clone();
        }
        int i = 0;
        while (energies[i + 1] < energyMeV) {
            i++;
        }
        double t = Math.log(energyMeV / energies[i]) / Math.log(energies[i + 1] / energies[i]);
        double[] out = new double[X_BINS];
        for (int b = 0; b < X_BINS; b++) {
            out[b] = (1 - t) * Table.FRACTIONS[i][b] + t * Table.FRACTIONS[i + 1][b];
        }
        return out;
    }

    /** One table energy: the step schedule is the same for every electron (CSDA), the angles are random. */
    private static double[] simulate(double energyMeV, SplittableRandom random) {
        double r0 = ElectronSlowingDown.csdaRange(energyMeV);
        int maxSteps = (int) Math.ceil(Math.log(STOP_FRACTION) / Math.log(1 - STEP_FRACTION)) + 1;
        double[] step = new double[maxSteps];
        double[] loss = new double[maxSteps];
        double[] screening = new double[maxSteps];
        int steps = 0;
        double residual = r0;
        double energy = energyMeV;
        while (residual > STOP_FRACTION * r0 && steps < maxSteps) {
            double s = STEP_FRACTION * residual;
            double after = ElectronSlowingDown.energyAtRange(residual - s);
            double mid = 0.5 * (energy + after);
            double meanW = 1 - Math.exp(-s / ElectronSlowingDown.transportMeanFreePath(mid));
            step[steps] = s;
            loss[steps] = energy - after;
            screening[steps] = screeningForMeanDeflection(meanW);
            residual -= s;
            energy = after;
            steps++;
        }
        double finalEnergy = energy;
        double[] tally = new double[X_BINS];
        for (int n = 0; n < ELECTRONS; n++) {
            double x = 0;
            double y = 0;
            double z = 0;
            double u = 0;
            double v = 0;
            double w = 1;
            for (int i = 0; i < steps; i++) {
                double s = step[i];
                double hinge = random.nextDouble() * s;
                double x1 = x + u * hinge;
                double y1 = y + v * hinge;
                double z1 = z + w * hinge;
                deposit(tally, 0.5 * (x + x1), 0.5 * (y + y1), 0.5 * (z + z1), r0, loss[i] * hinge / s);
                double a = screening[i];
                double xi = random.nextDouble();
                double cosTheta = 1 - 2 * a * xi / (1 + a - xi);
                double sinTheta = Math.sqrt(Math.max(0, 1 - cosTheta * cosTheta));
                double phi = 2 * Math.PI * random.nextDouble();
                double cosPhi = Math.cos(phi);
                double sinPhi = Math.sin(phi);
                double nu;
                double nv;
                double nw;
                if (Math.abs(w) > 0.99999) {
                    nu = sinTheta * cosPhi;
                    nv = sinTheta * sinPhi;
                    nw = Math.signum(w) * cosTheta;
                } else {
                    double t = Math.sqrt(1 - w * w);
                    nu = u * cosTheta + sinTheta * (u * w * cosPhi - v * sinPhi) / t;
                    nv = v * cosTheta + sinTheta * (v * w * cosPhi + u * sinPhi) / t;
                    nw = w * cosTheta - sinTheta * cosPhi * t;
                }
                double norm = 1 / Math.sqrt(nu * nu + nv * nv + nw * nw);
                u = nu * norm;
                v = nv * norm;
                w = nw * norm;
                double rest = s - hinge;
                x = x1 + u * rest;
                y = y1 + v * rest;
                z = z1 + w * rest;
                deposit(tally, 0.5 * (x + x1), 0.5 * (y + y1), 0.5 * (z + z1), r0, loss[i] * rest / s);
            }
            deposit(tally, x, y, z, r0, finalEnergy);
        }
        double total = 0;
        for (double t : tally) {
            total += t;
        }
        for (int b = 0; b < X_BINS; b++) {
            tally[b] /= total;
        }
        return tally;
    }

    private static void deposit(double[] tally, double x, double y, double z, double r0, double energy) {
        int bin = (int) (Math.sqrt(x * x + y * y + z * z) / r0 / X_BIN_WIDTH);
        tally[Math.min(bin, X_BINS - 1)] += energy;
    }

    /**
     * The screening parameter A of p(mu) ~ 1 / (1 - mu + 2A)^2 whose mean of 1 - mu,
     * 2A(1+A)[ln(1 + 1/A) - 1/(1 + A)], is {@code meanW} (bisection in ln A).
     */
    static double screeningForMeanDeflection(double meanW) {
        double lo = Math.log(1e-12);
        double hi = Math.log(1e6);
        for (int it = 0; it < 100; it++) {
            double mid = 0.5 * (lo + hi);
            double a = Math.exp(mid);
            double mean = 2 * a * (1 + a) * (Math.log1p(1 / a) - 1 / (1 + a));
            if (mean < meanW) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.exp(0.5 * (lo + hi));
    }
}
