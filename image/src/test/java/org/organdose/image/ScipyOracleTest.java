package org.organdose.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cross-checks against scipy.ndimage, an independent implementation (skipped without scipy). */
class ScipyOracleTest {
    private static final Geometry GRID = new Geometry(48, 40, 30, new double[] {0.8, 1.2, 2.0}, new double[] {-10, 4, 7},
            ResamplerTest.rotationAboutZ(25));

    /** Reads and writes raw little-endian float32 / uint8 arrays in x-fastest order (numpy shape nz, ny, nx). */
    private static final String SCRIPT = """
            import sys, numpy as np
            from scipy import ndimage
            mode, src, out = sys.argv[1], sys.argv[2], sys.argv[3]
            nx, ny, nz = (int(v) for v in sys.argv[4:7])
            sx, sy, sz = (float(v) for v in sys.argv[7:10])
            if mode == 'edt':
                m = np.fromfile(src, dtype=np.uint8).reshape(nz, ny, nx)
                d = ndimage.distance_transform_edt(m == 0, sampling=(sz, sy, sx))
                d.astype('<f4').tofile(out)
            elif mode == 'gauss':
                v = np.fromfile(src, dtype='<f4').reshape(nz, ny, nx).astype(np.float64)
                sig = [float(s) for s in sys.argv[10:13]]
                g = ndimage.gaussian_filter(v, sigma=(sig[2] / sz, sig[1] / sy, sig[0] / sx), mode='nearest', truncate=4.0)
                g.astype('<f4').tofile(out)
            elif mode == 'resample':
                v = np.fromfile(src, dtype='<f4').reshape(nz, ny, nx).astype(np.float64)
                def affine(args):
                    sp = np.array(args[0:3]); org = np.array(args[3:6]); d = np.array(args[6:15]).reshape(3, 3)
                    a = np.eye(4); a[:3, :3] = d @ np.diag(sp); a[:3, 3] = org
                    return a
                src_aff = affine([sx, sy, sz] + [float(x) for x in sys.argv[10:22]])
                t = [int(x) for x in sys.argv[22:25]]
                tgt_aff = affine([float(x) for x in sys.argv[25:40]])
                k, j, i = np.meshgrid(np.arange(t[2]), np.arange(t[1]), np.arange(t[0]), indexing='ij')
                idx = np.stack([i.ravel(), j.ravel(), k.ravel(), np.ones(i.size)])
                s = (np.linalg.inv(src_aff) @ tgt_aff @ idx)[:3]
                vals = ndimage.map_coordinates(v, [s[2], s[1], s[0]], order=1, mode='nearest')
                n = np.array([nx, ny, nz])[:, None]
                inside = np.all((s >= -0.5) & (s <= n - 0.5), axis=0)
                vals[~inside] = np.nan
                vals.astype('<f4').tofile(out)
            """;

    @TempDir
    Path dir;

    @Test
    void distanceMapMatchesScipy() throws Exception {
        LabelMap blobs = new LabelMap(GRID);
        Random random = new Random(6);
        for (int n = 0; n < 5; n++) {
            double[] c = GRID.indexToWorld(random.nextInt(GRID.nx()), random.nextInt(GRID.ny()), random.nextInt(GRID.nz()));
            LabelMap s = ResamplerTest.sphere(GRID, c, 1 + 4 * random.nextDouble(), 1);
            for (int p = 0; p < s.labels().length; p++) {
                blobs.labels()[p] |= s.labels()[p];
            }
        }
        Files.write(dir.resolve("in.raw"), blobs.labels());
        float[] expected = oracle("edt", GRID);
        assertThat(maxDifference(DistanceMap.euclideanMm(blobs).voxels(), expected)).isLessThan(1e-4);
    }

    @Test
    void gaussianMatchesScipyWithNearestBorders() throws Exception {
        Volume v = randomVolume();
        // sigmas of 2, 1.5 and 2.5 voxels: both implementations then truncate at the same radius (8, 6, 10)
        double[] sigmaMm = {1.6, 1.8, 5.0};
        writeFloats(v.voxels());
        float[] expected = oracle("gauss", GRID, "1.6", "1.8", "5.0");
        assertThat(maxDifference(GaussianFilter.smooth(v, sigmaMm).voxels(), expected)).isLessThan(1e-3);
    }

    @Test
    void obliqueTrilinearResamplingMatchesScipyMapCoordinates() throws Exception {
        Volume v = randomVolume();
        Geometry target = new Geometry(40, 44, 20, new double[] {1.1, 0.9, 2.7}, new double[] {-5, 2, 9}, tilted());
        writeFloats(v.voxels());
        String[] args = concat(numbers(GRID.origin()), numbers(GRID.direction()),
                new String[] {"" + target.nx(), "" + target.ny(), "" + target.nz()},
                numbers(target.spacing()), numbers(target.origin()), numbers(target.direction()));
        float[] expected = oracle("resample", GRID, args);
        float[] ours = Resampler.resample(v, target, Interpolation.TRILINEAR, Float.NaN).voxels();
        int inside = 0;
        for (int p = 0; p < ours.length; p++) {
            assertThat(Float.isNaN(ours[p])).as("voxel %d inside/outside", p).isEqualTo(Float.isNaN(expected[p]));
            if (!Float.isNaN(ours[p])) {
                inside++;
            }
        }
        assertThat(inside).isGreaterThan(ours.length / 4);
        assertThat(maxDifference(ours, expected)).isLessThan(1e-3);
    }

    /** A direction rotated about an oblique axis, so every index axis mixes all three LPS axes. */
    private static double[] tilted() {
        double[] rz = ResamplerTest.rotationAboutZ(30);
        double c = Math.cos(Math.toRadians(20));
        double s = Math.sin(Math.toRadians(20));
        double[] rx = {1, 0, 0, 0, c, -s, 0, s, c};
        return Matrix3.multiply(rx, rz);
    }

    private Volume randomVolume() {
        Volume v = new Volume(GRID);
        Random random = new Random(7);
        for (int p = 0; p < v.voxels().length; p++) {
            v.voxels()[p] = random.nextFloat() * 100;
        }
        return v;
    }

    private void writeFloats(float[] values) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        Files.write(dir.resolve("in.raw"), b.array());
    }

    private float[] oracle(String mode, Geometry g, String... extra) throws Exception {
        String python = PythonOracle.interpreterWith("scipy.ndimage");
        Path out = dir.resolve("out.raw");
        String[] args = concat(new String[] {mode, dir.resolve("in.raw").toString(), out.toString(), "" + g.nx(), "" + g.ny(), "" + g.nz()},
                numbers(g.spacing()), extra);
        PythonOracle.run(python, SCRIPT, args);
        byte[] bytes = Files.readAllBytes(out);
        float[] values = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }

    private static double maxDifference(float[] a, float[] b) {
        assertThat(a).hasSameSizeAs(b);
        double max = 0;
        for (int p = 0; p < a.length; p++) {
            if (!Float.isNaN(a[p])) {
                max = Math.max(max, Math.abs(a[p] - b[p]));
            }
        }
        return max;
    }

    private static String[] numbers(double[] values) {
        return DoubleStream.of(values).mapToObj(Double::toString).toArray(String[]::new);
    }

    private static String[] concat(String[]... parts) {
        return Arrays.stream(parts).flatMap(Arrays::stream).collect(Collectors.toList()).toArray(String[]::new);
    }
}
