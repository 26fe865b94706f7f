package org.organdose.segment.train;

import java.util.List;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.Volume;
import org.organdose.image.Organ;
import org.organdose.segment.data.LabelledCase;
import org.organdose.segment.net.NetworkClasses;
import org.organdose.segment.preprocess.WorkingGrid;

/**
 * A training or validation case on the working grid: CT in HU, the network class of every voxel,
 * which classes the case labels, and where each organ class is (to centre training samples).
 */
final class WorkingCase {
    final Volume ct;
    final LabelMap organs;
    final byte[] classes;
    final boolean[] labelledClasses;
    final double weight;
    /** Voxel offsets of each organ class (index 0, background, unused), to centre samples on organs. */
    final int[][] voxelsOfClass;
    /** Mean HU of each organ class in this CT (0 where absent), for organ intensity targets. */
    final double[] meanHuOfClass;
    final LabelledCase source;

    private WorkingCase(Volume ct, LabelMap organs, boolean[] labelledClasses, double weight, LabelledCase source) {
        this.ct = ct;
        this.organs = organs;
        this.labelledClasses = labelledClasses;
        this.weight = weight;
        this.source = source;
        byte[] o = organs.labels();
        this.classes = new byte[o.length];
        int[] counts = new int[NetworkClasses.COUNT];
        for (int p = 0; p < o.length; p++) {
            classes[p] = NetworkClasses.ofLabel(o[p]);
            counts[classes[p]]++;
        }
        this.voxelsOfClass = new int[NetworkClasses.COUNT][];
        for (int c = 1; c < NetworkClasses.COUNT; c++) {
            voxelsOfClass[c] = new int[counts[c]];
        }
        int[] filled = new int[NetworkClasses.COUNT];
        double[] sumHu = new double[NetworkClasses.COUNT];
        float[] hu = ct.voxels();
        for (int p = 0; p < o.length; p++) {
            int c = classes[p];
            if (c != 0) {
                voxelsOfClass[c][filled[c]++] = p;
                sumHu[c] += hu[p];
            }
        }
        this.meanHuOfClass = new double[NetworkClasses.COUNT];
        for (int c = 1; c < NetworkClasses.COUNT; c++) {
            meanHuOfClass[c] = counts[c] == 0 ? 0 : sumHu[c] / counts[c];
        }
    }

    /** Resamples a case onto its working grid of spacing {@code spacingMm}. */
    static WorkingCase of(LabelledCase c, double spacingMm) {
        Geometry working = WorkingGrid.around(c.ct().geometry(), spacingMm);
        Volume ct = WorkingGrid.ctOnto(c.ct(), working);
        LabelMap organs = WorkingGrid.labelsOnto(c.labels(), working);
        boolean[] labelled = new boolean[NetworkClasses.COUNT];
        labelled[NetworkClasses.BACKGROUND] = true;
        for (Organ o : Organ.values()) {
            int cls = NetworkClasses.of(o);
            // a class counts as labelled only if every organ of it is (both kidneys for "kidney")
            labelled[cls] = c.labelled().contains(o) && (cls != NetworkClasses.KIDNEY
                    || c.labelled().containsAll(List.of(Organ.KIDNEY_RIGHT, Organ.KIDNEY_LEFT)));
        }
        return new WorkingCase(ct, organs, labelled, c.weight(), c);
    }

    Geometry geometry() {
        return ct.geometry();
    }
}
