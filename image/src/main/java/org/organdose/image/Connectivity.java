package org.organdose.image;

/** Which voxels count as neighbours when labelling connected components. */
public enum Connectivity {
    /** Voxels sharing a face. */
    SIX,
    /** Voxels sharing a face, an edge or a corner. */
    TWENTY_SIX
}
