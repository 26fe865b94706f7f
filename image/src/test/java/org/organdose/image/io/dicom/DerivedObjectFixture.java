package org.organdose.image.io.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;
import org.organdose.image.io.MedicalImage;
import org.organdose.image.io.ReadOptions;
import org.organdose.image.io.dicom.DicomTestWriter.Dataset;
import org.organdose.image.io.dicom.DicomTestWriter.Options;

/**
 * A small synthetic CT series with full patient, study and frame of reference identity, and organ
 * labels on its grid (spheres, one with a hole), for the tests of the objects derived from it.
 */
final class DerivedObjectFixture {
    static final int COLUMNS = 40;
    static final int ROWS = 36;
    static final int SLICES = 14;
    static final String SERIES = "1.2.826.0.1.3680043.9.7777.2";
    static final String STUDY = "1.2.826.0.1.3680043.9.7777.1";
    static final String FRAME_OF_REFERENCE = "1.2.826.0.1.3680043.9.7777.3";
    static final String PATIENT_NAME = "Doe^Jane";
    static final String PATIENT_ID = "OD-0042";

    private DerivedObjectFixture() {
    }

    /** Writes the series into {@code folder} and reads it back with the reader under test. */
    static MedicalImage ct(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (int k = 0; k < SLICES; k++) {
            short[] pixels = new short[ROWS * COLUMNS];
            Dataset slice = SyntheticDicom.ctSlice(SERIES, k + 1, ROWS, COLUMNS, SyntheticDicom.AXIAL,
                            new double[] {-100.25, -80.5, 30 + 2.5 * k}, 1.25, 1.5, pixels)
                    .text(DicomTags.STUDY_INSTANCE_UID, Vr.UI, STUDY)
                    .text(DicomTags.FRAME_OF_REFERENCE_UID, Vr.UI, FRAME_OF_REFERENCE)
                    .text(DicomTags.PATIENT_NAME, Vr.PN, PATIENT_NAME)
                    .text(DicomTags.PATIENT_ID, Vr.LO, PATIENT_ID)
                    .text(DicomTags.PATIENT_BIRTH_DATE, Vr.DA, "19600101")
                    .text(DicomTags.PATIENT_SEX, Vr.CS, "F")
                    .text(DicomTags.STUDY_DATE, Vr.DA, "20261201")
                    .text(DicomTags.STUDY_TIME, Vr.TM, "101500")
                    .text(DicomTags.STUDY_ID, Vr.SH, "7")
                    .text(DicomTags.ACCESSION_NUMBER, Vr.SH, "A1")
                    .text(DicomTags.REFERRING_PHYSICIAN_NAME, Vr.PN, "");
            DicomTestWriter.write(folder.resolve("slice" + k + ".dcm"), slice, Options.of(TransferSyntax.EXPLICIT_LITTLE));
        }
        return DicomReader.read(folder, ReadOptions.defaults());
    }

    /** Liver: a sphere with a spherical hole; right kidney: a small sphere; spleen: a sphere touching the edge. */
    static LabelMap organs(Geometry g) {
        LabelMap labels = new LabelMap(g);
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    double[] p = g.indexToWorld(i, j, k);
                    if (within(p, -80, -60, 47, 14) && !within(p, -80, -60, 47, 5)) {
                        labels.set(i, j, k, Organ.LIVER.label());
                    } else if (within(p, -60, -45, 40, 6)) {
                        labels.set(i, j, k, Organ.KIDNEY_RIGHT.label());
                    } else if (within(p, -50, -80, 55, 9)) {
                        labels.set(i, j, k, Organ.SPLEEN.label());
                    }
                }
            }
        }
        return labels;
    }

    private static boolean within(double[] p, double x, double y, double z, double radius) {
        double dx = p[0] - x;
        double dy = p[1] - y;
        double dz = p[2] - z;
        return dx * dx + dy * dy + dz * dz <= radius * radius;
    }
}
