package org.organdose.segment.maskrcnn;

/**
 * Box regression targets as in Faster R-CNN (Ren et al. 2015) and torchvision's
 * {@code BoxCoder}: a box is described relative to a reference box (an anchor or a proposal) by
 * {@code dx = wx (x - xa) / wa}, {@code dy = wy (y - ya) / ha}, {@code dw = ww log(w / wa)},
 * {@code dh = wh log(h / ha)}, where {@code (x, y)} is a centre and {@code w, h} a size
 * ({@code x2 - x1}). Decoding inverts it, with {@code dw} and {@code dh} first clipped from above
 * at {@code log(1000 / 16)} so that one wild prediction cannot produce an overflowing box.
 *
 * <p>The weights are {@code (1, 1, 1, 1)} for the RPN and {@code (10, 10, 5, 5)} for the box head,
 * which scale the targets of well-placed proposals to about unit variance.
 */
public final class BoxCoder {
    /** Largest {@code dw} or {@code dh} decoded: a box at most 1000/16 times its reference. */
    public static final double SIZE_CLIP = Math.log(1000.0 / 16);

    private final double wx;
    private final double wy;
    private final double ww;
    private final double wh;

    public BoxCoder(double wx, double wy, double ww, double wh) {
        if (!(wx > 0 && wy > 0 && ww > 0 && wh > 0)) {
            throw new IllegalArgumentException("box coder weights must be positive");
        }
        this.wx = wx;
        this.wy = wy;
        this.ww = ww;
        this.wh = wh;
    }

    /** The coder of the region proposal network: weights (1, 1, 1, 1). */
    public static BoxCoder forRpn() {
        return new BoxCoder(1, 1, 1, 1);
    }

    /** The coder of the box head: weights (10, 10, 5, 5). */
    public static BoxCoder forHeads() {
        return new BoxCoder(10, 10, 5, 5);
    }

    /**
     * Deltas {@code (dx, dy, dw, dh)} that turn each reference box into the target box of the same
     * index. References must have a positive width and height; targets too (log of the size ratio).
     */
    public float[] encode(float[] references, float[] targets) {
        int n = Boxes.count(references);
        if (Boxes.count(targets) != n) {
            throw new IllegalArgumentException(n + " reference boxes but " + Boxes.count(targets) + " targets");
        }
        float[] deltas = new float[4 * n];
        for (int i = 0; i < n; i++) {
            int o = 4 * i;
            double wa = references[o + 2] - references[o];
            double ha = references[o + 3] - references[o + 1];
            double xa = references[o] + 0.5 * wa;
            double ya = references[o + 1] + 0.5 * ha;
            double w = targets[o + 2] - targets[o];
            double h = targets[o + 3] - targets[o + 1];
            double x = targets[o] + 0.5 * w;
            double y = targets[o + 1] + 0.5 * h;
            deltas[o] = (float) (wx * (x - xa) / wa);
            deltas[o + 1] = (float) (wy * (y - ya) / ha);
            deltas[o + 2] = (float) (ww * Math.log(w / wa));
            deltas[o + 3] = (float) (wh * Math.log(h / ha));
        }
        return deltas;
    }

    /** The boxes that the deltas of each index describe relative to the reference box of that index. */
    public float[] decode(float[] references, float[] deltas) {
        int n = Boxes.count(references);
        if (Boxes.count(deltas) != n) {
            throw new IllegalArgumentException(n + " reference boxes but " + Boxes.count(deltas) + " deltas");
        }
        float[] boxes = new float[4 * n];
        for (int i = 0; i < n; i++) {
            int o = 4 * i;
            double wa = references[o + 2] - references[o];
            double ha = references[o + 3] - references[o + 1];
            double xa = references[o] + 0.5 * wa;
            double ya = references[o + 1] + 0.5 * ha;
            double x = deltas[o] / wx * wa + xa;
            double y = deltas[o + 1] / wy * ha + ya;
            double w = Math.exp(Math.min(deltas[o + 2] / ww, SIZE_CLIP)) * wa;
            double h = Math.exp(Math.min(deltas[o + 3] / wh, SIZE_CLIP)) * ha;
            boxes[o] = (float) (x - 0.5 * w);
            boxes[o + 1] = (float) (y - 0.5 * h);
            boxes[o + 2] = (float) (x + 0.5 * w);
            boxes[o + 3] = (float) (y + 0.5 * h);
        }
        return boxes;
    }
}
