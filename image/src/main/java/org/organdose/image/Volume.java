package org.organdose.image;

/**
 * A scalar image: float voxels on a {@link Geometry}, stored x fastest, then y, then z.
 * The voxel array is shared, not copied: use {@link #copy()} when you need independence.
 */
public final class Volume {
    private final Geometry geometry;
    private final float[] voxels;

    public Volume(Geometry geometry, float[] voxels) {
        if (voxels.length != geometry.voxelCount()) {
            throw new IllegalArgumentException("voxel count " + voxels.length + " does not match geometry " + geometry);
        }
        this.geometry = geometry;
        this.voxels = voxels;
    }

    /** A zero-filled volume. */
    public Volume(Geometry geometry) {
        this(geometry, new float[geometry.voxelCount()]);
    }

    public Geometry geometry() { return geometry; }

    /** The live voxel array (x fastest). */
    public float[] voxels() { return voxels; }

    public float get(int i, int j, int k) {
        return voxels[geometry.offset(i, j, k)];
    }

    public void set(int i, int j, int k, float value) {
        voxels[geometry.offset(i, j, k)] = value;
    }

    public Volume copy() {
        return new Volume(geometry, voxels.clone());
    }

    /** Minimum and maximum voxel value, ignoring NaN. */
    public float[] range() {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : voxels) {
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
        }
        return new float[] {min, max};
    }

    /** Mean over voxels where {@code mask} equals {@code label}; NaN when there are none. */
    public double meanWhere(LabelMap mask, int label) {
        if (!mask.geometry().sameGrid(geometry, 1e-3)) {
            throw new IllegalArgumentException("mask and volume grids differ");
        }
        byte[] labels = mask.labels();
        double sum = 0;
        long n = 0;
        for (int p = 0; p < voxels.length; p++) {
            if (labels[p] == label) {
                sum += voxels[p];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
