package org.organdose.segment;

/** How many planes inference predicts along. */
public enum Mode {
    /** Axial slices only: fastest. */
    AXIAL,
    /** Axial, coronal and sagittal; a voxel keeps an organ where at least 2 of the 3 agree (paper Eq. 2). */
    CONSENSUS
}
