package org.organdose.segment.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.Plane;
import org.organdose.segment.SegmentationException;

/** Weights on disk: read back exactly, and refused when they hold NaN. */
class WeightsFileTest {
    private static final ModelSpec SPEC = new ModelSpec("w", ModelSpec.UNET, 4, 2, 8, new double[] {-100, 200}, 3,
            List.of(Plane.values()), NetworkClasses.NAMES, "weights.params", null, null, null);

    @Test
    void weightsReadBackAsWritten(@TempDir Path dir) throws Exception {
        SPEC.write(dir);
        try (SegmentationNetwork written = SegmentationNetwork.create(SPEC, 5)) {
            written.saveWeights(dir.resolve(SPEC.weightsFile()));
            try (SegmentationNetwork read = SegmentationNetwork.load(dir)) {
                List<Pair<String, Parameter>> a = written.net().getParameters().stream().toList();
                List<Pair<String, Parameter>> b = read.net().getParameters().stream().toList();
                assertThat(b).hasSameSizeAs(a);
                for (int i = 0; i < a.size(); i++) {
                    assertThat(b.get(i).getValue().getArray().toFloatArray()).as(a.get(i).getKey())
                            .containsExactly(a.get(i).getValue().getArray().toFloatArray());
                }
            }
        }
    }

    @Test
    void weightsHoldingNaNAreOneClearErrorNamingTheFileAndTheWeight(@TempDir Path dir) throws Exception {
        SPEC.write(dir);
        Path file = dir.resolve(SPEC.weightsFile());
        String name;
        try (SegmentationNetwork net = SegmentationNetwork.create(SPEC, 5)) {
            Pair<String, Parameter> second = net.net().getParameters().get(1);
            name = second.getKey();
            second.getValue().getArray().set(new NDIndex("..."), Float.NaN);
            net.saveWeights(file);
        }
        assertThatThrownBy(() -> SegmentationNetwork.load(dir)).isInstanceOf(SegmentationException.class)
                .hasMessage(file + ": weight " + name + " holds NaN or infinite values; the network cannot be used"
                        + " (did its training diverge?)");
    }
}
