package org.organdose.image;

import java.util.stream.IntStream;

/**
 * Resampling of volumes and label maps onto any target {@link Geometry} (other size, spacing,
 * origin and direction) through world coordinates.
 *
 * <p>A target voxel centre is inside the source when its continuous source index lies within the
 * source voxels' extent, {@code -0.5 <= index <= n - 0.5} on every axis. Between the outermost
 * voxel centre and that edge, interpolation repeats the border voxel (clamping). Target voxels
 * outside get {@code outsideValue} (volumes) or 0 (labels). Work runs in parallel over target slices.
 */
public final class Resampler {
    private Resampler() {
    }

    /** {@code src} resampled onto {@code target}. */
    public static Volume resample(Volume src, Geometry target, Interpolation mode, float outsideValue) {
        Geometry s = src.geometry();
        IndexMapping m = new IndexMapping(s, target);
        float[] in = src.voxels();
        float[] out = new float[target.voxelCount()];
        int nx = target.nx();
        int ny = target.ny();
        int sx = s.nx();
        int sy = s.ny();
        int sz = s.nz();
        int sxy = sx * sy;
        IntStream.range(0, target.nz()).parallel().forEach(k -> {
            double[] row = new double[3];
            TrilinearCell cell = new TrilinearCell();
            for (int j = 0; j < ny; j++) {
                m.map(0, j, k, row);
                int p = target.offset(0, j, k);
                for (int i = 0; i < nx; i++, p++) {
                    double x = row[0] + i * m.a[0];
                    double y = row[1] + i * m.a[3];
                    double z = row[2] + i * m.a[6];
                    if (!inside(x, sx) || !inside(y, sy) || !inside(z, sz)) {
                        out[p] = outsideValue;
                    } else if (mode == Interpolation.NEAREST) {
                        out[p] = in[nearest(x, sx) + sx * nearest(y, sy) + sxy * nearest(z, sz)];
                    } else {
                        cell.locate(x, y, z, sx, sy, sz);
                        out[p] = cell.interpolate(in);
                    }
                }
            }
        });
        return new Volume(target, out);
    }

    /** {@code src} resampled onto {@code target}; voxels outside the source get label 0. */
    public static LabelMap resampleLabels(LabelMap src, Geometry target, LabelInterpolation mode) {
        Geometry s = src.geometry();
        IndexMapping m = new IndexMapping(s, target);
        byte[] in = src.labels();
        byte[] out = new byte[target.voxelCount()];
        int nx = target.nx();
        int ny = target.ny();
        int sx = s.nx();
        int sy = s.ny();
        int sz = s.nz();
        int sxy = sx * sy;
        IntStream.range(0, target.nz()).parallel().forEach(k -> {
            double[] row = new double[3];
            LabelVote vote = new LabelVote();
            for (int j = 0; j < ny; j++) {
                m.map(0, j, k, row);
                int p = target.offset(0, j, k);
                for (int i = 0; i < nx; i++, p++) {
                    double x = row[0] + i * m.a[0];
                    double y = row[1] + i * m.a[3];
                    double z = row[2] + i * m.a[6];
                    if (!inside(x, sx) || !inside(y, sy) || !inside(z, sz)) {
                        continue;
                    }
                    if (mode == LabelInterpolation.NEAREST) {
                        out[p] = in[nearest(x, sx) + sx * nearest(y, sy) + sxy * nearest(z, sz)];
                    } else {
                        out[p] = vote.winner(in, x, y, z, sx, sy, sz);
                    }
                }
            }
        });
        return new LabelMap(target, out);
    }

    /**
     * The fraction (0..1) of each target voxel's volume covered by {@code label} in {@code src}.
     * Each target voxel is sampled at {@code subsamplesPerAxis}^3 points on a regular grid at the
     * centres of its sub-cells, each looked up (nearest) in the source; points outside the source
     * count as not covered. Only target voxels near the label's bounding box are visited; the rest
     * are 0. This maps fine CT organ masks onto coarse SPECT grids with partial-volume weights.
     */
    public static Volume fractionCovered(LabelMap src, int label, Geometry target, int subsamplesPerAxis) {
        if (label < 0 || label > 127) {
            throw new IllegalArgumentException("label must be 0..127, got " + label);
        }
        if (subsamplesPerAxis < 1) {
            throw new IllegalArgumentException("subsamples per axis must be at least 1, got " + subsamplesPerAxis);
        }
        float[] out = new float[target.voxelCount()];
        IndexBox box = IndexBox.ofLabel(src, label).orElse(null);
        if (box == null) {
            return new Volume(target, out);
        }
        Geometry s = src.geometry();
        IndexMapping m = new IndexMapping(s, target);
        IndexBox targetBox = targetBoxCovering(box, s, target);
        if (targetBox == null) {
            return new Volume(target, out);
        }
        int n = subsamplesPerAxis;
        double[] offsets = subsampleOffsets(m, n);
        int samples = n * n * n;
        float perSample = 1f / samples;
        byte[] in = src.labels();
        byte want = (byte) label;
        int sx = s.nx();
        int sxy = sx * s.ny();
        int bx0 = box.min(0);
        int bx1 = box.max(0);
        int by0 = box.min(1);
        int by1 = box.max(1);
        int bz0 = box.min(2);
        int bz1 = box.max(2);
        IntStream.rangeClosed(targetBox.min(2), targetBox.max(2)).parallel().forEach(k -> {
            double[] c = new double[3];
            for (int j = targetBox.min(1); j <= targetBox.max(1); j++) {
                for (int i = targetBox.min(0); i <= targetBox.max(0); i++) {
                    m.map(i, j, k, c);
                    int hits = 0;
                    for (int q = 0; q < 3 * samples; q += 3) {
                        int x = nearestUnclamped(c[0] + offsets[q]);
                        int y = nearestUnclamped(c[1] + offsets[q + 1]);
                        int z = nearestUnclamped(c[2] + offsets[q + 2]);
                        // the label's bounding box lies inside the source, so this test also rejects points outside it
                        if (x >= bx0 && x <= bx1 && y >= by0 && y <= by1 && z >= bz0 && z <= bz1
                                && in[x + sx * y + sxy * z] == want) {
                            hits++;
                        }
                    }
                    if (hits > 0) {
                        out[target.offset(i, j, k)] = hits == samples ? 1f : hits * perSample;
                    }
                }
            }
        });
        return new Volume(target, out);
    }

    /** Source-index displacement of each sub-cell centre from the target voxel centre, as x, y, z triples. */
    private static double[] subsampleOffsets(IndexMapping m, int n) {
        double[] offsets = new double[3 * n * n * n];
        int q = 0;
        for (int c = 0; c < n; c++) {
            double oz = (c + 0.5) / n - 0.5;
            for (int b = 0; b < n; b++) {
                double oy = (b + 0.5) / n - 0.5;
                for (int a = 0; a < n; a++) {
                    double ox = (a + 0.5) / n - 0.5;
                    for (int r = 0; r < 3; r++) {
                        offsets[q + r] = m.a[3 * r] * ox + m.a[3 * r + 1] * oy + m.a[3 * r + 2] * oz;
                    }
                    q += 3;
                }
            }
        }
        return offsets;
    }

    /** Target voxels whose extent may overlap the source box's voxels; null when none do. */
    private static IndexBox targetBoxCovering(IndexBox box, Geometry source, Geometry target) {
        IndexMapping back = new IndexMapping(target, source);
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] t = new double[3];
        for (int corner = 0; corner < 8; corner++) {
            double i = (corner & 1) == 0 ? box.min(0) - 0.5 : box.max(0) + 0.5;
            double j = (corner & 2) == 0 ? box.min(1) - 0.5 : box.max(1) + 0.5;
            double k = (corner & 4) == 0 ? box.min(2) - 0.5 : box.max(2) + 0.5;
            back.map(i, j, k, t);
            for (int a = 0; a < 3; a++) {
                lo[a] = Math.min(lo[a], t[a]);
                hi[a] = Math.max(hi[a], t[a]);
            }
        }
        int[] min = new int[3];
        int[] max = new int[3];
        for (int a = 0; a < 3; a++) {
            // a target voxel reaches half a voxel beyond its centre; one more voxel absorbs rounding
            min[a] = (int) Math.max(0, Math.floor(lo[a] - 0.5) - 1);
            max[a] = (int) Math.min(target.size(a) - 1, Math.ceil(hi[a] + 0.5) + 1);
            if (max[a] < min[a]) {
                return null;
            }
        }
        return new IndexBox(min, max);
    }

    static boolean inside(double index, int n) {
        return index >= -0.5 && index <= n - 0.5;
    }

    /** Nearest voxel of a continuous index already known to be inside. */
    static int nearest(double index, int n) {
        int v = (int) Math.floor(index + 0.5);
        return v < 0 ? 0 : v >= n ? n - 1 : v;
    }

    private static int nearestUnclamped(double index) {
        double shifted = index + 0.5;
        int v = (int) shifted;
        return shifted < v ? v - 1 : v;
    }

    /**
     * The source cell around one continuous index: the offset of its lower corner, the offsets to the
     * next voxel along x, y and z (0 at the volume's last voxel) and the fractions between them.
     * Volumes and labels interpolate over the same cell; one instance per thread, reused per voxel.
     */
    private static final class TrilinearCell {
        int p;
        int dx;
        int dy;
        int dz;
        double fx;
        double fy;
        double fz;

        void locate(double x, double y, double z, int sx, int sy, int sz) {
            double cx = clamp(x, sx);
            double cy = clamp(y, sy);
            double cz = clamp(z, sz);
            int x0 = Math.min((int) cx, sx - 1);
            int y0 = Math.min((int) cy, sy - 1);
            int z0 = Math.min((int) cz, sz - 1);
            fx = cx - x0;
            fy = cy - y0;
            fz = cz - z0;
            dx = x0 + 1 < sx ? 1 : 0;
            dy = y0 + 1 < sy ? sx : 0;
            dz = z0 + 1 < sz ? sx * sy : 0;
            p = x0 + sx * (y0 + sy * z0);
        }

        float interpolate(float[] in) {
            double c00 = in[p] + fx * (in[p + dx] - in[p]);
            double c10 = in[p + dy] + fx * (in[p + dy + dx] - in[p + dy]);
            double c01 = in[p + dz] + fx * (in[p + dz + dx] - in[p + dz]);
            double c11 = in[p + dz + dy] + fx * (in[p + dz + dy + dx] - in[p + dz + dy]);
            double c0 = c00 + fy * (c10 - c00);
            double c1 = c01 + fy * (c11 - c01);
            return (float) (c0 + fz * (c1 - c0));
        }
    }

    /** Clamps a continuous index to the span of voxel centres, 0..n-1. */
    static double clamp(double index, int n) {
        return index < 0 ? 0 : index > n - 1 ? n - 1 : index;
    }

    /** Trilinear weights of the labels around one point; one instance per thread. */
    private static final class LabelVote {
        private final byte[] labels = new byte[8];
        private final double[] weights = new double[8];

        private final TrilinearCell cell = new TrilinearCell();

        byte winner(byte[] in, double x, double y, double z, int sx, int sy, int sz) {
            cell.locate(x, y, z, sx, sy, sz);
            int p = cell.p;
            int dx = cell.dx;
            int dy = cell.dy;
            int dz = cell.dz;
            double fx = cell.fx;
            double fy = cell.fy;
            double fz = cell.fz;
            byte first = in[p];
            if (first == in[p + dx] && first == in[p + dy] && first == in[p + dy + dx] && first == in[p + dz]
                    && first == in[p + dz + dx] && first == in[p + dz + dy] && first == in[p + dz + dy + dx]) {
                return first;
            }
            int distinct = 0;
            for (int corner = 0; corner < 8; corner++) {
                int q = p + ((corner & 1) != 0 ? dx : 0) + ((corner & 2) != 0 ? dy : 0) + ((corner & 4) != 0 ? dz : 0);
                double w = ((corner & 1) != 0 ? fx : 1 - fx) * ((corner & 2) != 0 ? fy : 1 - fy) * ((corner & 4) != 0 ? fz : 1 - fz);
                byte label = in[q];
                int slot = 0;
                while (slot < distinct && labels[slot] != label) {
                    slot++;
                }
                if (slot == distinct) {
                    labels[slot] = label;
                    weights[slot] = 0;
                    distinct++;
                }
                weights[slot] += w;
            }
            int best = 0;
            for (int slot = 1; slot < distinct; slot++) {
                if (weights[slot] > weights[best] || (weights[slot] == weights[best] && labels[slot] < labels[best])) {
                    best = slot;
                }
            }
            return labels[best];
        }
    }
}
