package org.organdose.image;

/**
 * The connected components of a binary image: a component index per voxel (0 = background,
 * 1..count numbered in the order their first voxel appears in x-fastest scan order) and the
 * voxel count of each component.
 */
public final class Components {
    private final Geometry geometry;
    private final int[] indices;
    private final long[] sizes;

    Components(Geometry geometry, int[] indices, long[] sizes) {
        this.geometry = geometry;
        this.indices = indices;
        this.sizes = sizes;
    }

    public Geometry geometry() { return geometry; }

    public int count() { return sizes.length - 1; }

    /** The live per-voxel component indices (x fastest); 0 is background. */
    public int[] indices() { return indices; }

    /** Voxel count of component {@code c} (1..count). */
    public long size(int c) {
        if (c < 1 || c > count()) {
            throw new IllegalArgumentException("no component " + c + " (there are " + count() + ")");
        }
        return sizes[c];
    }

    /** The largest component (the first one on ties), or 0 when there is none. */
    public int largest() {
        int best = 0;
        for (int c = 1; c < sizes.length; c++) {
            if (best == 0 || sizes[c] > sizes[best]) {
                best = c;
            }
        }
        return best;
    }

    /** A binary map: 1 on component {@code c}. */
    public LabelMap select(int c) {
        byte[] out = new byte[indices.length];
        for (int p = 0; p < indices.length; p++) {
            out[p] = indices[p] == c ? (byte) 1 : 0;
        }
        return new LabelMap(geometry, out);
    }
}
