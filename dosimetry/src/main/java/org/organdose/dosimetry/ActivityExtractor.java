package org.organdose.dosimetry;

import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.organdose.image.DistanceMap;
import org.organdose.image.GaussianFilter;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;
import org.organdose.image.Resampler;
import org.organdose.image.Volume;

/**
 * Organ activities from one quantitative SPECT (MBq/mL) and the organ masks of its session,
 * mapped onto the SPECT grid by world coordinates with fractional coverage.
 */
final class ActivityExtractor {
    /**
     * @param organActivityMBq          per organ, in the order of the masks' organs
     * @param bodyConcentrationMBqPerMl the rest-of-body compartment from the transfer-matrix solve
     *                                  (made for every method: it is the background of the dose map)
     */
    record Activities(double[] organActivityMBq, double bodyConcentrationMBqPerMl) {
    }

    private final DosimetrySettings settings;

    ActivityExtractor(DosimetrySettings settings) {
        this.settings = settings;
    }

    Activities extract(Volume spectMBqPerMl, OrganMasks masks) throws DosimetryInputException {
        Geometry g = spectMBqPerMl.geometry();
        Volume[] fractions = masks.organFractions(g);
        Volume body = masks.bodyFraction(g);
        double voxelMl = g.voxelVolumeMm3() / 1000;
        TransferMatrix gtm = transferMatrix(spectMBqPerMl, fractions, body, masks.organs());
        double[] activity = switch (settings.activityMethod()) {
            case GTM -> gtm.organActivityMBq(fractions, voxelMl);
            case MARGIN -> sums(spectMBqPerMl, marginVois(masks, g), voxelMl);
            case GAUSSIAN_PSF -> sums(spectMBqPerMl, psfVois(fractions), voxelMl);
        };
        return new Activities(activity, gtm.concentrations[fractions.length]);
    }

    private static double[] sums(Volume spect, Volume[] weights, double voxelMl) {
        float[] s = spect.voxels();
        double[] out = new double[weights.length];
        for (int o = 0; o < weights.length; o++) {
            float[] w = weights[o].voxels();
            double sum = 0;
            for (int p = 0; p < s.length; p++) {
                sum += w[p] * s[p];
            }
            out[o] = sum * voxelMl;
        }
        return out;
    }

    /**
     * The CT masks extended by the margin on the CT grid (where millimetres are resolved), each
     * voxel within the margin of several organs going to the nearest; then mapped onto the SPECT.
     */
    private Volume[] marginVois(OrganMasks masks, Geometry spect) {
        LabelMap labels = masks.labels();
        List<Organ> organs = masks.organs();
        float[][] distance = new float[organs.size()][];
        for (int o = 0; o < organs.size(); o++) {
            distance[o] = DistanceMap.euclideanMm(labels.select(organs.get(o).label())).voxels();
        }
        byte[] extended = new byte[labels.labels().length];
        for (int p = 0; p < extended.length; p++) {
            int nearest = -1;
            float best = Float.POSITIVE_INFINITY;
            for (int o = 0; o < organs.size(); o++) {
                if (distance[o][p] < best) {
                    best = distance[o][p];
                    nearest = o;
                }
            }
            if (nearest >= 0 && best <= settings.marginMm()) {
                extended[p] = (byte) organs.get(nearest).label();
            }
        }
        LabelMap ext = new LabelMap(labels.geometry(), extended);
        Volume[] out = new Volume[organs.size()];
        for (int o = 0; o < out.length; o++) {
            out[o] = Resampler.fractionCovered(ext, organs.get(o).label(), spect, OrganMasks.SUBSAMPLES);
        }
        return out;
    }

    /**
     * Weights min(1, 2 G*f) of the organ fractions blurred with the PSF sigma; a voxel reached by
     * several organs goes to the one whose blurred mask is largest there (the nearest).
     */
    private Volume[] psfVois(Volume[] fractions) {
        int n = fractions.length;
        float[][] blurred = new float[n][];
        for (int o = 0; o < n; o++) {
            blurred[o] = GaussianFilter.smooth(fractions[o], settings.psfSigmaMm()).voxels();
        }
        Volume[] out = new Volume[n];
        int size = fractions[0].voxels().length;
        for (int o = 0; o < n; o++) {
            out[o] = new Volume(fractions[o].geometry());
        }
        for (int p = 0; p < size; p++) {
            int best = -1;
            float max = 0;
            for (int o = 0; o < n; o++) {
                if (blurred[o][p] > max) {
                    max = blurred[o][p];
                    best = o;
                }
            }
            if (best >= 0) {
                out[best].voxels()[p] = Math.min(1f, Math.max(2 * max, fractions[best].voxels()[p]));
            }
        }
        return out;
    }

    /** Concentrations (MBq/mL) of the organ compartments and, last, of the rest of the body. */
    private record TransferMatrix(double[] concentrations) {
        double[] organActivityMBq(Volume[] fractions, double voxelMl) {
            double[] a = new double[fractions.length];
            for (int o = 0; o < a.length; o++) {
                double volume = 0;
                for (float f : fractions[o].voxels()) {
                    volume += f;
                }
                a[o] = concentrations[o] * volume * voxelMl;
            }
            return a;
        }
    }

    /**
     * Rousset's geometric transfer matrix: VOI i is compartment i's own fractional mask;
     * G[i][j] = mean over VOI i of compartment j blurred with the SPECT resolution; the VOI
     * means t solve G c = t for the compartment concentrations c.
     */
    private TransferMatrix transferMatrix(Volume spect, Volume[] fractions, Volume body, List<Organ> organs)
            throws DosimetryInputException {
        int n = fractions.length + 1;
        Volume[] compartments = new Volume[n];
        System.arraycopy(fractions, 0, compartments, 0, fractions.length);
        compartments[n - 1] = body;
        double sigma = GaussianFilter.fwhmToSigma(settings.spectFwhmMm());
        float[][] blurred = new float[n][];
        for (int j = 0; j < n; j++) {
            blurred[j] = GaussianFilter.smooth(compartments[j], sigma).voxels();
        }
        float[] s = spect.voxels();
        RealMatrix gm = new Array2DRowRealMatrix(n, n);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            float[] w = compartments[i].voxels();
            double weight = 0;
            double sum = 0;
            double[] mix = new double[n];
            for (int p = 0; p < s.length; p++) {
                if (w[p] > 0) {
                    weight += w[p];
                    sum += w[p] * s[p];
                    for (int j = 0; j < n; j++) {
                        mix[j] += w[p] * blurred[j][p];
                    }
                }
            }
            if (weight == 0) {
                String what = i < organs.size() ? organs.get(i).key() : "the body outside the organs";
                throw new DosimetryInputException("the SPECT does not cover " + what);
            }
            t[i] = sum / weight;
            for (int j = 0; j < n; j++) {
                gm.setEntry(i, j, mix[j] / weight);
            }
        }
        try {
            return new TransferMatrix(new LUDecomposition(gm).getSolver().solve(new ArrayRealVector(t)).toArray());
        } catch (SingularMatrixException e) {
            throw new DosimetryInputException("the geometric transfer matrix is singular: organs too small for the SPECT resolution");
        }
    }
}
