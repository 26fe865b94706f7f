package org.organdose.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.organdose.dosimetry.DosimetryResults;
import org.organdose.dosimetry.MaskSource;
import org.organdose.dosimetry.OrganMasker;
import org.organdose.dosimetry.Study;
import org.organdose.image.io.ImageIoException;
import org.organdose.image.io.dicom.DicomSegWriter;
import org.organdose.image.io.dicom.RtDoseWriter;

/**
 * The results as DICOM for the user's own systems, in {@code DIR/dicom/}: {@code seg.dcm}, the
 * organ masks on the diagnostic CT as a DICOM Segmentation, and {@code rtdose.dcm}, the dose map
 * in Gy as an RT Dose, both in the diagnostic CT's patient, study and frame of reference (new
 * ones, with a warning, when the CT was not DICOM).
 */
final class DicomResultsExport {
    static final String DICOM_DIR = "dicom";
    static final String SEG = "seg.dcm";
    static final String RT_DOSE = "rtdose.dcm";

    private DicomResultsExport() {
    }

    /** Writes both objects; returns their warnings, each prefixed with the file it concerns. */
    static List<String> write(DosimetryResults results, Path outDir) throws ImageIoException {
        Study study = results.study();
        Path dir = outDir.resolve(DICOM_DIR);
        OrganMasker.Masks masks = study.diagnosticMasks();
        // masks drawn by a person are MANUAL segments; the network's are AUTOMATIC, named by their model
        String algorithm = masks.source().kind() == MaskSource.Kind.MODEL ? "OrganDose " + masks.source().model() : null;
        List<String> warnings = new ArrayList<>();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ImageIoException(dir, "cannot create the folder: " + e.getMessage(), e);
        }
        for (String w : DicomSegWriter.write(masks.labels(), study.diagnosticCtIdentity(), algorithm, dir.resolve(SEG))) {
            warnings.add(DICOM_DIR + "/" + SEG + ": " + w);
        }
        for (String w : RtDoseWriter.write(results.doseGy(), study.diagnosticCtIdentity(), dir.resolve(RT_DOSE))) {
            warnings.add(DICOM_DIR + "/" + RT_DOSE + ": " + w);
        }
        return warnings;
    }
}
