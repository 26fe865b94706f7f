package org.organdose.segment.maskrcnn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.organdose.segment.net.SegmentationNetwork;

/**
 * {@link RoiAlign} against {@code torchvision.ops.roi_align(aligned=True)} itself, in value and
 * gradient, to 1e-5 element by element in the sense of {@code torch.allclose(atol=1e-5,
 * rtol=1e-5)}: a gradient sums hundreds of float32 products into values up to about 25, and
 * torchvision's own float32 gradient lies up to 3e-5 from its float64 one, so a purely absolute
 * 1e-5 would measure the reference's rounding rather than ours. The reference outputs were computed by torchvision (float32, CPU) on the GPU
 * machine some sessions are lent, by {@code segment/src/test/python/roi_align_torchvision.py},
 * and are stored with their inputs in {@code roi-align-torchvision.{json,bin}} next to this class;
 * the JSON also records torchvision's version and how far its float64 and GPU answers lie from
 * the stored one. The plain-loop {@link RoiAlignReference} the other RoIAlign tests rely on is
 * held to the same answers.
 */
class RoiAlignTorchvisionTest {
    /** Absolute and relative tolerance, as {@code torch.allclose(atol, rtol)}. */
    private static final double TOLERANCE = 1e-5;
    private static final String FIXTURE = "roi-align-torchvision";

    @BeforeAll
    static void offline() {
        SegmentationNetwork.useOfflineEngine();
    }

    /** One case of the fixture: settings, inputs and torchvision's answers. */
    record Case(String name, int n, int c, int h, int w, int outH, int outW, float scale, int samplingRatio,
            float[] features, float[] boxes, int[] batch, float[] upstream, float[] output, float[] gradient) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() throws IOException {
        JsonNode manifest;
        try (InputStream in = RoiAlignTorchvisionTest.class.getResourceAsStream(FIXTURE + ".json")) {
            manifest = new ObjectMapper().readTree(in);
        }
        FloatBuffer data;
        try (InputStream in = RoiAlignTorchvisionTest.class.getResourceAsStream(FIXTURE + ".bin")) {
            data = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        }
        List<Case> cases = new ArrayList<>();
        for (JsonNode c : manifest.get("cases")) {
            JsonNode shape = c.get("features");
            JsonNode arrays = c.get("arrays");
            float[] batchAsFloats = floats(data, arrays.get("batchIndices"));
            int[] batch = new int[batchAsFloats.length];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = (int) batchAsFloats[i];
            }
            cases.add(new Case(c.get("name").asText(), shape.get(0).asInt(), shape.get(1).asInt(), shape.get(2).asInt(),
                    shape.get(3).asInt(), c.get("outputHeight").asInt(), c.get("outputWidth").asInt(),
                    (float) c.get("spatialScale").asDouble(), c.get("samplingRatio").asInt(),
                    floats(data, arrays.get("features")), floats(data, arrays.get("boxes")), batch,
                    floats(data, arrays.get("upstream")), floats(data, arrays.get("output")),
                    floats(data, arrays.get("gradient"))));
        }
        return cases;
    }

    private static float[] floats(FloatBuffer data, JsonNode slice) {
        float[] out = new float[slice.get("length").asInt()];
        data.get(slice.get("offset").asInt(), out);
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTorchvisionInValueAndGradient(Case t) {
        float[] output;
        float[] gradient;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(t.features(), new Shape(t.n(), t.c(), t.h(), t.w()));
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray pooled = new RoiAlign(t.outH(), t.outW(), t.scale(), t.samplingRatio())
                        .apply(x, t.boxes(), t.batch());
                assertThat(pooled.getShape()).isEqualTo(new Shape(t.batch().length, t.c(), t.outH(), t.outW()));
                output = pooled.toFloatArray();
                gc.backward(pooled.mul(m.create(t.upstream(), pooled.getShape())).sum());
            }
            gradient = x.getGradient().toFloatArray();
        }
        System.out.printf(Locale.ROOT, "RoIAlign vs torchvision, %s (%d boxes): max |error| value %.1e, gradient %.1e"
                + " (largest |gradient| %.1f)%n", t.name(), t.batch().length, maxAbsDifference(toDouble(output), t.output()),
                maxAbsDifference(toDouble(gradient), t.gradient()), maxAbs(t.gradient()));
        assertAllClose(toDouble(output), t.output());
        assertAllClose(toDouble(gradient), t.gradient());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void thePlainLoopReferenceAgreesWithTorchvision(Case t) {
        RoiAlignReference reference = new RoiAlignReference(t.outH(), t.outW(), t.scale(), t.samplingRatio());
        double[] output = reference.forward(t.features(), t.n(), t.c(), t.h(), t.w(), t.boxes(), t.batch());
        double[] gradient = reference.gradient(t.upstream(), t.n(), t.c(), t.h(), t.w(), t.boxes(), t.batch());
        assertAllClose(output, t.output());
        assertAllClose(gradient, t.gradient());
    }

    /** Every element within {@code TOLERANCE * (1 + |expected|)}. */
    private static void assertAllClose(double[] actual, float[] expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < actual.length; i++) {
            double allowed = TOLERANCE * (1 + Math.abs(expected[i]));
            if (Math.abs(actual[i] - expected[i]) > allowed) {
                throw new AssertionError(String.format(Locale.ROOT, "element %d: %.7f, torchvision %.7f (allowed %.1e)",
                        i, actual[i], expected[i], allowed));
            }
        }
    }

    private static double maxAbsDifference(double[] actual, float[] expected) {
        double max = 0;
        for (int i = 0; i < Math.min(actual.length, expected.length); i++) {
            max = Math.max(max, Math.abs(actual[i] - expected[i]));
        }
        return max;
    }

    private static double maxAbs(float[] values) {
        double max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    private static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
