package org.organdose.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ResamplerTest {

    /** Direction whose index axes are the LPS axes rotated by {@code degrees} about z. */
    static double[] rotationAboutZ(double degrees) {
        double c = Math.cos(Math.toRadians(degrees));
        double s = Math.sin(Math.toRadians(degrees));
        return new double[] {c, -s, 0, s, c, 0, 0, 0, 1};
    }

    private static Geometry obliqueSource() {
        return new Geometry(40, 36, 24, new double[] {1.1, 0.9, 2.0}, new double[] {-20, -15, 10}, rotationAboutZ(12));
    }

    @Test
    void identityResamplingIsExact() {
        Geometry g = obliqueSource();
        Volume v = new Volume(g);
        Random random = new Random(1);
        for (int p = 0; p < v.voxels().length; p++) {
            v.voxels()[p] = random.nextFloat() * 1000 - 500;
        }
        for (Interpolation mode : Interpolation.values()) {
            assertThat(Resampler.resample(v, g, mode, Float.NaN).voxels()).isEqualTo(v.voxels());
        }
        LabelMap labels = new LabelMap(g);
        for (int p = 0; p < labels.labels().length; p++) {
            labels.labels()[p] = (byte) random.nextInt(5);
        }
        for (LabelInterpolation mode : LabelInterpolation.values()) {
            assertThat(Resampler.resampleLabels(labels, g, mode).labels()).isEqualTo(labels.labels());
        }
    }

    @Test
    void trilinearReproducesALinearRampAtInteriorPoints() {
        Geometry src = obliqueSource();
        Volume ramp = new Volume(src);
        for (int k = 0; k < src.nz(); k++) {
            for (int j = 0; j < src.ny(); j++) {
                for (int i = 0; i < src.nx(); i++) {
                    double[] w = src.indexToWorld(i, j, k);
                    ramp.set(i, j, k, (float) ramp(w));
                }
            }
        }
        Geometry target = new Geometry(50, 50, 30, new double[] {0.7, 0.8, 1.3}, new double[] {-18, -10, 11}, rotationAboutZ(-30));
        Volume out = Resampler.resample(ramp, target, Interpolation.TRILINEAR, Float.NaN);
        int interior = 0;
        for (int k = 0; k < target.nz(); k++) {
            for (int j = 0; j < target.ny(); j++) {
                for (int i = 0; i < target.nx(); i++) {
                    double[] w = target.indexToWorld(i, j, k);
                    double[] s = src.worldToIndex(w[0], w[1], w[2]);
                    boolean inside = true;
                    for (int a = 0; a < 3; a++) {
                        inside &= s[a] >= 0 && s[a] <= src.size(a) - 1;
                    }
                    if (inside) {
                        interior++;
                        assertThat((double) out.get(i, j, k)).isCloseTo(ramp(w), within(1e-3));
                    }
                }
            }
        }
        assertThat(interior).isGreaterThan(10000);
    }

    private static double ramp(double[] w) {
        return 3.0 * w[0] - 2.0 * w[1] + 0.5 * w[2] + 7;
    }

    @Test
    void obliqueRoundTripMatchesTheOriginalForASmoothImage() {
        Geometry src = Geometry.axisAligned(48, 48, 24, new double[] {1.0, 1.0, 2.0}, new double[] {0, 0, 0});
        Volume blob = new Volume(src);
        double[] centre = src.centre();
        for (int k = 0; k < src.nz(); k++) {
            for (int j = 0; j < src.ny(); j++) {
                for (int i = 0; i < src.nx(); i++) {
                    double[] w = src.indexToWorld(i, j, k);
                    double r2 = sq(w[0] - centre[0]) + sq(w[1] - centre[1]) + sq(w[2] - centre[2]);
                    blob.set(i, j, k, (float) (100 * Math.exp(-r2 / (2 * 8.0 * 8.0))));
                }
            }
        }
        Geometry rotated = centredAt(new Geometry(80, 80, 60, new double[] {0.8, 0.8, 1.0}, new double[] {0, 0, 0}, rotationAboutZ(30)), centre);
        Volume there = Resampler.resample(blob, rotated, Interpolation.TRILINEAR, 0f);
        Volume back = Resampler.resample(there, src, Interpolation.TRILINEAR, Float.NaN);
        double maxError = 0;
        for (int k = 4; k < src.nz() - 4; k++) {
            for (int j = 8; j < src.ny() - 8; j++) {
                for (int i = 8; i < src.nx() - 8; i++) {
                    maxError = Math.max(maxError, Math.abs(back.get(i, j, k) - blob.get(i, j, k)));
                }
            }
        }
        // trilinear error bound per pass: sum over axes of h^2/8 * max|f''| (= 100/8^2 per mm^2): 1.17 there, 0.44 back
        assertThat(maxError).isLessThan(1.61);
    }

    @Test
    void pointsOutsideTheSourceGetTheOutsideValue() {
        Geometry src = Geometry.axisAligned(4, 4, 4, new double[] {1, 1, 1}, new double[] {0, 0, 0});
        Volume v = new Volume(src);
        java.util.Arrays.fill(v.voxels(), 5f);
        Geometry target = Geometry.axisAligned(10, 1, 1, new double[] {1, 1, 1}, new double[] {-3, 1, 1});
        float[] out = Resampler.resample(v, target, Interpolation.TRILINEAR, -1f).voxels();
        // world x -3..6; source voxels span -0.5..3.5
        assertThat(out).containsExactly(-1f, -1f, -1f, 5f, 5f, 5f, 5f, -1f, -1f, -1f);
    }

    @Test
    void nearestLabelsUnderAWholeVoxelShiftAreExact() {
        Geometry src = obliqueSource();
        LabelMap labels = new LabelMap(src);
        Random random = new Random(2);
        for (int p = 0; p < labels.labels().length; p++) {
            labels.labels()[p] = (byte) random.nextInt(4);
        }
        int[] shift = {3, -2, 1};
        Geometry target = src.with(src.nx(), src.ny(), src.nz(), src.spacing(), src.indexToWorld(shift[0], shift[1], shift[2]));
        LabelMap out = Resampler.resampleLabels(labels, target, LabelInterpolation.NEAREST);
        for (int k = 0; k < src.nz(); k++) {
            for (int j = 0; j < src.ny(); j++) {
                for (int i = 0; i < src.nx(); i++) {
                    int si = i + shift[0];
                    int sj = j + shift[1];
                    int sk = k + shift[2];
                    int expected = src.contains(si, sj, sk) ? labels.get(si, sj, sk) : 0;
                    assertThat(out.get(i, j, k)).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void fractionCoveredIsOneHalfWhereABoxEdgeCutsTargetVoxelsInHalf() {
        // source voxel boundaries at whole mm; the box covers [8, 24] mm on every axis
        Geometry src = Geometry.axisAligned(40, 40, 40, new double[] {1, 1, 1}, new double[] {0.5, 0.5, 0.5});
        LabelMap box = new LabelMap(src);
        for (int k = 8; k < 24; k++) {
            for (int j = 8; j < 24; j++) {
                for (int i = 8; i < 24; i++) {
                    box.set(i, j, k, 3);
                }
            }
        }
        // target voxel m spans [4m - 2, 4m + 2] mm: the box edges at 8 and 24 mm cut voxels 2 and 6 in half
        Geometry target = Geometry.axisAligned(10, 10, 10, new double[] {4, 4, 4}, new double[] {0, 0, 0});
        Volume f = Resampler.fractionCovered(box, 3, target, 4);
        assertThat(f.get(4, 4, 4)).isEqualTo(1f);
        assertThat(f.get(2, 4, 4)).isEqualTo(0.5f);
        assertThat(f.get(6, 4, 4)).isEqualTo(0.5f);
        assertThat(f.get(4, 2, 6)).isEqualTo(0.25f);
        assertThat(f.get(2, 6, 6)).isEqualTo(0.125f);
        assertThat(f.get(1, 4, 4)).isEqualTo(0f);
        assertThat(f.get(7, 4, 4)).isEqualTo(0f);
        double covered = 0;
        for (float v : f.voxels()) {
            covered += v * target.voxelVolumeMm3();
        }
        assertThat(covered).isCloseTo(16.0 * 16 * 16, within(1e-6));
        assertThat(Resampler.fractionCovered(box, 2, target, 4).range()).containsExactly(0f, 0f);
    }

    @Test
    void fractionCoveredOfASphereOnAnObliqueCoarseGridConservesItsVolume() {
        Geometry src = Geometry.axisAligned(128, 128, 60, new double[] {0.8, 0.8, 1.5}, new double[] {-51, -51, -45});
        LabelMap sphere = sphere(src, new double[] {1.3, -2.1, 0.7}, 30, 1);
        double sourceVolume = sphere.count(1) * src.voxelVolumeMm3();
        Geometry target = centredAt(new Geometry(20, 20, 18, new double[] {4.8, 4.8, 4.8}, new double[] {0, 0, 0}, rotationAboutZ(30)),
                new double[] {2.9, -1.7, 3.1});
        Volume f = Resampler.fractionCovered(sphere, 1, target, 4);
        double covered = 0;
        for (float v : f.voxels()) {
            assertThat(v).isBetween(0f, 1f);
            covered += v;
        }
        covered *= target.voxelVolumeMm3();
        assertThat(covered).isCloseTo(sourceVolume, within(0.01 * sourceVolume));
        assertThat(f.range()[1]).isEqualTo(1f);
    }

    @Test
    void labelAwareUpsamplingPreservesVolumeAndFollowsTheSurfaceBetterThanNearest() {
        Geometry coarse = Geometry.axisAligned(24, 24, 24, new double[] {4, 4, 4}, new double[] {-46, -46, -46});
        double[] centre = {0.7, -1.1, 0.4};
        double radius = 25;
        LabelMap labels = sphere(coarse, centre, radius, 2);
        Geometry fine = Geometry.axisAligned(96, 96, 96, new double[] {1, 1, 1}, new double[] {-47.5, -47.5, -47.5});
        LabelMap aware = Resampler.resampleLabels(labels, fine, LabelInterpolation.LABEL_AWARE);
        LabelMap nearest = Resampler.resampleLabels(labels, fine, LabelInterpolation.NEAREST);
        LabelMap truth = sphere(fine, centre, radius, 2);
        double trueVolume = 4.0 / 3 * Math.PI * radius * radius * radius;
        assertThat(aware.count(2) * 1.0).isCloseTo(trueVolume, within(0.04 * trueVolume));
        assertThat(aware.count(1)).isZero();
        assertThat(mismatches(aware, truth)).isLessThan(mismatches(nearest, truth));
    }

    @Test
    void labelAwareKeepsNeighbouringLabelsApart() {
        Geometry coarse = Geometry.axisAligned(20, 12, 12, new double[] {3, 3, 3}, new double[] {0, 0, 0});
        LabelMap labels = new LabelMap(coarse);
        for (int k = 2; k < 10; k++) {
            for (int j = 2; j < 10; j++) {
                for (int i = 2; i < 18; i++) {
                    labels.set(i, j, k, i < 10 ? 1 : 4);
                }
            }
        }
        Geometry fine = coarse.resampledTo(new double[] {1, 1, 1});
        LabelMap out = Resampler.resampleLabels(labels, fine, LabelInterpolation.LABEL_AWARE);
        for (int label : new int[] {1, 4}) {
            double expected = labels.count(label) * coarse.voxelVolumeMm3();
            assertThat(out.count(label) * fine.voxelVolumeMm3()).isCloseTo(expected, within(0.15 * expected));
        }
        assertThat(out.count(2) + out.count(3)).isZero();
    }

    /** The same grid moved so that its centre lies at {@code point}. */
    static Geometry centredAt(Geometry g, double[] point) {
        double[] c = g.centre();
        double[] o = g.origin();
        return g.with(g.nx(), g.ny(), g.nz(), g.spacing(), new double[] {o[0] + point[0] - c[0], o[1] + point[1] - c[1], o[2] + point[2] - c[2]});
    }

    static LabelMap sphere(Geometry g, double[] centre, double radius, int label) {
        LabelMap map = new LabelMap(g);
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    double[] w = g.indexToWorld(i, j, k);
                    if (sq(w[0] - centre[0]) + sq(w[1] - centre[1]) + sq(w[2] - centre[2]) <= radius * radius) {
                        map.set(i, j, k, label);
                    }
                }
            }
        }
        return map;
    }

    private static long mismatches(LabelMap a, LabelMap b) {
        long n = 0;
        for (int p = 0; p < a.labels().length; p++) {
            if (a.labels()[p] != b.labels()[p]) {
                n++;
            }
        }
        return n;
    }

    static double sq(double x) {
        return x * x;
    }
}
