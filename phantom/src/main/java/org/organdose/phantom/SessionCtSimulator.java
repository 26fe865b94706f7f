package org.organdose.phantom;

import java.util.Random;
import org.organdose.image.GaussianFilter;
import org.organdose.image.Geometry;
import org.organdose.image.Interpolation;
import org.organdose.image.Resampler;
import org.organdose.image.Volume;

/**
 * The low-dose CT of a SPECT/CT session: the diagnostic CT moved with the patient, on thicker
 * slices (averaged over the slice thickness), at coarser in-plane sampling and with more noise
 * (Gaussian, slightly correlated as a soft reconstruction kernel makes it).
 */
final class SessionCtSimulator {
    /** In-plane sampling of the session CTs is never finer than this. */
    static final double MIN_IN_PLANE_MM = 1.0;

    private SessionCtSimulator() {
    }

    /** The scanner grid of a session: the diagnostic CT's extent and orientation at low-dose sampling. */
    static Geometry sessionGrid(Geometry diagnostic, double sliceMm) {
        return diagnostic.resampledTo(new double[] {Math.max(MIN_IN_PLANE_MM, diagnostic.spacing(0)),
            Math.max(MIN_IN_PLANE_MM, diagnostic.spacing(1)), sliceMm});
    }

    static Volume simulate(Volume diagnosticCt, PatientMotion motion, Geometry sessionGrid, double noiseHu, Random random) {
        Geometry g = diagnosticCt.geometry();
        double sliceSigma = Math.max(0, sessionGrid.spacing(2) / Math.sqrt(12));
        double inPlane = sessionGrid.spacing(0) / Math.sqrt(12);
        Volume thick = GaussianFilter.smooth(diagnosticCt, new double[] {inPlane, inPlane, sliceSigma});
        Volume moved = new Volume(motion.moved(g), thick.voxels());
        Volume session = Resampler.resample(moved, sessionGrid, Interpolation.TRILINEAR, -1000f);
        float[] noise = new float[session.voxels().length];
        for (int p = 0; p < noise.length; p++) {
            noise[p] = (float) random.nextGaussian();
        }
        float[] correlated = GaussianFilter.smooth(new Volume(sessionGrid, noise), 0.6 * sessionGrid.spacing(0)).voxels();
        double sd = 0;
        for (float v : correlated) {
            sd += v * (double) v;
        }
        double scale = noiseHu / Math.sqrt(sd / correlated.length);
        float[] out = session.voxels();
        for (int p = 0; p < out.length; p++) {
            out[p] = (float) Math.rint(out[p] + correlated[p] * scale);
        }
        return session;
    }
}
