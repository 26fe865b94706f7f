package org.organdose.segment.maskrcnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.organdose.segment.net.SegmentationNetwork;

/**
 * The Mask R-CNN's building blocks against torchvision's own: box IoU, NMS (plain and per class),
 * box coding, anchor matching and the semantic FPN's bilinear upsampling with its gradient. The
 * inputs and torchvision's answers were produced on the GPU machine some sessions are lent, by
 * {@code segment/src/test/python/detection_ops_torchvision.py}, and are stored in
 * {@code detection-ops-torchvision.json} next to this class.
 */
class DetectionOpsTorchvisionTest {
    private static JsonNode reference;

    @BeforeAll
    static void load() throws IOException {
        SegmentationNetwork.useOfflineEngine();
        try (InputStream in = DetectionOpsTorchvisionTest.class.getResourceAsStream("detection-ops-torchvision.json")) {
            reference = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void boxIouMatchesTorchvision() {
        JsonNode t = reference.get("boxIou");
        float[] a = floats(t.get("a"));
        float[] b = floats(t.get("b"));
        double[] expected = doubles(t.get("iou"));
        double[][] iou = Boxes.iouMatrix(a, b);
        int nb = Boxes.count(b);
        assertThat(iou).hasNumberOfRows(Boxes.count(a));
        for (int i = 0; i < iou.length; i++) {
            for (int j = 0; j < nb; j++) {
                assertThat(iou[i][j]).as("IoU of a%d and b%d", i, j).isCloseTo(expected[i * nb + j], within(1e-6));
            }
        }
    }

    @Test
    void nmsKeepsWhatTorchvisionKeeps() {
        JsonNode t = reference.get("nms");
        float[] boxes = floats(t.get("boxes"));
        float[] scores = floats(t.get("scores"));
        int[] classes = ints(t.get("classes"));
        for (JsonNode case_ : t.get("byThreshold")) {
            double threshold = case_.get("iouThreshold").asDouble();
            assertThat(Nms.nms(boxes, scores, threshold)).as("nms at IoU %s", threshold)
                    .containsExactly(ints(case_.get("kept")));
            assertThat(Nms.batched(boxes, scores, classes, threshold)).as("batched_nms at IoU %s", threshold)
                    .containsExactly(ints(case_.get("keptPerClass")));
        }
    }

    @Test
    void boxCodingMatchesTorchvision() {
        JsonNode t = reference.get("boxCoding");
        float[] references = floats(t.get("references"));
        float[] targets = floats(t.get("targets"));
        float[] deltas = floats(t.get("deltas"));
        for (JsonNode case_ : t.get("byWeights")) {
            double[] w = doubles(case_.get("weights"));
            BoxCoder coder = new BoxCoder(w[0], w[1], w[2], w[3]);
            assertClose(coder.encode(references, targets), doubles(case_.get("encoded")), 1e-5, "encoded");
            // decoded boxes reach thousands of pixels (the size clip): compare relative to their size
            assertClose(coder.decode(references, deltas), doubles(case_.get("decoded")), 1e-6, "decoded");
        }
    }

    @Test
    void anchorMatchingMatchesTorchvision() {
        JsonNode t = reference.get("anchorMatching");
        float[] anchors = floats(t.get("anchors"));
        float[] truth = floats(t.get("groundTruth"));
        for (JsonNode case_ : t.get("byThresholds")) {
            AnchorMatcher matcher = new AnchorMatcher(case_.get("high").asDouble(), case_.get("low").asDouble(),
                    case_.get("allowLowQualityMatches").asBoolean());
            assertThat(matcher.match(anchors, truth)).as("matches at %s / %s", case_.get("high"), case_.get("low"))
                    .containsExactly(ints(case_.get("matches")));
        }
    }

    @Test
    void bilinearDoublingMatchesTorchInterpolateInValueAndGradient() {
        for (JsonNode case_ : reference.get("bilinearTimesTwo")) {
            long[] shape = new long[4];
            for (int i = 0; i < 4; i++) {
                shape[i] = case_.get("shape").get(i).asLong();
            }
            try (NDManager m = NDManager.newBaseManager()) {
                NDArray x = m.create(floats(case_.get("input")), new Shape(shape));
                x.setRequiresGradient(true);
                float[] output;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray y = SemanticFpn.doubled(SemanticFpn.doubled(x, 2), 3);
                    assertThat(y.getShape()).isEqualTo(new Shape(shape[0], shape[1], 2 * shape[2], 2 * shape[3]));
                    output = y.toFloatArray();
                    gc.backward(y.mul(m.create(floats(case_.get("upstream")), y.getShape())).sum());
                }
                assertClose(output, doubles(case_.get("output")), 1e-5, "upsampled " + case_.get("shape"));
                assertClose(x.getGradient().toFloatArray(), doubles(case_.get("gradient")), 1e-5,
                        "gradient " + case_.get("shape"));
            }
        }
    }

    /** Every element within {@code tolerance * (1 + |expected|)}. */
    private static void assertClose(float[] actual, double[] expected, double tolerance, String what) {
        assertThat(actual).as(what).hasSize(expected.length);
        for (int i = 0; i < actual.length; i++) {
            assertThat((double) actual[i]).as("%s, element %d", what, i)
                    .isCloseTo(expected[i], within(tolerance * (1 + Math.abs(expected[i]))));
        }
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }
}
