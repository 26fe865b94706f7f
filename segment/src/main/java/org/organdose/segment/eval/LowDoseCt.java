package org.organdose.segment.eval;

import java.util.Random;
import org.organdose.image.GaussianFilter;
import org.organdose.image.Geometry;
import org.organdose.image.Interpolation;
import org.organdose.image.LabelInterpolation;
import org.organdose.image.LabelMap;
import org.organdose.image.Resampler;
import org.organdose.image.Volume;

/**
 * Makes the kind of CT the main users segment from a diagnostic one: the low-dose CT of a SPECT/CT,
 * with thick slices, coarser pixels and more noise (no contrast cannot be simulated). Slices are
 * made {@code sliceMm} thick by a Gaussian along the slice axis with that FWHM before resampling,
 * pixels {@code pixelMm} wide likewise, and white Gaussian noise of {@code noiseHu} is added. The
 * reference labels are carried onto the new grid so that the result can be scored.
 */
public final class LowDoseCt {
    private LowDoseCt() {
    }

    /** A CT and its labels on the low-dose grid. */
    public record Pair(Volume ct, LabelMap labels) {
    }

    public static Pair simulate(Volume ct, LabelMap labels, double pixelMm, double sliceMm, double noiseHu, long seed) {
        Geometry g = ct.geometry();
        double[] target = {Math.max(pixelMm, g.spacing(0)), Math.max(pixelMm, g.spacing(1)), Math.max(sliceMm, g.spacing(2))};
        double[] sigma = new double[3];
        for (int a = 0; a < 3; a++) {
            double extra = target[a] * target[a] - g.spacing(a) * g.spacing(a);
            sigma[a] = extra > 0 ? GaussianFilter.fwhmToSigma(Math.sqrt(extra)) : 0;
        }
        Geometry low = g.resampledTo(target);
        Volume blurred = GaussianFilter.smooth(ct, sigma);
        Volume out = Resampler.resample(blurred, low, Interpolation.TRILINEAR, -1024f);
        Random rng = new Random(seed);
        float[] v = out.voxels();
        for (int p = 0; p < v.length; p++) {
            v[p] += (float) (rng.nextGaussian() * noiseHu);
        }
        return new Pair(out, Resampler.resampleLabels(labels, low, LabelInterpolation.NEAREST));
    }
}
