package org.organdose.image.io.dicom;

/**
 * Where the native (uncompressed) pixel data of a file lies, without copying it.
 *
 * @param buffer    the bytes holding it; null when the file was parsed for its headers only
 * @param offset    start of the value in {@code buffer}
 * @param length    value length in bytes
 * @param bigEndian words are stored big endian (Explicit VR Big Endian)
 * @param encapsulated compressed fragments (no {@code buffer}): a compressed transfer syntax
 */
public record PixelData(byte[] buffer, int offset, int length, boolean bigEndian, boolean encapsulated) {
}
