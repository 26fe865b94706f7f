package org.organdose.image.io.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.io.ImageIoException;
import org.organdose.image.io.dicom.DicomTestWriter.Options;

/** {@link DicomReader#readHeaders}: the header up to the pixel data, whatever its length, without the pixels. */
class DicomHeaderReadTest {
    @TempDir
    Path dir;

    @Test
    void notesThePixelDataWithoutReadingIt() throws IOException {
        Path file = dir.resolve("a");
        DicomTestWriter.write(file, SyntheticDicom.ctSlice("1.1", 1, 300, 300, SyntheticDicom.AXIAL, new double[3], 1, 1,
                new short[300 * 300]), Options.of(TransferSyntax.EXPLICIT_LITTLE));
        DicomFile dicom = DicomReader.readHeaders(file);
        assertThat(dicom.attributes().string(DicomTags.SERIES_INSTANCE_UID)).isEqualTo("1.1");
        PixelData pixels = dicom.attributes().pixelData();
        assertThat(pixels.buffer()).isNull();
        assertThat(pixels.length()).isEqualTo(2 * 300 * 300);
        // the value ends the file: offset + length is its size
        assertThat(pixels.offset() + (long) pixels.length()).isEqualTo(Files.size(file));
        assertThat(DicomReader.nonImageReason(dicom.attributes())).isNull();
    }

    /** A header longer than the first read (a long private or text element) is read on to the pixel data. */
    @Test
    void readsOnWhenTheHeaderIsLongerThanTheFirstRead() throws IOException {
        Path file = dir.resolve("b");
        char[] text = new char[200_000];
        Arrays.fill(text, 'x');
        DicomTestWriter.write(file, SyntheticDicom.axialSlice("2.1", 0).text(0x00204000, Vr.UT, new String(text))
                .text(0x00211001, Vr.LO, "after the long one"), Options.of(TransferSyntax.EXPLICIT_LITTLE));
        DicomFile dicom = DicomReader.readHeaders(file);
        assertThat(dicom.attributes().string(0x00211001)).isEqualTo("after the long one");
        assertThat(dicom.attributes().pixelData()).isNotNull();
    }

    @Test
    void aTruncatedPixelValueIsStillAnError() throws IOException {
        Path file = dir.resolve("c");
        DicomTestWriter.write(file, SyntheticDicom.axialSlice("3.1", 0), Options.of(TransferSyntax.EXPLICIT_LITTLE));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 10));
        assertThatThrownBy(() -> DicomReader.readHeaders(file)).isInstanceOf(ImageIoException.class)
                .hasMessageContaining("file is truncated or damaged: element (7FE0,0010) claims 60 bytes");
    }

    @Test
    void headersOfDeflatedFilesAreRead() throws IOException {
        Path file = dir.resolve("d");
        DicomTestWriter.write(file, SyntheticDicom.axialSlice("4.1", 0), Options.of(TransferSyntax.DEFLATED_EXPLICIT_LITTLE));
        assertThat(DicomReader.readHeaders(file).attributes().string(DicomTags.SERIES_INSTANCE_UID)).isEqualTo("4.1");
    }
}
