package org.organdose.image.io;

import java.nio.ByteBuffer;

/**
 * The binary voxel types the readers understand, with their decoding to float. Every format
 * names these differently (NIfTI codes, NRRD and MetaImage type names, Interfile number formats);
 * each reader maps its names here so that decoding lives in one place.
 */
enum SampleType {
    UINT8(1), INT8(1), INT16(2), UINT16(2), INT32(4), UINT32(4), INT64(8), UINT64(8), FLOAT32(4), FLOAT64(8);

    private final int bytes;

    SampleType(int bytes) {
        this.bytes = bytes;
    }

    int bytes() {
        return bytes;
    }

    /** The type written for a {@link StorageType}. */
    static SampleType of(StorageType storage) {
        return switch (storage) {
            case UINT8 -> UINT8;
            case INT16 -> INT16;
            case FLOAT32 -> FLOAT32;
        };
    }

    /** Decodes {@code count} samples from {@code src} (in its byte order) into {@code dst[from...]}. */
    void decode(ByteBuffer src, float[] dst, int from, int count) {
        int end = from + count;
        switch (this) {
            case UINT8 -> { for (int p = from; p < end; p++) dst[p] = src.get() & 0xFF; }
            case INT8 -> { for (int p = from; p < end; p++) dst[p] = src.get(); }
            case INT16 -> { for (int p = from; p < end; p++) dst[p] = src.getShort(); }
            case UINT16 -> { for (int p = from; p < end; p++) dst[p] = src.getShort() & 0xFFFF; }
            case INT32 -> { for (int p = from; p < end; p++) dst[p] = src.getInt(); }
            case UINT32 -> { for (int p = from; p < end; p++) dst[p] = src.getInt() & 0xFFFFFFFFL; }
            case INT64 -> { for (int p = from; p < end; p++) dst[p] = src.getLong(); }
            case UINT64 -> { for (int p = from; p < end; p++) dst[p] = unsigned(src.getLong()); }
            case FLOAT32 -> { for (int p = from; p < end; p++) dst[p] = src.getFloat(); }
            case FLOAT64 -> { for (int p = from; p < end; p++) dst[p] = (float) src.getDouble(); }
        }
    }

    private static float unsigned(long v) {
        // values above Long.MAX_VALUE: halve, convert, double (exact enough for a float result)
        return v >= 0 ? v : (float) (v >>> 1) * 2f;
    }
}
