package org.organdose.segment.maskrcnn;

import java.util.ArrayList;
import java.util.List;

/**
 * The objects Mask R-CNN is trained to find in one slice, derived from its per-pixel classes: each
 * 2D connected component (8-connected) of an organ class is one instance, with its bounding box
 * and its pixels as the mask. Components under {@link #MIN_PIXELS} pixels are dropped: such specks
 * (an organ tip grazing the slice, a resampling fringe) give boxes too small to pool from and
 * would mostly teach the detector noise.
 *
 * @param boxes flat boxes (see {@link Boxes}) enclosing each instance's pixels: pixel {@code (x, y)}
 *     covers {@code [x, x + 1] x [y, y + 1]}
 * @param classes class of each instance (1 or more)
 * @param masks per instance, {@code height * width} values, 1 on its pixels and 0 elsewhere
 */
public record Instances(float[] boxes, int[] classes, float[][] masks) {
    /** Smallest component kept as an instance, in pixels. */
    public static final int MIN_PIXELS = 10;

    public int count() {
        return classes.length;
    }

    /**
     * @param classes per-pixel classes of one slice, row-major, 0 = background
     * @param offset where the slice starts in {@code classes}
     */
    public static Instances of(byte[] classes, int offset, int height, int width) {
        int size = height * width;
        boolean[] seen = new boolean[size];
        int[] queue = new int[size];
        List<float[]> boxes = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<float[]> masks = new ArrayList<>();
        for (int start = 0; start < size; start++) {
            int cls = classes[offset + start];
            if (cls == 0 || seen[start]) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            seen[start] = true;
            while (head < tail) {
                int p = queue[head++];
                int y = p / width;
                int x = p % width;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int yy = y + dy;
                        int xx = x + dx;
                        if (yy >= 0 && yy < height && xx >= 0 && xx < width) {
                            int q = yy * width + xx;
                            if (!seen[q] && classes[offset + q] == cls) {
                                seen[q] = true;
                                queue[tail++] = q;
                            }
                        }
                    }
                }
            }
            if (tail < MIN_PIXELS) {
                continue;
            }
            float[] mask = new float[size];
            float[] box = {width, height, 0, 0};
            for (int i = 0; i < tail; i++) {
                int p = queue[i];
                mask[p] = 1;
                box[0] = Math.min(box[0], p % width);
                box[1] = Math.min(box[1], p / width);
                box[2] = Math.max(box[2], p % width + 1);
                box[3] = Math.max(box[3], p / width + 1);
            }
            boxes.add(box);
            labels.add(cls);
            masks.add(mask);
        }
        float[] flat = new float[4 * boxes.size()];
        for (int i = 0; i < boxes.size(); i++) {
            System.arraycopy(boxes.get(i), 0, flat, 4 * i, 4);
        }
        return new Instances(flat, labels.stream().mapToInt(Integer::intValue).toArray(), masks.toArray(new float[0][]));
    }
}
