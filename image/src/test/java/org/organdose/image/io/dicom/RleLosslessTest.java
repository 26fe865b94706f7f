package org.organdose.image.io.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.io.ImageIoException;
import org.organdose.image.io.MedicalImage;
import org.organdose.image.io.ReadOptions;
import org.organdose.image.io.dicom.DicomTestWriter.Dataset;
import org.organdose.image.io.dicom.DicomTestWriter.Options;

/** RLE Lossless (PS3.5 annex G): PackBits against its published example, whole files against their uncompressed twins. */
class RleLosslessTest {
    private static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    @TempDir
    Path dir;

    /** The worked example of Apple Technical Note TN1023 (PackBits). */
    @Test
    void unpacksThePackBitsExample() {
        byte[] packed = HexFormat.of().parseHex("FEAA0280002AFDAA0380002A22F7AA");
        byte[] out = new byte[24];
        int written = RleLossless.unpack(packed, 0, packed.length, out, 0, 1, out.length);
        assertThat(written).isEqualTo(24);
        assertThat(HexFormat.of().formatHex(out).toUpperCase())
                .isEqualTo("AAAAAA80002AAAAAAAAA80002A22AAAAAAAAAAAAAAAAAAAA");
    }

    @Test
    void readsMultiFrameSignedSixteenBitAsItsUncompressedTwin() throws IOException {
        int frames = 2;
        short[] pixels = new short[6 * 5 * frames];
        for (int f = 0; f < frames; f++) {
            System.arraycopy(SyntheticDicom.pixels(6, 5, f), 0, pixels, f * 30, 30);
        }
        Dataset plain = nm(pixels, frames);
        DicomTestWriter.write(dir.resolve("plain.dcm"), plain, Options.of(TransferSyntax.EXPLICIT_LITTLE));
        Files.write(dir.resolve("rle.dcm"), rleFile(plain.remove(DicomTags.PIXEL_DATA), frames(pixels, frames, 30), 0));
        MedicalImage rle = DicomReader.read(dir.resolve("rle.dcm"), ReadOptions.defaults());
        MedicalImage reference = DicomReader.read(dir.resolve("plain.dcm"), ReadOptions.defaults());
        assertThat(rle.volume().geometry().sizes()).containsExactly(5, 6, 2);
        assertThat(rle.volume().voxels()).containsExactly(reference.volume().voxels());
        assertThat(rle.volume().voxels()).contains(-500f);
    }

    @Test
    void damagedRleIsOneLineNamingTheProblem() throws IOException {
        short[] pixels = SyntheticDicom.pixels(6, 5, 0);
        Dataset header = nm(pixels, 2).remove(DicomTags.PIXEL_DATA);
        Files.write(dir.resolve("one-fragment.dcm"), rleFile(header, frames(pixels, 1, 30), 0));
        assertThatThrownBy(() -> DicomReader.read(dir.resolve("one-fragment.dcm"), ReadOptions.defaults()))
                .isInstanceOf(ImageIoException.class).hasMessageContaining("RLE pixel data holds 1 fragments for 2 frames");
        Dataset single = nm(pixels, 1).remove(DicomTags.PIXEL_DATA);
        Files.write(dir.resolve("segments.dcm"), rleFile(single, frames(pixels, 1, 30), 3));
        assertThatThrownBy(() -> DicomReader.read(dir.resolve("segments.dcm"), ReadOptions.defaults()))
                .isInstanceOf(ImageIoException.class).hasMessageContaining("RLE frame 0 has 3 segments, not the 2");
        byte[][] shortFrame = frames(new short[10], 1, 10);
        Files.write(dir.resolve("short.dcm"), rleFile(single, shortFrame, 0));
        assertThatThrownBy(() -> DicomReader.read(dir.resolve("short.dcm"), ReadOptions.defaults()))
                .isInstanceOf(ImageIoException.class).hasMessageContaining("decodes to 10 bytes, not 30")
                .hasMessageNotContaining("\n");
    }

    /** pydicom's RLE files were encoded by other tools; they must read as the uncompressed files they were made from. */
    @Test
    void pydicomsRleFilesEqualTheirUncompressedOriginals() throws IOException {
        assumeTrue(Files.isDirectory(PYDICOM), "pydicom's test files are not installed");
        for (String[] pair : new String[][] {{"MR_small_RLE.dcm", "MR_small.dcm"}, {"rtdose_rle.dcm", "rtdose.dcm"},
            {"rtdose_rle_1frame.dcm", "rtdose_1frame.dcm"}}) {
            float[] rle = DicomReader.read(PYDICOM.resolve(pair[0]), ReadOptions.defaults()).volume().voxels();
            float[] plain = DicomReader.read(PYDICOM.resolve(pair[1]), ReadOptions.defaults()).volume().voxels();
            assertThat(rle).as(pair[0]).containsExactly(plain);
        }
    }

    private static Dataset nm(short[] pixels, int frames) {
        return SyntheticDicom.ctSlice("12.1", 1, 6, 5, SyntheticDicom.AXIAL, new double[] {0, 0, 0}, 2, 2, pixels)
                .text(DicomTags.MODALITY, Vr.CS, "NM")
                .integerString(DicomTags.NUMBER_OF_FRAMES, frames)
                .decimals(DicomTags.SPACING_BETWEEN_SLICES, 2);
    }

    /** Each frame as RLE: a 64-byte header and two literal-run segments, high bytes then low bytes. */
    private static byte[][] frames(short[] pixels, int frames, int pixelsPerFrame) {
        byte[][] out = new byte[frames][];
        for (int f = 0; f < frames; f++) {
            byte[][] segments = new byte[2][];
            for (int s = 0; s < 2; s++) {
                ByteArrayOutputStream seg = new ByteArrayOutputStream();
                for (int p = 0; p < pixelsPerFrame; p += 128) {
                    int n = Math.min(128, pixelsPerFrame - p);
                    seg.write(n - 1);
                    for (int q = p; q < p + n; q++) {
                        short v = pixels[f * pixelsPerFrame + q];
                        seg.write(s == 0 ? (v >> 8) & 0xFF : v & 0xFF);
                    }
                }
                if (seg.size() % 2 != 0) {
                    seg.write(0);
                }
                segments[s] = seg.toByteArray();
            }
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            int[] header = new int[16];
            header[0] = 2;
            header[1] = 64;
            header[2] = 64 + segments[0].length;
            for (int v : header) {
                u32(frame, v);
            }
            frame.writeBytes(segments[0]);
            frame.writeBytes(segments[1]);
            out[f] = frame.toByteArray();
        }
        return out;
    }

    /**
     * A file in RLE Lossless: the header dataset, then encapsulated pixel data (an empty basic
     * offset table, one fragment a frame); {@code segmentCount} overrides each frame's count when not 0.
     */
    private static byte[] rleFile(Dataset header, byte[][] frames, int segmentCount) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(DicomTestWriter.encode(header, Options.of(TransferSyntax.of(RleLossless.UID))));
        u16(out, 0x7FE0);
        u16(out, 0x0010);
        out.writeBytes(new byte[] {'O', 'B', 0, 0});
        u32(out, 0xFFFFFFFF);
        item(out, new byte[0]);
        for (byte[] frame : frames) {
            byte[] copy = frame.clone();
            if (segmentCount != 0) {
                copy[0] = (byte) segmentCount;
            }
            item(out, copy);
        }
        u16(out, 0xFFFE);
        u16(out, 0xE0DD);
        u32(out, 0);
        return out.toByteArray();
    }

    private static void item(ByteArrayOutputStream out, byte[] value) {
        u16(out, 0xFFFE);
        u16(out, 0xE000);
        u32(out, value.length);
        out.writeBytes(value);
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xFF);
        out.write((v >> 8) & 0xFF);
    }

    private static void u32(ByteArrayOutputStream out, int v) {
        u16(out, v & 0xFFFF);
        u16(out, (v >>> 16) & 0xFFFF);
    }
}
