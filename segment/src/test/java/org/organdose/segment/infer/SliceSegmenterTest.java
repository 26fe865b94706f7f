package org.organdose.segment.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.organdose.image.Geometry;
import org.organdose.image.Organ;
import org.organdose.image.Plane;
import org.organdose.image.Volume;
import org.organdose.segment.Mode;
import org.organdose.segment.Phantom;
import org.organdose.segment.Segmentation;
import org.organdose.segment.SegmentationException;
import org.organdose.segment.net.ModelSpec;
import org.organdose.segment.net.NetworkClasses;
import org.organdose.segment.net.SegmentationNetwork;

/** Properties that hold whatever the weights: an untrained network will do. */
class SliceSegmenterTest {
    private static SegmentationNetwork network;

    @BeforeAll
    static void untrainedNetwork() {
        ModelSpec spec = new ModelSpec("untrained", ModelSpec.UNET, 4, 2, 8, new double[] {-100, 200}, 3,
                List.of(Plane.values()), NetworkClasses.NAMES, "weights.params", null, null, null);
        network = SegmentationNetwork.create(spec, 1);
    }

    @AfterAll
    static void close() {
        network.close();
    }

    @Test
    void answersOnTheInputGridAndLeavesTheInputAlone() throws SegmentationException {
        double c = Math.cos(Math.toRadians(20));
        double s = Math.sin(Math.toRadians(20));
        Geometry oblique = new Geometry(57, 43, 11, new double[] {3.1, 4.3, 7.5}, new double[] {-90, -80, -40},
                new double[] {c, 0, s, 0, 1, 0, -s, 0, c});
        Volume ct = Phantom.ct(oblique, 5, 3);
        Volume before = ct.copy();
        for (Mode mode : Mode.values()) {
            Segmentation result = new SliceSegmenter(network, mode).segment(ct);
            assertThat(result.labels().geometry()).isEqualTo(oblique);
            assertThat(result.organs()).containsOnlyKeys(Organ.values());
        }
        assertThat(ct.geometry()).isEqualTo(before.geometry());
        assertThat(ct.voxels()).isEqualTo(before.voxels());
    }

    @Test
    void copesWithASingleSliceAndATinyImage() throws SegmentationException {
        Geometry oneSlice = Geometry.axisAligned(64, 64, 1, new double[] {5, 5, 5}, new double[] {-160, -160, 0});
        Geometry tiny = Geometry.axisAligned(3, 2, 2, new double[] {1, 1, 1}, new double[] {0, 0, 0});
        for (Geometry g : List.of(oneSlice, tiny)) {
            for (Mode mode : Mode.values()) {
                Segmentation result = new SliceSegmenter(network, mode).segment(Phantom.ct(g, 0, 1));
                assertThat(result.labels().geometry()).isEqualTo(g);
            }
        }
    }

    @Test
    void warnsAboutImagesThatAreNotCt() throws SegmentationException {
        Geometry g = Phantom.grid(10, 10);
        Volume mr = Phantom.ct(g, 0, 1);
        float[] v = mr.voxels();
        for (int p = 0; p < v.length; p++) {
            v[p] = v[p] + 1100;
        }
        Segmentation result = new SliceSegmenter(network, Mode.AXIAL).segment(mr);
        assertThat(result.warnings()).anyMatch(w -> w.contains("does not look like a CT"));
    }

    @Test
    void consensusNeedsAModelTrainedOnAllPlanes() {
        ModelSpec axialOnly = new ModelSpec("axial", ModelSpec.UNET, 4, 2, 8, new double[] {-100, 200}, 3,
                List.of(Plane.AXIAL), NetworkClasses.NAMES, "weights.params", null, null, null);
        try (SegmentationNetwork n = SegmentationNetwork.create(axialOnly, 1)) {
            assertThatThrownBy(() -> new SliceSegmenter(n, Mode.CONSENSUS))
                    .isInstanceOf(SegmentationException.class).hasMessageContaining("consensus");
        }
    }
}
