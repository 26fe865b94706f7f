package org.organdose.dosimetry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A study manifest ({@code study.json}, format in DESIGN.md "Contracts"), parsed and checked:
 * every error names the manifest and the field. Paths are resolved against the manifest's folder
 * and must exist. Checks that need the images (units in the SPECT file, SPECT and CT overlap) are
 * made when the images are read.
 *
 * @param file               the manifest
 * @param radionuclide       decay data of the manifest's radionuclide
 * @param injectedActivityMBq the injected activity, NaN when not given
 * @param diagnosticCt       the CT on which organ masses are measured
 * @param diagnosticLabels   organ labels on the diagnostic CT; null when not given
 * @param timePoints         in increasing time order
 */
public record StudyManifest(Path file, Radionuclide radionuclide, double injectedActivityMBq, Path diagnosticCt,
                            Path diagnosticLabels, List<TimePoint> timePoints) {

    /**
     * One imaging session.
     *
     * @param hoursPostInjection time of the SPECT after injection
     * @param spect              quantitative SPECT
     * @param ct                 the session's (low-dose) CT
     * @param spectUnits         units of the SPECT voxels as the manifest gives them; null when not given
     * @param labels             organ labels on this session's CT; null when not given
     */
    public record TimePoint(double hoursPostInjection, Path spect, Path ct, String spectUnits, Path labels) {
    }

    private static final Set<String> TOP_FIELDS = Set.of("radionuclide", "injected_activity_MBq", "diagnostic_ct",
            "diagnostic_labels", "timepoints");
    private static final Set<String> TIME_POINT_FIELDS = Set.of("hours", "spect", "ct", "spect_units", "labels");

    public StudyManifest {
        timePoints = List.copyOf(timePoints);
    }

    /** Reads and checks a manifest. */
    public static StudyManifest read(Path file) throws DosimetryInputException {
        if (Files.isDirectory(file)) {
            throw new DosimetryInputException(file + ": is a folder, not a study manifest (a .json file)");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new DosimetryInputException(file + ": not valid JSON: "
                    + e.getOriginalMessage().lines().findFirst().orElse("") + locationOf(e));
        } catch (NoSuchFileException e) {
            throw new DosimetryInputException(file + ": file not found");
        } catch (IOException e) {
            throw new DosimetryInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new DosimetryInputException(file + ": must hold a JSON object");
        }
        Parser p = new Parser(file);
        p.knownFields(root, TOP_FIELDS, "");
        Radionuclide nuclide;
        try {
            nuclide = Radionuclides.byName(p.string(root, "radionuclide", "radionuclide", true));
        } catch (DosimetryInputException e) {
            throw new DosimetryInputException(file + ": radionuclide: " + e.getMessage());
        }
        double injected = Double.NaN;
        if (root.has("injected_activity_MBq")) {
            injected = p.positiveNumber(root.get("injected_activity_MBq"), "injected_activity_MBq");
        }
        Path ct = p.existingPath(root, "diagnostic_ct", "diagnostic_ct", true);
        Path labels = p.existingPath(root, "diagnostic_labels", "diagnostic_labels", false);
        JsonNode tps = root.get("timepoints");
        if (tps == null || !tps.isArray() || tps.isEmpty()) {
            throw new DosimetryInputException(file + ": timepoints must be a non-empty array");
        }
        List<TimePoint> points = new ArrayList<>();
        for (int i = 0; i < tps.size(); i++) {
            JsonNode tp = tps.get(i);
            String at = "timepoints[" + i + "]";
            if (!tp.isObject()) {
                throw new DosimetryInputException(file + ": " + at + " must be an object");
            }
            p.knownFields(tp, TIME_POINT_FIELDS, at + ".");
            double hours = p.positiveNumber(tp.get("hours"), at + ".hours");
            if (i > 0 && !(hours > points.get(i - 1).hoursPostInjection())) {
                throw new DosimetryInputException(String.format(Locale.ROOT,
                        "%s: %s.hours must be greater than timepoints[%d].hours (%s <= %s)", file, at, i - 1,
                        number(hours), number(points.get(i - 1).hoursPostInjection())));
            }
            String units = p.string(tp, "spect_units", at + ".spect_units", false);
            if (units != null && !SpectUnits.isSupported(units)) {
                throw new DosimetryInputException(file + ": " + at + ".spect_units '" + units
                        + "' is not supported; use one of " + SpectUnits.supported());
            }
            points.add(new TimePoint(hours, p.existingPath(tp, "spect", at + ".spect", true),
                    p.existingPath(tp, "ct", at + ".ct", true), units, p.existingPath(tp, "labels", at + ".labels", false)));
        }
        return new StudyManifest(file, nuclide, injected, ct, labels, points);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    /** The same study with other diagnostic labels (e.g. given on the command line). */
    public StudyManifest withDiagnosticLabels(Path labels) {
        return new StudyManifest(file, radionuclide, injectedActivityMBq, diagnosticCt, labels, timePoints);
    }

    /** The times of the time points, hours p.i. */
    public double[] hours() {
        return timePoints.stream().mapToDouble(TimePoint::hoursPostInjection).toArray();
    }

    /** Field readers that name the manifest and the field in their errors. */
    private record Parser(Path file) {
        void knownFields(JsonNode node, Set<String> known, String prefix) throws DosimetryInputException {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!known.contains(name)) {
                    throw new DosimetryInputException(file + ": unknown field " + prefix + name + " (known: "
                            + String.join(", ", known.stream().sorted().toList()) + ")");
                }
            }
        }

        String string(JsonNode parent, String name, String field, boolean required) throws DosimetryInputException {
            JsonNode n = parent.get(name);
            if (n == null || n.isNull()) {
                if (required) {
                    throw new DosimetryInputException(file + ": " + field + " is missing");
                }
                return null;
            }
            if (!n.isTextual() || n.asText().isBlank()) {
                throw new DosimetryInputException(file + ": " + field + " must be a non-empty string");
            }
            return n.asText();
        }

        double positiveNumber(JsonNode n, String field) throws DosimetryInputException {
            if (n == null || n.isNull()) {
                throw new DosimetryInputException(file + ": " + field + " is missing");
            }
            if (!n.isNumber() || !Double.isFinite(n.asDouble())) {
                throw new DosimetryInputException(file + ": " + field + " must be a number");
            }
            if (!(n.asDouble() > 0)) {
                throw new DosimetryInputException(file + ": " + field + " must be positive, got " + n.asText());
            }
            return n.asDouble();
        }

        Path existingPath(JsonNode parent, String name, String field, boolean required) throws DosimetryInputException {
            String s = string(parent, name, field, required);
            if (s == null) {
                return null;
            }
            Path base = file.toAbsolutePath().getParent();
            Path p = base.resolve(s).normalize();
            if (!Files.exists(p)) {
                throw new DosimetryInputException(file + ": " + field + ": file not found: " + p);
            }
            return p;
        }
    }
}
