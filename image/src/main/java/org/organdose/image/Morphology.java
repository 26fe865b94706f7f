package org.organdose.image;

/**
 * Binary dilation and erosion by a ball of a radius in millimetres. On an anisotropic grid the
 * ball is an ellipsoid in index units; because the direction matrix is orthonormal it stays a
 * ball in world space for oblique grids too.
 *
 * <p>Both work through the exact Euclidean distance map ({@link DistanceMap}) restricted to the
 * foreground's bounding box grown by the radius, so their cost does not grow with the radius
 * cubed. Non-zero voxels are foreground; results hold 1 (foreground) and 0. A voxel centre at
 * exactly the radius counts as within it (relative tolerance 1e-6 absorbs rounding). Voxels
 * beyond the image border are neither foreground nor background: nothing is eroded from the
 * border, so {@code erode(X, r)} is exactly the complement of {@code dilate(complement of X, r)}.
 */
public final class Morphology {
    private static final double RADIUS_TOLERANCE = 1e-6;

    private Morphology() {
    }

    /** The voxels whose centre lies within {@code radiusMm} of a foreground voxel centre. */
    public static LabelMap dilate(LabelMap binary, double radiusMm) {
        return apply(binary, radiusMm, true);
    }

    /** The foreground voxels whose centre lies farther than {@code radiusMm} from every background voxel centre. */
    public static LabelMap erode(LabelMap binary, double radiusMm) {
        return apply(binary, radiusMm, false);
    }

    private static LabelMap apply(LabelMap binary, double radiusMm, boolean dilate) {
        if (!(radiusMm >= 0) || !Double.isFinite(radiusMm)) {
            throw new IllegalArgumentException("radius must be finite and non-negative, got " + radiusMm + " mm");
        }
        Geometry g = binary.geometry();
        LabelMap out = new LabelMap(g);
        IndexBox box = IndexBox.ofNonZero(binary).orElse(null);
        if (box == null) {
            return out;
        }
        int[] margin = new int[3];
        for (int a = 0; a < 3; a++) {
            // every voxel within the radius of the box lies within this many voxels of it
            margin[a] = (int) Math.min(g.size(a), Math.ceil(radiusMm / g.spacing(a)) + 1);
        }
        IndexBox crop = box.grown(margin, g);
        byte[] mask = crop.cropNonZero(binary);
        int[] size = {crop.size(0), crop.size(1), crop.size(2)};
        float[] squared = DistanceMap.squaredMm(mask, size, g.spacing(), !dilate);
        double limit = radiusMm * radiusMm * (1 + RADIUS_TOLERANCE);
        byte[] labels = out.labels();
        int q = 0;
        for (int k = crop.min(2); k <= crop.max(2); k++) {
            for (int j = crop.min(1); j <= crop.max(1); j++) {
                int p = g.offset(crop.min(0), j, k);
                for (int i = 0; i < size[0]; i++, p++, q++) {
                    boolean nearSites = squared[q] <= limit;
                    boolean keep = dilate ? nearSites : mask[q] != 0 && !nearSites;
                    labels[p] = keep ? (byte) 1 : 0;
                }
            }
        }
        return out;
    }
}
