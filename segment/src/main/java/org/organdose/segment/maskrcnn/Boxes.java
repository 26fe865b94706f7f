package org.organdose.segment.maskrcnn;

/**
 * Axis-aligned boxes stored flat: box {@code i} is {@code (x1, y1, x2, y2)} at {@code 4i} of a
 * {@code float[]}, in pixels, with {@code x2 >= x1} and {@code y2 >= y1} for a non-empty box. Widths
 * are {@code x2 - x1} (continuous coordinates, no "+1"), as in torchvision.
 */
public final class Boxes {
    private Boxes() {
    }

    /** Number of boxes in a flat array; fails when its length is not a multiple of 4. */
    public static int count(float[] boxes) {
        if (boxes.length % 4 != 0) {
            throw new IllegalArgumentException("box arrays hold 4 values per box, got " + boxes.length + " values");
        }
        return boxes.length / 4;
    }

    /** Area of box {@code i}, 0 for an empty or inverted box. */
    public static double area(float[] boxes, int i) {
        double w = boxes[4 * i + 2] - boxes[4 * i];
        double h = boxes[4 * i + 3] - boxes[4 * i + 1];
        return w > 0 && h > 0 ? w * h : 0;
    }

    /**
     * Intersection over union of box {@code i} of {@code a} and box {@code j} of {@code b}; 0 when
     * the union is empty (two empty boxes), so that degenerate boxes never match anything.
     */
    public static double iou(float[] a, int i, float[] b, int j) {
        double w = Math.min(a[4 * i + 2], b[4 * j + 2]) - Math.max(a[4 * i], b[4 * j]);
        double h = Math.min(a[4 * i + 3], b[4 * j + 3]) - Math.max(a[4 * i + 1], b[4 * j + 1]);
        double inter = w > 0 && h > 0 ? w * h : 0;
        double union = area(a, i) + area(b, j) - inter;
        return union > 0 ? inter / union : 0;
    }

    /** {@code iou[i][j]} between every box {@code i} of {@code a} and every box {@code j} of {@code b}. */
    public static double[][] iouMatrix(float[] a, float[] b) {
        int n = count(a);
        int m = count(b);
        double[][] iou = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                iou[i][j] = iou(a, i, b, j);
            }
        }
        return iou;
    }

    /** A copy with every box clipped to the image {@code [0, width] x [0, height]}. */
    public static float[] clipped(float[] boxes, int height, int width) {
        float[] out = new float[4 * count(boxes)];
        for (int i = 0; i < out.length; i += 4) {
            out[i] = Math.min(Math.max(boxes[i], 0), width);
            out[i + 1] = Math.min(Math.max(boxes[i + 1], 0), height);
            out[i + 2] = Math.min(Math.max(boxes[i + 2], 0), width);
            out[i + 3] = Math.min(Math.max(boxes[i + 3], 0), height);
        }
        return out;
    }
}
