package org.organdose.image.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Reading voxel data safely from files whose headers may lie: every size taken from a header is
 * checked against what the file can hold before anything is allocated, and compressed data is
 * read incrementally so that running out of data is an error, never a short image.
 */
final class VoxelInput {
    /** Deflate cannot expand data by more than about 1032:1, so larger claims are lies. */
    private static final long DEFLATE_MAX_RATIO = 1032;
    private static final int CHUNK_BYTES = 1 << 20;

    /** How the samples of a data file are stored after its header. */
    enum Compression { NONE, GZIP, ZLIB }

    private VoxelInput() {
    }

    /** Size of a file, with a one-line error when it is missing or unreadable. */
    static long fileSize(Path file) throws ImageIoException {
        try {
            if (!Files.isRegularFile(file)) {
                throw new ImageIoException(file, Files.exists(file) ? "not a regular file" : "file not found");
            }
            return Files.size(file);
        } catch (ImageIoException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageIoException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The data file a header names, relative to the header's folder. */
    static Path dataFile(Path header, String name) throws ImageIoException {
        try {
            return header.resolveSibling(name);
        } catch (InvalidPathException e) {
            throw new ImageIoException(header, "data file name '" + TextHeader.abbreviated(name) + "' is not a valid path");
        }
    }

    /** Opens a file for buffered reading. */
    static InputStream open(Path file) throws ImageIoException {
        try {
            return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        } catch (NoSuchFileException e) {
            throw new ImageIoException(file, "file not found", e);
        } catch (AccessDeniedException e) {
            throw new ImageIoException(file, "permission denied", e);
        } catch (IOException e) {
            throw new ImageIoException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /** True when the file starts with the gzip magic bytes. */
    static boolean isGzip(Path file) throws ImageIoException {
        try (InputStream in = open(file)) {
            return in.read() == 0x1F && in.read() == 0x8B;
        } catch (IOException e) {
            throw new ImageIoException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Wraps {@code in} to undo {@code compression}. */
    static InputStream decompressing(Path file, InputStream in, Compression compression) throws ImageIoException {
        try {
            return switch (compression) {
                case NONE -> in;
                case GZIP -> new GZIPInputStream(in, 1 << 16);
                case ZLIB -> new InflaterInputStream(in);
            };
        } catch (IOException e) {
            throw new ImageIoException(file, "not valid gzip data: " + e.getMessage(), e);
        }
    }

    /**
     * Checks that {@code storedBytes} bytes of file data can hold {@code neededBytes} bytes of
     * samples (after decompression) before anything that large is allocated.
     */
    static void requireRoom(Path file, long neededBytes, long storedBytes, Compression compression)
            throws ImageIoException {
        if (compression == Compression.NONE) {
            if (neededBytes > storedBytes) {
                throw new ImageIoException(file, "file too short: the header promises " + neededBytes
                        + " bytes of voxel data but only " + Math.max(0, storedBytes) + " are there");
            }
        } else if (neededBytes > Math.max(0, storedBytes) * DEFLATE_MAX_RATIO + 1024) {
            throw new ImageIoException(file, "file too short: the header promises " + neededBytes
                    + " bytes of voxel data, more than " + storedBytes + " compressed bytes can hold");
        }
    }

    /** A zeroed voxel array; one that does not fit in memory is reported, not thrown as an Error. */
    static float[] allocate(Path file, long count) throws ImageIoException {
        if (count > Integer.MAX_VALUE - 8) {
            throw new ImageIoException(file, "image of " + count + " voxels is too large");
        }
        try {
            return new float[(int) count];
        } catch (OutOfMemoryError e) {
            throw new ImageIoException(file, "image of " + count + " voxels does not fit in memory");
        }
    }

    /** Skips exactly {@code n} bytes, failing when the data ends first. */
    static void skip(Path file, InputStream in, long n) throws ImageIoException {
        try {
            long left = n;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new ImageIoException(file, "file ends " + left + " bytes before the voxel data starts");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        } catch (ImageIoException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageIoException(file, "corrupt data: " + e.getMessage(), e);
        }
    }

    /** Reads exactly {@code count} binary samples, chunk by chunk; running out of data is an error. */
    static float[] readSamples(Path file, InputStream in, SampleType type, ByteOrder order, int count)
            throws ImageIoException {
        float[] out = allocate(file, count);
        int perChunk = Math.max(1, Math.min(CHUNK_BYTES / type.bytes(), count));
        byte[] chunk = new byte[perChunk * type.bytes()];
        ByteBuffer buffer = ByteBuffer.wrap(chunk).order(order);
        int done = 0;
        try {
            while (done < count) {
                int n = Math.min(perChunk, count - done);
                int got = in.readNBytes(chunk, 0, n * type.bytes());
                if (got < n * type.bytes()) {
                    throw new ImageIoException(file, "voxel data ends after " + (done + got / type.bytes())
                            + " of " + count + " voxels");
                }
                buffer.clear();
                type.decode(buffer, out, done, n);
                done += n;
            }
        } catch (ImageIoException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageIoException(file, "corrupt voxel data: " + e.getMessage(), e);
        }
        return out;
    }

    /** Reads exactly {@code count} numbers written as text, separated by white space or commas. */
    static float[] readTextSamples(Path file, InputStream in, int count) throws ImageIoException {
        float[] out = allocate(file, count);
        StringBuilder token = new StringBuilder();
        int done = 0;
        try {
            while (done < count) {
                int c = in.read();
                boolean separator = c < 0 || Character.isWhitespace(c) || c == ',';
                if (!separator) {
                    if (token.length() > 64) {
                        throw new ImageIoException(file, "voxel " + done + " is not a number");
                    }
                    token.append((char) c);
                    continue;
                }
                if (token.length() > 0) {
                    out[done++] = (float) TextHeader.number(file, "voxel " + done, token.toString());
                    token.setLength(0);
                }
                if (c < 0 && done < count) {
                    throw new ImageIoException(file, "voxel data ends after " + done + " of " + count + " voxels");
                }
            }
        } catch (ImageIoException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageIoException(file, "cannot read: " + e.getMessage(), e);
        }
        return out;
    }

    /** Reads the first {@code n} bytes of a stream, or fewer when it ends first. */
    static byte[] readUpTo(Path file, InputStream in, int n) throws ImageIoException {
        try {
            return in.readNBytes(n);
        } catch (IOException e) {
            throw new ImageIoException(file, "corrupt data: " + e.getMessage(), e);
        }
    }
}
