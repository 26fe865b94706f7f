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
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.PythonOracle;
import org.organdose.image.SharedData;
import org.organdose.image.Volume;

class NrrdReaderTest {
    @TempDir
    Path dir;

    /**
     * An independent reading of an attached gzip NRRD in LPS space: the header parsed line by line
     * in Python, the data inflated with zlib and counted with numpy. Prints the LPS affine (16
     * numbers), then the voxel count of each label given as an argument.
     */
    private static final String ORACLE = """
            import sys, gzip, numpy as np
            raw = open(sys.argv[1], 'rb').read()
            head, body = raw.split(b'\\n\\n', 1)
            f = {}
            for line in head.decode('latin-1').split('\\n')[1:]:
                if line.startswith('#') or ':=' in line: continue
                k, v = line.split(': ', 1); f[k.strip()] = v.strip()
            assert f['space'] == 'left-posterior-superior' and f['encoding'] == 'gzip' and f['endian'] == 'little'
            sizes = [int(s) for s in f['sizes'].split()]
            dirs = [[float(x) for x in d.strip('()').split(',')] for d in f['space directions'].split()]
            org = [float(x) for x in f['space origin'].strip('()').split(',')]
            aff = np.eye(4); aff[:3, :3] = np.array(dirs).T; aff[:3, 3] = org
            dtype = {'short': '<i2', 'unsigned char': 'u1', 'uchar': 'u1'}[f['type']]
            data = np.frombuffer(gzip.decompress(body), dtype=dtype)
            assert data.size == np.prod(sizes)
            print(' '.join([repr(float(v)) for v in aff.ravel()] + [str(int((data == int(l)).sum())) for l in sys.argv[2:]]))
            """;

    @Test
    void realSegmentationsMatchAnIndependentReading() throws Exception {
        String python = PythonOracle.interpreterWith("numpy");
        for (String name : new String[] {"liver_seg.nrrd", "liver_spine_seg.nrrd"}) {
            Path file = SharedData.resolve("io/dcmqi-ct-3slice/" + name);
            double[] ref = Arrays.stream(PythonOracle.run(python, ORACLE, file.toString(), "1", "2").trim().split("\\s+"))
                    .mapToDouble(Double::parseDouble).toArray();
            Volume v = NrrdReader.read(file).volume();
            assertThat(v.geometry().sizes()).containsExactly(512, 512, 3);
            double[] ours = v.geometry().affineLps();
            for (int q = 0; q < 16; q++) {
                assertThat(ours[q]).isCloseTo(ref[q], within(1e-6));
            }
            LabelMap labels = LabelMap.fromVolume(v);
            assertThat(labels.count(1)).as(name + " liver voxels").isEqualTo((long) ref[16]).isPositive();
            assertThat(labels.count(2)).as(name + " label 2 voxels").isEqualTo((long) ref[17]);
        }
    }

    private Path nrrd(String name, String header, byte[] data) throws Exception {
        Path file = dir.resolve(name);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header.getBytes(StandardCharsets.ISO_8859_1));
        out.write(data);
        Files.write(file, out.toByteArray());
        return file;
    }

    private static byte[] bigEndianShorts(int n) {
        ByteBuffer b = ByteBuffer.allocate(2 * n).order(ByteOrder.BIG_ENDIAN);
        for (int p = 0; p < n; p++) {
            b.putShort((short) (p * 100 - 1000));
        }
        return b.array();
    }

    @Test
    void rasSpaceBigEndianAndALeadingListAxis() throws Exception {
        Path file = nrrd("ras.nrrd", """
                NRRD0005
                # a comment
                type: signed short int
                dimension: 4
                space: right-anterior-superior
                sizes: 1 3 2 2
                space directions: none (0,2,0) (-1.5,0,0) (0,0,3)
                kinds: list domain domain domain
                endian: big
                encoding: raw
                space origin: (10,20,30)
                custom:=anything: goes

                """, bigEndianShorts(12));
        Volume v = NrrdReader.read(file).volume();
        Geometry g = v.geometry();
        assertThat(g.sizes()).containsExactly(3, 2, 2);
        // RAS (0,2,0) is LPS (0,-2,0); RAS (-1.5,0,0) is LPS (1.5,0,0); origin RAS (10,20,30) is LPS (-10,-20,30)
        assertThat(g.indexToWorld(1, 0, 0)).containsExactly(new double[] {-10, -22, 30}, within(1e-12));
        assertThat(g.indexToWorld(0, 1, 1)).containsExactly(new double[] {-8.5, -20, 33}, within(1e-12));
        assertThat(v.get(2, 1, 1)).isEqualTo(100f); // offset 2 + 3 * (1 + 2 * 1) = 11
        assertThat(v.get(0, 0, 0)).isEqualTo(-1000f);
    }

    @Test
    void asciiWithSpacingsOnly() throws Exception {
        Path file = nrrd("text.nrrd", """
                NRRD0001
                type: unsigned short
                dimension: 3
                sizes: 2 2 2
                spacings: 0.5 0.75 2
                encoding: ascii

                """, "1 2 3\n4, 5 6\n7 65535\n".getBytes(StandardCharsets.US_ASCII));
        MedicalImage image = NrrdReader.read(file);
        assertThat(image.volume().voxels()).containsExactly(1, 2, 3, 4, 5, 6, 7, 65535);
        assertThat(image.volume().geometry().spacing()).containsExactly(0.5, 0.75, 2.0);
        assertThat(image.metadata().warnings()).anyMatch(w -> w.contains("orientation unknown"));
    }

    @Test
    void detachedGzipDataWithSkipsAndByteSkipAtEnd() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(new byte[] {9, 9, 9});
            out.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        }
        byte[] compressed = gz.toByteArray();
        byte[] withPreamble = new byte[compressed.length + 6];
        System.arraycopy("skip\n\n".getBytes(StandardCharsets.US_ASCII), 0, withPreamble, 0, 6);
        System.arraycopy(compressed, 0, withPreamble, 6, compressed.length);
        Files.write(dir.resolve("data.bin.gz"), withPreamble);
        Path header = nrrd("d.nhdr", """
                NRRD0004
                type: uint8
                dimension: 3
                sizes: 2 2 2
                space: LPS
                space directions: (1,0,0) (0,1,0) (0,0,1)
                encoding: gz
                line skip: 2
                byte skip: 3
                data file: data.bin.gz
                """, new byte[0]);
        assertThat(NrrdReader.read(header).volume().voxels()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);

        Files.write(dir.resolve("tail.raw"), new byte[] {42, 42, 1, 2, 3, 4, 5, 6, 7, 8});
        Path tail = nrrd("t.nhdr", """
                NRRD0004
                type: uchar
                dimension: 3
                sizes: 2 2 2
                encoding: raw
                byte skip: -1
                data file: tail.raw
                """, new byte[0]);
        assertThat(NrrdReader.read(tail).volume().voxels()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    private String problem(String header, byte[] data) throws Exception {
        Path file = nrrd("bad.nrrd", header, data);
        Throwable t = catchThrowable(() -> NrrdReader.read(file));
        assertThat(t).isInstanceOf(ImageIoException.class);
        assertThat(t.getMessage()).startsWith(file.getParent().toString()).doesNotContain("\n");
        return t.getMessage();
    }

    private static final String GOOD = """
            NRRD0004
            type: short
            dimension: 3
            sizes: 2 2 2
            space: left-posterior-superior
            space directions: (1,0,0) (0,1,0) (0,0,1)
            endian: little
            encoding: raw

            """;

    @Test
    void badInput() throws Exception {
        assertThat(NrrdReader.read(nrrd("ok.nrrd", GOOD, new byte[16])).volume().voxels()).hasSize(8);
        assertThat(problem(GOOD, new byte[15])).contains("file too short");
        assertThat(problem(GOOD.replace("NRRD0004", "NRRX0004"), new byte[16])).contains("not a NRRD file");
        assertThat(problem(GOOD.replace("sizes: 2 2 2", "sizes: 2 2 99999999"), new byte[16])).contains("file too short");
        assertThat(problem(GOOD.replace("sizes: 2 2 2", "sizes: 2 0 2"), new byte[16])).contains("size of axis 1 is 0");
        assertThat(problem(GOOD.replace("sizes: 2 2 2", "sizes: 2 2"), new byte[16])).contains("sizes");
        assertThat(problem(GOOD.replace("type: short", "type: block"), new byte[16])).contains("unsupported NRRD type");
        assertThat(problem(GOOD.replace("raw", "bzip2"), new byte[16])).contains("unsupported NRRD encoding");
        assertThat(problem(GOOD.replace("(0,0,1)", "(0,0,nan)"), new byte[16])).contains("space directions");
        assertThat(problem(GOOD.replace("(0,0,1)", "(0,0,0)"), new byte[16])).contains("zero");
        assertThat(problem(GOOD.replace("endian: little\n", ""), new byte[16])).contains("endian");
        assertThat(problem(GOOD.replace("encoding: raw", "encoding: gzip"), new byte[16])).contains("gzip");
        assertThat(problem(GOOD.replace("encoding: raw", "encoding: raw\ndata file: absent.raw"), new byte[0]))
                .contains("absent.raw").contains("not found");
        assertThat(problem(GOOD.replace("dimension: 3", "dimension: 4").replace("sizes: 2 2 2", "sizes: 3 2 2 2")
                .replace("directions: ", "directions: none "), new byte[48])).contains("only scalar 3D");
        byte[] garbage = new byte[3000];
        new Random(3).nextBytes(garbage);
        assertThat(problem("", garbage)).containsAnyOf("not a NRRD file", "no end of header");
        assertThat(catchThrowable(() -> NrrdReader.read(dir.resolve("none.nrrd")))).isInstanceOf(ImageIoException.class)
                .hasMessageContaining("not found");
    }
}
