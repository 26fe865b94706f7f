package org.organdose.segment.maskrcnn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Greedy non-maximum suppression, as {@code torchvision.ops.nms}: boxes are visited by decreasing
 * score (ties by index); each box still standing is kept and removes every later box whose IoU
 * with it is greater than the threshold. The batched form suppresses only within a class, as
 * {@code torchvision.ops.batched_nms}, by running the plain form once per class.
 */
public final class Nms {
    private Nms() {
    }

    /**
     * @param boxes flat boxes (see {@link Boxes})
     * @param scores one score per box
     * @param iouThreshold boxes overlapping a kept box by more than this are removed
     * @return indices of the kept boxes, by decreasing score
     */
    public static int[] nms(float[] boxes, float[] scores, double iouThreshold) {
        int n = Boxes.count(boxes);
        checkScores(n, scores);
        Integer[] order = byDecreasingScore(scores, allIndices(n));
        boolean[] removed = new boolean[n];
        List<Integer> kept = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            int i = order[a];
            if (removed[i]) {
                continue;
            }
            kept.add(i);
            for (int b = a + 1; b < n; b++) {
                int j = order[b];
                if (!removed[j] && Boxes.iou(boxes, i, boxes, j) > iouThreshold) {
                    removed[j] = true;
                }
            }
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Suppression within each class only.
     *
     * @param classes class of each box
     * @return indices of the kept boxes of all classes, by decreasing score
     */
    public static int[] batched(float[] boxes, float[] scores, int[] classes, double iouThreshold) {
        int n = Boxes.count(boxes);
        checkScores(n, scores);
        if (classes.length != n) {
            throw new IllegalArgumentException(n + " boxes but " + classes.length + " classes");
        }
        Map<Integer, List<Integer>> byClass = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            byClass.computeIfAbsent(classes[i], c -> new ArrayList<>()).add(i);
        }
        List<Integer> kept = new ArrayList<>();
        for (List<Integer> members : byClass.values()) {
            float[] b = new float[4 * members.size()];
            float[] s = new float[members.size()];
            for (int k = 0; k < members.size(); k++) {
                System.arraycopy(boxes, 4 * members.get(k), b, 4 * k, 4);
                s[k] = scores[members.get(k)];
            }
            for (int k : nms(b, s, iouThreshold)) {
                kept.add(members.get(k));
            }
        }
        Integer[] order = byDecreasingScore(scores, kept.toArray(new Integer[0]));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    private static void checkScores(int n, float[] scores) {
        if (scores.length != n) {
            throw new IllegalArgumentException(n + " boxes but " + scores.length + " scores");
        }
    }

    private static Integer[] allIndices(int n) {
        Integer[] all = new Integer[n];
        Arrays.setAll(all, i -> i);
        return all;
    }

    private static Integer[] byDecreasingScore(float[] scores, Integer[] indices) {
        Integer[] order = indices.clone();
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i));
        return order;
    }
}
