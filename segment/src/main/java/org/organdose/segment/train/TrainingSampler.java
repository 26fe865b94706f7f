package org.organdose.segment.train;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.organdose.image.Plane;
import org.organdose.segment.net.NetworkClasses;
import org.organdose.segment.preprocess.HuWindow;
import org.organdose.segment.preprocess.WorkingGrid;

/**
 * Draws augmented 2.5D training samples: a case (by weight), a plane, a centre (two thirds of the
 * time on an organ, else anywhere in the body), then a crop of k adjacent slices resampled
 * through the random geometric transform, with the main slice's classes as the target.
 */
final class TrainingSampler {
    private static final double FOREGROUND_CENTRE_PROBABILITY = 2.0 / 3;
    private static final int ELASTIC_GRID = 5;

    private final List<WorkingCase> cases;
    private final List<Plane> planes;
    private final int slicesPerStack;
    private final int crop;
    private final HuWindow window;
    private final Augmentation aug;
    private final Random rng;
    private final double[] cumulativeWeight;

    /** One batch: inputs (n, k, crop, crop), targets (n, crop, crop), labelled classes (n, C). */
    record Batch(int size, float[] inputs, byte[] targets, float[] labelled) {
    }

    TrainingSampler(List<WorkingCase> cases, List<Plane> planes, int slicesPerStack, int crop, HuWindow window,
            Augmentation aug, long seed) {
        this.cases = cases;
        this.planes = planes;
        this.slicesPerStack = slicesPerStack;
        this.crop = crop;
        this.window = window;
        this.aug = aug;
        this.rng = new Random(seed);
        this.cumulativeWeight = new double[cases.size()];
        double sum = 0;
        for (int i = 0; i < cases.size(); i++) {
            sum += cases.get(i).weight;
            cumulativeWeight[i] = sum;
        }
    }

    Batch next(int n) {
        int planeSize = crop * crop;
        float[] inputs = new float[n * slicesPerStack * planeSize];
        byte[] targets = new byte[n * planeSize];
        float[] labelled = new float[n * NetworkClasses.COUNT];
        for (int s = 0; s < n; s++) {
            WorkingCase c = pickCase();
            sample(c, planes.get(rng.nextInt(planes.size())), inputs, s * slicesPerStack * planeSize, targets, s * planeSize);
            for (int cls = 0; cls < NetworkClasses.COUNT; cls++) {
                labelled[s * NetworkClasses.COUNT + cls] = c.labelledClasses[cls] ? 1f : 0f;
            }
        }
        return new Batch(n, inputs, targets, labelled);
    }

    private WorkingCase pickCase() {
        double r = rng.nextDouble() * cumulativeWeight[cumulativeWeight.length - 1];
        for (int i = 0; i < cumulativeWeight.length; i++) {
            if (r < cumulativeWeight[i]) {
                return cases.get(i);
            }
        }
        return cases.get(cases.size() - 1);
    }

    /**
     * Two thirds of the time a voxel of an organ class present in the case, the class drawn
     * uniformly so that the kidneys and spleen are seen as often as the much larger liver; else a
     * random body voxel.
     */
    private int[] pickCentre(WorkingCase c) {
        int[] n = c.geometry().sizes();
        int p = -1;
        if (rng.nextDouble() < FOREGROUND_CENTRE_PROBABILITY) {
            int[] present = IntStream.range(1, NetworkClasses.COUNT)
                    .filter(cls -> c.voxelsOfClass[cls].length > 0).toArray();
            if (present.length > 0) {
                int[] voxels = c.voxelsOfClass[present[rng.nextInt(present.length)]];
                p = voxels[rng.nextInt(voxels.length)];
            }
        }
        if (p < 0) {
            float[] hu = c.ct.voxels();
            for (int tries = 0; tries < 50 && p < 0; tries++) {
                int q = rng.nextInt(hu.length);
                if (hu[q] > -500) {
                    p = q;
                }
            }
            if (p < 0) {
                p = rng.nextInt(hu.length);
            }
        }
        return new int[] {p % n[0], (p / n[0]) % n[1], p / (n[0] * n[1])};
    }

    private double uniform(double max) {
        return (2 * rng.nextDouble() - 1) * max;
    }

    private void sample(WorkingCase c, Plane plane, float[] inputs, int inOffset, byte[] targets, int tOffset) {
        double spacing = c.geometry().spacing(0);
        int[] centre = pickCentre(c);
        double[] eRow = new double[3];
        double[] eCol = new double[3];
        double[] eNormal = new double[3];
        eRow[plane.rowAxis()] = plane.rowsReversed() ? -1 : 1;
        eCol[plane.columnAxis()] = 1;
        eNormal[plane.normalAxis()] = 1;

        double angle = rng.nextDouble() < aug.rotationProbability() ? Math.toRadians(uniform(aug.maxRotationDegrees())) : 0;
        double scale = rng.nextDouble() < aug.scaleProbability() ? 1 + uniform(aug.maxScaleChange()) : 1;
        double[][] elastic = rng.nextDouble() < aug.elasticProbability() ? elasticField(aug.elasticSigmaMm() / spacing) : null;
        boolean intensity = rng.nextDouble() < aug.intensityProbability();
        double huScale = intensity ? 1 + uniform(aug.maxHuScaleChange()) : 1;
        double huShift = intensity ? uniform(aug.maxHuShift()) : 0;
        double[] organShift = organShifts(c);
        double gamma = rng.nextDouble() < aug.gammaProbability() ? Math.exp(uniform(aug.maxLogGamma())) : 1;
        double noise = rng.nextDouble() < aug.noiseProbability() ? rng.nextDouble() * aug.maxNoiseHu() : 0;
        double blur = rng.nextDouble() < aug.blurProbability() ? rng.nextDouble() * aug.maxBlurSigmaMm() / spacing : 0;
        double thick = rng.nextDouble() < aug.thickSliceProbability()
                ? (aug.minSliceMm() + rng.nextDouble() * (aug.maxSliceMm() - aug.minSliceMm())) / spacing : 0;
        double phase = rng.nextDouble() * Math.max(thick, 1);
        // drawn only when enabled, so that trainings without it keep their random sequence
        double[] fieldOfView = aug.fieldOfViewProbability() > 0 && rng.nextDouble() < aug.fieldOfViewProbability()
                ? fieldOfView(centre, spacing) : null;

        double cos = Math.cos(angle) * scale;
        double sin = Math.sin(angle) * scale;
        int half = slicesPerStack / 2;
        int planeSize = crop * crop;
        double[] pos = new double[3];
        byte[] classes = c.classes;
        // the class under every input pixel of every slice of the stack, for the organ shifts
        byte[] stackClasses = organShift == null ? null : new byte[slicesPerStack * planeSize];
        int[] n = c.geometry().sizes();
        float[] hu = c.ct.voxels();
        double[] at = new double[3];
        for (int r = 0; r < crop; r++) {
            for (int col = 0; col < crop; col++) {
                // whole-voxel offsets: without augmentation every pixel is a voxel centre, so the
                // image and the nearest-neighbour labels cannot drift apart by half a voxel
                double u = r - crop / 2;
                double v = col - crop / 2;
                if (elastic != null) {
                    u += bilinear(elastic[0], r, col);
                    v += bilinear(elastic[1], r, col);
                }
                double ru = cos * u - sin * v;
                double rv = sin * u + cos * v;
                for (int a = 0; a < 3; a++) {
                    pos[a] = centre[a] + ru * eRow[a] + rv * eCol[a];
                }
                int pixel = r * crop + col;
                targets[tOffset + pixel] = outside(fieldOfView, pos) ? NetworkClasses.BACKGROUND : nearestClass(classes, n, pos);
                for (int d = 0; d < slicesPerStack; d++) {
                    for (int a = 0; a < 3; a++) {
                        at[a] = pos[a] + (d - half) * eNormal[a];
                    }
                    boolean cut = outside(fieldOfView, at);
                    inputs[inOffset + d * planeSize + pixel] = cut ? WorkingGrid.OUTSIDE_HU : (float) (thick > 0
                            ? thickSlice(hu, n, at[0], at[1], at[2], thick, phase) : trilinear(hu, n, at[0], at[1], at[2]));
                    if (stackClasses != null) {
                        stackClasses[d * planeSize + pixel] = cut ? NetworkClasses.BACKGROUND : nearestClass(classes, n, at);
                    }
                }
            }
        }
        for (int d = 0; d < slicesPerStack; d++) {
            int off = inOffset + d * planeSize;
            if (organShift != null) {
                shiftOrgans(inputs, off, stackClasses, d * planeSize, organShift, aug.organEdgeMm() / spacing);
            }
            for (int p = 0; p < planeSize; p++) {
                inputs[off + p] = (float) (inputs[off + p] * huScale + huShift);
            }
            if (blur > 0.3) {
                blurPlane(inputs, off, blur);
            }
            for (int p = 0; p < planeSize; p++) {
                float value = inputs[off + p];
                if (noise > 0) {
                    value += (float) (rng.nextGaussian() * noise);
                }
                float windowed = window.apply(value);
                inputs[off + p] = gamma == 1 ? windowed : (float) Math.pow(windowed, gamma);
            }
        }
    }

    /**
     * A square axial field of view {x0, x1, y0, y1} (working-grid voxels) with a side drawn from the
     * augmentation's range, placed so that the sample's centre lies inside it with a margin of a
     * tenth of the side: what is outside is air, as in a CT reconstructed on a small field.
     */
    private double[] fieldOfView(int[] centre, double spacing) {
        double side = (aug.minFieldOfViewMm() + rng.nextDouble() * (aug.maxFieldOfViewMm() - aug.minFieldOfViewMm())) / spacing;
        double x0 = centre[0] - side * (0.1 + 0.8 * rng.nextDouble());
        double y0 = centre[1] - side * (0.1 + 0.8 * rng.nextDouble());
        return new double[] {x0, x0 + side, y0, y0 + side};
    }

    private static boolean outside(double[] fieldOfView, double[] pos) {
        return fieldOfView != null
                && (pos[0] < fieldOfView[0] || pos[0] > fieldOfView[1] || pos[1] < fieldOfView[2] || pos[1] > fieldOfView[3]);
    }

    /**
     * The HU shift of each organ class for one sample, or null for none: with the configured
     * probability every organ class the case labels gets its own uniform shift, or, with organ
     * targets, the shift that moves its mean to a uniform target (or either, with equal chance:
     * {@link Augmentation#organTargetsOrShifts()}). Unlabelled classes are left
     * alone, since where they lie is unknown.
     */
    private double[] organShifts(WorkingCase c) {
        if (!(rng.nextDouble() < aug.organIntensityProbability())) {
            return null;
        }
        double[] shift = new double[NetworkClasses.COUNT];
        for (int cls = 1; cls < NetworkClasses.COUNT; cls++) {
            if (!c.labelledClasses[cls]) {
                continue;
            }
            if (aug.organTargets() && (!aug.organTargetsOrShifts() || rng.nextBoolean())) {
                double target = aug.minOrganTargetHu() + rng.nextDouble() * (aug.maxOrganTargetHu() - aug.minOrganTargetHu());
                shift[cls] = target - c.meanHuOfClass[cls];
            } else {
                shift[cls] = aug.minOrganShiftHu() + rng.nextDouble() * (aug.maxOrganShiftHu() - aug.minOrganShiftHu());
            }
        }
        return shift;
    }

    /**
     * Adds each organ's shift to one plane, weighted by the organ's indicator blurred by
     * {@code edgeSigma} pixels, so that the shifted organ blends into its surroundings as real
     * enhancement does instead of ending in a step the network could learn to look for.
     */
    private void shiftOrgans(float[] inputs, int offset, byte[] classes, int classOffset, double[] shift, double edgeSigma) {
        int planeSize = crop * crop;
        float[] weight = new float[planeSize];
        for (int cls = 1; cls < shift.length; cls++) {
            if (shift[cls] == 0) {
                continue;
            }
            boolean present = false;
            for (int p = 0; p < planeSize; p++) {
                boolean inside = classes[classOffset + p] == cls;
                weight[p] = inside ? 1 : 0;
                present |= inside;
            }
            if (!present) {
                continue;
            }
            if (edgeSigma > 0.3) {
                blurPlane(weight, 0, edgeSigma);
            }
            for (int p = 0; p < planeSize; p++) {
                inputs[offset + p] += (float) (shift[cls] * weight[p]);
            }
        }
    }

    /** A smooth random displacement field (rows, columns) on a coarse grid, in voxels. */
    private double[][] elasticField(double sigmaVoxels) {
        double[][] field = new double[2][ELASTIC_GRID * ELASTIC_GRID];
        for (double[] f : field) {
            for (int i = 0; i < f.length; i++) {
                f[i] = rng.nextGaussian() * sigmaVoxels;
            }
        }
        return field;
    }

    private double bilinear(double[] grid, int r, int c) {
        double gr = (double) r / (crop - 1) * (ELASTIC_GRID - 1);
        double gc = (double) c / (crop - 1) * (ELASTIC_GRID - 1);
        int r0 = Math.min((int) gr, ELASTIC_GRID - 2);
        int c0 = Math.min((int) gc, ELASTIC_GRID - 2);
        double fr = gr - r0;
        double fc = gc - c0;
        return (1 - fr) * ((1 - fc) * grid[r0 * ELASTIC_GRID + c0] + fc * grid[r0 * ELASTIC_GRID + c0 + 1])
                + fr * ((1 - fc) * grid[(r0 + 1) * ELASTIC_GRID + c0] + fc * grid[(r0 + 1) * ELASTIC_GRID + c0 + 1]);
    }

    private static byte nearestClass(byte[] classes, int[] n, double[] pos) {
        int i = (int) Math.round(pos[0]);
        int j = (int) Math.round(pos[1]);
        int k = (int) Math.round(pos[2]);
        if (i < 0 || j < 0 || k < 0 || i >= n[0] || j >= n[1] || k >= n[2]) {
            return NetworkClasses.BACKGROUND;
        }
        return classes[i + n[0] * (j + n[1] * k)];
    }

    /** Trilinear HU at a continuous index; air outside the volume, border voxels repeated within half a voxel. */
    static double trilinear(float[] hu, int[] n, double x, double y, double z) {
        if (x < -0.5 || y < -0.5 || z < -0.5 || x > n[0] - 0.5 || y > n[1] - 0.5 || z > n[2] - 0.5) {
            return WorkingGrid.OUTSIDE_HU;
        }
        x = Math.max(0, Math.min(n[0] - 1, x));
        y = Math.max(0, Math.min(n[1] - 1, y));
        z = Math.max(0, Math.min(n[2] - 1, z));
        int i = Math.min((int) x, Math.max(0, n[0] - 2));
        int j = Math.min((int) y, Math.max(0, n[1] - 2));
        int k = Math.min((int) z, Math.max(0, n[2] - 2));
        double fx = x - i;
        double fy = y - j;
        double fz = z - k;
        int i1 = Math.min(i + 1, n[0] - 1);
        int j1 = Math.min(j + 1, n[1] - 1);
        int k1 = Math.min(k + 1, n[2] - 1);
        int sx = n[0];
        int sxy = n[0] * n[1];
        double c00 = hu[i + sx * j + sxy * k] * (1 - fx) + hu[i1 + sx * j + sxy * k] * fx;
        double c10 = hu[i + sx * j1 + sxy * k] * (1 - fx) + hu[i1 + sx * j1 + sxy * k] * fx;
        double c01 = hu[i + sx * j + sxy * k1] * (1 - fx) + hu[i1 + sx * j + sxy * k1] * fx;
        double c11 = hu[i + sx * j1 + sxy * k1] * (1 - fx) + hu[i1 + sx * j1 + sxy * k1] * fx;
        return ((c00 * (1 - fy) + c10 * fy) * (1 - fz)) + ((c01 * (1 - fy) + c11 * fy) * fz);
    }

    /**
     * HU as if the CT had slabs of {@code thickness} voxels along z, starting at {@code phase},
     * interpolated linearly between slab centres.
     */
    private static double thickSlice(float[] hu, int[] n, double x, double y, double z, double thickness, double phase) {
        double slab = Math.floor((z - phase) / thickness - 0.5);
        double c0 = phase + (slab + 0.5) * thickness;
        double w = (z - c0) / thickness;
        return (1 - w) * slabMean(hu, n, x, y, c0, thickness) + w * slabMean(hu, n, x, y, c0 + thickness, thickness);
    }

    private static double slabMean(float[] hu, int[] n, double x, double y, double centre, double thickness) {
        return (trilinear(hu, n, x, y, centre - thickness / 3) + trilinear(hu, n, x, y, centre)
                + trilinear(hu, n, x, y, centre + thickness / 3)) / 3;
    }

    /** In-place separable Gaussian blur of one crop x crop plane, borders repeated. */
    private void blurPlane(float[] data, int offset, double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int t = -radius; t <= radius; t++) {
            kernel[t + radius] = Math.exp(-0.5 * t * t / (sigma * sigma));
            sum += kernel[t + radius];
        }
        for (int t = 0; t < kernel.length; t++) {
            kernel[t] /= sum;
        }
        float[] tmp = new float[crop * crop];
        for (int r = 0; r < crop; r++) {
            for (int c = 0; c < crop; c++) {
                double acc = 0;
                for (int t = -radius; t <= radius; t++) {
                    acc += kernel[t + radius] * data[offset + r * crop + Math.max(0, Math.min(crop - 1, c + t))];
                }
                tmp[r * crop + c] = (float) acc;
            }
        }
        for (int r = 0; r < crop; r++) {
            for (int c = 0; c < crop; c++) {
                double acc = 0;
                for (int t = -radius; t <= radius; t++) {
                    acc += kernel[t + radius] * tmp[Math.max(0, Math.min(crop - 1, r + t)) * crop + c];
                }
                data[offset + r * crop + c] = (float) acc;
            }
        }
    }
}
