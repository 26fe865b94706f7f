package org.organdose.simulation;

import java.util.Random;
import org.organdose.image.GaussianFilter;
import org.organdose.image.Geometry;
import org.organdose.image.Interpolation;
import org.organdose.image.Resampler;
import org.organdose.image.Volume;

/**
 * A quantitative SPECT from a true activity concentration map: blurred by the system's Gaussian
 * resolution, sampled on the SPECT grid, turned into
 * counts with the system sensitivity and acquisition time, Poisson noise, and back to Bq/mL.
 * Reconstruction artefacts (noise correlation, Gibbs ringing) are not modelled.
 */
final class SpectSimulator {
    private SpectSimulator() {
    }

    static Volume simulate(Volume concentrationMBqPerMl, Geometry spectGrid, double fwhmMm, double countsPerMBqS,
                           double acquisitionSeconds, Random random) {
        // the FWHM is the resolution of the reconstructed image, voxel averaging included: the
        // blurred map is sampled at the SPECT voxel centres
        Volume blurred = GaussianFilter.smooth(concentrationMBqPerMl, GaussianFilter.fwhmToSigma(fwhmMm));
        float[] mean = Resampler.resample(blurred, spectGrid, Interpolation.TRILINEAR, 0f).voxels();
        double voxelMl = spectGrid.voxelVolumeMm3() / 1000;
        double countsPerMBq = countsPerMBqS * acquisitionSeconds;
        float[] bqPerMl = new float[mean.length];
        for (int p = 0; p < mean.length; p++) {
            double expected = Math.max(0, mean[p]) * voxelMl * countsPerMBq;
            double counts = poisson(expected, random);
            bqPerMl[p] = (float) (counts / countsPerMBq / voxelMl * 1e6);
        }
        return new Volume(spectGrid, bqPerMl);
    }

    /** Poisson deviate: exact (Knuth) for small means, normal approximation above 50. */
    static double poisson(double mean, Random random) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 50) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }
}
