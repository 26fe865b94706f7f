package org.organdose.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IndexBoxTest {
    private static final Geometry GRID = Geometry.axisAligned(10, 8, 6, new double[] {1, 2, 3}, new double[] {0, 0, 0});

    @Test
    void boundingBoxesPerLabelAndOfAllForeground() {
        LabelMap map = new LabelMap(GRID);
        map.set(2, 3, 1, 1);
        map.set(5, 1, 4, 1);
        map.set(9, 7, 0, 4);
        IndexBox liver = IndexBox.ofLabel(map, 1).orElseThrow();
        assertThat(liver.toString()).isEqualTo("IndexBox[2..5, 1..3, 1..4]");
        assertThat(liver.voxelCount()).isEqualTo(4L * 3 * 4);
        assertThat(IndexBox.ofNonZero(map).orElseThrow().toString()).isEqualTo("IndexBox[2..9, 1..7, 0..4]");
        assertThat(IndexBox.ofLabel(map, 2)).isEmpty();
        assertThat(IndexBox.ofNonZero(new LabelMap(GRID))).isEmpty();
        assertThat(liver.grown(new int[] {3, 3, 3}, GRID).toString()).isEqualTo("IndexBox[0..8, 0..6, 0..5]");
        Geometry sub = liver.subGeometry(GRID);
        assertThat(sub.indexToWorld(0, 0, 0)).containsExactly(GRID.indexToWorld(2, 1, 1));
        assertThat(sub.sizes()).containsExactly(4, 3, 4);
    }

    @Test
    void invalidArgumentsAreRejectedWithAClearMessage() {
        LabelMap map = new LabelMap(GRID);
        assertThatThrownBy(() -> new IndexBox(new int[] {3, 0, 0}, new int[] {2, 0, 0})).hasMessageContaining("empty box");
        assertThatThrownBy(() -> Resampler.fractionCovered(map, 1, GRID, 0)).hasMessageContaining("subsamples");
        assertThatThrownBy(() -> Resampler.fractionCovered(map, 200, GRID, 2)).hasMessageContaining("label");
        assertThatThrownBy(() -> Morphology.dilate(map, -1)).hasMessageContaining("radius");
        assertThatThrownBy(() -> GaussianFilter.smooth(new Volume(GRID), Double.NaN)).hasMessageContaining("sigma");
        assertThatThrownBy(() -> new Components(GRID, new int[GRID.voxelCount()], new long[1]).size(1)).hasMessageContaining("no component 1");
    }
}
