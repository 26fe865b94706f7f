package org.organdose.image.io.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.PythonOracle;

/** The encoder's files, with defined and undefined sequence lengths, read back by pydicom and by our parser. */
class DicomEncoderTest {
    @TempDir
    Path dir;

    private static DicomAttributes dataset() {
        return new DicomAttributes(null)
                .set(DicomTags.SOP_CLASS_UID, "1.2.840.10008.5.1.4.1.1.66.4")
                .set(DicomTags.SOP_INSTANCE_UID, "1.2.3.45")
                .set(DicomTags.PATIENT_NAME, "Odd^Name")
                .setDecimals(DicomTags.PIXEL_SPACING, 0.5703125, 1.0 / 3)
                .setIntegers(DicomTags.ROWS, 3)
                .setSequence(DicomTags.SEGMENT_SEQUENCE, List.of(
                        new DicomAttributes(null).setIntegers(DicomTags.SEGMENT_NUMBER, 1).set(DicomTags.SEGMENT_LABEL, "liver"),
                        new DicomAttributes(null).setIntegers(DicomTags.SEGMENT_NUMBER, 2)
                                .setSequence(DicomTags.SEGMENTED_PROPERTY_TYPE_CODE_SEQUENCE,
                                        List.of(DerivedObjectHeader.code("78961009", "SCT", "Spleen")))))
                .setIntegers(DicomTags.DIMENSION_INDEX_POINTER, DicomTags.IMAGE_POSITION_PATIENT)
                .setBytes(DicomTags.PIXEL_DATA, Vr.OB, new byte[] {1, 2, 3});
    }

    @Test
    void definedAndUndefinedLengthsReadTheSameInPydicomAndOurParser() throws Exception {
        Path defined = dir.resolve("defined.dcm");
        Path undefined = dir.resolve("undefined.dcm");
        DicomEncoder.write(defined, dataset(), false);
        DicomEncoder.write(undefined, dataset(), true);
        for (Path file : List.of(defined, undefined)) {
            DicomFile parsed = DicomParser.parse(file, Files.readAllBytes(file), true);
            DicomAttributes a = parsed.attributes();
            assertThat(parsed.transferSyntax()).isEqualTo(TransferSyntax.EXPLICIT_LITTLE);
            assertThat(a.string(DicomTags.PATIENT_NAME)).isEqualTo("Odd^Name");
            assertThat(a.doubles(DicomTags.PIXEL_SPACING)).containsExactly(0.5703125, 0.333333333333);
            assertThat(a.sequence(DicomTags.SEGMENT_SEQUENCE)).hasSize(2);
            assertThat(a.sequence(DicomTags.SEGMENT_SEQUENCE).get(1).firstItem(DicomTags.SEGMENTED_PROPERTY_TYPE_CODE_SEQUENCE)
                    .string(DicomTags.CODE_MEANING)).isEqualTo("Spleen");
            assertThat(a.pixelData().length()).isEqualTo(4);
        }
        String python = PythonOracle.interpreterWith("pydicom");
        String out = PythonOracle.run(python, """
                import sys, pydicom
                for f in sys.argv[1:]:
                    d = pydicom.dcmread(f)
                    print(d.file_meta.MediaStorageSOPInstanceUID, d.PatientName, list(d.PixelSpacing),
                          [s.SegmentNumber for s in d.SegmentSequence], d.SegmentSequence[1].SegmentedPropertyTypeCodeSequence[0].CodeValue,
                          hex(d.DimensionIndexPointer), list(d.PixelData))
                """, defined.toString(), undefined.toString());
        String expected = "1.2.3.45 Odd^Name ['0.5703125', '0.333333333333'] [1, 2] 78961009 0x200032 [1, 2, 3, 0]";
        assertThat(out.trim().split("\n")).containsExactly(expected, expected);
    }

    @Test
    void decimalStringsFitSixteenCharacters() {
        assertThat(DicomAttributes.decimal(0.5703125)).isEqualTo("0.5703125");
        assertThat(DicomAttributes.decimal(-123.456789012345)).isEqualTo("-123.456789012");
        assertThat(DicomAttributes.decimal(1.0e-20 / 3)).hasSizeLessThanOrEqualTo(16);
        assertThat(Double.parseDouble(DicomAttributes.decimal(1.0e-20 / 3))).isCloseTo(3.333e-21, org.assertj.core.data.Offset.offset(1e-24));
        assertThat(DicomAttributes.decimal(3)).isEqualTo("3");
    }
}
