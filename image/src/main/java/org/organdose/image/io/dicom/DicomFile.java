package org.organdose.image.io.dicom;

import java.nio.file.Path;

/**
 * One parsed DICOM Part 10 file.
 *
 * @param path           where it was read from
 * @param transferSyntax how its dataset was encoded
 * @param attributes     its dataset (the file meta group is not included)
 */
public record DicomFile(Path path, TransferSyntax transferSyntax, DicomAttributes attributes) {
}
