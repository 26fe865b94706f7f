package org.organdose.image;

/** How {@link Resampler} reads a scalar source image between voxel centres. */
public enum Interpolation {
    /** The value of the source voxel whose centre is nearest. */
    NEAREST,
    /** Linear in each index axis between the 8 surrounding voxel centres. */
    TRILINEAR
}
