package org.organdose.image.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Encodes float voxels as a {@link StorageType} for the writers. Integer types are rounded to
 * the nearest integer and clamped to the type's range (NaN becomes 0): CT in HU fits INT16 and
 * labels fit UINT8, so clamping only touches values the caller could not have meant to keep.
 */
final class VoxelOutput {
    private static final int CHUNK_VOXELS = 1 << 18;

    private VoxelOutput() {
    }

    static void write(OutputStream out, float[] voxels, StorageType storage, ByteOrder order) throws IOException {
        SampleType type = SampleType.of(storage);
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK_VOXELS * type.bytes()).order(order);
        for (int start = 0; start < voxels.length; start += CHUNK_VOXELS) {
            int end = Math.min(voxels.length, start + CHUNK_VOXELS);
            buffer.clear();
            for (int p = start; p < end; p++) {
                float v = voxels[p];
                switch (storage) {
                    case UINT8 -> buffer.put((byte) clampRound(v, 0, 255));
                    case INT16 -> buffer.putShort((short) clampRound(v, Short.MIN_VALUE, Short.MAX_VALUE));
                    case FLOAT32 -> buffer.putFloat(v);
                }
            }
            out.write(buffer.array(), 0, buffer.position());
        }
    }

    /**
     * A gzip stream at the fastest deflate level: image data compresses nearly as well at level 1
     * and large CTs write several times faster. Call {@code finish()}; closing the file is the caller's.
     */
    static GZIPOutputStream gzip(OutputStream out) throws IOException {
        return new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
    }

    private static int clampRound(float v, int min, int max) {
        if (Float.isNaN(v)) {
            return 0;
        }
        return (int) Math.max(min, Math.min(max, Math.round((double) v)));
    }
}
