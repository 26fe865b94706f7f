package org.organdose.image.io.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.Geometry;
import org.organdose.image.PythonOracle;
import org.organdose.image.Volume;
import org.organdose.image.io.MedicalImage;

/** The RT Dose is checked by dciodvfy and read back by pydicom, against the dose map written. */
class RtDoseWriterTest {
    @TempDir
    Path dir;

    /** A smooth dose with a hot spot, on a grid of its own (coarser than the CT, shifted), in the CT's frame. */
    static Volume dose() {
        Geometry g = Geometry.axisAligned(17, 13, 9, new double[] {3.1, 2.9, 3.3}, new double[] {-101.5, -82.25, 28.5});
        Volume v = new Volume(g);
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    double r2 = (i - 8.2) * (i - 8.2) + (j - 5.5) * (j - 5.5) + (k - 4.1) * (k - 4.1);
                    v.set(i, j, k, (float) (37.5 * Math.exp(-r2 / 18) + 0.01 * i));
                }
            }
        }
        return v;
    }

    @Test
    void dciodvfyFindsNoErrorsAndPydicomReadsTheDose() throws Exception {
        MedicalImage ct = DerivedObjectFixture.ct(dir.resolve("ct"));
        Volume dose = dose();
        Path file = dir.resolve("rtdose.dcm");
        List<String> warnings = RtDoseWriter.write(dose, ct.metadata().dicomIdentity(), file);
        assertThat(warnings).isEmpty();
        List<String> report = Dciodvfy.check(file);
        System.out.println("dciodvfy rtdose.dcm:\n" + String.join("\n", report));
        assertThat(Dciodvfy.errors(report)).isEmpty();

        String python = PythonOracle.interpreterWith("pydicom");
        Path values = dir.resolve("dose.f64");
        String out = PythonOracle.run(python, """
                import sys, pydicom, numpy as np
                d = pydicom.dcmread(sys.argv[1])
                gy = d.pixel_array.astype(np.float64) * float(d.DoseGridScaling)
                gy.astype('<f8').tofile(sys.argv[2])
                print(d.DoseUnits, d.DoseType, d.DoseSummationType, d.FrameOfReferenceUID, d.PatientID, d.StudyInstanceUID)
                print(gy.shape, [float(v) for v in d.ImagePositionPatient], [float(v) for v in d.PixelSpacing],
                      [float(v) for v in d.GridFrameOffsetVector][:3])
                """, file.toString(), values.toString());
        String[] lines = out.trim().split("\n");
        assertThat(lines[0]).isEqualTo("GY PHYSICAL PLAN_OVERVIEW " + DerivedObjectFixture.FRAME_OF_REFERENCE + " "
                + DerivedObjectFixture.PATIENT_ID + " " + DerivedObjectFixture.STUDY);
        assertThat(lines[1]).isEqualTo("(9, 13, 17) [-101.5, -82.25, 28.5] [2.9, 3.1] [0.0, 3.3, 6.6]");
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(values)).order(ByteOrder.LITTLE_ENDIAN);
        // 16-bit pixels: every dose within half a step of 1/65000 of the maximum, so doses above 1% of it within 1e-3
        double max = 0;
        for (float e : dose.voxels()) {
            max = Math.max(max, e);
        }
        for (float e : dose.voxels()) {
            double error = Math.abs(b.getDouble() - e);
            assertThat(error).isLessThanOrEqualTo(0.5 * max / 65000 + 1e-6 * e);
            if (e > 0.01 * max) {
                assertThat(error).isLessThanOrEqualTo(1e-3 * e);
            }
        }
    }

    @Test
    void negativeDosesAreWrittenAsZeroWithAWarning() throws Exception {
        Volume dose = dose();
        dose.set(0, 0, 0, -0.02f);
        List<String> warnings = RtDoseWriter.write(dose, DicomIdentity.generated(), dir.resolve("rtdose.dcm"));
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).isEqualTo(DicomIdentity.GENERATED_WARNING);
        assertThat(warnings.get(1)).contains("negative values down to -0.0200 Gy");
    }
}
