package org.organdose.cli.review;

import org.organdose.image.Geometry;
import org.organdose.image.Interpolation;
import org.organdose.image.LabelMap;
import org.organdose.image.Plane;
import org.organdose.image.Resampler;
import org.organdose.image.Volume;

/**
 * Cuts display slices out of volumes on the diagnostic CT grid, oriented by {@link Plane}: row 0 at
 * the top of the screen, column 0 on the left. A volume on another grid (SPECT, dose) is sampled
 * trilinearly at the CT voxel centres of that slice only, so that nothing is resampled whole and
 * every overlay lies pixel for pixel on the CT.
 */
final class SliceSampler {
    private final Geometry grid;

    SliceSampler(Geometry grid) {
        this.grid = grid;
    }

    int width(Plane plane) {
        return grid.size(plane.columnAxis());
    }

    int height(Plane plane) {
        return grid.size(plane.rowAxis());
    }

    int depth(Plane plane) {
        return grid.size(plane.normalAxis());
    }

    /** The slice {@code index} along the plane's normal; outside its own grid a volume reads 0. */
    float[] slice(Volume volume, Plane plane, int index) {
        if (volume.geometry().sameGrid(grid, 1e-3)) {
            return cut(volume.voxels(), grid, plane, index);
        }
        Geometry slab = slab(plane, index);
        return cut(Resampler.resample(volume, slab, Interpolation.TRILINEAR, 0f).voxels(), slab, plane, 0);
    }

    /** The labels of the slice {@code index}; labels must be on the CT grid. */
    byte[] slice(LabelMap labels, Plane plane, int index) {
        byte[] in = labels.labels();
        int w = width(plane);
        int h = height(plane);
        byte[] out = new byte[w * h];
        int[] ijk = new int[3];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                place(plane, index, r, c, h, ijk);
                out[r * w + c] = in[grid.offset(ijk[0], ijk[1], ijk[2])];
            }
        }
        return out;
    }

    /** The one-voxel-thick part of the CT grid that holds slice {@code index}. */
    private Geometry slab(Plane plane, int index) {
        int[] n = grid.sizes();
        int[] start = new int[3];
        start[plane.normalAxis()] = index;
        n[plane.normalAxis()] = 1;
        return grid.with(n[0], n[1], n[2], grid.spacing(), grid.indexToWorld(start[0], start[1], start[2]));
    }

    private float[] cut(float[] voxels, Geometry on, Plane plane, int index) {
        int w = width(plane);
        int h = height(plane);
        float[] out = new float[w * h];
        int[] ijk = new int[3];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                place(plane, index, r, c, h, ijk);
                out[r * w + c] = voxels[on.offset(ijk[0], ijk[1], ijk[2])];
            }
        }
        return out;
    }

    /** The voxel index shown at row {@code r}, column {@code c} of a slice {@code h} rows high. */
    private static void place(Plane plane, int index, int r, int c, int h, int[] ijk) {
        ijk[plane.normalAxis()] = index;
        ijk[plane.columnAxis()] = c;
        ijk[plane.rowAxis()] = plane.rowsReversed() ? h - 1 - r : r;
    }
}
