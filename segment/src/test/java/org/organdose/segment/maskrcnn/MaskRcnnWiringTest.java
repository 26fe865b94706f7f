package org.organdose.segment.maskrcnn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.organdose.segment.net.SegmentationNetwork;

/**
 * One forward and backward pass through every building block wired as Mask R-CNN, on a 64x64
 * phantom with one square organ: the five losses are finite and every part receives a gradient.
 * (No training: that belongs to the full model.)
 */
class MaskRcnnWiringTest {
    private static final int SIZE = 64;
    private static final float[] ORGAN = {16, 20, 40, 44};

    @BeforeAll
    static void offline() {
        SegmentationNetwork.useOfflineEngine();
    }

    private static float gradientMagnitude(Block block) {
        return (float) block.getParameters().values().stream()
                .filter(p -> p.requiresGradient())
                .mapToDouble(p -> p.getArray().getGradient().abs().sum().getFloat()).sum();
    }

    @Test
    void allFiveLossesBackpropagateIntoEveryPart() {
        Engine.getInstance().setRandomSeed(3);
        Random random = new Random(3);
        float[] image = new float[3 * SIZE * SIZE];
        float[] mask = new float[SIZE * SIZE];
        for (int y = (int) ORGAN[1]; y < ORGAN[3]; y++) {
            for (int x = (int) ORGAN[0]; x < ORGAN[2]; x++) {
                mask[y * SIZE + x] = 1;
                for (int c = 0; c < 3; c++) {
                    image[(c * SIZE + y) * SIZE + x] = 1;
                }
            }
        }
        try (NDManager m = NDManager.newBaseManager()) {
            ResNetFpn backbone = ResNetFpn.light(8, 16);
            backbone.initialize(m, DataType.FLOAT32, new Shape(1, 3, SIZE, SIZE));
            RpnHead rpn = new RpnHead(16, 3);
            rpn.initialize(m, DataType.FLOAT32, new Shape(1, 16, 16, 16));
            BoxHead boxHead = new BoxHead(32, 4);
            boxHead.initialize(m, DataType.FLOAT32, new Shape(1, 16, 7, 7));
            MaskHead maskHead = new MaskHead(16, 2, true, 4);
            maskHead.initialize(m, DataType.FLOAT32, new Shape(1, 16, 14, 14));

            int[] sizes = {16, 8, 4, 2};
            float[] anchors = Anchors.fpn().all(sizes, sizes);
            int[] perLevel = new int[4];
            for (int l = 0; l < 4; l++) {
                perLevel[l] = 3 * sizes[l] * sizes[l];
            }
            ParameterStore ps = new ParameterStore(m, false);
            float[] losses = new float[5];
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDList levels = backbone.forward(ps, new NDList(m.create(image, new Shape(1, 3, SIZE, SIZE))), true);
                NDList rpnOut = rpn.forward(ps, levels, true);
                NDList logits = new NDList();
                NDList deltas = new NDList();
                for (int l = 0; l < 4; l++) {
                    logits.add(RpnHead.flattenObjectness(rpnOut.get(l)));
                    deltas.add(RpnHead.flattenDeltas(rpnOut.get(4 + l)));
                }
                NDArray objectness = NDArrays.concat(logits, 1);
                NDArray boxDeltas = NDArrays.concat(deltas, 1);
                assertThat(objectness.getShape().get(1)).isEqualTo(Boxes.count(anchors));

                RpnTargets rpnTargets = RpnTargets.of(anchors, List.of(ORGAN), BalancedSampler.forRpn(), random);
                assertThat(rpnTargets.positives()).isNotEmpty();
                NDArray[] rpnLosses = rpnTargets.losses(objectness, boxDeltas);

                Proposals.Result proposals = Proposals.forTraining().select(anchors, perLevel, objectness.toFloatArray(),
                        boxDeltas.toFloatArray(), SIZE, SIZE);
                HeadTargets heads = HeadTargets.of(proposals.boxes(), ORGAN, new int[] {1}, new BalancedSampler(64, 0.25),
                        random);
                int rois = heads.labels().length;
                NDArray pooled = new PyramidRoiAlign(7, 7, 2).apply(levels, heads.rois(), new int[rois]);
                NDList boxOut = boxHead.forward(ps, new NDList(pooled), true);
                NDArray[] boxLosses = heads.boxLosses(boxOut.get(0), boxOut.get(1));

                float[] positiveRois = java.util.Arrays.copyOf(heads.rois(), 4 * heads.positives());
                NDArray maskFeatures = new PyramidRoiAlign(14, 14, 2).apply(levels, positiveRois, new int[heads.positives()]);
                NDArray maskLogits = maskHead.forward(ps, new NDList(maskFeatures), true).singletonOrThrow();
                NDArray maskTargets = heads.maskTargets(m.create(mask, new Shape(1, 1, SIZE, SIZE)), 28);
                NDArray maskLoss = heads.maskLoss(maskLogits, maskTargets);

                NDArray[] all = {rpnLosses[0], rpnLosses[1], boxLosses[0], boxLosses[1], maskLoss};
                NDArray total = all[0];
                for (int i = 0; i < 5; i++) {
                    losses[i] = all[i].getFloat();
                    if (i > 0) {
                        total = total.add(all[i]);
                    }
                }
                gc.backward(total);
            }
            for (float loss : losses) {
                assertThat(loss).isFinite().isNotNegative();
            }
            assertThat(losses[0]).isPositive();
            assertThat(losses[4]).isPositive();
            for (Block part : new Block[] {backbone, rpn, boxHead, maskHead}) {
                assertThat(gradientMagnitude(part)).as(part.getClass().getSimpleName()).isPositive();
            }
        }
    }
}
