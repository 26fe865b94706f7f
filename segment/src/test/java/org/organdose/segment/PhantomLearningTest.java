package org.organdose.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.Geometry;
import org.organdose.image.Organ;
import org.organdose.image.Plane;
import org.organdose.image.Volume;
import org.organdose.segment.data.LabelledCase;
import org.organdose.segment.data.TrainingCase;
import org.organdose.segment.eval.Evaluator;
import org.organdose.segment.eval.OrganMetrics;
import org.organdose.segment.net.ModelSpec;
import org.organdose.segment.train.Augmentation;
import org.organdose.segment.train.PixelNetworkTrainer;
import org.organdose.segment.train.TrainingConfig;
import org.organdose.segment.train.TrainingListener;

/** End to end on a synthetic abdomen: train a tiny network, segment an unseen noisy scan, score it. */
class PhantomLearningTest {

    @Test
    void tinyNetworkLearnsThePhantom(@TempDir Path dir) throws Exception {
        Geometry grid = Phantom.grid(2.5, 5);
        LabelledCase train = new LabelledCase("phantom-a", Phantom.ct(grid, 10, 1), Phantom.labels(grid),
                EnumSet.allOf(Organ.class), 1);
        TrainingConfig config = TrainingConfig.builder(List.of(), dir.resolve("tiny"))
                .planes(Set.of(Plane.AXIAL)).spacingMm(3).baseWidth(8).depth(2).cropSize(48).batchSize(4)
                .epochs(5).stepsPerEpoch(80).learningRate(3e-3).augmentation(Augmentation.NONE).seed(7).build();
        PixelNetworkTrainer.Result result = PixelNetworkTrainer.train(config, List.<TrainingCase>of(train), TrainingListener.silent());

        assertThat(result.history()).hasSize(5);
        assertThat(dir.resolve("tiny").resolve(ModelSpec.FILE_NAME)).exists();
        assertThat(Files.readString(dir.resolve("tiny").resolve("training.log"))).contains("epoch 5/5");

        Volume unseen = Phantom.ct(grid, 10, 99);
        Segmentation s = org.organdose.segment.infer.SegmentationRunner.segment(unseen, Mode.AXIAL, dir.resolve("tiny"));
        Map<Organ, OrganMetrics> m = Evaluator.evaluate(s.labels(), Phantom.labels(grid), EnumSet.allOf(Organ.class));
        m.values().forEach(System.out::println);
        for (Organ o : Organ.values()) {
            assertThat(m.get(o).dice()).as(o.key()).isGreaterThan(0.9);
        }
    }
}
