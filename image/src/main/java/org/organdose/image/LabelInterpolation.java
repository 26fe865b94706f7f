package org.organdose.image;

/** How {@link Resampler} reads a label map between voxel centres. */
public enum LabelInterpolation {
    /** The label of the source voxel whose centre is nearest: blocky when upsampling. */
    NEAREST,
    /**
     * Each label's indicator (1 inside, 0 outside) is interpolated trilinearly and the label with
     * the largest weight wins, background included (ties go to the lower label value). Label
     * boundaries follow the interpolated surfaces instead of the source voxel staircase. Meant for
     * targets as fine as the source or finer; onto much coarser grids use
     * {@link Resampler#fractionCovered}, which weighs each target voxel's whole extent.
     */
    LABEL_AWARE
}
