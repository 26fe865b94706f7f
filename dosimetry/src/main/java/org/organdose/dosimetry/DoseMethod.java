package org.organdose.dosimetry;

/** How absorbed dose is computed from the voxel time-integrated activity. */
public enum DoseMethod {
    /** Convolution with a voxel S value kernel (by FFT). */
    KERNEL_CONVOLUTION,
    /** All electron energy absorbed in the voxel of decay; photons ignored. */
    LOCAL_DEPOSITION
}
