package org.organdose.segment.preprocess;

import org.organdose.image.Geometry;
import org.organdose.image.GaussianFilter;
import org.organdose.image.Interpolation;
import org.organdose.image.LabelInterpolation;
import org.organdose.image.LabelMap;
import org.organdose.image.Resampler;
import org.organdose.image.Volume;

/**
 * The grid the networks work on: isotropic voxels of one spacing, axis-aligned in LPS (x to the
 * patient's left, y posterior, z superior), covering the CT's whole extent. Every scanner's CT,
 * whatever its pixel size, slice thickness or orientation, looks alike on it, and the three planes
 * of the consensus see the same voxels. The slice spacing of the 2.5D stacks is thereby the same
 * working spacing in every plane.
 *
 * <p>Why 2 mm (the default of {@code organdose train}): the main users' low-dose CTs have 3-5 mm
 * slices and the SPECT they are mapped to 4.8 mm voxels, so finer detail does not reach the dose;
 * taking the manual labels of ircad-1.1 (0.57 x 0.57 x 1.6 mm) to 2 mm and back costs only
 * 1-2 % Dice (liver 0.990, kidneys 0.979, spleen 0.978: see {@code WorkingGridRealDataTest}); and
 * a 512 x 512 x 129 CT becomes 146 x 146 x 103 voxels, which a 2-core CPU segments along three
 * planes in seconds and trains on with 128 x 128 crops that hold most of the abdomen.
 *
 * <p>Going down to the working spacing, the CT is first smoothed with a Gaussian whose FWHM makes
 * up the difference between the two spacings, so that fine noise of a thin-slice CT does not alias
 * into the coarse grid (low-dose CTs would otherwise look noisier on it than they are).
 */
public final class WorkingGrid {
    /** HU outside the scanned field of view: air. */
    public static final float OUTSIDE_HU = -1024f;

    private WorkingGrid() {
    }

    /** The working grid of spacing {@code spacingMm} around {@code ct}. */
    public static Geometry around(Geometry ct, double spacingMm) {
        double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] max = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int corner = 0; corner < 8; corner++) {
            // voxel edges, not centres: the grid covers every voxel entirely
            double i = (corner & 1) == 0 ? -0.5 : ct.nx() - 0.5;
            double j = (corner & 2) == 0 ? -0.5 : ct.ny() - 0.5;
            double k = (corner & 4) == 0 ? -0.5 : ct.nz() - 0.5;
            double[] w = ct.indexToWorld(i, j, k);
            for (int a = 0; a < 3; a++) {
                min[a] = Math.min(min[a], w[a]);
                max[a] = Math.max(max[a], w[a]);
            }
        }
        int[] n = new int[3];
        double[] origin = new double[3];
        for (int a = 0; a < 3; a++) {
            double extent = max[a] - min[a];
            n[a] = Math.max(1, (int) Math.round(extent / spacingMm));
            // centre the working grid on the CT's extent
            origin[a] = (min[a] + max[a]) / 2 - (n[a] - 1) * spacingMm / 2;
        }
        return Geometry.axisAligned(n[0], n[1], n[2], new double[] {spacingMm, spacingMm, spacingMm}, origin);
    }

    /** The CT (HU) on {@code working}, smoothed first where it is finer than the working grid. */
    public static Volume ctOnto(Volume ct, Geometry working) {
        double target = working.spacing(0);
        double[] sigma = new double[3];
        boolean smooth = false;
        for (int a = 0; a < 3; a++) {
            double s = ct.geometry().spacing(a);
            if (s < target) {
                sigma[a] = GaussianFilter.fwhmToSigma(Math.sqrt(target * target - s * s));
                smooth = true;
            }
        }
        Volume source = smooth ? GaussianFilter.smooth(ct, sigma) : ct;
        return Resampler.resample(source, working, Interpolation.TRILINEAR, OUTSIDE_HU);
    }

    /** Organ labels onto another grid, following the interpolated organ surfaces. */
    public static LabelMap labelsOnto(LabelMap labels, Geometry target) {
        return Resampler.resampleLabels(labels, target, LabelInterpolation.LABEL_AWARE);
    }
}
