package org.organdose.dosimetry;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.organdose.dosimetry.kernel.BuiltInDecayData;
import org.organdose.dosimetry.kernel.DecayData;

/**
 * The radionuclides OrganDose knows, summarised from their built-in ICRP Publication 107 decay
 * data ({@link BuiltInDecayData}, the one home of those numbers): half-life, mean electron
 * energy per decay (the beta spectrum from Fermi theory plus conversion and Auger lines) and the
 * gamma lines of at least 0.1 % yield.
 */
public final class Radionuclides {
    /** Lu-177: electrons 0.1480 MeV per decay (ICRP-107 record: 0.14792). */
    public static final Radionuclide LU_177 = summarise(BuiltInDecayData.LU_177);

    /** Y-90: a pure beta emitter, 0.9336 MeV per decay (ICRP-107: 0.9267; the first-forbidden unique shape gives 0.7 % more). */
    public static final Radionuclide Y_90 = summarise(BuiltInDecayData.Y_90);

    /** I-131: electrons 0.1911 MeV per decay (ICRP-107: about 0.192). */
    public static final Radionuclide I_131 = summarise(BuiltInDecayData.I_131);

    private static final Map<String, Radionuclide> BY_KEY = new TreeMap<>();

    static {
        for (Radionuclide r : List.of(LU_177, Y_90, I_131)) {
            BY_KEY.put(key(r.name()), r);
        }
    }

    private Radionuclides() {
    }

    private static Radionuclide summarise(DecayData d) {
        List<Radionuclide.PhotonLine> gammas = d.gammaRays().stream().filter(l -> l.yieldPerDecay() >= 1e-3)
                .map(l -> new Radionuclide.PhotonLine(l.energyMeV() * 1000, l.yieldPerDecay())).toList();
        return new Radionuclide(d.name(), d.halfLifeHours(), d.electronEnergyMeV(), gammas, d.source());
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
