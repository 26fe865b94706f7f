package org.organdose.segment.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.SharedData;
import org.organdose.image.Organ;
import org.organdose.segment.SegmentationException;

/** Layout recognition and label mapping; the images themselves are not read here. */
class DatasetsTest {

    private static void touch(Path p) throws Exception {
        Files.createDirectories(p.getParent());
        Files.write(p, new byte[0]);
    }

    @Test
    void readsOurSharedLayout() throws Exception {
        Path root = SharedData.resolve("ct");
        List<CaseFiles> cases = Datasets.discover(root, 0.5);
        assertThat(cases).extracting(CaseFiles::id).contains("ircad-1.1", "ircad-1.17", "totalseg-example", "totalseg-s0009");
        CaseFiles ircad = cases.stream().filter(c -> c.id().equals("ircad-1.1")).findFirst().orElseThrow();
        assertThat(ircad.image().getFileName().toString()).isEqualTo("ct-dicom");
        assertThat(ircad.labelled()).isEqualTo(EnumSet.allOf(Organ.class));
        assertThat(ircad.weight()).isEqualTo(1.0);
        CaseFiles liverOnly = cases.stream().filter(c -> c.id().equals("ircad-1.17")).findFirst().orElseThrow();
        assertThat(liverOnly.labelled()).containsExactly(Organ.LIVER);
        CaseFiles modelMade = cases.stream().filter(c -> c.id().equals("totalseg-example")).findFirst().orElseThrow();
        assertThat(modelMade.weight()).isEqualTo(0.5);
    }

    @Test
    void readsNnUnetV2AndMsdLabelNames(@TempDir Path dir) throws Exception {
        Path v2 = dir.resolve("Dataset001");
        Files.createDirectories(v2);
        Files.writeString(v2.resolve("dataset.json"),
                "{\"labels\": {\"background\": 0, \"liver\": 1, \"spleen\": 2, \"kidney_left\": 3}, \"file_ending\": \".nii.gz\"}");
        touch(v2.resolve("imagesTr/abd_001_0000.nii.gz"));
        touch(v2.resolve("labelsTr/abd_001.nii.gz"));
        List<CaseFiles> cases = Datasets.discover(v2, 0.5);
        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("abd_001");
            assertThat(c.image()).isEqualTo(v2.resolve("imagesTr/abd_001_0000.nii.gz"));
            assertThat(c.labelled()).containsExactlyInAnyOrder(Organ.LIVER, Organ.SPLEEN, Organ.KIDNEY_LEFT);
        });

        Path msd = dir.resolve("Task03_Liver");
        Files.createDirectories(msd);
        Files.writeString(msd.resolve("dataset.json"), "{\"labels\": {\"0\": \"background\", \"1\": \"liver\", \"2\": \"cancer\"}}");
        touch(msd.resolve("imagesTr/liver_7.nii.gz"));
        touch(msd.resolve("labelsTr/liver_7.nii.gz"));
        assertThat(Datasets.discover(msd, 0.5)).singleElement()
                .satisfies(c -> assertThat(c.labelled()).containsExactly(Organ.LIVER));
    }

    @Test
    void readsKitsAndLitsLayouts(@TempDir Path dir) throws Exception {
        touch(dir.resolve("kits/case_00001/imaging.nii.gz"));
        touch(dir.resolve("kits/case_00001/segmentation.nii.gz"));
        assertThat(Datasets.discover(dir.resolve("kits"), 0.5)).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("case_00001");
            assertThat(c.labelled()).containsExactlyInAnyOrder(Organ.KIDNEY_RIGHT, Organ.KIDNEY_LEFT);
        });
        touch(dir.resolve("lits/volume-3.nii"));
        touch(dir.resolve("lits/segmentation-3.nii"));
        touch(dir.resolve("lits/volume-4.nii"));
        assertThat(Datasets.discover(dir.resolve("lits"), 0.5)).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("lits-3");
            assertThat(c.labelled()).containsExactly(Organ.LIVER);
        });
    }

    @Test
    void explainsWhatIsWrong(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> Datasets.discover(dir.resolve("missing"), 0.5))
                .isInstanceOf(SegmentationException.class).hasMessageContaining("missing");
        Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> Datasets.discover(dir.resolve("empty"), 0.5)).hasMessageContaining("no training cases");
        Path bad = dir.resolve("bad");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve("case.json"), "{\"labelled\": [\"liver\", \"pancreas\"]}");
        touch(bad.resolve("ct.nii.gz"));
        touch(bad.resolve("labels.nii.gz"));
        assertThatThrownBy(() -> Datasets.discover(bad, 0.5)).hasMessageContaining("pancreas").hasMessageContaining("case.json");
    }

    @Test
    void lesionLabelsBelongToTheOnlyOrgan() {
        assertThat(LabelMapping.fromNames(Map.of(0, "background", 1, "kidney", 2, "tumor", 3, "cyst")).labelled())
                .isEqualTo(Set.of(Organ.KIDNEY_RIGHT, Organ.KIDNEY_LEFT));
        assertThat(LabelMapping.fromNames(Map.of(1, "liver", 2, "spleen", 3, "tumour")).labelled())
                .isEqualTo(Set.of(Organ.LIVER, Organ.SPLEEN));
    }
}
