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
 * A study manifest ({@code study.json}, format in docs/formats.md), parsed and checked:
 * every error names the manifest and the field. Paths are resolved against the manifest's folder
 * and must exist. An image is a path (a file, or a folder of one DICOM series) or, as
 * {@code import} writes it, {@code {"dicom_dir": "export", "series_uid": "1.2..."}}. Checks that
 * need the images (units in the SPECT file, SPECT and CT overlap) are made when the images are read.
 *
 * @param file               the manifest
 * @param radionuclide       decay data of the manifest's radionuclide
 * @param injectedActivityMBq the injected activity, NaN when not given
 * @param diagnosticCt       the CT on which organ masses are measured
 * @param diagnosticLabels   organ labels on the diagnostic CT; null when not given
 * @param timePoints         in increasing time order
 * @param importWarnings     the guesses {@code import} made writing the manifest ({@code import.warnings}),
 *                           carried into the results; empty for a manifest written by hand
 */
public record StudyManifest(Path file, Radionuclide radionuclide, double injectedActivityMBq, ImageLocation diagnosticCt,
                            Path diagnosticLabels, List<TimePoint> timePoints, List<String> importWarnings) {

    /**
     * One imaging session.
     *
     * @param hoursPostInjection time of the SPECT after injection
     * @param spect              quantitative SPECT
     * @param ct                 the session's (low-dose) CT
     * @param spectUnits         units of the SPECT voxels as the manifest gives them; null when not given
     * @param labels             organ labels on this session's CT; null when not given
     * @param calibration        what turns a SPECT in counts into activity; null unless its units are counts
     */
    public record TimePoint(double hoursPostInjection, ImageLocation spect, ImageLocation ct, String spectUnits, Path labels,
                            SpectCalibration calibration) {
    }

    private static final Set<String> TOP_FIELDS = Set.of("radionuclide", "injected_activity_MBq", "diagnostic_ct",
            "diagnostic_labels", "timepoints", "import");
    private static final Set<String> TIME_POINT_FIELDS = Set.of("hours", "spect", "ct", "spect_units", "labels",
            "calibration_cps_per_MBq", "acquisition_duration_s");
    private static final Set<String> DICOM_FIELDS = Set.of("dicom_dir", "series_uid");
    private static final Set<String> IMPORT_FIELDS = Set.of("reasons", "warnings");

    public StudyManifest {
        timePoints = List.copyOf(timePoints);
        importWarnings = List.copyOf(importWarnings);
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
        ImageLocation ct = p.image(root, "diagnostic_ct", "diagnostic_ct");
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
            if (units != null && !SpectUnits.isSupported(units) && !SpectUnits.isCounts(units)) {
                throw new DosimetryInputException(file + ": " + at + ".spect_units '" + units
                        + "' is not supported; use one of " + SpectUnits.supported() + ", or " + SpectUnits.COUNTS
                        + " with calibration_cps_per_MBq and acquisition_duration_s");
            }
            points.add(new TimePoint(hours, p.image(tp, "spect", at + ".spect"), p.image(tp, "ct", at + ".ct"), units,
                    p.existingPath(tp, "labels", at + ".labels", false), p.calibration(tp, units, at)));
        }
        return new StudyManifest(file, nuclide, injected, ct, labels, points, p.importWarnings(root));
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    /** The same study with other diagnostic labels (e.g. given on the command line). */
    public StudyManifest withDiagnosticLabels(Path labels) {
        return new StudyManifest(file, radionuclide, injectedActivityMBq, diagnosticCt, labels, timePoints, importWarnings);
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

        /** A path, or a DICOM folder and the series in it. */
        ImageLocation image(JsonNode parent, String name, String field) throws DosimetryInputException {
            JsonNode n = parent.get(name);
            if (n == null || !n.isObject()) {
                return ImageLocation.of(existingPath(parent, name, field, true));
            }
            knownFields(n, DICOM_FIELDS, field + ".");
            Path folder = existingPath(n, "dicom_dir", field + ".dicom_dir", true);
            if (!Files.isDirectory(folder)) {
                throw new DosimetryInputException(file + ": " + field + ".dicom_dir: not a folder: " + folder);
            }
            return new ImageLocation(folder, string(n, "series_uid", field + ".series_uid", true));
        }

        /** The calibration of a time point whose SPECT is in counts; refused for other units. */
        SpectCalibration calibration(JsonNode tp, String units, String at) throws DosimetryInputException {
            boolean counts = SpectUnits.isCounts(units);
            boolean given = tp.has("calibration_cps_per_MBq") || tp.has("acquisition_duration_s");
            if (!counts) {
                if (given) {
                    throw new DosimetryInputException(file + ": " + at + ": calibration_cps_per_MBq and acquisition_duration_s"
                            + " apply only to spect_units " + SpectUnits.COUNTS);
                }
                return null;
            }
            return new SpectCalibration(positiveNumber(tp.get("calibration_cps_per_MBq"), at + ".calibration_cps_per_MBq"),
                    positiveNumber(tp.get("acquisition_duration_s"), at + ".acquisition_duration_s"));
        }

        /** import.warnings; import.reasons are for the reader and only checked for shape. */
        List<String> importWarnings(JsonNode root) throws DosimetryInputException {
            JsonNode n = root.get("import");
            if (n == null) {
                return List.of();
            }
            if (!n.isObject()) {
                throw new DosimetryInputException(file + ": import must be an object");
            }
            knownFields(n, IMPORT_FIELDS, "import.");
            strings(n, "reasons");
            return strings(n, "warnings");
        }

        private List<String> strings(JsonNode parent, String name) throws DosimetryInputException {
            JsonNode n = parent.get(name);
            List<String> out = new ArrayList<>();
            if (n == null) {
                return out;
            }
            if (!n.isArray()) {
                throw new DosimetryInputException(file + ": import." + name + " must be an array of strings");
            }
            for (JsonNode item : n) {
                if (!item.isTextual()) {
                    throw new DosimetryInputException(file + ": import." + name + " must be an array of strings");
                }
                out.add(item.asText());
            }
            return out;
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
