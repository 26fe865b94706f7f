package org.organdose.dosimetry.kernel;

import java.util.List;

/**
 * Energy deposited per decay around a point source, binned in distance: bin n holds the energy
 * (MeV) deposited between n h and (n + 1) h and its first moment in the bin, so that a smooth
 * geometric weight linear across a bin is integrated against it exactly. Also the point density
 * times r^2 at the bin edges, for voxels far from the source.
 */
final class RadialEnergyProfile {
    private static final double[] GAUSS_X = {-0.8611363115940526, -0.3399810435848563, 0.3399810435848563, 0.8611363115940526};
    private static final double[] GAUSS_W = {0.3478548451374538, 0.6521451548625461, 0.6521451548625461, 0.3478548451374538};
    /** Photons whose mean free path is below this fraction of a bin are absorbed in the first bin. */
    private static final double LOCAL_MFP_FRACTION = 1e-3;

    private final double binMm;
    private final double[] energy;
    private final double[] moment;
    /** r^2 times the energy per mm^3, at r = n h; from the photons' exact density, or the electrons' bins. */
    private final double[] densityTimesR2;

    private RadialEnergyProfile(double binMm, int bins) {
        this.binMm = binMm;
        this.energy = new double[bins];
        this.moment = new double[bins];
        this.densityTimesR2 = new double[bins + 1];
    }

    /** The electrons of these lines (energy, number per decay) in a water-like medium of this density. */
    static RadialEnergyProfile ofElectrons(List<EmissionLine> lines, double densityGPerMl, double binMm, int bins) {
        RadialEnergyProfile p = new RadialEnergyProfile(binMm, bins);
        for (EmissionLine l : lines) {
            p.addElectron(l.energyMeV(), l.energyPerDecayMeV(), densityGPerMl);
        }
        for (int n = 1; n < p.densityTimesR2.length; n++) {
            double below = p.energy[n - 1];
            double above = n < bins ? p.energy[n] : 0;
            // energy per mm of radius over 4 pi is r^2 times the density
            p.densityTimesR2[n] = 0.5 * (below + above) / binMm / (4 * Math.PI);
        }
        p.densityTimesR2[0] = p.energy[0] / binMm / (4 * Math.PI);
        return p;
    }

    /** The photons of these lines in a water-like medium of this density. */
    static RadialEnergyProfile ofPhotons(List<EmissionLine> lines, double densityGPerMl, double binMm, int bins) {
        RadialEnergyProfile p = new RadialEnergyProfile(binMm, bins);
        for (EmissionLine l : lines) {
            p.addPhoton(new PhotonPointKernel(l.energyMeV(), densityGPerMl), l.energyPerDecayMeV());
        }
        return p;
    }

    double binMm() {
        return binMm;
    }

    int bins() {
        return energy.length;
    }

    /** Energy deposited in bin n, MeV per decay. */
    double energy(int n) {
        return energy[n];
    }

    /** Sum over bin n of the deposited energy times (r - n h) / h. */
    double moment(int n) {
        return moment[n];
    }

    /** Energy within the profile's range, MeV per decay. */
    double total() {
        double s = 0;
        for (double e : energy) {
            s += e;
        }
        return s;
    }

    /** r^2 times the energy density (MeV/mm^3) at distance r, linear between the bin edges; 0 beyond. */
    double densityTimesR2(double rMm) {
        double u = rMm / binMm;
        int n = (int) u;
        if (n >= energy.length) {
            return 0;
        }
        double t = u - n;
        return (1 - t) * densityTimesR2[n] + t * densityTimesR2[n + 1];
    }

    /**
     * An electron line: {@code energyPerDecayMeV} spread as the scaled kernel of its energy says,
     * uniform in r across each scaled bin.
     */
    private void addElectron(double energyMeV, double energyPerDecayMeV, double densityGPerMl) {
        double[] fractions = ElectronPointKernel.scaledFractions(energyMeV);
        double r0 = ElectronPointKernel.csdaRangeMm(energyMeV, densityGPerMl);
        for (int b = 0; b < fractions.length; b++) {
            if (fractions[b] > 0) {
                spreadUniformly(b * ElectronPointKernel.X_BIN_WIDTH * r0, (b + 1) * ElectronPointKernel.X_BIN_WIDTH * r0,
                        energyPerDecayMeV * fractions[b]);
            }
        }
    }

    /** A photon line: the point kernel integrated over each bin (4-point Gauss on sub-intervals shorter than a mean free path). */
    private void addPhoton(PhotonPointKernel kernel, double energyPerDecayMeV) {
        double mfp = 1 / kernel.muPerMm();
        if (mfp < LOCAL_MFP_FRACTION * binMm) {
            energy[0] += energyPerDecayMeV;
            moment[0] += energyPerDecayMeV * mfp / binMm;
            return;
        }
        int sub = (int) Math.min(256, Math.ceil(2 * binMm / mfp));
        double h = binMm / sub;
        for (int n = 0; n < energy.length; n++) {
            double r0 = n * binMm;
            if (kernel.absorbedFractionPerMm(r0) == 0) {
                break;
            }
            for (int s = 0; s < sub; s++) {
                double lo = r0 + s * h;
                for (int g = 0; g < GAUSS_X.length; g++) {
                    double r = lo + 0.5 * h * (1 + GAUSS_X[g]);
                    double e = energyPerDecayMeV * GAUSS_W[g] * 0.5 * h * kernel.absorbedFractionPerMm(r);
                    energy[n] += e;
                    moment[n] += e * (r - r0) / binMm;
                }
            }
        }
        for (int n = 0; n < densityTimesR2.length; n++) {
            densityTimesR2[n] += energyPerDecayMeV * kernel.absorbedFractionPerMm(n * binMm) / (4 * Math.PI);
        }
    }

    /** Adds {@code amount} spread uniformly in r over [lo, hi] to the bins it covers. */
    private void spreadUniformly(double lo, double hi, double amount) {
        double perMm = amount / (hi - lo);
        int first = (int) (lo / binMm);
        for (int n = first; n < energy.length && n * binMm < hi; n++) {
            double a = Math.max(lo, n * binMm) - n * binMm;
            double b = Math.min(hi, (n + 1) * binMm) - n * binMm;
            if (b > a) {
                energy[n] += perMm * (b - a);
                moment[n] += perMm * (b * b - a * a) / (2 * binMm);
            }
        }
    }
}
