package org.organdose.image.io.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;
import org.organdose.image.PythonOracle;
import org.organdose.image.io.ImageFiles;
import org.organdose.image.io.ImageIoException;
import org.organdose.image.io.MedicalImage;

/** The SEG is checked by dciodvfy and decoded by pydicom and numpy, independently of our code, against the label map. */
class DicomSegWriterTest {
    @TempDir
    Path dir;

    @Test
    void dciodvfyFindsNoErrorsAndPydicomDecodesTheLabelMap() throws Exception {
        MedicalImage ct = DerivedObjectFixture.ct(dir.resolve("ct"));
        LabelMap labels = DerivedObjectFixture.organs(ct.volume().geometry());
        assertThat(labels.count(Organ.LIVER.label())).isPositive();
        assertThat(labels.count(Organ.KIDNEY_LEFT.label())).isZero();
        Path seg = dir.resolve("seg.dcm");
        List<String> warnings = DicomSegWriter.write(labels, ct.metadata().dicomIdentity(), "OrganDose test", seg);
        assertThat(warnings).isEmpty();
        List<String> report = Dciodvfy.check(seg);
        System.out.println("dciodvfy seg.dcm:\n" + String.join("\n", report));
        assertThat(Dciodvfy.errors(report)).isEmpty();

        String python = PythonOracle.interpreterWith("pydicom");
        Path decoded = dir.resolve("labels.u8");
        String out = PythonOracle.run(python, """
                import sys, pydicom, numpy as np
                d = pydicom.dcmread(sys.argv[1])
                frames = d.pixel_array.reshape(int(d.NumberOfFrames), d.Rows, d.Columns)
                labels = np.zeros((len(frames) // len(d.SegmentSequence), d.Rows, d.Columns), np.uint8)
                organ = {'10200004': 1, '9846003': 2, '18639004': 3, '78961009': 4}
                number = {s.SegmentNumber: organ[s.SegmentedPropertyTypeCodeSequence[0].CodeValue] for s in d.SegmentSequence}
                z0 = float(d.PerFrameFunctionalGroupsSequence[0].PlanePositionSequence[0].ImagePositionPatient[2])
                step = float(d.SharedFunctionalGroupsSequence[0].PixelMeasuresSequence[0].SpacingBetweenSlices)
                for f, item in zip(frames, d.PerFrameFunctionalGroupsSequence):
                    k = round((float(item.PlanePositionSequence[0].ImagePositionPatient[2]) - z0) / step)
                    labels[k][f == 1] = number[item.SegmentIdentificationSequence[0].ReferencedSegmentNumber]
                labels.tofile(sys.argv[2])
                src = d.PerFrameFunctionalGroupsSequence[3].DerivationImageSequence[0].SourceImageSequence[0]
                print(d.PatientName, d.PatientID, d.StudyInstanceUID, d.FrameOfReferenceUID,
                      d.ReferencedSeriesSequence[0].SeriesInstanceUID, src.ReferencedSOPInstanceUID,
                      [s.SegmentLabel for s in d.SegmentSequence])
                """, seg.toString(), decoded.toString());
        assertThat(out.trim()).isEqualTo(DerivedObjectFixture.PATIENT_NAME + " " + DerivedObjectFixture.PATIENT_ID + " "
                + DerivedObjectFixture.STUDY + " " + DerivedObjectFixture.FRAME_OF_REFERENCE + " " + DerivedObjectFixture.SERIES
                + " " + DerivedObjectFixture.SERIES + ".4 ['liver', 'kidney_right', 'spleen']");
        assertThat(Files.readAllBytes(decoded)).isEqualTo(labels.labels());
    }

    @Test
    void ourReaderGetsTheLabelMapBackVoxelForVoxelOnTheCtGrid() throws Exception {
        MedicalImage ct = DerivedObjectFixture.ct(dir.resolve("ct"));
        LabelMap labels = DerivedObjectFixture.organs(ct.volume().geometry());
        Path seg = dir.resolve("labels.dcm");
        DicomSegWriter.write(labels, ct.metadata().dicomIdentity(), "OrganDose test", seg);
        LabelMap back = ImageFiles.readLabels(seg);
        assertThat(back.geometry().sameGrid(labels.geometry(), 1e-4)).isTrue();
        assertThat(back.labels()).isEqualTo(labels.labels());
    }

    @Test
    void aLabelMapFromNiftiGetsAGeneratedIdentityAndSaysSo() throws Exception {
        MedicalImage ct = DerivedObjectFixture.ct(dir.resolve("ct"));
        LabelMap labels = DerivedObjectFixture.organs(ct.volume().geometry());
        Path seg = dir.resolve("seg.dcm");
        List<String> warnings = DicomSegWriter.write(labels, DicomIdentity.generated(), null, seg);
        assertThat(warnings).containsExactly(DicomIdentity.GENERATED_WARNING);
        assertThat(Dciodvfy.errors(Dciodvfy.check(seg))).isEmpty();
    }

    @Test
    void aLabelMapWithoutOrgansIsRefusedAndNothingIsWritten() throws Exception {
        MedicalImage ct = DerivedObjectFixture.ct(dir.resolve("ct"));
        Path seg = dir.resolve("seg.dcm");
        assertThatThrownBy(() -> DicomSegWriter.write(new LabelMap(ct.volume().geometry()), DicomIdentity.generated(), null, seg))
                .isInstanceOf(ImageIoException.class).hasMessageContaining("holds no organ");
        assertThat(seg).doesNotExist();
    }
}
