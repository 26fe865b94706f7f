package org.organdose.dosimetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.SharedData;

class VoxelSKernelTest {
    private static final String LANCONELLI_3MM = "dosimetry/vsv-lu177-lanconelli2012/177Lu3mmsoft.txt";

    @Test
    void aMissingKernelIsNamedAsMissing(@TempDir Path dir) {
        Path none = dir.resolve("none.txt");
        assertThatThrownBy(() -> VoxelSKernel.forSpacing(none, 3))
                .isInstanceOf(DosimetryInputException.class).hasMessage(none + ": kernel file or folder not found");
    }

    @Test
    void readsTheLanconelliOctantAndMirrorsIt() throws Exception {
        VoxelSKernel k = VoxelSKernel.readOctantText(SharedData.resolve(LANCONELLI_3MM));
        assertThat(k.voxelSizeMm()).isEqualTo(3.0);
        assertThat(k.radius()).isEqualTo(5);
        assertThat(k.value(0, 0, 0)).isEqualTo(0.693);
        assertThat(k.value(0, 0, 1)).isEqualTo(1.51e-2);
        assertThat(k.value(0, -1, 0)).isEqualTo(1.51e-2);
        assertThat(k.value(-5, 5, -5)).isEqualTo(2.28e-6);
        assertThat(k.value(6, 0, 0)).isZero();
    }

    @Test
    void aPointSourceConvolvedWithTheKernelReturnsTheKernel() throws Exception {
        VoxelSKernel k = VoxelSKernel.readOctantText(SharedData.resolve(LANCONELLI_3MM));
        int n = 15;
        float[] img = new float[n * n * n];
        int c = 7;
        img[c + n * (c + n * c)] = 1;
        double[] out = FftConvolution.convolve(img, n, n, n, k.values(), k.radius());
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    assertThat(out[x + n * (y + n * z)]).isCloseTo(k.value(x - c, y - c, z - c), within(1e-12));
                }
            }
        }
    }

    @Test
    void resamplingKeepsTheAbsorbedEnergyAndApproachesTheMeasuredKernel() throws Exception {
        VoxelSKernel k3 = VoxelSKernel.readOctantText(SharedData.resolve(LANCONELLI_3MM));
        VoxelSKernel k6 = VoxelSKernel.readOctantText(SharedData.resolve("dosimetry/vsv-lu177-lanconelli2012/177Lu6mmsoft.txt"));
        VoxelSKernel r = k3.resampledTo(6.0);
        double e3 = sum(k3) * 27;
        double e6 = sum(r) * 216;
        assertThat(e6).isCloseTo(e3, within(1e-9 * e3));
        // the self dose of a 6 mm voxel from the 3 mm kernel, against Lanconelli's own 6 mm value
        assertThat(r.value(0, 0, 0)).isCloseTo(k6.value(0, 0, 0), within(0.15 * k6.value(0, 0, 0)));
    }

    private static double sum(VoxelSKernel k) {
        double s = 0;
        for (double v : k.values()) {
            s += v;
        }
        return s;
    }

    @Test
    void aFolderGivesTheKernelClosestToTheGridSpacing() throws Exception {
        Path folder = SharedData.resolve("dosimetry/vsv-lu177-lanconelli2012");
        assertThat(VoxelSKernel.forSpacing(folder, 3.0).voxelSizeMm()).isEqualTo(3.0);
        assertThat(VoxelSKernel.forSpacing(folder, 4.7952).voxelSizeMm()).isEqualTo(4.8);
        assertThat(VoxelSKernel.forSpacing(folder, 1.0).voxelSizeMm()).isEqualTo(2.21);
    }

    @Test
    void rawFloatKernelRoundTrips(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("k.raw");
        ByteBuffer b = ByteBuffer.allocate(4 * 27).order(ByteOrder.LITTLE_ENDIAN);
        for (int p = 0; p < 27; p++) {
            b.putFloat(p == 13 ? 1f : 0.01f * p);
        }
        Files.write(f, b.array());
        VoxelSKernel k = VoxelSKernel.readRawFloat(f, 3, 4.0, ByteOrder.LITTLE_ENDIAN);
        assertThat(k.value(0, 0, 0)).isEqualTo(1.0);
        assertThat(k.value(1, 1, 1)).isCloseTo(0.26, within(1e-6));
        assertThatThrownBy(() -> VoxelSKernel.readRawFloat(f, 5, 4.0, ByteOrder.LITTLE_ENDIAN))
                .isInstanceOf(DosimetryInputException.class).hasMessageContaining("has 500 bytes, the file has 108");
    }

    @Test
    void malformedTextKernelIsAOneLineError(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.txt");
        Files.writeString(f, "Lu177 - 3mm - Soft tissue\ni j k S\n0 0 0 0.7\n0 0 x 0.1\n");
        assertThatThrownBy(() -> VoxelSKernel.readOctantText(f))
                .isInstanceOf(DosimetryInputException.class).hasMessageContaining("line 4").hasMessageNotContaining("\n");
        Files.writeString(f, "no size here\ni j k S\n0 0 0 0.7\n");
        assertThatThrownBy(() -> VoxelSKernel.readOctantText(f)).hasMessageContaining("voxel size");
        Files.writeString(f, "k 3mm\ni j k S\n0 0 0 0.7\n1 0 0 0.1\n");
        assertThatThrownBy(() -> VoxelSKernel.readOctantText(f)).hasMessageContaining("needs 8 values, found 2");
    }
}
