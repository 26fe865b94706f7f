package org.organdose.image.io;

/** Voxel type used when writing a file. */
public enum StorageType {
    /** Labels 0..255. */
    UINT8,
    /** CT in HU and other integer data. */
    INT16,
    FLOAT32
}
