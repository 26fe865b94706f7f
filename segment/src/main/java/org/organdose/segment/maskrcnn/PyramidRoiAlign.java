package org.organdose.segment.maskrcnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.ArrayList;
import java.util.List;

/**
 * RoIAlign over the feature pyramid: each box is pooled from one level only, chosen by its size as
 * in FPN (Lin et al. 2017, Eq. 1) and torchvision's {@code MultiScaleRoIAlign}: a box of
 * {@code sqrt(area) = 224} pixels reads P4, every halving of it one level finer,
 * {@code k = floor(4 + log2(sqrt(area) / 224) + 1e-6)}, clamped to P2..P5.
 */
public final class PyramidRoiAlign {
    /** Level of a box whose side is {@link #CANONICAL_SIZE} pixels. */
    private static final int CANONICAL_LEVEL = 4;
    private static final double CANONICAL_SIZE = 224;
    private static final int FINEST_LEVEL = 2;

    private final RoiAlign[] perLevel;

    /**
     * @param outputHeight bins along y (7 for the box head, 28 for the mask head)
     * @param outputWidth bins along x
     * @param samplingRatio samples per bin and axis ({@code <= 0}: adaptive, see {@link RoiAlign})
     */
    public PyramidRoiAlign(int outputHeight, int outputWidth, int samplingRatio) {
        perLevel = new RoiAlign[ResNetFpn.STRIDES.length];
        for (int l = 0; l < perLevel.length; l++) {
            perLevel[l] = new RoiAlign(outputHeight, outputWidth, 1f / ResNetFpn.STRIDES[l], samplingRatio);
        }
    }

    /** Pyramid index (0 for P2 .. 3 for P5) that box {@code i} is pooled from. */
    public static int levelOf(float[] boxes, int i) {
        double side = Math.sqrt(Boxes.area(boxes, i));
        int k = (int) Math.floor(CANONICAL_LEVEL + Math.log(side / CANONICAL_SIZE) / Math.log(2) + 1e-6);
        int coarsest = FINEST_LEVEL + ResNetFpn.STRIDES.length - 1;
        return Math.max(FINEST_LEVEL, Math.min(coarsest, k)) - FINEST_LEVEL;
    }

    /**
     * @param levels P2..P5, as from {@link ResNetFpn}
     * @param boxes flat boxes in input pixels (see {@link Boxes})
     * @param batchIndices image of each box
     * @return {@code [K, C, outputHeight, outputWidth]}, box {@code i} at row {@code i}
     */
    public NDArray apply(NDList levels, float[] boxes, int[] batchIndices) {
        if (levels.size() != perLevel.length) {
            throw new IllegalArgumentException("expected " + perLevel.length + " pyramid levels, got " + levels.size());
        }
        int k = Boxes.count(boxes);
        if (batchIndices.length != k) {
            throw new IllegalArgumentException(k + " boxes but " + batchIndices.length + " batch indices");
        }
        List<List<Integer>> members = new ArrayList<>();
        for (int l = 0; l < perLevel.length; l++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < k; i++) {
            members.get(levelOf(boxes, i)).add(i);
        }
        List<NDArray> parts = new ArrayList<>();
        int[] order = new int[k];
        int done = 0;
        for (int l = 0; l < perLevel.length; l++) {
            List<Integer> on = members.get(l);
            if (on.isEmpty()) {
                continue;
            }
            float[] b = new float[4 * on.size()];
            int[] batch = new int[on.size()];
            for (int j = 0; j < on.size(); j++) {
                System.arraycopy(boxes, 4 * on.get(j), b, 4 * j, 4);
                batch[j] = batchIndices[on.get(j)];
                order[on.get(j)] = done++;
            }
            parts.add(perLevel[l].channelsLast(levels.get(l), b, batch));
        }
        if (parts.isEmpty()) {
            return perLevel[0].apply(levels.get(0), boxes, batchIndices); // [0, C, outH, outW]
        }
        return RoiAlign.inOriginalOrder(levels.get(0).getManager(), parts, order).transpose(0, 3, 1, 2);
    }
}
