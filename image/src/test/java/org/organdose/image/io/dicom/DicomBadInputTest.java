package org.organdose.image.io.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.io.ImageIoException;
import org.organdose.image.io.ReadOptions;
import org.organdose.image.io.dicom.DicomTestWriter.Dataset;
import org.organdose.image.io.dicom.DicomTestWriter.Options;

/** Damaged and unsupported files end in one clear line naming the file and the problem. */
class DicomBadInputTest {
    @TempDir
    Path dir;

    private static byte[] valid() {
        return DicomTestWriter.encode(SyntheticDicom.axialSlice("1.2", 0), Options.of(TransferSyntax.EXPLICIT_LITTLE));
    }

    /** Reads {@code bytes} as a file and returns the message, which must name the file on one line. */
    private String problem(byte[] bytes) throws IOException {
        Path file = dir.resolve("bad.dcm");
        Files.write(file, bytes);
        return problemOf(file);
    }

    private static String problemOf(Path path) {
        ImageIoException e = catchThrowableOfType(ImageIoException.class, () -> DicomReader.read(path, ReadOptions.defaults()));
        assertThat(e).as("reading %s must fail", path).isNotNull();
        assertThat(e.getMessage()).startsWith(path + ": ").doesNotContain("\n");
        return e.getMessage();
    }

    /** Offset of an explicit VR little endian element header in an encoded file. */
    private static int offsetOf(byte[] file, int tag, String vr) {
        byte[] header = {(byte) (tag >>> 16), (byte) (tag >>> 24), (byte) tag, (byte) (tag >>> 8),
            (byte) vr.charAt(0), (byte) vr.charAt(1)};
        for (int i = 132; i + header.length <= file.length; i++) {
            if (Arrays.equals(file, i, i + header.length, header, 0, header.length)) {
                return i;
            }
        }
        throw new AssertionError("tag not found");
    }

    @Test
    void truncatedFiles() throws IOException {
        byte[] file = valid();
        assertThat(problem(Arrays.copyOf(file, file.length - 10))).contains("truncated", "(7FE0,0010) claims 60 bytes");
        assertThat(problem(Arrays.copyOf(file, 300))).contains("truncated");
        assertThat(problem(Arrays.copyOf(file, 133))).contains("truncated");
    }

    @Test
    void garbageAndWrongMagic() throws IOException {
        byte[] garbage = new byte[5000];
        new Random(1).nextBytes(garbage);
        garbage[0] = 'x';
        assertThat(problem(garbage)).contains("not a DICOM file");
        byte[] file = valid();
        file[128] = 'X';
        assertThat(problem(file)).contains("not a DICOM file");
        assertThat(problem(new byte[0])).contains("not a DICOM file");
        assertThat(problem("hello world, this is text".getBytes(StandardCharsets.US_ASCII))).contains("not a DICOM file");
    }

    @Test
    void lengthLargerThanTheFile() throws IOException {
        byte[] file = valid();
        int at = offsetOf(file, DicomTags.SERIES_DESCRIPTION, "LO");
        file[at + 6] = (byte) 0xF0;
        file[at + 7] = (byte) 0x7F;
        assertThat(problem(file)).contains("(0008,103E) claims 32752 bytes");
        file = valid();
        at = offsetOf(file, DicomTags.PIXEL_DATA, "OW");
        file[at + 8] = (byte) 0xFE;
        file[at + 9] = (byte) 0xFF;
        file[at + 10] = (byte) 0xFF;
        file[at + 11] = (byte) 0x7F;
        assertThat(problem(file)).contains("(7FE0,0010) claims 2147483646 bytes");
    }

    @Test
    void oddLength() throws IOException {
        byte[] file = valid();
        int at = offsetOf(file, DicomTags.SERIES_DESCRIPTION, "LO");
        file[at + 6] = 9;
        assertThat(problem(file)).contains("(0008,103E) has odd length 9");
    }

    @Test
    void undefinedLengthOnAPlainValue() throws IOException {
        byte[] file = valid();
        int at = offsetOf(file, DicomTags.PIXEL_DATA, "OW");
        file[at + 4] = 'U';
        file[at + 5] = 'T';
        file[at + 8] = file[at + 9] = file[at + 10] = file[at + 11] = (byte) 0xFF;
        // the pixel tag with undefined length is taken as compressed fragments, which are not there
        assertThat(problem(file)).contains("damaged");
    }

    @Test
    void emptyImageSize() throws IOException {
        assertThat(problem(DicomTestWriter.encode(SyntheticDicom.axialSlice("1", 0).us(DicomTags.ROWS, 0),
                Options.of(TransferSyntax.EXPLICIT_LITTLE)))).contains("0 rows x 5 columns");
        assertThat(problem(DicomTestWriter.encode(SyntheticDicom.axialSlice("1", 0).remove(DicomTags.COLUMNS),
                Options.of(TransferSyntax.EXPLICIT_LITTLE)))).contains("6 rows x 0 columns");
    }

    @Test
    void negativeFrameCount() throws IOException {
        assertThat(problem(DicomTestWriter.encode(SyntheticDicom.axialSlice("1", 0).integerString(DicomTags.NUMBER_OF_FRAMES, -3),
                Options.of(TransferSyntax.EXPLICIT_LITTLE)))).contains("NumberOfFrames is -3");
    }

    @Test
    void missingOrShortPixelData() throws IOException {
        assertThat(problem(DicomTestWriter.encode(SyntheticDicom.axialSlice("1", 0).remove(DicomTags.PIXEL_DATA),
                Options.of(TransferSyntax.EXPLICIT_LITTLE)))).contains("no pixel data");
        assertThat(problem(DicomTestWriter.encode(SyntheticDicom.axialSlice("1", 0).pixels16(new short[20]),
                Options.of(TransferSyntax.EXPLICIT_LITTLE)))).contains("pixel data holds 40 bytes", "need 60");
        assertThat(problem(DicomTestWriter.encode(SyntheticDicom.axialSlice("1", 0).integerString(DicomTags.NUMBER_OF_FRAMES, 1000000),
                Options.of(TransferSyntax.EXPLICIT_LITTLE)))).contains("1000000 frames");
    }

    @Test
    void malformedNumbersAndGeometry() throws IOException {
        assertThat(problem(DicomTestWriter.encode(SyntheticDicom.axialSlice("1", 0)
                .text(DicomTags.IMAGE_POSITION_PATIENT, Vr.DS, "1\\abc\\3"), Options.of(TransferSyntax.EXPLICIT_LITTLE))))
                .contains("(0020,0032) value 'abc' is not a number");
        assertThat(problem(DicomTestWriter.encode(SyntheticDicom.axialSlice("1", 0)
                .text(DicomTags.IMAGE_POSITION_PATIENT, Vr.DS, "1\\NaN\\3"), Options.of(TransferSyntax.EXPLICIT_LITTLE))))
                .contains("is not a number");
        assertThat(problem(DicomTestWriter.encode(SyntheticDicom.axialSlice("1", 0)
                .decimals(DicomTags.IMAGE_ORIENTATION_PATIENT, 1, 0, 0, 1, 0, 0), Options.of(TransferSyntax.EXPLICIT_LITTLE))))
                .contains("not two orthogonal unit vectors");
        assertThat(problem(DicomTestWriter.encode(SyntheticDicom.axialSlice("1", 0).remove(DicomTags.IMAGE_POSITION_PATIENT),
                Options.of(TransferSyntax.EXPLICIT_LITTLE)))).contains("no ImagePositionPatient (0020,0032)");
        assertThat(problem(DicomTestWriter.encode(SyntheticDicom.axialSlice("1", 0).decimals(DicomTags.PIXEL_SPACING, 0, 1),
                Options.of(TransferSyntax.EXPLICIT_LITTLE)))).contains("PixelSpacing", "not positive");
        assertThat(problem(DicomTestWriter.encode(SyntheticDicom.axialSlice("1", 0).us(DicomTags.BITS_ALLOCATED, 12),
                Options.of(TransferSyntax.EXPLICIT_LITTLE)))).contains("BitsAllocated 12 is not supported");
    }

    @Test
    void damagedDeflateStream() throws IOException {
        byte[] file = DicomTestWriter.encode(SyntheticDicom.axialSlice("1", 0), Options.of(TransferSyntax.DEFLATED_EXPLICIT_LITTLE));
        assertThat(problem(Arrays.copyOf(file, file.length - 20))).contains("deflated dataset is truncated");
    }

    @Test
    void segmentationIsNotAnImageSeries() throws IOException {
        Dataset seg = SyntheticDicom.axialSlice("1", 0).text(DicomTags.MODALITY, Vr.CS, "SEG");
        assertThat(problem(DicomTestWriter.encode(seg, Options.of(TransferSyntax.EXPLICIT_LITTLE))))
                .contains("Segmentation (SEG)", "not an image series");
    }

    @Test
    void foldersWithoutImages() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThat(problemOf(empty)).contains("no DICOM image files found (0 files");
        Files.writeString(empty.resolve("README"), "nothing here");
        DicomTestWriter.write(empty.resolve("DICOMDIR"), new Dataset().text(0x00041130, Vr.CS, "ID"), Options.of(TransferSyntax.EXPLICIT_LITTLE));
        assertThat(problemOf(empty)).contains("no DICOM image files found (2 files, 1 of them DICOM without an image)");
        assertThat(problemOf(dir.resolve("missing"))).contains("no such file or folder");
    }

    @Test
    void aDamagedFileInAFolderIsNamed() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("series"));
        DicomTestWriter.write(folder.resolve("a"), SyntheticDicom.axialSlice("1", 0), Options.of(TransferSyntax.EXPLICIT_LITTLE));
        byte[] b = DicomTestWriter.encode(SyntheticDicom.axialSlice("1", 1), Options.of(TransferSyntax.EXPLICIT_LITTLE));
        Files.write(folder.resolve("b"), Arrays.copyOf(b, 400));
        ImageIoException e = catchThrowableOfType(ImageIoException.class, () -> DicomReader.read(folder, ReadOptions.defaults()));
        assertThat(e.getMessage()).startsWith(folder.resolve("b") + ": ").contains("truncated");
    }
}
