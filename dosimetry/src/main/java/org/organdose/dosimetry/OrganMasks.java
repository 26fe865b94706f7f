package org.organdose.dosimetry;

import java.util.List;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;
import org.organdose.image.Resampler;
import org.organdose.image.Volume;

/**
 * Organ labels on a CT with the rest of the body (CT above a threshold, outside every organ),
 * and their fractional coverage of other grids.
 */
final class OrganMasks {
    /** Sub-samples per axis when mapping a fine CT mask onto a coarse grid: 27 points per voxel. */
    static final int SUBSAMPLES = 3;

    private final LabelMap labels;
    private final LabelMap bodyRest;
    private final List<Organ> organs;

    OrganMasks(LabelMap labels, Volume ct, double bodyThresholdHu, List<Organ> organs) {
        this.labels = labels;
        this.organs = List.copyOf(organs);
        float[] hu = ct.voxels();
        byte[] lab = labels.labels();
        byte[] body = new byte[hu.length];
        for (int p = 0; p < hu.length; p++) {
            body[p] = hu[p] > bodyThresholdHu && lab[p] == 0 ? (byte) 1 : 0;
        }
        this.bodyRest = new LabelMap(labels.geometry(), body);
    }

    LabelMap labels() { return labels; }
    List<Organ> organs() { return organs; }

    /** Fraction of each voxel of {@code target} covered by each organ, in the order of {@link #organs()}. */
    Volume[] organFractions(Geometry target) {
        Volume[] f = new Volume[organs.size()];
        for (int o = 0; o < f.length; o++) {
            f[o] = Resampler.fractionCovered(labels, organs.get(o).label(), target, SUBSAMPLES);
        }
        return f;
    }

    /** Fraction of each voxel of {@code target} that is body outside the organs. */
    Volume bodyFraction(Geometry target) {
        return Resampler.fractionCovered(bodyRest, 1, target, SUBSAMPLES);
    }
}
