package org.organdose.image.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.Geometry;

class InterfileReaderTest {
    @TempDir
    Path dir;

    /** Laid out as GATE writes its images. */
    private static final String GATE = """
            !INTERFILE :=
            !imaging modality := nucmed
            !version of keys := 3.3
            !GENERAL DATA :=
            !data offset in bytes := 0
            !name of data file := dose.i33
            !GENERAL IMAGE DATA
            !type of data := Tomographic
            !total number of images := 3
            imagedata byte order := LITTLEENDIAN
            number of dimensions := 3
            !matrix size [1] := 4
            !matrix size [2] := 2
            !matrix size [3] := 3
            !number format := short float
            !number of bytes per pixel := 4
            scaling factor (mm/pixel) [1] := 4.42
            scaling factor (mm/pixel) [2] := 4.42
            scaling factor (mm/pixel) [3] := 2.5
            first pixel offset (mm) [1] := -6.63
            first pixel offset (mm) [2] := -2.21
            first pixel offset (mm) [3] := 100
            data rescale offset := 10
            data rescale slope := 2
            quantification units := 1
            !END OF INTERFILE :=
            """;

    private static byte[] floats(ByteOrder order, int n) {
        ByteBuffer b = ByteBuffer.allocate(4 * n).order(order);
        for (int p = 0; p < n; p++) {
            b.putFloat(p * 0.5f);
        }
        return b.array();
    }

    @Test
    void gateImage() throws Exception {
        Files.write(dir.resolve("dose.i33"), floats(ByteOrder.LITTLE_ENDIAN, 24));
        Path header = dir.resolve("dose.h33");
        Files.writeString(header, GATE);
        MedicalImage image = InterfileReader.read(header);
        Geometry g = image.volume().geometry();
        assertThat(g.sizes()).containsExactly(4, 2, 3);
        assertThat(g.spacing()).containsExactly(4.42, 4.42, 2.5);
        assertThat(g.origin()).containsExactly(-6.63, -2.21, 100);
        assertThat(g.orientationCode()).isEqualTo("LPS");
        assertThat(image.volume().get(1, 1, 2)).isEqualTo((1 + 4 * (1 + 2 * 2)) * 0.5f * 2 + 10);
        assertThat(image.metadata().modality()).isEqualTo("NM");
        assertThat(image.metadata().warnings()).anyMatch(w -> w.contains("no orientation"));
    }

    @Test
    void scannerStyleBigEndianIntegersCentredGrid() throws Exception {
        ByteBuffer data = ByteBuffer.allocate(100 + 2 * 8).order(ByteOrder.BIG_ENDIAN);
        data.position(100);
        for (int p = 0; p < 8; p++) {
            data.putShort((short) (60000 + p));
        }
        Files.write(dir.resolve("spect.img"), data.array());
        Path header = dir.resolve("spect.hv");
        Files.writeString(header, """
                !INTERFILE  :=
                ; a comment line
                !name of data file := spect.img
                data offset in bytes := 100
                !NUMBER FORMAT := unsigned integer
                !number of bytes per pixel := 2
                !matrix size [1] := 2
                !matrix size [2] := 2
                number of images/energy window := 2
                scaling factor (mm/pixel) [1] := 4.8
                scaling factor (mm/pixel) [2] := 4.8
                slice thickness (pixels) := 2
                patient orientation := feet_in
                quantification units := Bq/ml
                !END OF INTERFILE :=
                """);
        MedicalImage image = InterfileReader.read(header);
        Geometry g = image.volume().geometry();
        assertThat(g.spacing()).containsExactly(4.8, 4.8, 9.6);
        assertThat(g.centre()).containsExactly(new double[] {0, 0, 0}, within(1e-12));
        assertThat(image.volume().voxels()).containsExactly(60000, 60001, 60002, 60003, 60004, 60005, 60006, 60007);
        assertThat(image.metadata().units()).isEqualTo("Bq/ml");
        assertThat(image.metadata().warnings()).anyMatch(w -> w.contains("feet_in")).anyMatch(w -> w.contains("centred"));
    }

    private String problem(String header, byte[] data) throws Exception {
        Files.write(dir.resolve("dose.i33"), data);
        Path file = dir.resolve("bad.h33");
        Files.writeString(file, header);
        Throwable t = catchThrowable(() -> InterfileReader.read(file));
        assertThat(t).isInstanceOf(ImageIoException.class);
        assertThat(t.getMessage()).startsWith(dir.toString()).doesNotContain("\n");
        return t.getMessage();
    }

    @Test
    void badInput() throws Exception {
        byte[] full = floats(ByteOrder.LITTLE_ENDIAN, 24);
        assertThat(problem(GATE, new byte[95])).contains("file too short");
        assertThat(problem(GATE.replace("dose.i33", "absent.i33"), full)).contains("absent.i33").contains("not found");
        assertThat(problem(GATE.replace("!INTERFILE :=", "HELLO :="), full)).contains("not an Interfile");
        assertThat(problem(GATE.replace("short float", "bit"), full)).contains("number format");
        assertThat(problem(GATE.replace("!number of bytes per pixel := 4", "!number of bytes per pixel := 3"), full))
                .contains("3 bytes per pixel");
        assertThat(problem(GATE.replace("!matrix size [2] := 2", "!matrix size [2] := -2"), full)).contains("matrix size [2]");
        assertThat(problem(GATE.replace("!matrix size [2] := 2", ""), full)).contains("matrix size [2]");
        assertThat(problem(GATE.replace("!matrix size [1] := 4", "!matrix size [1] := 40000"), full)).contains("file too short");
        assertThat(problem(GATE.replace("[3] := 2.5", "[3] := nan"), full)).contains("scaling factor");
        assertThat(problem(GATE.replace("[3] := 2.5", "[3] := 0"), full)).contains("voxel size");
        assertThat(problem(GATE.replace("number of dimensions := 3", "number of time frames := 4"), full)).contains("only one 3D");
        assertThat(problem("", full)).contains("not an Interfile");
    }
}
