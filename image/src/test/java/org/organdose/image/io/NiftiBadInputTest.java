package org.organdose.image.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken NIfTI files: each gives one clear line naming the file and the problem. */
class NiftiBadInputTest {
    @TempDir
    Path dir;
    private byte[] good;

    @BeforeEach
    void writeGoodFile() throws Exception {
        Path file = dir.resolve("good.nii");
        NiftiWriter.write(TestImages.pattern(TestImages.oblique(), StorageType.INT16), StorageType.INT16, file);
        good = Files.readAllBytes(file);
    }

    /** The problem reported for a file holding {@code bytes}, plain and gzipped. */
    private String problem(byte[] bytes) throws Exception {
        String plain = problemOf(bytes, "bad.nii");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(bytes);
        }
        problemOf(gz.toByteArray(), "bad.nii.gz");
        return plain;
    }

    private String problemOf(byte[] bytes, String name) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        Throwable t = catchThrowable(() -> NiftiReader.read(file));
        assertThat(t).isInstanceOf(ImageIoException.class);
        assertThat(t.getMessage()).startsWith(file.toString()).doesNotContain("\n");
        return t.getMessage();
    }

    private byte[] edited(Consumer<ByteBuffer> edit) {
        byte[] copy = good.clone();
        edit.accept(ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN));
        return copy;
    }

    @Test
    void truncatedData() throws Exception {
        assertThat(problem(Arrays.copyOf(good, good.length - 10))).contains("voxel data");
        assertThat(problem(Arrays.copyOf(good, 200))).contains("too short");
        assertThat(problem(new byte[0])).contains("too short");
    }

    @Test
    void garbageAndWrongMagic() throws Exception {
        byte[] garbage = new byte[4000];
        new Random(1).nextBytes(garbage);
        assertThat(problem(garbage)).contains("not a NIfTI-1 file");
        assertThat(problem(edited(b -> b.put(344, (byte) 'x')))).contains("magic");
        assertThat(problem(edited(b -> b.putInt(0, 540)))).contains("NIfTI-2");
    }

    @Test
    void headerSizesThatLie() throws Exception {
        assertThat(problem(edited(b -> b.putShort(42, (short) 30000)))).contains("file too short");
        assertThat(problem(edited(b -> {
            b.putShort(42, Short.MAX_VALUE);
            b.putShort(44, Short.MAX_VALUE);
            b.putShort(46, Short.MAX_VALUE);
        }))).contains("too large");
        assertThat(problem(edited(b -> b.putShort(44, (short) 0)))).contains("dim[2] is 0");
        assertThat(problem(edited(b -> b.putShort(46, (short) -4)))).contains("dim[3] is -4");
        assertThat(problem(edited(b -> b.putShort(40, (short) 9)))).contains("dim[0]");
        assertThat(problem(edited(b -> b.putFloat(108, 1e9f)))).contains("file too short");
        assertThat(problem(edited(b -> b.putFloat(108, 100)))).contains("vox_offset");
    }

    @Test
    void unusableGeometry() throws Exception {
        assertThat(problem(edited(b -> b.putFloat(80, Float.NaN)))).contains("pixdim[1]");
        assertThat(problem(edited(b -> b.putFloat(280, Float.POSITIVE_INFINITY).putShort(252, (short) 0))))
                .contains("non-finite");
        assertThat(problem(edited(b -> {
            b.putShort(252, (short) 0);
            for (int q = 280; q < 328; q += 4) {
                b.putFloat(q, 0);
            }
        }))).contains("sform");
    }

    @Test
    void unusableSformFallsBackToQformWithWarning() throws Exception {
        Path file = dir.resolve("sheared.nii");
        Files.write(file, edited(b -> b.putFloat(284, b.getFloat(284) + 0.3f)));
        MedicalImage image = NiftiReader.read(file);
        assertThat(image.metadata().warnings()).anyMatch(w -> w.contains("used the qform"));
        TestImages.assertSameGeometry(image.volume().geometry(), TestImages.oblique(), 1e-4);
    }

    @Test
    void unsupportedData() throws Exception {
        assertThat(problem(edited(b -> b.putShort(70, (short) 32).putShort(72, (short) 64)))).contains("complex");
        assertThat(problem(edited(b -> b.putShort(70, (short) 128).putShort(72, (short) 24)))).contains("RGB");
        assertThat(problem(edited(b -> b.putShort(70, (short) 99)))).contains("datatype 99");
        assertThat(problem(edited(b -> b.putShort(72, (short) 8)))).contains("bitpix");
        assertThat(problem(edited(b -> b.putShort(40, (short) 4).putShort(48, (short) 3)))).contains("only 3D");
    }

    @Test
    void missingFiles() throws Exception {
        Throwable t = catchThrowable(() -> NiftiReader.read(dir.resolve("absent.nii.gz")));
        assertThat(t).isInstanceOf(ImageIoException.class).hasMessageContaining("absent.nii.gz").hasMessageContaining("not found");
        byte[] header = Arrays.copyOf(good, 348);
        header[345] = 'i';
        header[346] = '1';
        ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).putFloat(108, 0);
        Files.write(dir.resolve("lonely.hdr"), header);
        t = catchThrowable(() -> NiftiReader.read(dir.resolve("lonely.hdr")));
        // named from the file given, with the half that is missing
        assertThat(t).isInstanceOf(ImageIoException.class)
                .hasMessage(dir.resolve("lonely.hdr") + ": the other half of this header/image pair, lonely.img, is missing");
        Path image = dir.resolve("orphan.img");
        Files.write(image, new byte[16]);
        assertThat(catchThrowable(() -> NiftiReader.read(image)))
                .hasMessage(image + ": the other half of this header/image pair, orphan.hdr, is missing");
    }
}
