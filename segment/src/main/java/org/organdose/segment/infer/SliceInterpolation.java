package org.organdose.segment.infer;

import org.organdose.image.DistanceMap;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.Volume;

/**
 * Fills axial slices where the network found nothing of an organ although the organ is present
 * above and below (the paper's missing-slice interpolation). The gap is filled by shape-based
 * interpolation: the signed distance maps of the nearest non-empty slices on either side are
 * blended linearly by height, and the organ is where the blend is negative. Only gaps of at most
 * {@code maxGapSlices} are filled, and only voxels no other organ holds.
 */
public final class SliceInterpolation {
    private SliceInterpolation() {
    }

    /**
     * Fills the gaps of {@code label} in place.
     *
     * @return the number of slices filled
     */
    public static int fill(LabelMap labels, int label, int maxGapSlices) {
        Geometry g = labels.geometry();
        int nx = g.nx();
        int ny = g.ny();
        int sliceSize = nx * ny;
        byte[] v = labels.labels();
        boolean[] present = new boolean[g.nz()];
        for (int k = 0; k < g.nz(); k++) {
            for (int p = k * sliceSize; p < (k + 1) * sliceSize; p++) {
                if (v[p] == label) {
                    present[k] = true;
                    break;
                }
            }
        }
        Geometry slice = g.with(nx, ny, 1, g.spacing(), g.origin());
        int filled = 0;
        int below = -1;
        for (int k = 0; k < g.nz(); k++) {
            if (!present[k]) {
                continue;
            }
            int gap = k - below - 1;
            if (below >= 0 && gap > 0 && gap <= maxGapSlices) {
                Volume dBelow = DistanceMap.signedMm(sliceMask(v, below, slice, label));
                Volume dAbove = DistanceMap.signedMm(sliceMask(v, k, slice, label));
                for (int z = below + 1; z < k; z++) {
                    double t = (double) (z - below) / (k - below);
                    if (fillSlice(v, z * sliceSize, dBelow.voxels(), dAbove.voxels(), t, (byte) label)) {
                        filled++;
                    }
                }
            }
            below = k;
        }
        return filled;
    }

    private static LabelMap sliceMask(byte[] v, int k, Geometry slice, int label) {
        int size = slice.voxelCount();
        byte[] mask = new byte[size];
        for (int p = 0; p < size; p++) {
            mask[p] = v[k * size + p] == label ? (byte) 1 : 0;
        }
        return new LabelMap(slice, mask);
    }

    private static boolean fillSlice(byte[] v, int offset, float[] below, float[] above, double t, byte label) {
        boolean any = false;
        for (int p = 0; p < below.length; p++) {
            double d = (1 - t) * below[p] + t * above[p];
            // -inf (a slice without background) blends to -inf or NaN with +inf; treat NaN as outside
            if (d < 0 && v[offset + p] == 0) {
                v[offset + p] = label;
                any = true;
            }
        }
        return any;
    }
}
