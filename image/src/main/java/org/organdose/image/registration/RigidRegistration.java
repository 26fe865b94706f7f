package org.organdose.image.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.organdose.image.ConnectedComponents;
import org.organdose.image.GaussianFilter;
import org.organdose.image.Geometry;
import org.organdose.image.IndexBox;
import org.organdose.image.Interpolation;
import org.organdose.image.LabelInterpolation;
import org.organdose.image.LabelMap;
import org.organdose.image.Matrix3;
import org.organdose.image.Morphology;
import org.organdose.image.Resampler;
import org.organdose.image.Volume;

/**
 * Rigid (6 degrees of freedom) registration of two CTs of one patient, e.g. a session's
 * low-dose CT (moving) to the diagnostic CT (fixed). The result maps fixed points to moving
 * points (see {@link RigidTransform} for the convention).
 *
 * <p><b>Metric</b>: normalised cross-correlation (NCC) of HU clamped to a soft-tissue window,
 * over the fixed image's body. Both images are CTs in Hounsfield units, so their intensities are
 * related linearly up to noise and contrast uptake; NCC is blind to the remaining gain and
 * offset, has a smooth analytic gradient and, unlike mutual information, needs no histogram
 * binning whose noise slows convergence near the optimum. The window keeps bone and contrast
 * from dominating and turns the lungs and air into one flat value, so the body outline and the
 * soft-tissue edges drive the alignment. Mutual information would be needed across modalities
 * (CT to MR), which OrganDose does not register.
 *
 * <p><b>Body mask</b>: fixed voxels above a threshold (−500 HU), the largest connected
 * component (drops the table and noise), grown by a margin so that the skin-air edge is inside.
 *
 * <p><b>Pyramid</b>: levels of 8, 4, 2 mm (by default), each image clamped, smoothed with a
 * Gaussian of half the level's voxel size and resampled onto its own grid at that spacing.
 *
 * <p><b>Optimiser</b>: regular-step gradient descent on −NCC. Parameters are Euler angles about
 * the fixed body's centroid and a translation; angles are scaled by the body's RMS radius, so a
 * step has the same size in mm at the body's surface whichever parameter it moves. The step is
 * halved whenever the gradient turns by more than 90°; a level ends when the step falls below
 * its minimum (1/50 of the level's voxel size; the settings' {@code minStepMm} at the finest).
 * The gradient is analytic: the moving image's gradient at T(x) is the gradient of the warped
 * image (one resampling per iteration, central differences) rotated by R.
 */
public final class RigidRegistration {
    private static final double RELAXATION = 0.5;
    private static final int PARAMETERS = 6;
    /** Accumulators per slice: n, Σf, Σm, Σff, Σmm, Σfm, then Σf·d, Σm·d, Σd for each parameter. */
    private static final int SUMS = 6 + 3 * PARAMETERS;

    private RigidRegistration() {
    }

    /** Registers {@code moving} to {@code fixed}; both in HU. */
    public static RegistrationResult register(Volume fixed, Volume moving, RegistrationSettings settings) {
        long start = System.nanoTime();
        double[] levels = settings.levelsMm();
        List<Volume> fixedPyramid = pyramid(fixed, levels, settings);
        List<Volume> movingPyramid = pyramid(moving, levels, settings);

        LabelMap coarseBody = bodyMask(fixed, fixedPyramid.get(0).geometry(), settings.bodyThresholdHu(), 0);
        if (IndexBox.ofNonZero(coarseBody).isEmpty()) {
            throw new IllegalArgumentException("the fixed image holds no body above " + settings.bodyThresholdHu() + " HU");
        }
        double[] centre = centroid(coarseBody);
        double radius = rmsRadius(coarseBody, centre);
        double[] params = new double[PARAMETERS];
        if (settings.initialiseByCentroids()) {
            LabelMap movingBody = bodyMask(moving, movingPyramid.get(0).geometry(), settings.bodyThresholdHu(), 0);
            if (IndexBox.ofNonZero(movingBody).isEmpty()) {
                throw new IllegalArgumentException("the moving image holds no body above " + settings.bodyThresholdHu() + " HU");
            }
            double[] mc = centroid(movingBody);
            for (int a = 0; a < 3; a++) {
                params[3 + a] = mc[a] - centre[a];
            }
        }
        int[] iterations = new int[levels.length];
        double metric = Double.NaN;
        for (int l = 0; l < levels.length; l++) {
            boolean finest = l == levels.length - 1;
            double minStep = finest ? settings.minStepMm() : Math.max(settings.minStepMm(), levels[l] / 50);
            LevelProblem problem = new LevelProblem(fixed, fixedPyramid.get(l), movingPyramid.get(l), centre, settings);
            Descent d = descend(problem, params, radius, levels[l] / 2, minStep, settings.maxIterations());
            params = d.params;
            iterations[l] = d.iterations;
            metric = d.ncc;
        }
        RigidTransform t = transform(params, centre);
        return new RegistrationResult(t, metric, iterations, (System.nanoTime() - start) / 1e9);
    }

    static RigidTransform transform(double[] params, double[] centre) {
        return RigidTransform.fromEuler(params[0], params[1], params[2], new double[] {params[3], params[4], params[5]}, centre);
    }

    private record Descent(double[] params, int iterations, double ncc) {
    }

    private static Descent descend(LevelProblem problem, double[] start, double radius, double initialStep, double minStep,
                                   int maxIterations) {
        double[] p = start.clone();
        double[] scale = {radius, radius, radius, 1, 1, 1};
        double step = initialStep;
        double[] previous = null;
        int it = 0;
        double[] value = problem.evaluate(p);
        while (it < maxIterations && step >= minStep) {
            double[] g = new double[PARAMETERS];
            double norm = 0;
            for (int j = 0; j < PARAMETERS; j++) {
                // gradient of -NCC with respect to the scaled parameter p_j * scale_j
                g[j] = -value[1 + j] / scale[j];
                norm += g[j] * g[j];
            }
            norm = Math.sqrt(norm);
            if (!(norm > 0)) {
                break;
            }
            if (previous != null) {
                double dot = 0;
                for (int j = 0; j < PARAMETERS; j++) {
                    dot += g[j] * previous[j];
                }
                if (dot < 0) {
                    step *= RELAXATION;
                }
            }
            for (int j = 0; j < PARAMETERS; j++) {
                p[j] -= step * g[j] / norm / scale[j];
            }
            previous = g;
            it++;
            value = problem.evaluate(p);
        }
        return new Descent(p, it, value[0]);
    }

    /**
     * Gaussian pyramid, finest level first computed from the image, each coarser one from the
     * previous: smoothing adds only the missing variance, so the full-resolution image is
     * filtered once with a small kernel. Returned coarse to fine.
     */
    private static List<Volume> pyramid(Volume image, double[] levels, RegistrationSettings s) {
        float lo = (float) s.windowLowHu();
        float hi = (float) s.windowHighHu();
        float[] v = image.voxels();
        float[] clamped = new float[v.length];
        for (int p = 0; p < v.length; p++) {
            float x = v[p];
            clamped[p] = Float.isNaN(x) ? lo : x < lo ? lo : x > hi ? hi : x;
        }
        Volume current = new Volume(image.geometry(), clamped);
        double[] currentSigma = new double[3];
        List<Volume> out = new ArrayList<>();
        for (int l = levels.length - 1; l >= 0; l--) {
            Geometry g = current.geometry();
            double[] spacing = new double[3];
            double[] sigma = new double[3];
            double[] extra = new double[3];
            for (int a = 0; a < 3; a++) {
                spacing[a] = Math.max(levels[l], image.geometry().spacing(a));
                sigma[a] = spacing[a] / 2;
                extra[a] = Math.sqrt(Math.max(0, sigma[a] * sigma[a] - currentSigma[a] * currentSigma[a]));
            }
            Volume smoothed = GaussianFilter.smooth(current, extra);
            Geometry levelGrid = image.geometry().resampledTo(spacing);
            current = levelGrid.sameGrid(g, 1e-6) ? smoothed
                    : Resampler.resample(smoothed, levelGrid, Interpolation.TRILINEAR, lo);
            currentSigma = sigma;
            out.add(0, current);
        }
        return out;
    }

    /** Voxels of {@code grid} where the raw image exceeds the threshold, largest component, dilated. */
    static LabelMap bodyMask(Volume raw, Geometry grid, double thresholdHu, double dilationMm) {
        float[] v = Resampler.resample(raw, grid, Interpolation.TRILINEAR, Float.NEGATIVE_INFINITY).voxels();
        byte[] m = new byte[v.length];
        for (int p = 0; p < v.length; p++) {
            m[p] = v[p] > thresholdHu ? (byte) 1 : 0;
        }
        LabelMap body = ConnectedComponents.largestComponent(new LabelMap(grid, m));
        return dilationMm > 0 ? Morphology.dilate(body, dilationMm) : body;
    }

    static double[] centroid(LabelMap mask) {
        Geometry g = mask.geometry();
        double[] sum = new double[3];
        long n = 0;
        byte[] m = mask.labels();
        int p = 0;
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++, p++) {
                    if (m[p] != 0) {
                        sum[0] += i;
                        sum[1] += j;
                        sum[2] += k;
                        n++;
                    }
                }
            }
        }
        return g.indexToWorld(sum[0] / n, sum[1] / n, sum[2] / n);
    }

    private static double rmsRadius(LabelMap mask, double[] centre) {
        Geometry g = mask.geometry();
        byte[] m = mask.labels();
        double sum = 0;
        long n = 0;
        int p = 0;
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++, p++) {
                    if (m[p] != 0) {
                        double[] w = g.indexToWorld(i, j, k);
                        double dx = w[0] - centre[0];
                        double dy = w[1] - centre[1];
                        double dz = w[2] - centre[2];
                        sum += dx * dx + dy * dy + dz * dz;
                        n++;
                    }
                }
            }
        }
        return Math.sqrt(sum / n);
    }

    /**
     * NCC and its gradient at one level: the fixed level image and body mask cropped to the
     * mask's bounding box (plus one voxel for the central differences), and the moving level image.
     */
    private static final class LevelProblem {
        private final Geometry grid;
        private final float[] fixed;
        private final byte[] mask;
        private final Volume moving;
        private final double[] centre;
        /** Fixed grid index-axis unit vectors in LPS (columns of its direction). */
        private final double[][] axes = new double[3][3];

        LevelProblem(Volume fixedRaw, Volume fixedLevel, Volume movingLevel, double[] centre, RegistrationSettings s) {
            Geometry full = fixedLevel.geometry();
            LabelMap body = bodyMask(fixedRaw, full, s.bodyThresholdHu(), s.maskDilationMm());
            IndexBox box = IndexBox.ofNonZero(body).orElseThrow().grown(new int[] {1, 1, 1}, full);
            this.grid = box.subGeometry(full);
            this.fixed = Resampler.resample(fixedLevel, grid, Interpolation.NEAREST, 0f).voxels();
            this.mask = Resampler.resampleLabels(body, grid, LabelInterpolation.NEAREST).labels();
            this.moving = movingLevel;
            this.centre = centre;
            double[] d = grid.direction();
            for (int c = 0; c < 3; c++) {
                for (int r = 0; r < 3; r++) {
                    axes[c][r] = d[3 * r + c];
                }
            }
        }

        /** {NCC, dNCC/dp_0..5} at parameters p. */
        double[] evaluate(double[] p) {
            RigidTransform t = transform(p, centre);
            float[] w = t.resample(moving, grid, Interpolation.TRILINEAR, Float.NaN).voxels();
            double[] rot = t.rotation();
            // dR/dθ_j for R = Rz Ry Rx
            double[][] dR = eulerDerivatives(p[0], p[1], p[2]);
            int nx = grid.nx();
            int ny = grid.ny();
            int nz = grid.nz();
            int nxy = nx * ny;
            double[] sp = grid.spacing();
            double[] origin = grid.origin();
            double[] sums = IntStream.range(1, nz - 1).parallel().mapToObj(k -> {
                double[] acc = new double[SUMS];
                double[] d = new double[PARAMETERS];
                for (int j = 1; j < ny - 1; j++) {
                    for (int i = 1; i < nx - 1; i++) {
                        int q = i + nx * (j + ny * k);
                        if (mask[q] == 0) {
                            continue;
                        }
                        float m = w[q];
                        float xm = w[q - 1];
                        float xp = w[q + 1];
                        float ym = w[q - nx];
                        float yp = w[q + nx];
                        float zm = w[q - nxy];
                        float zp = w[q + nxy];
                        if (Float.isNaN(m) || Float.isNaN(xm) || Float.isNaN(xp) || Float.isNaN(ym) || Float.isNaN(yp)
                                || Float.isNaN(zm) || Float.isNaN(zp)) {
                            continue;
                        }
                        double gi = (xp - xm) / (2 * sp[0]);
                        double gj = (yp - ym) / (2 * sp[1]);
                        double gk = (zp - zm) / (2 * sp[2]);
                        // gradient of the warped image in LPS, then the moving image's gradient at T(x): R ∇w
                        double wx = axes[0][0] * gi + axes[1][0] * gj + axes[2][0] * gk;
                        double wy = axes[0][1] * gi + axes[1][1] * gj + axes[2][1] * gk;
                        double wz = axes[0][2] * gi + axes[1][2] * gj + axes[2][2] * gk;
                        double gx = rot[0] * wx + rot[1] * wy + rot[2] * wz;
                        double gy = rot[3] * wx + rot[4] * wy + rot[5] * wz;
                        double gz = rot[6] * wx + rot[7] * wy + rot[8] * wz;
                        double rx = origin[0] + axes[0][0] * i * sp[0] + axes[1][0] * j * sp[1] + axes[2][0] * k * sp[2] - centre[0];
                        double ry = origin[1] + axes[0][1] * i * sp[0] + axes[1][1] * j * sp[1] + axes[2][1] * k * sp[2] - centre[1];
                        double rz = origin[2] + axes[0][2] * i * sp[0] + axes[1][2] * j * sp[1] + axes[2][2] * k * sp[2] - centre[2];
                        for (int a = 0; a < 3; a++) {
                            double[] r = dR[a];
                            d[a] = gx * (r[0] * rx + r[1] * ry + r[2] * rz) + gy * (r[3] * rx + r[4] * ry + r[5] * rz)
                                    + gz * (r[6] * rx + r[7] * ry + r[8] * rz);
                        }
                        d[3] = gx;
                        d[4] = gy;
                        d[5] = gz;
                        double f = fixed[q];
                        acc[0]++;
                        acc[1] += f;
                        acc[2] += m;
                        acc[3] += f * f;
                        acc[4] += (double) m * m;
                        acc[5] += f * m;
                        for (int a = 0; a < PARAMETERS; a++) {
                            acc[6 + a] += f * d[a];
                            acc[6 + PARAMETERS + a] += m * d[a];
                            acc[6 + 2 * PARAMETERS + a] += d[a];
                        }
                    }
                }
                return acc;
            }).reduce(new double[SUMS], (a, b) -> {
                double[] s = new double[SUMS];
                for (int e = 0; e < SUMS; e++) {
                    s[e] = a[e] + b[e];
                }
                return s;
            });
            double n = sums[0];
            double[] out = new double[1 + PARAMETERS];
            if (n < 2) {
                return out;
            }
            double sff = sums[3] - sums[1] * sums[1] / n;
            double smm = sums[4] - sums[2] * sums[2] / n;
            double sfm = sums[5] - sums[1] * sums[2] / n;
            double denominator = Math.sqrt(sff * smm);
            if (!(denominator > 0)) {
                return out;
            }
            out[0] = sfm / denominator;
            for (int a = 0; a < PARAMETERS; a++) {
                double dsfm = sums[6 + a] - sums[1] / n * sums[6 + 2 * PARAMETERS + a];
                double dsmm = 2 * (sums[6 + PARAMETERS + a] - sums[2] / n * sums[6 + 2 * PARAMETERS + a]);
                out[1 + a] = (dsfm - sfm * dsmm / (2 * smm)) / denominator;
            }
            return out;
        }
    }

    /** dR/drx, dR/dry, dR/drz for R = Rz Ry Rx, each row-major 3x3. */
    static double[][] eulerDerivatives(double rx, double ry, double rz) {
        double cx = Math.cos(rx);
        double sx = Math.sin(rx);
        double cy = Math.cos(ry);
        double sy = Math.sin(ry);
        double cz = Math.cos(rz);
        double sz = Math.sin(rz);
        double[] mx = {1, 0, 0, 0, cx, -sx, 0, sx, cx};
        double[] my = {cy, 0, sy, 0, 1, 0, -sy, 0, cy};
        double[] mz = {cz, -sz, 0, sz, cz, 0, 0, 0, 1};
        double[] dmx = {0, 0, 0, 0, -sx, -cx, 0, cx, -sx};
        double[] dmy = {-sy, 0, cy, 0, 0, 0, -cy, 0, -sy};
        double[] dmz = {-sz, -cz, 0, cz, -sz, 0, 0, 0, 0};
        return new double[][] {
            Matrix3.multiply(mz, Matrix3.multiply(my, dmx)),
            Matrix3.multiply(mz, Matrix3.multiply(dmy, mx)),
            Matrix3.multiply(dmz, Matrix3.multiply(my, mx))};
    }
}
