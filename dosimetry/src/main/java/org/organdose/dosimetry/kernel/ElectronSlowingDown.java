package org.organdose.dosimetry.kernel;

/**
 * How electrons slow down and scatter in water, in mass units (g/cm^2) so that any density follows
 * by scaling. Collision stopping power from the Bethe formula for electrons of ICRU Report 37
 * (1984) with I = 75 eV and Sternheimer's density-effect parameters for liquid water; CSDA range
 * by integrating its inverse; transport mean free path from the screened Rutherford cross
 * section with Moliere's screening angle, summed over the H and O atoms of H2O. Radiative
 * losses (under 1.5 % of the stopping power below 2 MeV in water) are left out, i.e. bremsstrahlung
 * counts as absorbed along the track. The collision stopping power agrees with NIST ESTAR to 0.5 %
 * from 10 keV to 2 MeV (checked in a test).
 */
final class ElectronSlowingDown {
    static final double ELECTRON_MASS_MEV = 0.51099895;
    /** Lowest energy tabulated; below it an electron deposits its energy where it is. */
    static final double MIN_ENERGY_MEV = 1e-3;
    static final double MAX_ENERGY_MEV = 20;
    private static final double CLASSICAL_RADIUS_CM = 2.8179403262e-13;
    private static final double AVOGADRO = 6.02214076e23;
    private static final double WATER_MOLAR_MASS = 18.01528;
    private static final double HBAR_C_MEV_CM = 197.3269804e-13;
    private static final double BOHR_RADIUS_CM = 0.529177210903e-8;
    private static final double FINE_STRUCTURE = 1 / 137.035999084;
    private static final int TABLE = 1200;
    private static final double[] LOG_ENERGY = new double[TABLE];
    private static final double[] LOG_RANGE = new double[TABLE];

    static {
        double l0 = Math.log(MIN_ENERGY_MEV);
        double l1 = Math.log(MAX_ENERGY_MEV);
        double range = 0;
        double previousEnergy = 0;
        double previousInverse = 0;
        for (int i = 0; i < TABLE; i++) {
            LOG_ENERGY[i] = l0 + (l1 - l0) * i / (TABLE - 1);
            double e = Math.exp(LOG_ENERGY[i]);
            double inverse = 1 / collisionStoppingPower(e);
            // below 1 keV the stopping power is taken as ~ T^-0.75, so R(T) = T / (1.75 S(T))
            range = i == 0 ? e * inverse / 1.75 : range + 0.5 * (inverse + previousInverse) * (e - previousEnergy);
            LOG_RANGE[i] = Math.log(range);
            previousEnergy = e;
            previousInverse = inverse;
        }
    }

    private ElectronSlowingDown() {
    }

    /** Mass collision stopping power, MeV cm^2/g (ICRU 37, eq. 2.6 with the electron F-minus term). */
    static double collisionStoppingPower(double kineticMeV) {
        double tau = kineticMeV / ELECTRON_MASS_MEV;
        double gamma = tau + 1;
        double beta2 = 1 - 1 / (gamma * gamma);
        double iOverMc2 = 75e-6 / ELECTRON_MASS_MEV;
        double f = 1 - beta2 + (tau * tau / 8 - (2 * tau + 1) * Math.log(2)) / ((tau + 1) * (tau + 1));
        double x = Math.log10(Math.sqrt(gamma * gamma - 1));
        double delta = densityEffect(x);
        double electronsPerGram = AVOGADRO * 10 / WATER_MOLAR_MASS;
        return 2 * Math.PI * CLASSICAL_RADIUS_CM * CLASSICAL_RADIUS_CM * ELECTRON_MASS_MEV * electronsPerGram / beta2
                * (Math.log(tau * tau * (tau + 2) / (2 * iOverMc2 * iOverMc2)) + f - delta);
    }

    /** Sternheimer's density-effect correction for water: -C = 3.5017, X0 = 0.2400, X1 = 2.8004, a = 0.09116, m = 3.4773. */
    private static double densityEffect(double x) {
        double c = 3.5017;
        double x0 = 0.24;
        double x1 = 2.8004;
        if (x < x0) {
            return 0;
        }
        double d = 4.6052 * x - c;
        return x < x1 ? d + 0.09116 * Math.pow(x1 - x, 3.4773) : d;
    }

    /** CSDA range in g/cm^2. */
    static double csdaRange(double kineticMeV) {
        double l = Math.log(Math.max(kineticMeV, MIN_ENERGY_MEV));
        double r = Math.exp(interpolate(LOG_ENERGY, LOG_RANGE, l));
        return kineticMeV < MIN_ENERGY_MEV ? r * Math.pow(kineticMeV / MIN_ENERGY_MEV, 1.75) : r;
    }

    /** The kinetic energy whose CSDA range is {@code rangeGPerCm2}. */
    static double energyAtRange(double rangeGPerCm2) {
        if (rangeGPerCm2 <= Math.exp(LOG_RANGE[0])) {
            return MIN_ENERGY_MEV * Math.pow(Math.max(rangeGPerCm2, 0) / Math.exp(LOG_RANGE[0]), 1 / 1.75);
        }
        return Math.exp(interpolate(LOG_RANGE, LOG_ENERGY, Math.log(rangeGPerCm2)));
    }

    /**
     * Transport mean free path in g/cm^2: 1 / (N sigma1), sigma1 = 2 pi Z(Z+1) (r_e m c^2 / p v)^2
     * [ln(1 + 1/A) - 1/(1 + A)] with Moliere's screening parameter A = (hbar / 2 p a)^2 (1.13 + 3.76
     * (alpha Z / beta)^2), a = 0.885 a0 Z^(-1/3); Z(Z+1) counts scattering on the atomic electrons.
     */
    static double transportMeanFreePath(double kineticMeV) {
        double pc = Math.sqrt(kineticMeV * (kineticMeV + 2 * ELECTRON_MASS_MEV));
        double totalEnergy = kineticMeV + ELECTRON_MASS_MEV;
        double beta = pc / totalEnergy;
        double pv = pc * beta;
        double sigma = 0;
        int[][] atoms = {{1, 2}, {8, 1}};
        for (int[] atom : atoms) {
            int z = atom[0];
            double screeningRadius = 0.885 * BOHR_RADIUS_CM / Math.cbrt(z);
            double ratio = HBAR_C_MEV_CM / (2 * pc * screeningRadius);
            double alphaZOverBeta = FINE_STRUCTURE * z / beta;
            double a = ratio * ratio * (1.13 + 3.76 * alphaZOverBeta * alphaZOverBeta);
            double scale = CLASSICAL_RADIUS_CM * ELECTRON_MASS_MEV / pv;
            sigma += atom[1] * 2 * Math.PI * z * (z + 1) * scale * scale * (Math.log(1 + 1 / a) - 1 / (1 + a));
        }
        return 1 / (sigma * AVOGADRO / WATER_MOLAR_MASS);
    }

    /** Linear interpolation in a rising table. */
    private static double interpolate(double[] xs, double[] ys, double x) {
        if (x <= xs[0]) {
            return ys[0];
        }
        int n = xs.length;
        if (x >= xs[n - 1]) {
            return ys[n - 1];
        }
        int lo = 0;
        int hi = n - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (xs[mid] <= x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double t = (x - xs[lo]) / (xs[hi] - xs[lo]);
        return ys[lo] + t * (ys[hi] - ys[lo]);
    }
}
