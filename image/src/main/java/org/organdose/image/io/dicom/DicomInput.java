package org.organdose.image.io.dicom;

import java.nio.file.Path;
import org.organdose.image.io.ImageIoException;

/**
 * A cursor over the bytes of a DICOM file that checks every read against the bytes left, so a
 * damaged or lying header ends in an {@link ImageIoException}, never in an index error.
 */
final class DicomInput {
    private final Path file;
    private final byte[] bytes;
    private int position;
    private boolean bigEndian;

    DicomInput(Path file, byte[] bytes, int position) {
        this.file = file;
        this.bytes = bytes;
        this.position = position;
    }

    Path file() { return file; }
    byte[] bytes() { return bytes; }
    int position() { return position; }
    int remaining() { return bytes.length - position; }
    boolean bigEndian() { return bigEndian; }
    void bigEndian(boolean value) { bigEndian = value; }

    /** Fails unless {@code count} more bytes exist; {@code what} names them in the message. */
    void require(long count, String what) throws ImageIoException {
        if (count < 0 || count > remaining()) {
            throw new ImageIoException(file, "file is truncated or damaged: " + what + " needs " + count
                    + " bytes at offset " + position + " but only " + remaining() + " remain");
        }
    }

    int u16(String what) throws ImageIoException {
        require(2, what);
        int a = bytes[position] & 0xFF;
        int b = bytes[position + 1] & 0xFF;
        position += 2;
        return bigEndian ? (a << 8) | b : (b << 8) | a;
    }

    /** An unsigned 32-bit value, as a long so that 0xFFFFFFFF stays distinguishable. */
    long u32(String what) throws ImageIoException {
        require(4, what);
        long value = 0;
        for (int k = 0; k < 4; k++) {
            int index = bigEndian ? position + k : position + 3 - k;
            value = (value << 8) | (bytes[index] & 0xFF);
        }
        position += 4;
        return value;
    }

    /** A tag as {@code (group << 16) | element}. */
    int tag() throws ImageIoException {
        int group = u16("element tag");
        int element = u16("element tag");
        return (group << 16) | element;
    }

    /** The byte {@code ahead} bytes past the cursor, unread; 0 past the end. */
    byte peek(int ahead) {
        return position + ahead < bytes.length ? bytes[position + ahead] : 0;
    }

    byte[] take(int count, String what) throws ImageIoException {
        require(count, what);
        byte[] value = new byte[count];
        System.arraycopy(bytes, position, value, 0, count);
        position += count;
        return value;
    }

    void skip(long count, String what) throws ImageIoException {
        require(count, what);
        position += (int) count;
    }
}
