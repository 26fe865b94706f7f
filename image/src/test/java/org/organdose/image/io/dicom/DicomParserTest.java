package org.organdose.image.io.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.organdose.image.io.ImageIoException;
import org.organdose.image.io.dicom.DicomTestWriter.Dataset;
import org.organdose.image.io.dicom.DicomTestWriter.Options;

class DicomParserTest {
    private static final Path FILE = Path.of("test.dcm");

    private static Dataset nested() {
        return new Dataset()
                .text(DicomTags.MODALITY, Vr.CS, "NM")
                .text(DicomTags.IMAGE_TYPE, Vr.CS, "ORIGINAL\\PRIMARY\\RECON TOMO")
                .us(DicomTags.ROWS, 64)
                .decimals(DicomTags.PIXEL_SPACING, 4.5, 3.25)
                .sequence(DicomTags.DETECTOR_INFORMATION_SEQUENCE,
                        new Dataset().decimals(DicomTags.IMAGE_POSITION_PATIENT, -1.5, 2, 3e2)
                                .sequence(DicomTags.PLANE_POSITION_SEQUENCE, new Dataset().integerString(DicomTags.INSTANCE_NUMBER, 7)),
                        new Dataset().decimals(DicomTags.IMAGE_POSITION_PATIENT, 4, 5, 6))
                .raw(0x00091010, Vr.OB, new byte[] {1, 2, 3, 4})
                .text(DicomTags.SERIES_DESCRIPTION, Vr.LO, "after the sequence");
    }

    @Test
    void parsesNestedSequencesInEveryEncoding() throws ImageIoException {
        for (TransferSyntax ts : List.of(TransferSyntax.EXPLICIT_LITTLE, TransferSyntax.IMPLICIT_LITTLE,
                TransferSyntax.DEFLATED_EXPLICIT_LITTLE, TransferSyntax.EXPLICIT_BIG)) {
            for (boolean undefined : new boolean[] {false, true}) {
                DicomFile file = DicomParser.parse(FILE, DicomTestWriter.encode(nested(), new Options(ts, true, undefined)), true);
                assertThat(file.transferSyntax()).isEqualTo(ts);
                DicomAttributes a = file.attributes();
                assertThat(a.string(DicomTags.MODALITY)).isEqualTo("NM");
                assertThat(a.strings(DicomTags.IMAGE_TYPE)).containsExactly("ORIGINAL", "PRIMARY", "RECON TOMO");
                assertThat(a.integer(DicomTags.ROWS, 0)).isEqualTo(64);
                assertThat(a.doubles(DicomTags.PIXEL_SPACING)).containsExactly(4.5, 3.25);
                List<DicomAttributes> items = a.sequence(DicomTags.DETECTOR_INFORMATION_SEQUENCE);
                assertThat(items).hasSize(2);
                assertThat(items.get(0).doubles(DicomTags.IMAGE_POSITION_PATIENT)).containsExactly(-1.5, 2, 300);
                assertThat(items.get(0).firstItem(DicomTags.PLANE_POSITION_SEQUENCE).integer(DicomTags.INSTANCE_NUMBER, 0)).isEqualTo(7);
                assertThat(items.get(1).doubles(DicomTags.IMAGE_POSITION_PATIENT)).containsExactly(4, 5, 6);
                assertThat(a.string(DicomTags.SERIES_DESCRIPTION)).isEqualTo("after the sequence");
                assertThat(a.contains(DicomTags.PIXEL_DATA)).isFalse();
                if (ts.explicitVr()) {
                    assertThat(a.bytes(0x00091010)).containsExactly(1, 2, 3, 4);
                }
            }
        }
    }

    @Test
    void gettersFallBackWhenAbsent() throws ImageIoException {
        DicomAttributes a = DicomParser.parse(FILE, DicomTestWriter.encode(new Dataset().us(DicomTags.ROWS, 3),
                Options.of(TransferSyntax.EXPLICIT_LITTLE)), true).attributes();
        assertThat(a.string(DicomTags.MODALITY)).isNull();
        assertThat(a.string(DicomTags.MODALITY, "x")).isEqualTo("x");
        assertThat(a.strings(DicomTags.MODALITY)).isEmpty();
        assertThat(a.integer(DicomTags.COLUMNS, -1)).isEqualTo(-1);
        assertThat(a.number(DicomTags.RESCALE_SLOPE, 1)).isEqualTo(1);
        assertThat(a.doubles(DicomTags.PIXEL_SPACING)).isNull();
        assertThat(a.bytes(DicomTags.PIXEL_SPACING)).isNull();
        assertThat(a.sequence(DicomTags.DETECTOR_INFORMATION_SEQUENCE)).isEmpty();
        assertThat(a.firstItem(DicomTags.DETECTOR_INFORMATION_SEQUENCE)).isNull();
        assertThat(a.pixelData()).isNull();
    }

    @Test
    void integerRefusesFractions() throws ImageIoException {
        DicomAttributes a = DicomParser.parse(FILE, DicomTestWriter.encode(new Dataset().text(DicomTags.NUMBER_OF_FRAMES, Vr.IS, "2.5"),
                Options.of(TransferSyntax.EXPLICIT_LITTLE)), true).attributes();
        assertThatThrownBy(() -> a.integer(DicomTags.NUMBER_OF_FRAMES, 1))
                .isInstanceOf(ImageIoException.class).hasMessage("test.dcm: attribute (0028,0008) is not an integer: 2.5");
    }

    /** An undefined-length UN in explicit VR holds a sequence in implicit VR little endian (PS3.5 6.2.2). */
    @Test
    void undefinedLengthUnIsAnImplicitSequence() throws ImageIoException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x08, 0x00, 0x60, 0x00, 'C', 'S', 2, 0, 'N', 'M'});
        out.writeBytes(new byte[] {0x09, 0x00, 0x01, 0x10, 'U', 'N', 0, 0, -1, -1, -1, -1});
        out.writeBytes(new byte[] {-2, -1, 0x00, -32, -1, -1, -1, -1});
        out.writeBytes(new byte[] {0x20, 0x00, 0x32, 0x00, 6, 0, 0, 0});
        out.writeBytes("1\\2\\3 ".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {-2, -1, 0x0D, -32, 0, 0, 0, 0});
        out.writeBytes(new byte[] {-2, -1, -35, -32, 0, 0, 0, 0});
        out.writeBytes(new byte[] {0x20, 0x00, 0x0E, 0x00, 'U', 'I', 4, 0, '1', '.', '2', 0});
        DicomAttributes a = DicomParser.parse(FILE, out.toByteArray(), true).attributes();
        assertThat(a.firstItem(0x00091001).doubles(DicomTags.IMAGE_POSITION_PATIENT)).containsExactly(1, 2, 3);
        assertThat(a.string(DicomTags.SERIES_INSTANCE_UID)).isEqualTo("1.2");
    }

    @Test
    void compressedPixelDataIsSkippedAndFlagged() throws ImageIoException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x08, 0x00, 0x60, 0x00, 'C', 'S', 2, 0, 'C', 'T'});
        out.writeBytes(new byte[] {-32, 0x7F, 0x10, 0x00, 'O', 'B', 0, 0, -1, -1, -1, -1});
        out.writeBytes(new byte[] {-2, -1, 0x00, -32, 0, 0, 0, 0});
        out.writeBytes(new byte[] {-2, -1, 0x00, -32, 4, 0, 0, 0, 9, 9, 9, 9});
        out.writeBytes(new byte[] {-2, -1, -35, -32, 0, 0, 0, 0});
        DicomAttributes a = DicomParser.parse(FILE, out.toByteArray(), true).attributes();
        assertThat(a.pixelData().encapsulated()).isTrue();
        assertThat(a.string(DicomTags.MODALITY)).isEqualTo("CT");
    }

    @Test
    void deepNestingIsRefused() {
        Dataset d = new Dataset().text(DicomTags.MODALITY, Vr.CS, "CT");
        for (int n = 0; n < 40; n++) {
            d = new Dataset().text(DicomTags.MODALITY, Vr.CS, "CT").sequence(DicomTags.PLANE_POSITION_SEQUENCE, d);
        }
        byte[] bytes = DicomTestWriter.encode(d, new Options(TransferSyntax.EXPLICIT_LITTLE, true, true));
        assertThatThrownBy(() -> DicomParser.parse(FILE, bytes, true))
                .isInstanceOf(ImageIoException.class).hasMessageContaining("nested more than 16 deep");
    }

    @Test
    void namesTransferSyntaxes() {
        assertThat(TransferSyntax.of("1.2.840.10008.1.2.4.50").describe()).isEqualTo("JPEG Baseline (Process 1) (1.2.840.10008.1.2.4.50)");
        assertThat(TransferSyntax.of("1.2.840.10008.1.2.4.80").encapsulated()).isTrue();
        assertThat(TransferSyntax.of("1.2.3.4.5").describe()).isEqualTo("Unknown transfer syntax (1.2.3.4.5)");
        assertThat(TransferSyntax.of("1.2.840.10008.1.2")).isEqualTo(TransferSyntax.IMPLICIT_LITTLE);
    }
}
