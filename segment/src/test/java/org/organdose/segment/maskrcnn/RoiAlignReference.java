package org.organdose.segment.maskrcnn;

/**
 * RoIAlign written sample by sample in plain loops, straight from the definition of
 * {@code torchvision.ops.roi_align(aligned=True)}: for every bin, every sample of its grid is
 * interpolated bilinearly from its four neighbouring pixels and the samples are averaged. The
 * gradient scatters each sample's four bilinear weights back, times the output gradient over the
 * sample count. It shares nothing with {@link RoiAlign}'s separable matrix formulation.
 */
final class RoiAlignReference {
    private final int outH;
    private final int outW;
    private final float scale;
    private final int samplingRatio;

    RoiAlignReference(int outH, int outW, float scale, int samplingRatio) {
        this.outH = outH;
        this.outW = outW;
        this.scale = scale;
        this.samplingRatio = samplingRatio;
    }

    /** One bilinear sample: four pixel offsets within a channel and their weights (all 0 outside the map). */
    private record Sample(int[] at, double[] weight) {
    }

    private static Sample sample(float y, float x, int h, int w) {
        if (y < -1.0 || y > h || x < -1.0 || x > w) {
            return new Sample(new int[4], new double[4]);
        }
        float yy = y <= 0 ? 0 : y;
        float xx = x <= 0 ? 0 : x;
        int y0 = (int) yy;
        int x0 = (int) xx;
        int y1;
        int x1;
        if (y0 >= h - 1) {
            y0 = h - 1;
            y1 = h - 1;
            yy = y0;
        } else {
            y1 = y0 + 1;
        }
        if (x0 >= w - 1) {
            x0 = w - 1;
            x1 = w - 1;
            xx = x0;
        } else {
            x1 = x0 + 1;
        }
        double ly = yy - y0;
        double lx = xx - x0;
        double hy = 1 - ly;
        double hx = 1 - lx;
        return new Sample(new int[] {y0 * w + x0, y0 * w + x1, y1 * w + x0, y1 * w + x1},
                new double[] {hy * hx, hy * lx, ly * hx, ly * lx});
    }

    /**
     * Visits every sample of every bin of box k: {@code visitor.accept(bin, sample, 1 / count)}.
     */
    private void forEachSample(float[] boxes, int k, int h, int w, SampleVisitor visitor) {
        float startX = boxes[4 * k] * scale - 0.5f;
        float startY = boxes[4 * k + 1] * scale - 0.5f;
        float roiW = (boxes[4 * k + 2] * scale - 0.5f) - startX;
        float roiH = (boxes[4 * k + 3] * scale - 0.5f) - startY;
        float binH = roiH / outH;
        float binW = roiW / outW;
        int gridH = samplingRatio > 0 ? samplingRatio : (int) Math.ceil(roiH / outH);
        int gridW = samplingRatio > 0 ? samplingRatio : (int) Math.ceil(roiW / outW);
        double count = Math.max(gridH * gridW, 1);
        for (int ph = 0; ph < outH; ph++) {
            for (int pw = 0; pw < outW; pw++) {
                for (int iy = 0; iy < gridH; iy++) {
                    float y = startY + ph * binH + (iy + .5f) * binH / gridH;
                    for (int ix = 0; ix < gridW; ix++) {
                        float x = startX + pw * binW + (ix + .5f) * binW / gridW;
                        visitor.visit(ph * outW + pw, sample(y, x, h, w), 1 / count);
                    }
                }
            }
        }
    }

    private interface SampleVisitor {
        void visit(int bin, Sample sample, double share);
    }

    /** Output {@code [K, C, outH, outW]} flattened, for features {@code [N, C, H, W]} flattened. */
    double[] forward(float[] features, int n, int c, int h, int w, float[] boxes, int[] batch) {
        int k = batch.length;
        double[] out = new double[k * c * outH * outW];
        for (int r = 0; r < k; r++) {
            int box = r;
            for (int ch = 0; ch < c; ch++) {
                int in = (batch[r] * c + ch) * h * w;
                int o = (box * c + ch) * outH * outW;
                forEachSample(boxes, box, h, w, (bin, s, share) -> {
                    for (int corner = 0; corner < 4; corner++) {
                        out[o + bin] += share * s.weight()[corner] * features[in + s.at()[corner]];
                    }
                });
            }
        }
        return out;
    }

    /** Gradient w.r.t. the features {@code [N, C, H, W]} of {@code sum(output * outputGradient)}. */
    double[] gradient(float[] outputGradient, int n, int c, int h, int w, float[] boxes, int[] batch) {
        double[] grad = new double[n * c * h * w];
        for (int r = 0; r < batch.length; r++) {
            int box = r;
            for (int ch = 0; ch < c; ch++) {
                int in = (batch[r] * c + ch) * h * w;
                int o = (box * c + ch) * outH * outW;
                forEachSample(boxes, box, h, w, (bin, s, share) -> {
                    for (int corner = 0; corner < 4; corner++) {
                        grad[in + s.at()[corner]] += share * s.weight()[corner] * outputGradient[o + bin];
                    }
                });
            }
        }
        return grad;
    }
}
