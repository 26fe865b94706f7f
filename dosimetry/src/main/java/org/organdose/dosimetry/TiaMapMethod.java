package org.organdose.dosimetry;

/** How an organ's time-integrated activity is spread over its dose voxels. */
public enum TiaMapMethod {
    /**
     * In proportion to the SPECTs integrated over the measured span: one shape for the whole
     * organ, the organ's kinetics everywhere in it.
     */
    ORGAN_SHAPE,
    /**
     * Per-voxel kinetics ({@link VoxelKinetics}): each voxel's curve is the organ's fitted curve
     * with its own amplitude and its own change of clearance rate, the rate shrunk towards the
     * organ's where the voxel is too noisy to say otherwise; integrated to infinity per voxel.
     */
    VOXEL_FITS
}
