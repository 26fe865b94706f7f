package org.organdose.dosimetry.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * Beta-minus spectra from Fermi theory: N(W) ~ F0(Z, W) p W (W0 - W)^2 C(W), with W the total
 * electron energy and p its momentum in units of m c^2 and m c, F0 the relativistic Fermi function
 * with the nuclear-size term (Konopinski, The theory of beta radioactivity, 1966; Behrens and
 * Jaenecke, Landolt-Boernstein I/4, 1969) and C = 1 (allowed) or q^2 + lambda2 p^2 (first-forbidden
 * unique, lambda2 = F1/F0). Screening and radiative corrections are left out: they move the mean
 * energies of Lu-177, I-131 and Y-90 by well under 1 %.
 */
public final class BetaSpectrum {
    /** Bins per branch when a spectrum becomes discrete electron energies for the kernel. */
    static final int BINS_PER_BRANCH = 96;
    private static final double ELECTRON_MASS_MEV = 0.51099895;
    private static final double FINE_STRUCTURE = 1 / 137.035999084;
    /** hbar / (m c) in fm: the unit of the nuclear radius in the Fermi function. */
    private static final double COMPTON_FM = 386.15926796;
    private static final double[] GAUSS_X = {-0.8611363115940526, -0.3399810435848563, 0.3399810435848563, 0.8611363115940526};
    private static final double[] GAUSS_W = {0.3478548451374538, 0.6521451548625461, 0.6521451548625461, 0.3478548451374538};

    private BetaSpectrum() {
    }

    /**
     * The beta spectrum of a decay as discrete energies: per bin of each branch (or of the
     * tabulated spectrum) the bin's mean energy and the number of betas per decay in it.
     */
    public static List<EmissionLine> groups(DecayData d) {
        List<EmissionLine> out = new ArrayList<>();
        if (!d.tabulatedBetaSpectrum().isEmpty()) {
            tabulatedGroups(d.tabulatedBetaSpectrum(), d.betaYieldPerDecay(), out);
            return out;
        }
        for (BetaBranch b : d.betaBranches()) {
            branchGroups(b, d.daughterAtomicNumber(), d.massNumber(), BINS_PER_BRANCH, out);
        }
        return out;
    }

    /** Mean kinetic energy of one branch's betas. */
    public static double meanEnergyMeV(BetaBranch b, int daughterZ, int massNumber) {
        List<EmissionLine> g = new ArrayList<>();
        branchGroups(new BetaBranch(b.endpointMeV(), 1, b.shape()), daughterZ, massNumber, BINS_PER_BRANCH, g);
        return DecayData.energyOf(g);
    }

    /**
     * The endpoint of an allowed branch whose betas have the given mean energy: decay data
     * files such as ICRP-107's list mean energies, while the spectrum shape needs the endpoint.
     */
    public static double endpointForMeanMeV(double meanMeV, int daughterZ, int massNumber) {
        double lo = meanMeV;
        double hi = 6 * meanMeV;
        for (int it = 0; it < 80; it++) {
            double mid = 0.5 * (lo + hi);
            if (meanEnergyMeV(new BetaBranch(mid, 1, BetaShape.ALLOWED), daughterZ, massNumber) < meanMeV) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** Unnormalised spectrum density per unit kinetic energy at {@code kineticMeV}. */
    static double density(double kineticMeV, double endpointMeV, BetaShape shape, int z, int a) {
        if (kineticMeV <= 0 || kineticMeV >= endpointMeV) {
            return 0;
        }
        double w = 1 + kineticMeV / ELECTRON_MASS_MEV;
        double p = Math.sqrt(w * w - 1);
        double q = (endpointMeV - kineticMeV) / ELECTRON_MASS_MEV;
        double logF0 = logGeneralisedFermi(1, z, a, w, p);
        double c = 1;
        if (shape == BetaShape.FIRST_FORBIDDEN_UNIQUE) {
            double lambda2 = Math.exp(logGeneralisedFermi(2, z, a, w, p) - logF0);
            c = q * q + lambda2 * p * p;
        }
        return Math.exp(logF0) * p * w * q * q * c;
    }

    /**
     * ln F_{k-1}(Z, W) = ln[4^{k-1} 2k (k + g) ((2k-1)!!)^2 (2pR)^{2(g-k)} e^{pi eta}
     * |Gamma(g + i eta)|^2 / Gamma(2g + 1)^2], g = sqrt(k^2 - (alpha Z)^2), eta = alpha Z W / p.
     */
    private static double logGeneralisedFermi(int k, int z, int a, double w, double p) {
        double az = FINE_STRUCTURE * z;
        double g = Math.sqrt(k * k - az * az);
        double eta = az * w / p;
        double radius = 1.2 * Math.cbrt(a) / COMPTON_FM;
        double doubleFactorial = k == 1 ? 1 : 3;
        return Math.log(Math.pow(4, k - 1) * 2 * k * (k + g) * doubleFactorial * doubleFactorial)
                + 2 * (g - k) * Math.log(2 * p * radius) + Math.PI * eta
                + 2 * realLogGamma(g, eta) - 2 * realLogGamma(2 * g + 1, 0);
    }

    /** Re ln Gamma(x + i y) for x &gt; 0: recurrence up to x &gt;= 10, then Stirling's series. */
    static double realLogGamma(double x, double y) {
        double shift = 0;
        while (x < 10) {
            shift -= 0.5 * Math.log(x * x + y * y);
            x += 1;
        }
        double modulus2 = x * x + y * y;
        double logModulus = 0.5 * Math.log(modulus2);
        double arg = Math.atan2(y, x);
        // Re[(z - 1/2) ln z - z] = (x - 1/2) ln|z| - y arg z - x
        double re = (x - 0.5) * logModulus - y * arg - x + 0.5 * Math.log(2 * Math.PI);
        // 1/z = conj(z)/|z|^2; the series 1/(12 z) - 1/(360 z^3) + 1/(1260 z^5)
        double invRe = x / modulus2;
        double invIm = -y / modulus2;
        double inv2Re = invRe * invRe - invIm * invIm;
        double inv2Im = 2 * invRe * invIm;
        double inv3Re = inv2Re * invRe - inv2Im * invIm;
        double inv3Im = inv2Re * invIm + inv2Im * invRe;
        double inv5Re = inv3Re * inv2Re - inv3Im * inv2Im;
        re += invRe / 12 - inv3Re / 360 + inv5Re / 1260;
        return re + shift;
    }

    private static void branchGroups(BetaBranch b, int z, int a, int bins, List<EmissionLine> out) {
        double width = b.endpointMeV() / bins;
        double[] prob = new double[bins];
        double[] energy = new double[bins];
        double total = 0;
        for (int i = 0; i < bins; i++) {
            double lo = i * width;
            for (int g = 0; g < GAUSS_X.length; g++) {
                double t = lo + 0.5 * width * (1 + GAUSS_X[g]);
                double n = GAUSS_W[g] * 0.5 * width * density(t, b.endpointMeV(), b.shape(), z, a);
                prob[i] += n;
                energy[i] += n * t;
            }
            total += prob[i];
        }
        for (int i = 0; i < bins; i++) {
            if (prob[i] > 0) {
                out.add(new EmissionLine(energy[i] / prob[i], b.yieldPerDecay() * prob[i] / total));
            }
        }
    }

    /** Bins between the table's points, the density linear between them, normalised to the beta yield. */
    private static void tabulatedGroups(List<SpectrumPoint> table, double betaYield, List<EmissionLine> out) {
        double total = 0;
        List<double[]> bins = new ArrayList<>();
        for (int i = 0; i + 1 < table.size(); i++) {
            double e0 = table.get(i).energyMeV();
            double e1 = table.get(i + 1).energyMeV();
            double n0 = table.get(i).perMeV();
            double n1 = table.get(i + 1).perMeV();
            double h = e1 - e0;
            double prob = 0.5 * h * (n0 + n1);
            // first moment of a linear density over [e0, e1]
            double moment = h * (n0 * (e0 / 2 + h / 6) + n1 * (e0 / 2 + h / 3));
            if (prob > 0 && e1 > 0) {
                bins.add(new double[] {moment / prob, prob});
                total += prob;
            }
        }
        for (double[] bin : bins) {
            out.add(new EmissionLine(bin[0], betaYield * bin[1] / total));
        }
    }
}
