package org.organdose.segment.maskrcnn;

import java.util.Arrays;

/**
 * Anchor boxes of a feature pyramid: on level {@code l} (stride {@code s_l}), one box of area
 * {@code size_l^2} per aspect ratio {@code h / w} centred on every feature-map cell.
 *
 * <p>The default, {@link #fpn()}, is the FPN setting of Lin et al. 2017 used by Mask R-CNN: levels
 * P2-P5 with strides 4, 8, 16, 32, sizes 32, 64, 128, 256 and ratios 0.5, 1, 2. Two deliberate
 * differences from torchvision's {@code AnchorGenerator}: anchors are centred on the cell centre
 * {@code ((x + 0.5) s, (y + 0.5) s)}, which is where the aligned RoIAlign reads that cell, not on
 * its corner {@code (x s, y s)}; and their sizes are not rounded to whole pixels, so that every
 * anchor has exactly its area and ratio.
 *
 * <p>Order, the one an RPN head's outputs are flattened in: level by level, then row {@code y},
 * column {@code x}, ratio {@code a}: anchor {@code (y W + x) A + a} of a level, {@code A} the
 * number of ratios.
 */
public final class Anchors {
    private final int[] strides;
    private final float[] sizes;
    private final float[] ratios;

    /**
     * @param strides input pixels per feature-map cell, per level
     * @param sizes square root of the anchor area in input pixels, per level
     * @param ratios aspect ratios {@code height / width}, shared by all levels
     */
    public Anchors(int[] strides, float[] sizes, float[] ratios) {
        if (strides.length == 0 || strides.length != sizes.length || ratios.length == 0) {
            throw new IllegalArgumentException("anchors need one size per stride and at least one ratio");
        }
        for (int l = 0; l < strides.length; l++) {
            if (strides[l] < 1 || !(sizes[l] > 0)) {
                throw new IllegalArgumentException("anchor strides and sizes must be positive");
            }
        }
        for (float r : ratios) {
            if (!(r > 0) || Float.isInfinite(r)) {
                throw new IllegalArgumentException("anchor ratios must be positive, got " + r);
            }
        }
        this.strides = strides.clone();
        this.sizes = sizes.clone();
        this.ratios = ratios.clone();
    }

    /** P2-P5: strides 4, 8, 16, 32; sizes 32, 64, 128, 256; ratios 0.5, 1, 2. */
    public static Anchors fpn() {
        return new Anchors(new int[] {4, 8, 16, 32}, new float[] {32, 64, 128, 256}, new float[] {0.5f, 1, 2});
    }

    public int levels() {
        return strides.length;
    }

    /** Anchors per feature-map cell (the number of ratios). */
    public int perCell() {
        return ratios.length;
    }

    public int stride(int level) {
        return strides[level];
    }

    /** The anchors of one level for a {@code height x width} feature map, flat (see {@link Boxes}). */
    public float[] level(int level, int height, int width) {
        int a = ratios.length;
        float[] out = new float[4 * height * width * a];
        double stride = strides[level];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double cx = (x + 0.5) * stride;
                double cy = (y + 0.5) * stride;
                for (int r = 0; r < a; r++) {
                    double root = Math.sqrt(ratios[r]);
                    double halfW = sizes[level] / root / 2;
                    double halfH = sizes[level] * root / 2;
                    int o = 4 * ((y * width + x) * a + r);
                    out[o] = (float) (cx - halfW);
                    out[o + 1] = (float) (cy - halfH);
                    out[o + 2] = (float) (cx + halfW);
                    out[o + 3] = (float) (cy + halfH);
                }
            }
        }
        return out;
    }

    /**
     * The anchors of all levels, one after the other, for feature maps of the given sizes (level
     * {@code l} is {@code heights[l] x widths[l]}).
     */
    public float[] all(int[] heights, int[] widths) {
        if (heights.length != strides.length || widths.length != strides.length) {
            throw new IllegalArgumentException("need a feature-map size for each of the " + strides.length + " levels");
        }
        float[][] perLevel = new float[strides.length][];
        int total = 0;
        for (int l = 0; l < strides.length; l++) {
            perLevel[l] = level(l, heights[l], widths[l]);
            total += perLevel[l].length;
        }
        float[] out = Arrays.copyOf(perLevel[0], total);
        int at = perLevel[0].length;
        for (int l = 1; l < strides.length; l++) {
            System.arraycopy(perLevel[l], 0, out, at, perLevel[l].length);
            at += perLevel[l].length;
        }
        return out;
    }
}
