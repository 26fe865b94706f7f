package org.organdose.dosimetry.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.organdose.dosimetry.DosimetryInputException;

/**
 * Reads one radionuclide's ICRP Publication 107 record in the JSON layout of the
 * OpenGATE/icrp107-database (the object itself, or a JSON string holding it): {@code name},
 * {@code half_life} with {@code time_unit}, and {@code emissions} with lists of [energy MeV, yield]
 * for {@code beta-} (mean energies), {@code IE} (conversion electrons), {@code auger}, {@code gamma}
 * and {@code X}, and optionally {@code b-spectra}, the summed beta spectrum as [energy MeV,
 * density per MeV]. Branch endpoints, which the record does not give, follow from the mean
 * energies for allowed shapes; the tabulated spectrum, when present, is what the kernel uses.
 */
public final class IcrpDecayDataReader {
    private static final Pattern NAME = Pattern.compile("([A-Z][a-z]?)-?(\\d+)([a-z]*)");
    private static final String[] ELEMENTS = ("H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn "
            + "Ga Ge As Se Br Kr Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy "
            + "Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm").split(" ");
    /** Emission kinds the kernel physics cannot transport: their presence is refused, not ignored. */
    private static final String[] UNSUPPORTED = {"alpha", "beta+", "annihilation", "neutron", "fission"};

    private IcrpDecayDataReader() {
    }

    public static DecayData read(Path file) throws DosimetryInputException {
        JsonNode root;
        try {
            ObjectMapper mapper = new ObjectMapper();
            root = mapper.readTree(Files.readString(file));
            if (root != null && root.isTextual()) {
                root = mapper.readTree(root.asText());
            }
        } catch (IOException e) {
            throw new DosimetryInputException(file + ": not readable as ICRP-107 JSON decay data: " + firstLine(e.getMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw new DosimetryInputException(file + ": not an ICRP-107 JSON record (expected an object with name, half_life, emissions)");
        }
        String name = text(file, root, "name");
        Matcher m = NAME.matcher(name);
        int z = m.matches() ? atomicNumber(m.group(1)) : -1;
        if (z < 0) {
            throw new DosimetryInputException(file + ": radionuclide name '" + name + "' is not of the form Lu-177");
        }
        int massNumber = Integer.parseInt(m.group(2));
        double halfLifeHours = number(file, root, "half_life") * hoursPer(file, text(file, root, "time_unit"));
        JsonNode emissions = root.get("emissions");
        if (emissions == null || !emissions.isObject()) {
            throw new DosimetryInputException(file + ": no 'emissions' object");
        }
        for (String kind : UNSUPPORTED) {
            for (EmissionLine l : lines(file, emissions, kind)) {
                if (l.yieldPerDecay() > 0) {
                    throw new DosimetryInputException(file + ": " + name + " emits '" + kind
                            + "', which the kernel physics (electrons and photons) does not transport");
                }
            }
        }
        int daughterZ = z + 1;
        List<BetaBranch> branches = new ArrayList<>();
        for (EmissionLine mean : lines(file, emissions, "beta-")) {
            double endpoint = BetaSpectrum.endpointForMeanMeV(mean.energyMeV(), daughterZ, massNumber);
            branches.add(new BetaBranch(endpoint, mean.yieldPerDecay(), BetaShape.ALLOWED));
        }
        List<SpectrumPoint> spectrum = new ArrayList<>();
        for (double[] p : pairs(file, emissions, "b-spectra", true)) {
            spectrum.add(new SpectrumPoint(p[0], p[1]));
        }
        String source = "ICRP Publication 107 record " + file.getFileName();
        try {
            return new DecayData(name, halfLifeHours, daughterZ, massNumber, branches, spectrum,
                    lines(file, emissions, "IE"), lines(file, emissions, "auger"),
                    lines(file, emissions, "gamma"), lines(file, emissions, "X"), source);
        } catch (IllegalArgumentException e) {
            throw new DosimetryInputException(file + ": " + e.getMessage());
        }
    }

    private static List<EmissionLine> lines(Path file, JsonNode emissions, String kind) throws DosimetryInputException {
        List<EmissionLine> out = new ArrayList<>();
        for (double[] p : pairs(file, emissions, kind, false)) {
            out.add(new EmissionLine(p[0], p[1]));
        }
        return out;
    }

    /** [energy, value] pairs; a spectrum may start at energy 0, a line may not. */
    private static List<double[]> pairs(Path file, JsonNode emissions, String kind, boolean spectrum) throws DosimetryInputException {
        JsonNode list = emissions.get(kind);
        List<double[]> out = new ArrayList<>();
        if (list == null || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            throw new DosimetryInputException(file + ": emissions." + kind + " must be a list of [energy MeV, yield]");
        }
        double previous = -1;
        for (int i = 0; i < list.size(); i++) {
            JsonNode pair = list.get(i);
            if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isNumber() || !pair.get(1).isNumber()) {
                throw new DosimetryInputException(String.format(Locale.ROOT,
                        "%s: emissions.%s[%d] must be [energy MeV, yield], got %s", file, kind, i, pair));
            }
            double e = pair.get(0).asDouble();
            double y = pair.get(1).asDouble();
            boolean bad = !(y >= 0) || Double.isInfinite(y) || Double.isInfinite(e)
                    || (spectrum ? !(e >= 0) || !(e > previous) : !(e > 0));
            if (bad) {
                throw new DosimetryInputException(String.format(Locale.ROOT, "%s: emissions.%s[%d] = [%s, %s]: %s", file, kind, i,
                        e, y, spectrum ? "energies must rise from >= 0 and densities be >= 0" : "energy must be > 0 and yield >= 0"));
            }
            previous = e;
            out.add(new double[] {e, y});
        }
        return out;
    }

    private static String text(Path file, JsonNode node, String field) throws DosimetryInputException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new DosimetryInputException(file + ": missing text field '" + field + "'");
        }
        return v.asText();
    }

    private static double number(Path file, JsonNode node, String field) throws DosimetryInputException {
        JsonNode v = node.get(field);
        if (v == null || !v.isNumber() || !(v.asDouble() > 0)) {
            throw new DosimetryInputException(file + ": '" + field + "' must be a number > 0");
        }
        return v.asDouble();
    }

    private static double hoursPer(Path file, String unit) throws DosimetryInputException {
        return switch (unit) {
            case "y" -> 365.25 * 24;
            case "d" -> 24;
            case "h" -> 1;
            case "m" -> 1.0 / 60;
            case "s" -> 1.0 / 3600;
            case "ms" -> 1e-3 / 3600;
            case "us" -> 1e-6 / 3600;
            default -> throw new DosimetryInputException(file + ": unknown time_unit '" + unit + "' (y, d, h, m, s, ms, us)");
        };
    }

    private static int atomicNumber(String symbol) {
        for (int i = 0; i < ELEMENTS.length; i++) {
            if (ELEMENTS[i].equals(symbol)) {
                return i + 1;
            }
        }
        return -1;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
