package org.organdose.segment.maskrcnn;

/**
 * What Mask R-CNN found in one slice, by decreasing score, and how it becomes per-pixel classes.
 *
 * <p>A detection's mask is a {@code size x size} grid of probabilities laid over its box (bin
 * centres at {@code x1 + (i + 0.5) w / size}, the RoIAlign sampling grid it was predicted on). A
 * pixel, whose centre is {@code (x + 0.5, y + 0.5)}, reads the mask bilinearly; beyond the outermost
 * bin centres the border bin holds, and outside the box the probability is 0. The pixel joins the
 * detection where that probability is at least {@link #MASK_THRESHOLD}; where several detections
 * claim it, the one with the highest {@code score * probability} wins.
 *
 * @param boxes flat boxes in slice pixels (see {@link Boxes})
 * @param scores class probability of each detection
 * @param classes class of each detection (1 or more)
 * @param masks per detection, {@code size * size} mask probabilities of its own class, row-major
 * @param size mask resolution (28, the paper's)
 */
public record Detections(float[] boxes, float[] scores, int[] classes, float[][] masks, int size) {
    /** Mask probability from which a pixel belongs to the detection (Mask R-CNN's 0.5). */
    public static final double MASK_THRESHOLD = 0.5;

    public Detections {
        int n = Boxes.count(boxes);
        if (scores.length != n || classes.length != n || masks.length != n) {
            throw new IllegalArgumentException("detections: boxes, scores, classes and masks disagree in number");
        }
    }

    /** No detection. */
    public static Detections none(int size) {
        return new Detections(new float[0], new float[0], new int[0], new float[0][], size);
    }

    public int count() {
        return scores.length;
    }

    /** Whether any detection is of class {@code cls}. */
    public boolean has(int cls) {
        for (int c : classes) {
            if (c == cls) {
                return true;
            }
        }
        return false;
    }

    /** Per-pixel classes of a {@code height x width} slice (row-major, 0 = background). */
    public byte[] paste(int height, int width) {
        byte[] out = new byte[height * width];
        float[] best = new float[height * width];
        for (int d = 0; d < count(); d++) {
            float x1 = boxes[4 * d];
            float y1 = boxes[4 * d + 1];
            float x2 = boxes[4 * d + 2];
            float y2 = boxes[4 * d + 3];
            if (!(x2 > x1 && y2 > y1)) {
                continue;
            }
            int xFirst = Math.max(0, (int) Math.floor(x1 - 0.5));
            int xLast = Math.min(width - 1, (int) Math.ceil(x2 - 0.5));
            int yFirst = Math.max(0, (int) Math.floor(y1 - 0.5));
            int yLast = Math.min(height - 1, (int) Math.ceil(y2 - 0.5));
            for (int y = yFirst; y <= yLast; y++) {
                double cy = y + 0.5;
                if (cy < y1 || cy > y2) {
                    continue;
                }
                double v = Math.max(0, Math.min(size - 1, (cy - y1) / (y2 - y1) * size - 0.5));
                for (int x = xFirst; x <= xLast; x++) {
                    double cx = x + 0.5;
                    if (cx < x1 || cx > x2) {
                        continue;
                    }
                    double u = Math.max(0, Math.min(size - 1, (cx - x1) / (x2 - x1) * size - 0.5));
                    double p = bilinear(masks[d], u, v);
                    float claim = (float) (scores[d] * p);
                    int at = y * width + x;
                    if (p >= MASK_THRESHOLD && claim > best[at]) {
                        best[at] = claim;
                        out[at] = (byte) classes[d];
                    }
                }
            }
        }
        return out;
    }

    private double bilinear(float[] mask, double u, double v) {
        int u0 = Math.min((int) u, size - 1);
        int v0 = Math.min((int) v, size - 1);
        int u1 = Math.min(u0 + 1, size - 1);
        int v1 = Math.min(v0 + 1, size - 1);
        double fu = u - u0;
        double fv = v - v0;
        return (1 - fv) * ((1 - fu) * mask[v0 * size + u0] + fu * mask[v0 * size + u1])
                + fv * ((1 - fu) * mask[v1 * size + u0] + fu * mask[v1 * size + u1]);
    }
}
