package org.organdose.image.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.Geometry;

class MetaImageReaderTest {
    @TempDir
    Path dir;

    private Path file(String name, String header, byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header.getBytes(StandardCharsets.ISO_8859_1));
        out.write(data);
        Path file = dir.resolve(name);
        Files.write(file, out.toByteArray());
        return file;
    }

    private static byte[] shorts(ByteOrder order, int n) {
        ByteBuffer b = ByteBuffer.allocate(2 * n).order(order);
        for (int p = 0; p < n; p++) {
            b.putShort((short) (p * 1000));
        }
        return b.array();
    }

    @Test
    void transformMatrixRowsAreTheIndexAxisDirections() throws Exception {
        // ITK (MetaImageIO) passes row ii of TransformMatrix to SetDirection(ii, ...): the direction of axis ii.
        // Here axis i runs along +y (posterior) and axis j along -x (right).
        Path mha = file("rot.mha", """
                ObjectType = Image
                NDims = 3
                BinaryData = True
                BinaryDataByteOrderMSB = True
                CompressedData = False
                TransformMatrix = 0 1 0 -1 0 0 0 0 1
                Offset = 10 20 30
                AnatomicalOrientation = PLI
                ElementSpacing = 0.5 2 3
                DimSize = 2 2 2
                Modality = MET_MOD_CT
                Comment = rotated phantom
                ElementType = MET_USHORT
                ElementDataFile = LOCAL
                """, shorts(ByteOrder.BIG_ENDIAN, 8));
        MedicalImage image = MetaImageReader.read(mha);
        Geometry g = image.volume().geometry();
        assertThat(g.indexToWorld(1, 0, 0)).containsExactly(new double[] {10, 20.5, 30}, within(1e-12));
        assertThat(g.indexToWorld(0, 1, 0)).containsExactly(new double[] {8, 20, 30}, within(1e-12));
        assertThat(g.indexToWorld(0, 0, 1)).containsExactly(new double[] {10, 20, 33}, within(1e-12));
        assertThat(image.volume().voxels()).containsExactly(0, 1000, 2000, 3000, 4000, 5000, 6000, 7000);
        assertThat(image.metadata().modality()).isEqualTo("CT");
        assertThat(image.metadata().description()).isEqualTo("rotated phantom");
    }

    @Test
    void detachedRawWithHeaderSizeAndAFourthDimensionOfOne() throws Exception {
        byte[] body = shorts(ByteOrder.LITTLE_ENDIAN, 8);
        byte[] withSkip = new byte[body.length + 5];
        System.arraycopy(body, 0, withSkip, 5, body.length);
        Files.write(dir.resolve("a.raw"), withSkip);
        Path mhd = file("a.mhd", """
                NDims = 4
                DimSize = 2 2 2 1
                ElementSpacing = 1 1 1 1
                Position = 1 2 3 0
                ElementType = MET_SHORT
                HeaderSize = 5
                ElementDataFile = a.raw
                """, new byte[0]);
        MedicalImage image = MetaImageReader.read(mhd);
        assertThat(image.volume().voxels()).containsExactly(0, 1000, 2000, 3000, 4000, 5000, 6000, 7000);
        assertThat(image.volume().geometry().origin()).containsExactly(1, 2, 3);

        Path atEnd = file("b.mhd", """
                NDims = 3
                DimSize = 2 2 2
                ElementType = MET_SHORT
                HeaderSize = -1
                ElementDataFile = a.raw
                """, new byte[0]);
        assertThat(MetaImageReader.read(atEnd).volume().voxels()).containsExactly(0, 1000, 2000, 3000, 4000, 5000, 6000, 7000);
    }

    private String problem(String header, byte[] data) throws Exception {
        Path f = file("bad.mha", header, data);
        Throwable t = catchThrowable(() -> MetaImageReader.read(f));
        assertThat(t).isInstanceOf(ImageIoException.class);
        assertThat(t.getMessage()).startsWith(dir.toString()).doesNotContain("\n");
        return t.getMessage();
    }

    private static final String GOOD = """
            ObjectType = Image
            NDims = 3
            CompressedData = True
            DimSize = 4 4 4
            ElementSpacing = 1 1 1
            ElementType = MET_FLOAT
            ElementDataFile = LOCAL
            """;

    @Test
    void badInput() throws Exception {
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(z)) {
            out.write(new byte[256]);
        }
        byte[] zlib = z.toByteArray();
        assertThat(MetaImageReader.read(file("ok.mha", GOOD, zlib)).volume().voxels()).hasSize(64);
        assertThat(problem(GOOD, Arrays.copyOf(zlib, zlib.length / 2))).contains("voxel data");
        assertThat(problem(GOOD.replace("4 4 4", "4 4 400000"), zlib)).contains("file too short");
        assertThat(problem(GOOD.replace("4 4 4", "4 0 4"), zlib)).contains("DimSize of axis 1");
        assertThat(problem(GOOD.replace("4 4 4", "4 4"), zlib)).contains("DimSize needs 3");
        assertThat(problem(GOOD.replace("NDims = 3", "NDims = 2"), zlib)).contains("only 3D");
        assertThat(problem(GOOD.replace("MET_FLOAT", "MET_FLOAT_ARRAY"), zlib)).contains("ElementType");
        assertThat(problem(GOOD.replace("1 1 1", "1 inf 1"), zlib)).contains("ElementSpacing");
        assertThat(problem(GOOD.replace("1 1 1", "1 0 1"), zlib)).contains("zero");
        assertThat(problem(GOOD.replace("ObjectType = Image", "ElementNumberOfChannels = 3"), zlib)).contains("scalar");
        assertThat(problem(GOOD.replace("LOCAL", "missing.zraw"), new byte[0])).contains("missing.zraw").contains("not found");
        assertThat(problem(GOOD.replace("ElementDataFile = LOCAL\n", ""), new byte[0])).contains("ElementDataFile");
        assertThat(problem(GOOD, new byte[] {1, 2, 3, 4, 5})).containsAnyOf("corrupt", "voxel data");
        byte[] garbage = new byte[2000];
        new Random(5).nextBytes(garbage);
        assertThat(problem("", garbage)).contains("MetaImage");
    }
}
