package org.organdose.image.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.Volume;

class NiftiRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void labelsKeepTheirBytesAndGrid() throws Exception {
        LabelMap labels = new LabelMap(TestImages.reflected());
        labels.set(1, 2, 3, 4);
        labels.set(6, 4, 0, 127);
        Path file = dir.resolve("labels.nii.gz");
        NiftiWriter.writeLabels(labels, file);
        Volume back = NiftiReader.read(file).volume();
        TestImages.assertSameGeometry(back.geometry(), labels.geometry(), 1e-4);
        assertThat(LabelMap.fromVolume(back).labels()).containsExactly(labels.labels());
    }

    @Test
    void integerStorageRoundsAndClamps() throws Exception {
        Geometry g = Geometry.axisAligned(5, 1, 1, new double[] {1, 1, 1}, new double[3]);
        Volume v = new Volume(g, new float[] {1.6f, -2.5f, 40000f, -40000f, Float.NaN});
        Path file = dir.resolve("ct.nii");
        NiftiWriter.write(v, StorageType.INT16, file);
        assertThat(NiftiReader.read(file).volume().voxels()).containsExactly(2f, -2f, 32767f, -32768f, 0f);
        NiftiWriter.write(v, StorageType.UINT8, file);
        assertThat(NiftiReader.read(file).volume().voxels()).containsExactly(2f, 0f, 255f, 0f, 0f);
    }

    @Test
    void writerRefusesOtherExtensionsAndLeavesNothing() {
        Path file = dir.resolve("ct.img");
        assertThatThrownBy(() -> NiftiWriter.write(TestImages.pattern(TestImages.oblique(), StorageType.INT16),
                StorageType.INT16, file)).isInstanceOf(ImageIoException.class).hasMessageContaining(".nii");
        assertThat(dir.toFile().list()).isEmpty();
    }

    private Path edited(String name, Consumer<ByteBuffer> edit) throws Exception {
        Path file = dir.resolve(name);
        NiftiWriter.write(TestImages.pattern(TestImages.oblique(), StorageType.INT16), StorageType.INT16, file);
        byte[] bytes = Files.readAllBytes(file);
        edit.accept(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
        Files.write(file, bytes);
        return file;
    }

    @Test
    void headerDetails() throws Exception {
        Geometry oblique = TestImages.oblique();
        // xyzt_units 1: metres, so every length is 1000 times larger in mm
        Geometry metres = NiftiReader.read(edited("m.nii", b -> b.put(123, (byte) 1))).volume().geometry();
        assertThat(metres.spacing(2)).isCloseTo(2500, within(1e-3));
        assertThat(metres.origin()[2]).isCloseTo(410_000, within(1e-1));
        // a 5D header whose extra dimensions are 1 is a 3D image
        MedicalImage fiveD = NiftiReader.read(edited("5d.nii", b -> b.putShort(40, (short) 5).putShort(48, (short) 1)
                .putShort(50, (short) 1)));
        TestImages.assertSameGeometry(fiveD.volume().geometry(), oblique, 1e-4);
        assertThat(fiveD.metadata().description()).isEqualTo("OrganDose");
        assertThat(fiveD.metadata().modality()).isEqualTo("unknown");
        // neither sform nor qform: voxel sizes only, RAS index axes, with a warning
        MedicalImage bare = NiftiReader.read(edited("bare.nii", b -> b.putShort(252, (short) 0).putShort(254, (short) 0)));
        assertThat(bare.volume().geometry().affineRas()).containsExactly(
                new double[] {0.7, 0, 0, 0, 0, 0.9, 0, 0, 0, 0, 2.5, 0, 0, 0, 0, 1}, within(1e-6));
        assertThat(bare.metadata().warnings()).anyMatch(w -> w.contains("method 1"));
    }

    @Test
    void readsHeaderImagePairs() throws Exception {
        Volume v = TestImages.pattern(TestImages.oblique(), StorageType.FLOAT32);
        Path single = dir.resolve("x.nii");
        NiftiWriter.write(v, StorageType.FLOAT32, single);
        byte[] bytes = Files.readAllBytes(single);
        byte[] header = Arrays.copyOf(bytes, 348);
        header[344] = 'n';
        header[345] = 'i';
        header[346] = '1';
        ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).putFloat(108, 0);
        Files.write(dir.resolve("pair.hdr"), header);
        Files.write(dir.resolve("pair.img"), Arrays.copyOfRange(bytes, 352, bytes.length));
        for (String name : new String[] {"pair.hdr", "pair.img"}) {
            Volume back = NiftiReader.read(dir.resolve(name)).volume();
            TestImages.assertSameGeometry(back.geometry(), v.geometry(), 1e-4);
            assertThat(back.voxels()).containsExactly(v.voxels());
        }
    }
}
