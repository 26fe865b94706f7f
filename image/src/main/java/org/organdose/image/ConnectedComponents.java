package org.organdose.image;

import java.util.Arrays;

/**
 * Connected component labelling in 3D by two raster passes with union-find over provisional
 * labels (no recursion, int arrays only), plus the clean-ups segmentation needs: keep the largest
 * component of a mask, or of each organ label. The clean-ups work inside each label's bounding box.
 */
public final class ConnectedComponents {
    private ConnectedComponents() {
    }

    /** Components of the non-zero voxels. */
    public static Components label(LabelMap binary, Connectivity connectivity) {
        Geometry g = binary.geometry();
        int[] indices = new int[g.voxelCount()];
        long[] sizes = label(binary.labels(), g.sizes(), connectivity, indices);
        return new Components(g, indices, sizes);
    }

    /** The largest 26-connected component of the non-zero voxels, as 0/1; all 0 when there are none. */
    public static LabelMap largestComponent(LabelMap binary) {
        return largestComponent(binary, Connectivity.TWENTY_SIX);
    }

    /** The largest component of the non-zero voxels, as 0/1 (the first in scan order on ties); all 0 when there are none. */
    public static LabelMap largestComponent(LabelMap binary, Connectivity connectivity) {
        Geometry g = binary.geometry();
        LabelMap out = new LabelMap(g);
        IndexBox.ofNonZero(binary).ifPresent(box -> keepLargest(binary, -1, box, connectivity, out, (byte) 1));
        return out;
    }

    /** For every label, only its largest 26-connected component kept; other voxels of that label become 0. */
    public static LabelMap keepLargestPerLabel(LabelMap labels) {
        return keepLargestPerLabel(labels, Connectivity.TWENTY_SIX);
    }

    /** For every label, only its largest component kept; other voxels of that label become 0. */
    public static LabelMap keepLargestPerLabel(LabelMap labels, Connectivity connectivity) {
        LabelMap out = new LabelMap(labels.geometry());
        IndexBox[] boxes = IndexBox.perLabel(labels);
        for (int v = 1; v < boxes.length; v++) {
            if (boxes[v] != null) {
                keepLargest(labels, v, boxes[v], connectivity, out, (byte) v);
            }
        }
        return out;
    }

    /** Writes {@code value} into {@code out} on the largest component of (map == label) (label -1: non-zero) inside {@code box}. */
    private static void keepLargest(LabelMap map, int label, IndexBox box, Connectivity connectivity, LabelMap out, byte value) {
        byte[] mask = label < 0 ? box.cropNonZero(map) : box.cropLabel(map, label);
        int[] size = {box.size(0), box.size(1), box.size(2)};
        int[] indices = new int[mask.length];
        long[] sizes = label(mask, size, connectivity, indices);
        int best = 1;
        for (int c = 2; c < sizes.length; c++) {
            if (sizes[c] > sizes[best]) {
                best = c;
            }
        }
        Geometry g = map.geometry();
        byte[] dst = out.labels();
        int q = 0;
        for (int k = box.min(2); k <= box.max(2); k++) {
            for (int j = box.min(1); j <= box.max(1); j++) {
                int p = g.offset(box.min(0), j, k);
                for (int i = 0; i < size[0]; i++, p++, q++) {
                    if (indices[q] == best) {
                        dst[p] = value;
                    }
                }
            }
        }
    }

    /**
     * Labels the non-zero voxels of a raw x-fastest grid into {@code indices} (1..count in scan
     * order of first voxel) and returns the sizes, indexed by component (entry 0 unused, 0).
     */
    static long[] label(byte[] mask, int[] size, Connectivity connectivity, int[] indices) {
        int nx = size[0];
        int ny = size[1];
        int nz = size[2];
        int[][] back = previousNeighbours(connectivity);
        UnionFind sets = new UnionFind();
        int p = 0;
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++, p++) {
                    if (mask[p] == 0) {
                        continue;
                    }
                    int current = 0;
                    for (int[] d : back) {
                        int ii = i + d[0];
                        int jj = j + d[1];
                        int kk = k + d[2];
                        if (ii < 0 || ii >= nx || jj < 0 || jj >= ny || kk < 0) {
                            continue;
                        }
                        int neighbour = indices[ii + nx * (jj + ny * kk)];
                        if (neighbour == 0) {
                            continue;
                        }
                        current = current == 0 ? neighbour : sets.union(current, neighbour);
                    }
                    indices[p] = current == 0 ? sets.add() : current;
                }
            }
        }
        int[] finalIndex = sets.compact();
        long[] sizes = new long[sets.componentCount() + 1];
        for (int q = 0; q < indices.length; q++) {
            if (indices[q] != 0) {
                int c = finalIndex[indices[q]];
                indices[q] = c;
                sizes[c]++;
            }
        }
        return sizes;
    }

    /** Neighbour offsets already visited in x-fastest raster order. */
    private static int[][] previousNeighbours(Connectivity connectivity) {
        if (connectivity == Connectivity.SIX) {
            return new int[][] {{-1, 0, 0}, {0, -1, 0}, {0, 0, -1}};
        }
        int[][] offsets = new int[13][];
        int n = 0;
        for (int dz = -1; dz <= 0; dz++) {
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    boolean earlier = dz < 0 || (dy < 0) || (dy == 0 && dx < 0);
                    if (earlier) {
                        offsets[n++] = new int[] {dx, dy, dz};
                    }
                }
            }
        }
        return offsets;
    }

    /** Disjoint sets of provisional labels 1..n; the root of a set is its smallest label. */
    private static final class UnionFind {
        private int[] parent = new int[1024];
        private int n;
        private int components;

        int add() {
            n++;
            if (n == parent.length) {
                parent = Arrays.copyOf(parent, parent.length * 2);
            }
            parent[n] = n;
            return n;
        }

        int find(int x) {
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

        /** Merges the sets of a and b and returns the root. */
        int union(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra == rb) {
                return ra;
            }
            int root = Math.min(ra, rb);
            parent[Math.max(ra, rb)] = root;
            return root;
        }

        /** Final consecutive component number of each provisional label, in order of the smallest label of each set. */
        int[] compact() {
            int[] index = new int[n + 1];
            components = 0;
            for (int x = 1; x <= n; x++) {
                int r = find(x);
                index[x] = r == x ? ++components : index[r];
            }
            return index;
        }

        int componentCount() {
            return components;
        }
    }
}
