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
 *   <li>pieces of one organ apart from its main body that share a quarter of their surface with
 *       another organ become that organ ({@link Anatomy#reassignStrayFragments});</li>
 *   <li>per organ, fragments smaller than {@value #FRAGMENT_FRACTION} of its largest piece are
 *       dropped as noise;</li>
 *   <li>axial slices missing inside an organ's extent are interpolated ({@link SliceInterpolation}),
 *       gaps up to {@value #MAX_GAP_MM} mm;</li>
 *   <li>only each organ's largest connected component is kept: pieces the interpolation joined
 *       stay, unrelated false positives go.</li>
 * </ol>
 * and adds {@link Anatomy#warnings anatomical plausibility warnings}.
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
        Anatomy.reassignStrayFragments(labels);
        int maxGap = (int) Math.floor(MAX_GAP_MM / classes.geometry().spacing(2));
        Map<Organ, Integer> interpolated = new EnumMap<>(Organ.class);
        for (Organ organ : Organ.values()) {
            dropFragments(labels, organ.label());
            LabelMap before = labels.select(organ.label());
            SliceInterpolation.fill(labels, organ.label(), maxGap);
            keepLargest(labels, organ.label());
            interpolated.put(organ, slicesGained(before, labels, organ.label()));
        }
        return new Result(labels, interpolated, Anatomy.warnings(labels, ct));
    }

    private static void dropFragments(LabelMap labels, int label) {
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

    /** Axial slices that hold {@code label} now but did not in {@code before}. */
    private static int slicesGained(LabelMap before, LabelMap after, int label) {
        int sliceSize = after.geometry().nx() * after.geometry().ny();
        byte[] b = before.labels();
        byte[] a = after.labels();
        int gained = 0;
        for (int k = 0; k < after.geometry().nz(); k++) {
            boolean had = false;
            boolean has = false;
            for (int p = k * sliceSize; p < (k + 1) * sliceSize && !(had && has); p++) {
                had |= b[p] != 0;
                has |= a[p] == label;
            }
            if (has && !had) {
                gained++;
            }
        }
        return gained;
    }
}
