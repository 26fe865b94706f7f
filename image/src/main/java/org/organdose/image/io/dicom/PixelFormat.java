package org.organdose.image.io.dicom;

import java.nio.file.Path;
import org.organdose.image.io.ImageIoException;

/**
 * How stored pixel values are packed (PS3.5 section 8 and PS3.3 C.7.6.3.1): each pixel takes
 * {@code bitsAllocated} bits, of which {@code bitsStored} ending at {@code highBit} hold the value,
 * two's complement when {@code signed}.
 */
record PixelFormat(int bitsAllocated, int bitsStored, int highBit, boolean signed) {

    static PixelFormat of(DicomAttributes a) throws ImageIoException {
        Path file = a.source();
        int allocated = a.integer(DicomTags.BITS_ALLOCATED, 0);
        if (allocated != 8 && allocated != 16 && allocated != 32) {
            throw new ImageIoException(file, "BitsAllocated " + allocated + " is not supported (only 8, 16 and 32)");
        }
        int stored = a.integer(DicomTags.BITS_STORED, allocated);
        if (stored < 1 || stored > allocated) {
            throw new ImageIoException(file, "BitsStored " + stored + " does not fit BitsAllocated " + allocated);
        }
        int high = a.integer(DicomTags.HIGH_BIT, stored - 1);
        if (high < stored - 1 || high >= allocated) {
            throw new ImageIoException(file, "HighBit " + high + " does not fit BitsStored " + stored
                    + " and BitsAllocated " + allocated);
        }
        int representation = a.integer(DicomTags.PIXEL_REPRESENTATION, 0);
        if (representation != 0 && representation != 1) {
            throw new ImageIoException(file, "PixelRepresentation " + representation + " is neither 0 (unsigned) nor 1 (signed)");
        }
        return new PixelFormat(allocated, stored, high, representation == 1);
    }

    int bytesPerPixel() {
        return bitsAllocated / 8;
    }

    /**
     * Decodes {@code count} pixels starting at pixel {@code first} of {@code data} and stores
     * {@code stored * slope + intercept} (the modality LUT) into {@code out} from {@code outOffset}.
     */
    void decode(Path file, PixelData data, long first, int count, double slope, double intercept, float[] out, int outOffset)
            throws ImageIoException {
        int size = bytesPerPixel();
        if (data == null || data.buffer() == null || (first + count) * size > data.length()) {
            throw new ImageIoException(file, "pixel data is missing or shorter than its header says");
        }
        byte[] b = data.buffer();
        int start = data.offset() + (int) (first * size);
        boolean bigEndian = data.bigEndian();
        // 8-bit pixels in a big endian OW value are swapped pairwise with their neighbour
        int swap8 = size == 1 && bigEndian ? 1 : 0;
        int shift = highBit + 1 - bitsStored;
        int unused = 64 - bitsStored;
        for (int p = 0; p < count; p++) {
            int at = start + p * size;
            long raw;
            if (size == 1) {
                raw = b[data.offset() + (int) ((first + p) ^ swap8)] & 0xFF;
            } else if (size == 2) {
                raw = bigEndian ? (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF) : (b[at + 1] & 0xFF) << 8 | (b[at] & 0xFF);
            } else {
                raw = bigEndian
                        ? (long) (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF)
                        : (long) (b[at + 3] & 0xFF) << 24 | (b[at + 2] & 0xFF) << 16 | (b[at + 1] & 0xFF) << 8 | (b[at] & 0xFF);
            }
            long value = (raw >>> shift) << unused;
            value = signed ? value >> unused : value >>> unused;
            out[outOffset + p] = (float) (value * slope + intercept);
        }
    }
}
