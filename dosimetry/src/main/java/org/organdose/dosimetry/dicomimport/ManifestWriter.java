package org.organdose.dosimetry.dicomimport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.organdose.dosimetry.DosimetryInputException;
import org.organdose.image.io.AtomicFileOutput;
import org.organdose.image.io.ImageIoException;

/**
 * Writes an {@link ImportedStudy} as a study manifest (format in docs/formats.md), each image as
 * {@code {"dicom_dir": ..., "series_uid": ...}} with the folder relative to the manifest, and the
 * import's reasons and warnings under {@code "import"}.
 */
public final class ManifestWriter {
    /** Hours are written to the second: finer than any acquisition's duration. */
    private static final double HOURS_RESOLUTION = 3600;

    private ManifestWriter() {
    }

    public static void write(ImportedStudy study, Path manifest) throws DosimetryInputException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = json(mapper, study, manifest);
        try {
            AtomicFileOutput.write(manifest, out -> mapper.writerWithDefaultPrettyPrinter().writeValue(out, root));
        } catch (ImageIoException e) {
            throw new DosimetryInputException(e.getMessage(), e);
        }
    }

    static ObjectNode json(ObjectMapper mapper, ImportedStudy study, Path manifest) {
        String folder = relativeFolder(study.export().folder(), manifest);
        ObjectNode root = mapper.createObjectNode();
        root.put("radionuclide", study.radionuclide().name());
        if (!Double.isNaN(study.injectedActivityMBq())) {
            root.put("injected_activity_MBq", study.injectedActivityMBq());
        }
        root.set("diagnostic_ct", series(mapper, folder, study.diagnosticCt()));
        ArrayNode tps = root.putArray("timepoints");
        for (ImportedSession s : study.sessions()) {
            ObjectNode tp = tps.addObject();
            tp.put("hours", Math.round(s.hoursPostInjection() * HOURS_RESOLUTION) / HOURS_RESOLUTION);
            tp.set("spect", series(mapper, folder, s.spect()));
            tp.set("ct", series(mapper, folder, s.ct()));
            tp.put("spect_units", s.spectUnits());
            if (s.calibration() != null) {
                tp.put("calibration_cps_per_MBq", s.calibration().cpsPerMBq());
                tp.put("acquisition_duration_s", s.calibration().acquisitionDurationS());
            }
        }
        ObjectNode imported = root.putObject("import");
        study.reasons().forEach(imported.putArray("reasons")::add);
        study.warnings().forEach(imported.putArray("warnings")::add);
        return root;
    }

    private static ObjectNode series(ObjectMapper mapper, String folder, ImportedSeries s) {
        ObjectNode n = mapper.createObjectNode();
        n.put("dicom_dir", folder);
        n.put("series_uid", s.seriesUid());
        return n;
    }

    /** The export folder as the manifest names it: relative to the manifest's folder, absolute where no relative path exists. */
    private static String relativeFolder(Path folder, Path manifest) {
        Path from = manifest.toAbsolutePath().normalize().getParent();
        Path to = folder.toAbsolutePath().normalize();
        if (from == null || !from.getRoot().equals(to.getRoot())) {
            return to.toString();
        }
        String relative = from.relativize(to).toString();
        return relative.isEmpty() ? "." : relative;
    }
}
