package org.organdose.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConnectedComponentsTest {
    private static final Geometry GRID = Geometry.axisAligned(20, 18, 16, new double[] {1, 1, 2}, new double[] {0, 0, 0});

    private static void cube(LabelMap map, int i0, int j0, int k0, int size, int label) {
        for (int k = k0; k < k0 + size; k++) {
            for (int j = j0; j < j0 + size; j++) {
                for (int i = i0; i < i0 + size; i++) {
                    map.set(i, j, k, label);
                }
            }
        }
    }

    @Test
    void cubesTouchingAtACornerAreOneComponentIn26AndTwoIn6Connectivity() {
        LabelMap map = new LabelMap(GRID);
        cube(map, 2, 2, 2, 3, 1);
        cube(map, 5, 5, 5, 3, 1);
        Components c26 = ConnectedComponents.label(map, Connectivity.TWENTY_SIX);
        assertThat(c26.count()).isEqualTo(1);
        assertThat(c26.size(1)).isEqualTo(54);
        Components c6 = ConnectedComponents.label(map, Connectivity.SIX);
        assertThat(c6.count()).isEqualTo(2);
        assertThat(c6.size(1)).isEqualTo(27);
        assertThat(c6.size(2)).isEqualTo(27);
        assertThat(c6.select(2).get(6, 6, 6)).isEqualTo(1);
    }

    @Test
    void aUShapeMergesIntoOneComponent() {
        LabelMap map = new LabelMap(GRID);
        for (int j = 0; j < 10; j++) {
            map.set(3, j, 4, 1);
            map.set(9, j, 4, 1);
        }
        for (int i = 3; i <= 9; i++) {
            map.set(i, 10, 4, 1);
        }
        Components c = ConnectedComponents.label(map, Connectivity.SIX);
        assertThat(c.count()).isEqualTo(1);
        assertThat(c.size(1)).isEqualTo(27);
    }

    @Test
    void agreesWithBreadthFirstSearchOnRandomVoxels() {
        Random random = new Random(5);
        LabelMap map = new LabelMap(GRID);
        for (int p = 0; p < map.labels().length; p++) {
            map.labels()[p] = (byte) (random.nextDouble() < 0.3 ? 1 + random.nextInt(3) : 0);
        }
        for (Connectivity connectivity : Connectivity.values()) {
            Components c = ConnectedComponents.label(map, connectivity);
            int[] reference = breadthFirst(map, connectivity == Connectivity.SIX);
            // same partition: a one-to-one correspondence between component numbers
            Map<Integer, Integer> forward = new HashMap<>();
            Map<Integer, Integer> backward = new HashMap<>();
            long[] sizes = new long[c.count() + 1];
            for (int p = 0; p < reference.length; p++) {
                int ours = c.indices()[p];
                int theirs = reference[p];
                assertThat(ours == 0).isEqualTo(theirs == 0);
                if (ours != 0) {
                    assertThat(forward.computeIfAbsent(ours, x -> theirs)).isEqualTo(theirs);
                    assertThat(backward.computeIfAbsent(theirs, x -> ours)).isEqualTo(ours);
                    sizes[ours]++;
                }
            }
            assertThat(forward).hasSize(c.count());
            for (int comp = 1; comp <= c.count(); comp++) {
                assertThat(c.size(comp)).isEqualTo(sizes[comp]);
            }
        }
    }

    @Test
    void largestComponentKeepsOnlyTheBiggestPiece() {
        LabelMap map = new LabelMap(GRID);
        cube(map, 1, 1, 1, 2, 1);
        cube(map, 10, 10, 8, 4, 3);
        cube(map, 15, 2, 2, 3, 1);
        LabelMap largest = ConnectedComponents.largestComponent(map);
        assertThat(largest.count(1)).isEqualTo(64);
        assertThat(largest.get(11, 11, 9)).isEqualTo(1);
        assertThat(ConnectedComponents.largestComponent(new LabelMap(GRID)).count(1)).isZero();
    }

    @Test
    void keepLargestPerLabelCleansEachOrganSeparately() {
        LabelMap map = new LabelMap(GRID);
        cube(map, 1, 1, 1, 4, 1);
        cube(map, 12, 12, 10, 2, 1);
        cube(map, 5, 1, 1, 3, 2);
        cube(map, 15, 1, 12, 1, 2);
        cube(map, 1, 12, 1, 2, 4);
        LabelMap cleaned = ConnectedComponents.keepLargestPerLabel(map);
        assertThat(cleaned.count(1)).isEqualTo(64);
        assertThat(cleaned.count(2)).isEqualTo(27);
        assertThat(cleaned.count(4)).isEqualTo(8);
        assertThat(cleaned.get(12, 12, 10)).isZero();
        assertThat(cleaned.get(15, 1, 12)).isZero();
        assertThat(cleaned.get(5, 1, 1)).isEqualTo(2);
        assertThat(map.count(1)).isEqualTo(72);
    }

    private static int[] breadthFirst(LabelMap map, boolean six) {
        Geometry g = map.geometry();
        int[] out = new int[g.voxelCount()];
        int next = 0;
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    if (map.get(i, j, k) == 0 || out[g.offset(i, j, k)] != 0) {
                        continue;
                    }
                    next++;
                    out[g.offset(i, j, k)] = next;
                    queue.add(new int[] {i, j, k});
                    while (!queue.isEmpty()) {
                        int[] v = queue.poll();
                        for (int dz = -1; dz <= 1; dz++) {
                            for (int dy = -1; dy <= 1; dy++) {
                                for (int dx = -1; dx <= 1; dx++) {
                                    int manhattan = Math.abs(dx) + Math.abs(dy) + Math.abs(dz);
                                    if (manhattan == 0 || (six && manhattan > 1)) {
                                        continue;
                                    }
                                    int x = v[0] + dx;
                                    int y = v[1] + dy;
                                    int z = v[2] + dz;
                                    if (g.contains(x, y, z) && map.get(x, y, z) != 0 && out[g.offset(x, y, z)] == 0) {
                                        out[g.offset(x, y, z)] = next;
                                        queue.add(new int[] {x, y, z});
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return out;
    }
}
