package org.organdose.dosimetry;

import org.organdose.image.GaussianFilter;
import org.organdose.image.Geometry;
import org.organdose.image.Volume;

/**
 * QA for SPECT/CT misalignment: how far each organ's activity centroid lies from where the
 * session's CT masks put it.
 *
 * <p>The expected SPECT is the model the organ activities were fitted with: every organ and the
 * rest of the body at its measured mean concentration, blurred with the SPECT resolution. Around
 * each organ (the SPECT voxels where its own blurred mask exceeds {@value #VOI_LEVEL}, about one
 * FWHM beyond its edge) the activity-weighted centroid of the measured SPECT is compared with
 * that of the model. With SPECT and CT aligned the two agree whatever spills in from neighbours
 * or the body; a shift of the activity moves the measured one. Because the region is fixed to
 * the CT mask, the offset underestimates large shifts: it is an alarm, not a measurement.
 *
 * <p>The second check looks just outside each organ: in the same region less every organ's own
 * voxels (a shell about one FWHM deep), the measured activity minus the model's, as a percentage
 * of the organ's activity. The model already holds what the resolution spills out of the organ,
 * in from neighbours and from the body, so an aligned session reads a few percent; activity left
 * outside by a mask that is off or too small reads as excess.
 */
final class AlignmentCheck {
    /** Blurred own-mask level that bounds the region compared around each organ. */
    static final double VOI_LEVEL = 0.1;
    /** Excess activity just outside an organ, % of its activity, above which a session is flagged. */
    static final double OUTSIDE_EXCESS_FLAG_PERCENT = 10;

    private AlignmentCheck() {
    }

    /**
     * One organ's readings.
     *
     * @param offsetMm              vector from the model's to the measured activity centroid, mm LPS (NaN without activity)
     * @param outsideExcessPercent  measured minus modelled activity in the shell just outside the organ,
     *                              % of the organ's activity (NaN without activity)
     */
    record Reading(double[] offsetMm, double outsideExcessPercent) {
        double offsetLengthMm() {
            return Math.sqrt(offsetMm[0] * offsetMm[0] + offsetMm[1] * offsetMm[1] + offsetMm[2] * offsetMm[2]);
        }
    }

    /**
     * Per organ (in the masks' order), the centroid offset and the excess activity just outside.
     *
     * @param spect           MBq/mL
     * @param organActivities MBq per organ, as measured on this SPECT
     * @param bodyConcentration MBq/mL of the rest of the body
     */
    static Reading[] check(Volume spect, OrganMasks masks, double[] organActivities, double bodyConcentration,
                                double fwhmMm) {
        Geometry g = spect.geometry();
        double sigma = GaussianFilter.fwhmToSigma(fwhmMm);
        Volume[] fractions = masks.organFractions(g);
        int n = fractions.length;
        float[][] blurred = new float[n][];
        float[] model = new float[g.voxelCount()];
        double voxelMl = g.voxelVolumeMm3() / 1000;
        for (int o = 0; o < n; o++) {
            double volumeMl = 0;
            for (float f : fractions[o].voxels()) {
                volumeMl += f * voxelMl;
            }
            blurred[o] = GaussianFilter.smooth(fractions[o], sigma).voxels();
            double concentration = volumeMl > 0 ? organActivities[o] / volumeMl : 0;
            for (int p = 0; p < model.length; p++) {
                model[p] += (float) (concentration * blurred[o][p]);
            }
        }
        float[] body = GaussianFilter.smooth(masks.bodyFraction(g), sigma).voxels();
        for (int p = 0; p < model.length; p++) {
            model[p] += (float) (bodyConcentration * body[p]);
        }
        boolean[] inAnOrgan = new boolean[model.length];
        for (Volume f : fractions) {
            float[] v = f.voxels();
            for (int p = 0; p < v.length; p++) {
                inAnOrgan[p] |= v[p] >= 0.5f;
            }
        }
        float[] s = spect.voxels();
        Reading[] out = new Reading[n];
        for (int o = 0; o < n; o++) {
            double[] measured = new double[4];
            double[] expected = new double[4];
            double shellExcess = 0;
            int p = 0;
            for (int k = 0; k < g.nz(); k++) {
                for (int j = 0; j < g.ny(); j++) {
                    for (int i = 0; i < g.nx(); i++, p++) {
                        if (blurred[o][p] >= VOI_LEVEL) {
                            add(measured, Math.max(0, s[p]), i, j, k);
                            add(expected, Math.max(0, model[p]), i, j, k);
                            if (!inAnOrgan[p]) {
                                shellExcess += s[p] - model[p];
                            }
                        }
                    }
                }
            }
            if (!(measured[3] > 0) || !(expected[3] > 0) || !(organActivities[o] > 0)) {
                out[o] = new Reading(new double[] {Double.NaN, Double.NaN, Double.NaN}, Double.NaN);
                continue;
            }
            double[] a = g.indexToWorld(measured[0] / measured[3], measured[1] / measured[3], measured[2] / measured[3]);
            double[] b = g.indexToWorld(expected[0] / expected[3], expected[1] / expected[3], expected[2] / expected[3]);
            out[o] = new Reading(new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]},
                    100 * shellExcess * voxelMl / organActivities[o]);
        }
        return out;
    }

    private static void add(double[] acc, double w, int i, int j, int k) {
        acc[0] += w * i;
        acc[1] += w * j;
        acc[2] += w * k;
        acc[3] += w;
    }
}
