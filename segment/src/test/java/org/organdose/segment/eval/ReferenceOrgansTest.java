package org.organdose.segment.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;

class ReferenceOrgansTest {
    private static final LabelMap REF = new LabelMap(Geometry.axisAligned(3, 1, 1, new double[] {1, 1, 1}, new double[] {0, 0, 0}),
            new byte[] {1, 3, 0});

    @Test
    void caseJsonBesideTheReferenceSaysWhatIsLabelled(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("case.json"), "{\"labelled\": [\"liver\"]}");
        assertThat(ReferenceOrgans.of(dir.resolve("labels.nii.gz"), REF)).containsExactly(Organ.LIVER);
    }

    @Test
    void withoutCaseJsonTheOrgansPresentCount(@TempDir Path dir) throws Exception {
        assertThat(ReferenceOrgans.of(dir.resolve("labels.nii.gz"), REF)).containsExactly(Organ.LIVER, Organ.KIDNEY_LEFT);
    }
}
