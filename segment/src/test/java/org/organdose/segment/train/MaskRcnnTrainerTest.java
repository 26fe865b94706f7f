package org.organdose.segment.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.nn.Parameter;
import ai.djl.util.PairList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.Geometry;
import org.organdose.image.Organ;
import org.organdose.image.Plane;
import org.organdose.segment.Mode;
import org.organdose.segment.Phantom;
import org.organdose.segment.Segmentation;
import org.organdose.segment.SegmentationException;
import org.organdose.segment.data.LabelledCase;
import org.organdose.segment.data.TrainingCase;
import org.organdose.segment.infer.SegmentationRunner;
import org.organdose.segment.maskrcnn.MaskRcnnNetwork;
import org.organdose.segment.maskrcnn.SemanticFpn;
import org.organdose.segment.net.ModelSpec;
import org.organdose.segment.net.SegmentationNetwork;

/** The Mask R-CNN training run: two phases, model.json, log, checkpoints, validation, resume. */
class MaskRcnnTrainerTest {
    private static final Geometry GRID = Phantom.grid(8, 10);

    private static List<TrainingCase> cases() {
        return List.of(
                new LabelledCase("a", Phantom.ct(GRID, 10, 1), Phantom.labels(GRID), EnumSet.allOf(Organ.class), 1),
                new LabelledCase("b", Phantom.ct(GRID, 10, 2), Phantom.labels(GRID), Set.of(Organ.LIVER), 1));
    }

    private static TrainingConfig.Builder tiny(Path out) {
        return TrainingConfig.builder(List.of(), out).planes(EnumSet.allOf(Plane.class)).spacingMm(8).baseWidth(PixelNetworkTrainerTest.WIDTH)
                .cropSize(32).batchSize(2).stepsPerEpoch(2).freezeEpochs(1).holdOut(Set.of("b"))
                .augmentation(Augmentation.DEFAULT);
    }

    @Test
    void trainsHeadsThenTheWholeNetAndResumes(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("mrcnn");
        PixelNetworkTrainer.Result first = MaskRcnnTrainer.train(tiny(out).epochs(2).build(), MaskRcnnTrainer.Backbone.LIGHT, cases(),
                TrainingListener.silent());

        assertThat(first.history()).hasSize(2);
        assertThat(first.history().get(0).encoderFrozen()).isTrue();
        assertThat(first.history().get(1).encoderFrozen()).isFalse();
        assertThat(first.history().get(0).learningRate()).isEqualTo(1e-3);
        assertThat(first.history().get(1).learningRate()).isEqualTo(1e-4, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(first.history().get(1).validationDice()).containsKey("liver");
        ModelSpec spec = ModelSpec.read(out);
        assertThat(spec.architecture()).isEqualTo(ModelSpec.MASKRCNN);
        assertThat(spec.depth()).isEqualTo(18);
        assertThat(spec.baseWidth()).isEqualTo(PixelNetworkTrainerTest.WIDTH);
        assertThat((String) spec.training().get("backboneInitialisation")).startsWith("random");
        assertThat(spec.accuracy()).containsKey("dice");
        String log = Files.readString(out.resolve(PixelNetworkTrainer.LOG));
        assertThat(log).contains("epoch 1/2").contains("(encoder frozen)").contains("epoch 2/2").contains("losses rpnClass");
        assertThat(out.resolve(PixelNetworkTrainer.CHECKPOINTS).resolve("epoch-002.params")).exists();

        PixelNetworkTrainer.Result resumed = MaskRcnnTrainer.train(tiny(out).epochs(3).resume(true).build(), MaskRcnnTrainer.Backbone.LIGHT,
                cases(), TrainingListener.silent());
        assertThat(resumed.history()).hasSize(3);
        assertThat(Files.readString(out.resolve(PixelNetworkTrainer.LOG))).contains("resumed after epoch 2").contains("epoch 3/3");

        Segmentation s = SegmentationRunner.segment(Phantom.ct(GRID, 10, 3), Mode.AXIAL, out);
        assertThat(s.labels().geometry().sameGrid(GRID, 1e-9)).isTrue();
    }

    @Test
    void refusesWhatItCannotDo(@TempDir Path dir) {
        assertThatThrownBy(() -> MaskRcnnTrainer.train(tiny(dir.resolve("x")).cropSize(48).build(),
                MaskRcnnTrainer.Backbone.LIGHT, cases(), TrainingListener.silent()))
                .isInstanceOf(SegmentationException.class).hasMessageContaining("multiples of 32");
    }

    @Test
    void startsItsBackboneFromATrainedSemanticFpn(@TempDir Path dir) throws Exception {
        Path fpn = dir.resolve("fpn");
        PixelNetworkTrainer.train(tiny(fpn).epochs(1).architecture(ModelSpec.SEMANTIC_FPN).build(), cases(), TrainingListener.silent());
        assertThat(ModelSpec.read(fpn).architecture()).isEqualTo(ModelSpec.SEMANTIC_FPN);
        Segmentation bySemanticFpn = SegmentationRunner.segment(Phantom.ct(GRID, 10, 3), Mode.AXIAL, fpn);
        assertThat(bySemanticFpn.labels().geometry().sameGrid(GRID, 1e-9)).isTrue();

        // one epoch of the frozen phase: the body must still be exactly the FPN's
        Path out = dir.resolve("mrcnn");
        MaskRcnnTrainer.train(tiny(out).epochs(1).init(fpn).build(), MaskRcnnTrainer.Backbone.LIGHT, cases(),
                TrainingListener.silent());
        assertThat((String) ModelSpec.read(out).training().get("backboneInitialisation")).startsWith("ResNet body and pyramid");
        assertThat(ModelSpec.read(out).training()).containsEntry("init", fpn.toString());
        try (SegmentationNetwork pretrained = SegmentationNetwork.load(fpn); MaskRcnnNetwork detector = MaskRcnnNetwork.load(out)) {
            Predicate<Parameter> body = detector.net().bodyParameters();
            PairList<String, Parameter> before = ((SemanticFpn) pretrained.net()).backbone().getParameters();
            PairList<String, Parameter> after = detector.net().backbone().getParameters();
            assertThat(after.keys()).isEqualTo(before.keys());
            int compared = 0;
            for (int i = 0; i < after.size(); i++) {
                if (body.test(after.get(i).getValue())) {
                    assertThat(after.get(i).getValue().getArray().contentEquals(before.get(i).getValue().getArray()))
                            .as(after.get(i).getKey()).isTrue();
                    compared++;
                }
            }
            assertThat(compared).isGreaterThan(10);
        }

        Path unet = dir.resolve("unet");
        PixelNetworkTrainer.train(tiny(unet).epochs(1).cropSize(16).depth(2).build(), cases(), TrainingListener.silent());
        assertThatThrownBy(() -> MaskRcnnTrainer.train(tiny(dir.resolve("y")).init(unet).build(),
                MaskRcnnTrainer.Backbone.LIGHT, cases(), TrainingListener.silent()))
                .isInstanceOf(SegmentationException.class).hasMessageContaining("starts from a " + ModelSpec.SEMANTIC_FPN);
    }
}
