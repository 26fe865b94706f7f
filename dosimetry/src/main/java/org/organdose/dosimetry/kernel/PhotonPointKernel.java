package org.organdose.dosimetry.kernel;

/**
 * The energy a point isotropic source of photons of one energy deposits in water around it, in
 * the kerma approximation (secondary electrons deposit where the photon interacts):
 * dF/dr = mu_en B(mu r) exp(-mu r), the fraction of the photon energy absorbed per mm at distance
 * r. mu: mass attenuation coefficient without coherent scattering, as ANSI/ANS-6.4.3-1991 tabulates
 * it with its buildup factors (from 10 keV; below, the NIST totals of Hubbell and Seltzer, NISTIR
 * 5632, where coherent scattering matters little next to photoabsorption); mu_en: NIST
 * energy-absorption coefficients of liquid water (Hubbell and Seltzer). B: the geometric-progression
 * buildup factor of ANSI/ANS-6.4.3-1991 for water (Harima et al. 1986). That fit is for an air
 * response; its scattered part B - 1 is rescaled (by 0.95 to 1.0 from 20 keV to 3 MeV) so that a
 * source in infinite water absorbs exactly its energy, as it must. Coefficients are interpolated
 * log-log, the GP parameters linearly in ln E; above 5 MeV the 5 MeV values are used. Lengths in
 * mm for a water-like medium of the given density.
 */
final class PhotonPointKernel {
    private static final double[] MU_ENERGY = {0.001, 0.0015, 0.002, 0.003, 0.004, 0.005, 0.006, 0.008,
        0.010, 0.015, 0.020, 0.030, 0.040, 0.050, 0.060, 0.080, 0.100, 0.150, 0.200, 0.300, 0.400, 0.500,
        0.600, 0.800, 1.000, 1.500, 2.000, 3.000, 4.000, 5.000};
    private static final double[] MU = {4078, 1376, 617.3, 192.9, 82.78, 42.58, 24.64, 10.37,
        5.157, 1.579, 0.7505, 0.3455, 0.2502, 0.2149, 0.1973, 0.1786, 0.1674, 0.1490, 0.1361, 0.1183,
        0.1059, 0.09667, 0.08943, 0.07856, 0.07062, 0.05747, 0.04932, 0.03961, 0.03395, 0.03024};
    private static final double[] MU_EN_ENERGY = {0.001, 0.0015, 0.002, 0.003, 0.004, 0.005, 0.006, 0.008,
        0.010, 0.015, 0.020, 0.030, 0.040, 0.050, 0.060, 0.080, 0.100, 0.150, 0.200, 0.300, 0.400, 0.500,
        0.600, 0.800, 1.000, 1.250, 1.500, 2.000, 3.000, 4.000, 5.000};
    private static final double[] MU_EN = {4065, 1372, 615.2, 191.7, 81.91, 41.88, 24.05, 9.915,
        4.944, 1.374, 0.5503, 0.1557, 0.06947, 0.04223, 0.03190, 0.02597, 0.02546, 0.02764, 0.02967, 0.03192,
        0.03279, 0.03299, 0.03284, 0.03206, 0.03103, 0.02965, 0.02833, 0.02608, 0.02281, 0.02066, 0.01915};
    private static final double[] GP_ENERGY = {0.015, 0.020, 0.030, 0.040, 0.050, 0.060, 0.080, 0.100, 0.150,
        0.200, 0.300, 0.400, 0.500, 0.600, 0.800, 1.000, 1.500, 2.000, 3.000, 4.000, 5.000};
    /** b, c, a, X_k, d for water (ANSI/ANS-6.4.3-1991). */
    private static final double[][] GP = {
        {1.182, 0.463, 0.175, 14.23, -0.0908}, {1.427, 0.549, 0.143, 14.86, -0.0707},
        {2.335, 0.736, 0.087, 13.28, -0.0419}, {3.477, 1.117, -0.019, 11.67, 0.0026},
        {4.461, 1.457, -0.084, 13.62, 0.0341}, {4.983, 1.730, -0.126, 13.64, 0.0561},
        {5.059, 2.059, -0.168, 13.67, 0.0770}, {4.663, 2.221, -0.186, 13.33, 0.0826},
        {3.897, 2.242, -0.185, 14.19, 0.0777}, {3.478, 2.154, -0.176, 14.50, 0.0774},
        {2.920, 2.022, -0.164, 14.21, 0.0655}, {2.660, 1.882, -0.149, 14.24, 0.0595},
        {2.500, 1.766, -0.135, 14.33, 0.0546}, {2.377, 1.679, -0.124, 14.23, 0.0503},
        {2.212, 1.544, -0.105, 14.36, 0.0437}, {2.103, 1.441, -0.089, 14.22, 0.0378},
        {1.939, 1.269, -0.058, 14.52, 0.0246}, {1.839, 1.173, -0.039, 14.07, 0.0161},
        {1.710, 1.056, -0.013, 11.82, 0.0047}, {1.621, 0.989, 0.004, 13.45, -0.0041},
        {1.554, 0.939, 0.018, 13.55, -0.0122}};
    private static final double TANH_MINUS_2 = Math.tanh(-2);
    /** The GP fit holds to 40 mean free paths; the scattered part is integrated to where exp(-x) no longer counts. */
    private static final double NORMALISATION_MFP = 60;
    /** Beyond this many mean free paths nothing arrives (and B exp(-x) would be infinity times 0). */
    private static final double BEYOND_REACH_MFP = 200;

    private final double energyMeV;
    private final double muPerMm;
    private final double muEnPerMm;
    private final double[] gp;
    private final double scatterScale;

    PhotonPointKernel(double energyMeV, double densityGPerMl) {
        this.energyMeV = energyMeV;
        double e = Math.min(Math.max(energyMeV, MU_ENERGY[0]), MU_ENERGY[MU_ENERGY.length - 1]);
        double muMass = logLog(MU_ENERGY, MU, e);
        double muEnMass = logLog(MU_EN_ENERGY, MU_EN, e);
        this.muPerMm = muMass * densityGPerMl / 10;
        this.muEnPerMm = Math.min(muEnMass, muMass) * densityGPerMl / 10;
        this.gp = gpParameters(e);
        double scattered = integrateScatteredPart();
        double needed = muMass / Math.min(muEnMass, muMass) - 1;
        this.scatterScale = scattered > 0 ? needed / scattered : 0;
    }

    double energyMeV() {
        return energyMeV;
    }

    double muPerMm() {
        return muPerMm;
    }

    /** The fraction of the photon energy absorbed per mm at distance r (mm). */
    double absorbedFractionPerMm(double rMm) {
        double x = muPerMm * rMm;
        if (x > BEYOND_REACH_MFP) {
            return 0;
        }
        return muEnPerMm * (1 + scatterScale * (gpBuildup(x) - 1)) * Math.exp(-x);
    }

    /** The factor applied to the GP fit's scattered part so that infinite water absorbs all the energy. */
    double scatterScale() {
        return scatterScale;
    }

    /** The GP buildup factor of ANSI/ANS-6.4.3 at x mean free paths. */
    double gpBuildup(double x) {
        if (x <= 0) {
            return 1;
        }
        double b = gp[0];
        double c = gp[1];
        double a = gp[2];
        double xk = gp[3];
        double d = gp[4];
        double k = c * Math.pow(x, a) + d * (Math.tanh(x / xk - 2) - TANH_MINUS_2) / (1 - TANH_MINUS_2);
        if (Math.abs(k - 1) < 1e-9) {
            return 1 + (b - 1) * x;
        }
        return 1 + (b - 1) * (Math.pow(k, x) - 1) / (k - 1);
    }

    /** Integral over x of (B(x) - 1) exp(-x), Simpson's rule. */
    private double integrateScatteredPart() {
        int n = 1200;
        double h = NORMALISATION_MFP / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double x = i * h;
            double f = (gpBuildup(x) - 1) * Math.exp(-x);
            sum += (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * f;
        }
        return sum * h / 3;
    }

    private static double[] gpParameters(double e) {
        double clamped = Math.min(Math.max(e, GP_ENERGY[0]), GP_ENERGY[GP_ENERGY.length - 1]);
        int i = 0;
        while (i + 2 < GP_ENERGY.length && GP_ENERGY[i + 1] < clamped) {
            i++;
        }
        double t = Math.log(clamped / GP_ENERGY[i]) / Math.log(GP_ENERGY[i + 1] / GP_ENERGY[i]);
        double[] p = new double[5];
        for (int k = 0; k < 5; k++) {
            p[k] = (1 - t) * GP[i][k] + t * GP[i + 1][k];
        }
        return p;
    }

    private static double logLog(double[] xs, double[] ys, double x) {
        int i = 0;
        while (i + 2 < xs.length && xs[i + 1] < x) {
            i++;
        }
        double t = Math.log(x / xs[i]) / Math.log(xs[i + 1] / xs[i]);
        return Math.exp((1 - t) * Math.log(ys[i]) + t * Math.log(ys[i + 1]));
    }
}
