package org.organdose.segment.infer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.organdose.image.Components;
import org.organdose.image.ConnectedComponents;
import org.organdose.image.Connectivity;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;
import org.organdose.image.Volume;
import org.organdose.segment.KidneySides;

/**
 * What anatomy knows that a slice-wise network does not: organs touch in known ways, sit on known
 * sides and have adult sizes in known ranges.
 * <ul>
 *   <li>{@link #reassignStrayFragments}: a piece of one organ, apart from its main body, that shares
 *       a good part of its surface with another organ is that other organ (a patch of an enhanced
 *       liver called kidney, an upper pole of the left kidney called spleen, the lower pole of an
 *       enhanced right kidney called liver below the liver's tip), not a second piece of the
 *       first;</li>
 *   <li>{@link #warnings}: the liver's bulk on the patient's left or the spleen's on the right,
 *       one kidney only (a single kidney is possible: a warning, never an error), volumes outside
 *       adult ranges. (Front-to-back position is not checked: on a CT cropped to the abdomen the
 *       kidneys of ircad-1.1 lie in front of the body's centroid.)</li>
 * </ul>
 */
public final class AnatomyRules {
    /**
     * A fragment whose surface touches another organ at least this much is that organ. A quarter:
     * the lower pole of ircad-1.1's enhanced right kidney, called liver by the U-Net, shares about
     * a third of its surface with the kidney above it (37 % on the CT's grid; the rest is fat),
     * while a piece merely grazing a neighbour with one face of six shares 17 %.
     */
    static final double SHARED_SURFACE_FRACTION = 0.25;

    /** Usual adult volume ranges (mL), generous on purpose: outside them a contour deserves a look. */
    static final Map<Organ, double[]> USUAL_VOLUME_ML = Map.of(
            Organ.LIVER, new double[] {700, 3500},
            Organ.KIDNEY_RIGHT, new double[] {60, 350},
            Organ.KIDNEY_LEFT, new double[] {60, 350},
            Organ.SPLEEN, new double[] {40, 1000});

    private AnatomyRules() {
    }

    /**
     * Relabels, in place, every connected piece of an organ other than its largest whose surface
     * touches one other organ for at least {@value #SHARED_SURFACE_FRACTION} of its 6-neighbours.
     * Such a piece would otherwise be dropped by the largest-component rule.
     *
     * @return the number of voxels relabelled
     */
    public static long reassignStrayFragments(LabelMap labels) {
        Geometry g = labels.geometry();
        byte[] v = labels.labels();
        long changed = 0;
        for (Organ organ : Organ.values()) {
            int label = organ.label();
            Components comps = ConnectedComponents.label(labels.select(label), Connectivity.TWENTY_SIX);
            int largest = comps.largest();
            if (comps.count() < 2) {
                continue;
            }
            int[] idx = comps.indices();
            // per component, its outside 6-neighbours by their label
            long[][] contacts = new long[comps.count() + 1][Organ.values().length + 1];
            int[] n = g.sizes();
            int[][] steps = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
            for (int k = 0; k < n[2]; k++) {
                for (int j = 0; j < n[1]; j++) {
                    for (int i = 0; i < n[0]; i++) {
                        int c = idx[g.offset(i, j, k)];
                        if (c == 0 || c == largest) {
                            continue;
                        }
                        for (int[] s : steps) {
                            int a = i + s[0];
                            int b = j + s[1];
                            int d = k + s[2];
                            if (a < 0 || b < 0 || d < 0 || a >= n[0] || b >= n[1] || d >= n[2]) {
                                continue;
                            }
                            int q = g.offset(a, b, d);
                            if (idx[q] != c) {
                                contacts[c][v[q] == label ? 0 : v[q]]++;
                            }
                        }
                    }
                }
            }
            int[] target = new int[comps.count() + 1];
            for (int c = 1; c <= comps.count(); c++) {
                long total = 0;
                int best = 0;
                for (int l = 0; l < contacts[c].length; l++) {
                    total += contacts[c][l];
                    if (l > 0 && l != label && (best == 0 || contacts[c][l] > contacts[c][best])) {
                        best = l;
                    }
                }
                if (c != largest && best > 0 && total > 0 && contacts[c][best] >= SHARED_SURFACE_FRACTION * total) {
                    target[c] = best;
                }
            }
            for (int p = 0; p < v.length; p++) {
                if (idx[p] != 0 && target[idx[p]] != 0) {
                    v[p] = (byte) target[idx[p]];
                    changed++;
                }
            }
        }
        return changed;
    }

    /**
     * Plausibility warnings per organ, for {@code organs.json}: only about organs found, except the
     * missing kidney when the other one was found.
     *
     * @param ct the CT on the labels' grid, for the body's midline
     */
    public static Map<Organ, List<String>> warnings(LabelMap labels, Volume ct) {
        Map<Organ, List<String>> out = new EnumMap<>(Organ.class);
        for (Organ o : Organ.values()) {
            out.put(o, new ArrayList<>());
        }
        Map<Organ, double[]> centroid = new EnumMap<>(Organ.class);
        for (Organ o : Organ.values()) {
            double[] c = centroid(labels, o.label());
            if (c != null) {
                centroid.put(o, c);
            }
        }
        if (centroid.isEmpty()) {
            return out;
        }
        double[] body = bodyCentre(ct);
        if (centroid.containsKey(Organ.LIVER) && centroid.get(Organ.LIVER)[0] > body[0]) {
            out.get(Organ.LIVER).add("its centre lies on the patient's left: the liver is on the right (situs inversus, or a misclassified organ?)");
        }
        if (centroid.containsKey(Organ.SPLEEN) && centroid.get(Organ.SPLEEN)[0] < body[0]) {
            out.get(Organ.SPLEEN).add("its centre lies on the patient's right: the spleen is on the left (situs inversus, or part of the liver?)");
        }
        boolean right = centroid.containsKey(Organ.KIDNEY_RIGHT);
        boolean left = centroid.containsKey(Organ.KIDNEY_LEFT);
        if (right != left) {
            Organ missing = right ? Organ.KIDNEY_LEFT : Organ.KIDNEY_RIGHT;
            out.get(missing).add("only the " + (right ? "right" : "left")
                    + " kidney was found: a patient with a single kidney, or a kidney the network missed - check the CT");
        }
        for (Organ o : centroid.keySet()) {
            double ml = labels.volumeMl(o.label());
            double[] range = USUAL_VOLUME_ML.get(o);
            if (ml < range[0] || ml > range[1]) {
                out.get(o).add(String.format(Locale.ROOT,
                        "volume %.0f mL is outside the usual adult range %.0f-%.0f mL: check the contour", ml, range[0], range[1]));
            }
        }
        return out;
    }

    /** World centroid of a label, or null when absent. */
    private static double[] centroid(LabelMap labels, int label) {
        byte[] v = labels.labels();
        return centroidWhere(labels.geometry(), p -> v[p] == label);
    }

    /** World centroid of the body (voxels above {@link KidneySides#BODY_HU}), for its midline; the grid centre without one. */
    private static double[] bodyCentre(Volume ct) {
        Geometry g = ct.geometry();
        float[] hu = ct.voxels();
        double[] c = centroidWhere(g, p -> hu[p] > KidneySides.BODY_HU);
        return c != null ? c : g.indexToWorld((g.nx() - 1) / 2.0, (g.ny() - 1) / 2.0, (g.nz() - 1) / 2.0);
    }

    /** World centroid of the voxels whose offset passes {@code inside}, or null when none does. */
    private static double[] centroidWhere(Geometry g, java.util.function.IntPredicate inside) {
        double[] sum = new double[3];
        long n = 0;
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    if (inside.test(g.offset(i, j, k))) {
                        sum[0] += i;
                        sum[1] += j;
                        sum[2] += k;
                        n++;
                    }
                }
            }
        }
        return n == 0 ? null : g.indexToWorld(sum[0] / n, sum[1] / n, sum[2] / n);
    }
}
