package org.organdose.image;

import java.util.Optional;

/**
 * An axis-aligned box of voxel indices, bounds inclusive. Processing restricted to the bounding box
 * of a mask (plus a margin) is what keeps organ-level operations fast and small on full CT grids.
 */
public final class IndexBox {
    private final int[] min;
    private final int[] max;

    public IndexBox(int[] min, int[] max) {
        for (int a = 0; a < 3; a++) {
            if (max[a] < min[a]) {
                throw new IllegalArgumentException("empty box along axis " + a + ": " + min[a] + ".." + max[a]);
            }
        }
        this.min = min.clone();
        this.max = max.clone();
    }

    /** The whole grid. */
    public static IndexBox of(Geometry g) {
        return new IndexBox(new int[3], new int[] {g.nx() - 1, g.ny() - 1, g.nz() - 1});
    }

    /** Bounding box of the voxels equal to {@code label}; empty when the label is absent. */
    public static Optional<IndexBox> ofLabel(LabelMap map, int label) {
        return Optional.ofNullable(perLabel(map)[label & 0xff]);
    }

    /** Bounding box of the non-zero voxels; empty when there are none. */
    public static Optional<IndexBox> ofNonZero(LabelMap map) {
        IndexBox[] boxes = perLabel(map);
        IndexBox union = null;
        for (int label = 1; label < boxes.length; label++) {
            if (boxes[label] != null) {
                union = union == null ? boxes[label] : union.union(boxes[label]);
            }
        }
        return Optional.ofNullable(union);
    }

    /** Bounding boxes of every byte value in one pass, indexed by the unsigned byte value; null where absent. */
    static IndexBox[] perLabel(LabelMap map) {
        Geometry g = map.geometry();
        byte[] labels = map.labels();
        int[][] lo = new int[256][];
        int[][] hi = new int[256][];
        int nx = g.nx();
        int p = 0;
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < nx; i++, p++) {
                    int v = labels[p] & 0xff;
                    if (lo[v] == null) {
                        lo[v] = new int[] {i, j, k};
                        hi[v] = new int[] {i, j, k};
                    } else {
                        int[] l = lo[v];
                        int[] h = hi[v];
                        if (i < l[0]) { l[0] = i; }
                        if (i > h[0]) { h[0] = i; }
                        if (j < l[1]) { l[1] = j; }
                        if (j > h[1]) { h[1] = j; }
                        h[2] = k;
                    }
                }
            }
        }
        IndexBox[] boxes = new IndexBox[256];
        for (int v = 0; v < 256; v++) {
            if (lo[v] != null) {
                boxes[v] = new IndexBox(lo[v], hi[v]);
            }
        }
        return boxes;
    }

    public int min(int axis) { return min[axis]; }
    public int max(int axis) { return max[axis]; }
    public int size(int axis) { return max[axis] - min[axis] + 1; }

    public long voxelCount() {
        return (long) size(0) * size(1) * size(2);
    }

    public boolean contains(int i, int j, int k) {
        return i >= min[0] && i <= max[0] && j >= min[1] && j <= max[1] && k >= min[2] && k <= max[2];
    }

    /** The smallest box holding both. */
    public IndexBox union(IndexBox other) {
        int[] lo = new int[3];
        int[] hi = new int[3];
        for (int a = 0; a < 3; a++) {
            lo[a] = Math.min(min[a], other.min[a]);
            hi[a] = Math.max(max[a], other.max[a]);
        }
        return new IndexBox(lo, hi);
    }

    /** This box grown by {@code margin[a]} voxels on both sides along each axis, clipped to the grid. */
    public IndexBox grown(int[] margin, Geometry grid) {
        int[] lo = new int[3];
        int[] hi = new int[3];
        for (int a = 0; a < 3; a++) {
            lo[a] = (int) Math.max(0, (long) min[a] - margin[a]);
            hi[a] = (int) Math.min(grid.size(a) - 1, (long) max[a] + margin[a]);
        }
        return new IndexBox(lo, hi);
    }

    /** The geometry of this box as a sub-grid of {@code grid}. */
    public Geometry subGeometry(Geometry grid) {
        return grid.with(size(0), size(1), size(2), grid.spacing(), grid.indexToWorld(min[0], min[1], min[2]));
    }

    /** 1 where the map's voxel in this box equals {@code label} (compared as unsigned byte), as a box-sized x-fastest array. */
    byte[] cropLabel(LabelMap map, int label) {
        return crop(map, false, label);
    }

    /** 1 where the map's voxel in this box is non-zero, as a box-sized x-fastest array. */
    byte[] cropNonZero(LabelMap map) {
        return crop(map, true, 0);
    }

    private byte[] crop(LabelMap map, boolean anyNonZero, int label) {
        Geometry g = map.geometry();
        byte[] labels = map.labels();
        byte[] out = new byte[Math.toIntExact(voxelCount())];
        int q = 0;
        for (int k = min[2]; k <= max[2]; k++) {
            for (int j = min[1]; j <= max[1]; j++) {
                int p = g.offset(min[0], j, k);
                for (int i = min[0]; i <= max[0]; i++, p++, q++) {
                    int v = labels[p] & 0xff;
                    boolean in = anyNonZero ? v != 0 : v == label;
                    out[q] = in ? (byte) 1 : 0;
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "IndexBox[" + min[0] + ".." + max[0] + ", " + min[1] + ".." + max[1] + ", " + min[2] + ".." + max[2] + "]";
    }
}
