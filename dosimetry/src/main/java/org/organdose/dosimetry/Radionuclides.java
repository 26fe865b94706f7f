package org.organdose.dosimetry;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The radionuclides OrganDose knows, with their ICRP Publication 107 decay data (Eckerman and
 * Endo 2008) hard-coded so that results never depend on a data file found at run time. Lu-177
 * was summed here from the ICRP-107 record itself; the Y-90 and I-131 figures are the commonly
 * quoted ICRP-107 summary values, not recomputed from the record.
 */
public final class Radionuclides {
    private static final String ICRP107 = "ICRP Publication 107 (2008) nuclear decay data";

    /**
     * Lu-177 from the ICRP-107 record (OpenGATE/icrp107-database): T1/2 = 6.647 d; electrons per
     * decay: beta 0.13327 MeV + internal conversion 0.01352 MeV + Auger 0.00113 MeV = 0.14792 MeV.
     * Photon lines above 0.1 % yield.
     */
    public static final Radionuclide LU_177 = new Radionuclide("Lu-177", 6.647 * 24, 0.147923,
            List.of(new Radionuclide.PhotonLine(71.646, 0.00154),
                    new Radionuclide.PhotonLine(112.950, 0.064),
                    new Radionuclide.PhotonLine(208.366, 0.110),
                    new Radionuclide.PhotonLine(249.674, 0.00212),
                    new Radionuclide.PhotonLine(321.316, 0.00219)),
            ICRP107);

    /** Y-90: T1/2 = 64.10 h; a pure beta emitter, mean beta energy 0.9327 MeV, no gamma line worth listing. */
    public static final Radionuclide Y_90 = new Radionuclide("Y-90", 64.10, 0.9327, List.of(), ICRP107);

    /**
     * I-131: T1/2 = 8.0252 d; electrons per decay 0.1920 MeV (beta 0.1819 MeV + conversion and
     * Auger electrons 0.0101 MeV); main gamma lines.
     */
    public static final Radionuclide I_131 = new Radionuclide("I-131", 8.0252 * 24, 0.1920,
            List.of(new Radionuclide.PhotonLine(80.185, 0.0262),
                    new Radionuclide.PhotonLine(284.305, 0.0612),
                    new Radionuclide.PhotonLine(364.490, 0.815),
                    new Radionuclide.PhotonLine(636.989, 0.0716),
                    new Radionuclide.PhotonLine(722.911, 0.0177)),
            ICRP107);

    private static final Map<String, Radionuclide> BY_KEY = new TreeMap<>();

    static {
        for (Radionuclide r : List.of(LU_177, Y_90, I_131)) {
            BY_KEY.put(key(r.name()), r);
        }
    }

    private Radionuclides() {
    }

    /** Every radionuclide known, in name order. */
    public static List<Radionuclide> all() {
        return List.copyOf(BY_KEY.values());
    }

    /** Spellings such as "Lu-177", "lu177", "177Lu" and "Lu 177" are all accepted. */
    public static Radionuclide byName(String name) throws DosimetryInputException {
        Radionuclide r = name == null ? null : BY_KEY.get(key(name));
        if (r == null) {
            throw new DosimetryInputException("unknown radionuclide '" + name + "'; known: "
                    + String.join(", ", BY_KEY.values().stream().map(Radionuclide::name).toList()));
        }
        return r;
    }

    /** Element letters then mass number, lower case, so that "177Lu" and "Lu-177" meet. */
    private static String key(String name) {
        String compact = name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
        String letters = compact.replaceAll("[0-9]", "");
        String digits = compact.replaceAll("[a-z]", "");
        return letters + digits;
    }
}
