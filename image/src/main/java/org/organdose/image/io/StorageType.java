package org.organdose.image.io;

import org.organdose.image.Volume;

/** Voxel type used when writing a file. */
public enum StorageType {
    /** Labels 0..255. */
    UINT8,
    /** CT in HU and other integer data. */
    INT16,
    FLOAT32;

    /**
     * The most compact type that stores every voxel of {@code volume} exactly: whole numbers in
     * 0..255 as UINT8, whole numbers in the int16 range as INT16, anything else as FLOAT32.
     */
    public static StorageType smallestExact(Volume volume) {
        boolean integral = true;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : volume.voxels()) {
            if (v != Math.rint(v)) {
                integral = false;
                break;
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (!integral) {
            return FLOAT32;
        }
        if (min >= 0 && max <= 255) {
            return UINT8;
        }
        return min >= Short.MIN_VALUE && max <= Short.MAX_VALUE ? INT16 : FLOAT32;
    }
}
