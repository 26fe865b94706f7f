package org.organdose.segment.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.Geometry;
import org.organdose.image.Organ;
import org.organdose.image.Plane;
import org.organdose.image.io.ImageFiles;
import org.organdose.image.io.StorageType;
import org.organdose.segment.Mode;
import org.organdose.segment.Phantom;
import org.organdose.segment.net.ModelSpec;
import org.organdose.segment.train.Augmentation;
import org.organdose.segment.train.TrainingConfig;
import org.organdose.segment.train.TrainingListener;

/** Leave-one-case-out on two phantom cases written in our shared layout: the plumbing, not the accuracy. */
class CrossValidationTest {

    @Test
    void trainsEachFoldAndScoresItsHeldOutCase(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Geometry grid = Phantom.grid(8, 10);
        for (String id : List.of("p1", "p2")) {
            Path c = data.resolve(id);
            Files.createDirectories(c);
            ImageFiles.write(Phantom.ct(grid, 10, id.hashCode()), StorageType.INT16, c.resolve("ct.nii.gz"));
            ImageFiles.writeLabels(Phantom.labels(grid), c.resolve("labels.nii.gz"));
            String labelled = id.equals("p1") ? "[\"liver\", \"kidney_right\", \"kidney_left\", \"spleen\"]" : "[\"liver\"]";
            Files.writeString(c.resolve("case.json"), "{\"labelled\": " + labelled + "}");
        }
        TrainingConfig config = TrainingConfig.builder(List.of(data), dir.resolve("cv")).planes(Set.of(Plane.values()))
                .spacingMm(8).baseWidth(PixelNetworkTrainerTest.WIDTH).depth(2).cropSize(16).batchSize(2).epochs(1).stepsPerEpoch(2)
                .augmentation(Augmentation.NONE).build();
        List<CaseEvaluation> results = CrossValidation.run(config, 0, List.of(Mode.AXIAL, Mode.CONSENSUS), TrainingListener.silent());

        assertThat(dir.resolve("cv/fold-0").resolve(ModelSpec.FILE_NAME)).exists();
        assertThat(dir.resolve("cv/fold-1").resolve(ModelSpec.FILE_NAME)).exists();
        // each case held out once, as the original and as a simulated low-dose CT, in both modes
        assertThat(results).hasSize(2 * 2 * 2);
        assertThat(results).filteredOn(r -> r.caseId().equals("p2"))
                .allSatisfy(r -> assertThat(r.metrics()).containsOnlyKeys(Organ.LIVER));
        assertThat(results).filteredOn(r -> r.caseId().equals("p1"))
                .allSatisfy(r -> assertThat(r.metrics()).containsOnlyKeys(Organ.values()));

        CrossValidation.recordInModel(dir.resolve("cv/fold-0"), results);
        assertThat(ModelSpec.read(dir.resolve("cv/fold-0")).accuracy()).containsKey("heldOut");
    }
}
