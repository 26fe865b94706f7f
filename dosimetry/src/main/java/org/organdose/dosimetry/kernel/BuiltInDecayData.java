package org.organdose.dosimetry.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.organdose.dosimetry.DosimetryInputException;
import org.organdose.dosimetry.Radionuclides;

/**
 * Decay data written into the code, so that kernels never depend on a data file found at run
 * time: the main branches and lines of ICRP Publication 107 (Eckerman and Endo 2008, whose
 * energies and yields follow ENSDF), rounded to 4-5 digits. Lines are kept until each kind's
 * energy per decay is within 0.5 % of the full record's; beta branches are given by their
 * endpoints, from which {@link BetaSpectrum} builds the spectra.
 */
public final class BuiltInDecayData {
    private static final String ICRP107 = "ICRP Publication 107 (2008), main lines";

    /**
     * Lu-177 (T1/2 6.647 d) to Hf-177. ICRP-107 per decay: betas 0.13327 MeV, conversion electrons
     * 0.01352 MeV, Auger electrons 0.00113 MeV, gamma rays 0.03156 MeV, X-rays 0.00354 MeV.
     */
    public static final DecayData LU_177 = new DecayData("Lu-177", 6.647 * 24, 72, 177,
            List.of(new BetaBranch(0.4983, 0.78637, BetaShape.ALLOWED),
                    new BetaBranch(0.3853, 0.091043, BetaShape.ALLOWED),
                    new BetaBranch(0.2486, 0.00053025, BetaShape.ALLOWED),
                    new BetaBranch(0.1765, 0.122057, BetaShape.ALLOWED)),
            List.of(),
            lines(0.102187, 0.0347404, 0.103392, 0.0306777, 0.0474678, 0.0517072, 0.110851, 0.0177125,
                    0.142884, 0.00597023, 0.101705, 0.00552802, 0.11295, 0.00481564, 0.197121, 0.000769803,
                    0.206267, 0.000231783, 0.184192, 0.000191324, 0.197603, 0.000123382, 0.198808, 0.000119152,
                    0.0712428, 0.00026802, 0.255834, 6.25701e-05, 0.208366, 6.60486e-05, 0.125962, 0.000103191,
                    0.127166, 8.49289e-05, 0.238911, 3.53928e-05, 0.134626, 5.42269e-05, 0.060401, 0.000118801,
                    0.00616401, 0.00109753),
            lines(0.00620291, 0.0633905, 0.00136622, 0.194576, 0.00782315, 0.0235413, 0.044528, 0.00180948,
                    0.000159973, 0.446606, 0.0531026, 0.000936766, 0.000303459, 0.0758875, 0.00947345, 0.00220287,
                    0.00154549, 0.0102732, 0.000716784, 0.0135035, 0.0616878, 0.000116604, 0.000281854, 0.0140702,
                    2.44606e-05, 0.157786),
            lines(0.208366, 0.11, 0.11295, 0.064, 0.321316, 0.00219, 0.249674, 0.00212, 0.071646, 0.00154,
                    0.136725, 0.00048),
            lines(0.0559237, 0.0285488, 0.0547191, 0.0163172, 0.0633831, 0.00587418, 0.0631238, 0.00303923,
                    0.00903751, 0.0117562, 0.00788959, 0.0127841, 0.0651063, 0.00132314, 0.0650467, 0.000683509,
                    1.94297e-05, 1.28087, 0.0105374, 0.00213882, 0.0654439, 0.00032004, 0.00934358, 0.00222157,
                    0.00783281, 0.00144873, 0.0654356, 0.000154461, 0.00163903, 0.00388609, 0.0069823, 0.000875531,
                    0.0638133, 7.84966e-05, 0.0637565, 6.16681e-05, 0.00818701, 0.000341356, 0.00933272, 0.000248019,
                    0.00914599, 0.000250033),
            ICRP107);

    /**
     * Y-90 (T1/2 64.10 h) to Zr-90: a pure beta emitter whose branches (2- to 0+) are
     * first-forbidden unique. The 0.0115 % branch feeds the 1760.7 keV 0+ level, whose E0 decay
     * (conversion electrons and internal pairs, 3e-5 per decay) is left out. ICRP-107: mean beta
     * energy 0.9267 MeV per decay.
     */
    public static final DecayData Y_90 = new DecayData("Y-90", 64.10, 40, 90,
            List.of(new BetaBranch(2.2801, 0.999885, BetaShape.FIRST_FORBIDDEN_UNIQUE),
                    new BetaBranch(0.5194, 0.000115, BetaShape.FIRST_FORBIDDEN_UNIQUE)),
            List.of(), List.of(), List.of(), List.of(), List.of(), ICRP107);

    /**
     * I-131 (T1/2 8.0252 d) to Xe-131. ICRP-107 per decay: betas 0.1819 MeV, electrons in all about
     * 0.192 MeV, photons about 0.381 MeV.
     */
    public static final DecayData I_131 = new DecayData("I-131", 8.0252 * 24, 54, 131,
            List.of(new BetaBranch(0.6063, 0.8960, BetaShape.ALLOWED),
                    new BetaBranch(0.3338, 0.0723, BetaShape.ALLOWED),
                    new BetaBranch(0.2479, 0.0208, BetaShape.ALLOWED),
                    new BetaBranch(0.3039, 0.00651, BetaShape.ALLOWED),
                    new BetaBranch(0.8069, 0.0039, BetaShape.FIRST_FORBIDDEN_UNIQUE)),
            List.of(),
            lines(0.045624, 0.0354, 0.074730, 0.0046, 0.079036, 0.0010, 0.249744, 0.00252, 0.278792, 0.00040,
                    0.329928, 0.0155, 0.358999, 0.00246, 0.363692, 0.00050, 0.602424, 0.000277),
            lines(0.0246, 0.0059, 0.00343, 0.051),
            lines(0.080185, 0.0262, 0.284305, 0.0612, 0.364490, 0.815, 0.636989, 0.0716, 0.722911, 0.0177,
                    0.325789, 0.00273, 0.503004, 0.00359, 0.177214, 0.00269, 0.642719, 0.00217, 0.272498, 0.000576,
                    0.404814, 0.000546, 0.163930, 0.000211),
            lines(0.029779, 0.0259, 0.029458, 0.0140, 0.03356, 0.0075, 0.03442, 0.0018, 0.00411, 0.0058),
            ICRP107);

    private static final Map<String, DecayData> BY_NAME = Map.of(
            LU_177.name(), LU_177, Y_90.name(), Y_90, I_131.name(), I_131);

    private BuiltInDecayData() {
    }

    /** The built-in data of a radionuclide, in any spelling {@link Radionuclides#byName} accepts ("177Lu", "lu-177"). */
    public static DecayData named(String name) throws DosimetryInputException {
        String canonical = Radionuclides.byName(name).name();
        DecayData d = BY_NAME.get(canonical);
        if (d == null) {
            throw new DosimetryInputException("no built-in decay data for " + canonical
                    + "; built in: Lu-177, Y-90, I-131 (others from an ICRP-107 JSON file)");
        }
        return d;
    }

    /** Lines from alternating energy (MeV) and yield values. */
    private static List<EmissionLine> lines(double... energyYield) {
        List<EmissionLine> out = new ArrayList<>();
        for (int i = 0; i < energyYield.length; i += 2) {
            out.add(new EmissionLine(energyYield[i], energyYield[i + 1]));
        }
        return List.copyOf(out);
    }
}
