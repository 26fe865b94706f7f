package org.organdose.segment.infer;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.organdose.image.ConnectedComponents;
import org.organdose.image.Components;
import org.organdose.image.Connectivity;
import org.organdose.image.LabelMap;
import org.organdose.image.Volume;
import org.organdose.segment.KidneySides;
import org.organdose.image.Organ;
import org.organdose.segment.net.NetworkClasses;

/**
 * Turns the network's classes on the working grid into organs:
 * <ol>
 *   <li>kidney voxels are named right or left by patient side ({@link KidneySides});</li>
 *   <li>per organ, pieces smaller than {@value #FRAGMENT_FRACTION} of its largest piece are set
 *       aside, so that noise is not interpolated;</li>
 *   <li>axial slices missing inside an organ's extent are interpolated ({@link SliceInterpolation}),
 *       gaps up to {@value #MAX_GAP_MM} mm;</li>
 *   <li>the pieces set aside come back where nothing took their place, and every piece of an
 *       organ still apart from its main body that shares a quarter of its surface with another
 *       organ becomes that organ ({@link AnatomyRules#reassignStrayFragments}). This comes after the
 *       interpolation so that a kidney split by a few missed slices is joined first, not handed
 *       piece by piece to a neighbour;</li>
 *   <li>only each organ's largest connected component is kept: unrelated false positives go.</li>
 * </ol>
 * and adds {@link AnatomyRules#warnings anatomical plausibility warnings}.
 */
public final class PostProcessing {
    static final double FRAGMENT_FRACTION = 0.1;
    static final double MAX_GAP_MM = 20;

    private PostProcessing() {
    }

    /** The outcome: organ labels, the slices interpolated per organ and anatomical warnings per organ. */
    public record Result(LabelMap labels, Map<Organ, Integer> slicesInterpolated, Map<Organ, List<String>> warnings) {
    }

    /**
     * @param classes network classes on the working grid ({@link NetworkClasses})
     * @param ct the CT on the same grid, for the body midline
     */
    public static Result apply(LabelMap classes, Volume ct) {
        byte[] c = classes.labels();
        byte[] organs = new byte[c.length];
        for (int p = 0; p < c.length; p++) {
            organs[p] = switch (c[p]) {
                case NetworkClasses.LIVER -> (byte) Organ.LIVER.label();
                case NetworkClasses.KIDNEY -> (byte) Organ.KIDNEY_RIGHT.label();
                case NetworkClasses.SPLEEN -> (byte) Organ.SPLEEN.label();
                default -> 0;
            };
        }
        LabelMap labels = KidneySides.name(new LabelMap(classes.geometry(), organs), ct);
        byte[] setAside = new byte[c.length];
        for (Organ organ : Organ.values()) {
            setAsideSmallPieces(labels, organ.label(), setAside);
        }
        int maxGap = (int) Math.floor(MAX_GAP_MM / classes.geometry().spacing(2));
        Map<Organ, boolean[]> interpolatedSlices = new EnumMap<>(Organ.class);
        for (Organ organ : Organ.values()) {
            boolean[] before = slicesHolding(labels, organ.label());
            SliceInterpolation.fill(labels, organ.label(), maxGap);
            boolean[] after = slicesHolding(labels, organ.label());
            for (int k = 0; k < after.length; k++) {
                after[k] &= !before[k];
            }
            interpolatedSlices.put(organ, after);
        }
        byte[] v = labels.labels();
        for (int p = 0; p < v.length; p++) {
            if (v[p] == 0) {
                v[p] = setAside[p];
            }
        }
        AnatomyRules.reassignStrayFragments(labels);
        Map<Organ, Integer> interpolated = new EnumMap<>(Organ.class);
        for (Organ organ : Organ.values()) {
            keepLargest(labels, organ.label());
            boolean[] holding = slicesHolding(labels, organ.label());
            boolean[] filled = interpolatedSlices.get(organ);
            int count = 0;
            for (int k = 0; k < holding.length; k++) {
                count += holding[k] && filled[k] ? 1 : 0;
            }
            interpolated.put(organ, count);
        }
        return new Result(labels, interpolated, AnatomyRules.warnings(labels, ct));
    }

    /** Moves the pieces of {@code label} smaller than {@link #FRAGMENT_FRACTION} of its largest into {@code setAside}. */
    private static void setAsideSmallPieces(LabelMap labels, int label, byte[] setAside) {
        Components comps = ConnectedComponents.label(labels.select(label), Connectivity.TWENTY_SIX);
        int largest = comps.largest();
        if (largest == 0) {
            return;
        }
        long min = (long) Math.ceil(FRAGMENT_FRACTION * comps.size(largest));
        int[] idx = comps.indices();
        byte[] v = labels.labels();
        for (int p = 0; p < v.length; p++) {
            if (idx[p] != 0 && comps.size(idx[p]) < min) {
                setAside[p] = v[p];
                v[p] = 0;
            }
        }
    }

    private static void keepLargest(LabelMap labels, int label) {
        LabelMap largest = ConnectedComponents.largestComponent(labels.select(label));
        byte[] keep = largest.labels();
        byte[] v = labels.labels();
        for (int p = 0; p < v.length; p++) {
            if (v[p] == label && keep[p] == 0) {
                v[p] = 0;
            }
        }
    }

    /** Per axial slice, whether it holds {@code label}. */
    private static boolean[] slicesHolding(LabelMap labels, int label) {
        int sliceSize = labels.geometry().nx() * labels.geometry().ny();
        byte[] v = labels.labels();
        boolean[] holding = new boolean[labels.geometry().nz()];
        for (int k = 0; k < holding.length; k++) {
            for (int p = k * sliceSize; p < (k + 1) * sliceSize; p++) {
                if (v[p] == label) {
                    holding[k] = true;
                    break;
                }
            }
        }
        return holding;
    }
}
