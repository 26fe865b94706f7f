package org.organdose.image.io.dicom;

import java.nio.file.Path;
import java.util.List;
import org.organdose.image.io.ImageIoException;

/**
 * Decodes RLE Lossless pixel data (PS3.5 annex G) into native little-endian pixels, so that
 * {@link PixelFormat} reads them as it reads uncompressed data. Each frame is one fragment; it
 * starts with a 64-byte header (the number of segments, then up to 15 segment offsets) and holds
 * one PackBits-coded segment per byte of a pixel, the most significant byte first.
 *
 * <p>Only greyscale (one sample per pixel) is decoded; for colour or unsupported bit depths the
 * pixel data is left undecoded so that the plane check names the real reason.
 */
final class RleLossless {
    static final String UID = "1.2.840.10008.1.2.5";
    private static final int HEADER_BYTES = 64;
    /** PackBits expands at most 2 bytes into 128: a bound on a segment's decoded size before allocating. */
    private static final int MAX_EXPANSION = 64;

    /** Where one fragment's bytes lie in the file. */
    record Fragment(int offset, int length) {
    }

    private RleLossless() {
    }

    /**
     * The pixel data of RLE fragments (the basic offset table already removed).
     *
     * @param decode false when only headers are wanted: the length is then the one the header
     *               implies, and the bytes are checked when they are decoded
     */
    static PixelData pixelData(Path file, byte[] bytes, List<Fragment> fragments, DicomAttributes a, boolean decode)
            throws ImageIoException {
        int samples = a.integer(DicomTags.SAMPLES_PER_PIXEL, 1);
        int bitsAllocated = a.integer(DicomTags.BITS_ALLOCATED, 0);
        int rows = a.integer(DicomTags.ROWS, 0);
        int columns = a.integer(DicomTags.COLUMNS, 0);
        int frames = a.integer(DicomTags.NUMBER_OF_FRAMES, 1);
        if (samples != 1 || (bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32) || rows <= 0
                || columns <= 0 || frames < 1) {
            return new PixelData(null, 0, 0, false, false);
        }
        if (fragments.size() != frames) {
            throw new ImageIoException(file, "damaged file: RLE pixel data holds " + fragments.size() + " fragments for "
                    + frames + " frames (one fragment a frame)");
        }
        int bytesPerPixel = bitsAllocated / 8;
        long pixelsPerFrame = (long) rows * columns;
        long total = pixelsPerFrame * frames * bytesPerPixel;
        if (total > Integer.MAX_VALUE - 8) {
            throw new ImageIoException(file, "image of " + total + " bytes is too large to decode");
        }
        if (!decode) {
            return new PixelData(null, 0, (int) total, false, false);
        }
        // every segment checked before the one allocation, so that a damaged header costs no memory
        int[][] bounds = new int[frames][];
        for (int f = 0; f < frames; f++) {
            Fragment fragment = fragments.get(f);
            int[] starts = segmentStarts(file, bytes, fragment, f, bytesPerPixel);
            bounds[f] = new int[bytesPerPixel + 1];
            for (int s = 0; s < bytesPerPixel; s++) {
                bounds[f][s] = fragment.offset() + starts[s];
            }
            bounds[f][bytesPerPixel] = fragment.offset() + fragment.length();
            for (int s = 0; s < bytesPerPixel; s++) {
                int coded = bounds[f][s + 1] - bounds[f][s];
                if (pixelsPerFrame > (long) MAX_EXPANSION * coded + 128) {
                    throw new ImageIoException(file, "damaged file: RLE segment " + s + " of frame " + f + " holds " + coded
                            + " bytes, too few for " + pixelsPerFrame + " pixels");
                }
            }
        }
        byte[] out = new byte[(int) total];
        for (int f = 0; f < frames; f++) {
            for (int s = 0; s < bytesPerPixel; s++) {
                // segment 0 holds the most significant byte; little endian puts it last
                int written = unpack(bytes, bounds[f][s], bounds[f][s + 1], out,
                        f * pixelsPerFrame * bytesPerPixel + (bytesPerPixel - 1 - s), bytesPerPixel, (int) pixelsPerFrame);
                if (written < pixelsPerFrame) {
                    throw new ImageIoException(file, "damaged file: RLE segment " + s + " of frame " + f + " decodes to "
                            + written + " bytes, not " + pixelsPerFrame);
                }
            }
        }
        return new PixelData(out, 0, out.length, false, false);
    }

    /** The offsets of a frame's segments from the start of its fragment, checked. */
    private static int[] segmentStarts(Path file, byte[] bytes, Fragment fragment, int frame, int expected)
            throws ImageIoException {
        if (fragment.length() < HEADER_BYTES) {
            throw new ImageIoException(file, "damaged file: RLE frame " + frame + " is " + fragment.length()
                    + " bytes, shorter than its 64-byte header");
        }
        long count = u32(bytes, fragment.offset());
        if (count != expected) {
            throw new ImageIoException(file, "RLE frame " + frame + " has " + count + " segments, not the " + expected
                    + " of one greyscale sample of " + 8 * expected + " bits");
        }
        int[] starts = new int[expected];
        long previous = HEADER_BYTES - 1;
        for (int s = 0; s < expected; s++) {
            long start = u32(bytes, fragment.offset() + 4 + 4 * s);
            if (start <= previous || start >= fragment.length()) {
                throw new ImageIoException(file, "damaged file: RLE frame " + frame + " segment " + s + " starts at "
                        + start + ", outside its fragment of " + fragment.length() + " bytes or before the segment before it");
            }
            starts[s] = (int) start;
            previous = start;
        }
        return starts;
    }

    /**
     * PackBits: a header byte n, then n + 1 literal bytes (n 0..127) or one byte repeated 1 - n
     * times (n -127..-1); -128 is no operation. Writes every {@code stride}-th byte of {@code out}
     * from {@code at}, at most {@code limit} of them (a segment may end with one byte of padding),
     * and returns how many it wrote.
     */
    static int unpack(byte[] in, int from, int to, byte[] out, long at, int stride, int limit) {
        int written = 0;
        int p = from;
        long o = at;
        while (p < to && written < limit) {
            int n = in[p++];
            if (n >= 0) {
                for (int c = 0; c <= n && p < to && written < limit; c++, written++, o += stride) {
                    out[(int) o] = in[p++];
                }
            } else if (n != -128 && p < to) {
                byte value = in[p++];
                for (int c = 0; c < 1 - n && written < limit; c++, written++, o += stride) {
                    out[(int) o] = value;
                }
            }
        }
        return written;
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }
}
