package org.organdose.image.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test
    void readsHeaderImagePairs() throws Exception {
        Volume v = TestImages.pattern(TestImages.oblique(), StorageType.FLOAT32);
        Path single = dir.resolve("x.nii");
        NiftiWriter.write(v, StorageType.FLOAT32, single);
        byte[] bytes = Files.readAllBytes(single);
        byte[] header = java.util.Arrays.copyOf(bytes, 348);
        header[344] = 'n';
        header[345] = 'i';
        header[346] = '1';
        java.nio.ByteBuffer.wrap(header).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(108, 0);
        Files.write(dir.resolve("pair.hdr"), header);
        Files.write(dir.resolve("pair.img"), java.util.Arrays.copyOfRange(bytes, 352, bytes.length));
        for (String name : new String[] {"pair.hdr", "pair.img"}) {
            Volume back = NiftiReader.read(dir.resolve(name)).volume();
            TestImages.assertSameGeometry(back.geometry(), v.geometry(), 1e-4);
            assertThat(back.voxels()).containsExactly(v.voxels());
        }
    }
}
