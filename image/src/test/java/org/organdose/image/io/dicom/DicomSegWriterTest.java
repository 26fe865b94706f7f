package org.organdose.image.io.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.LabelMap;
import org.organdose.image.io.MedicalImage;

class DicomSegWriterTest {
    @TempDir
    Path dir;

    @Test
    void dciodvfyFindsNoErrors() throws Exception {
        MedicalImage ct = DerivedObjectFixture.ct(dir.resolve("ct"));
        LabelMap labels = DerivedObjectFixture.organs(ct.volume().geometry());
        Path seg = dir.resolve("seg.dcm");
        List<String> warnings = DicomSegWriter.write(labels, ct.metadata().dicomIdentity(), "OrganDose test", seg);
        List<String> report = Dciodvfy.check(seg);
        System.out.println(String.join("\n", report));
        assertThat(warnings).isEmpty();
        assertThat(Dciodvfy.errors(report)).isEmpty();
    }
}
