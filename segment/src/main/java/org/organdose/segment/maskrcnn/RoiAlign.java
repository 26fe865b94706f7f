package org.organdose.segment.maskrcnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RoIAlign (He et al. 2017, "Mask R-CNN"): a fixed-size feature patch for every box, read from a
 * feature map by bilinear interpolation without any rounding of the box, differentiable with
 * respect to the features.
 *
 * <p>The semantics are those of {@code torchvision.ops.roi_align(..., aligned=True)}:
 * <ul>
 *   <li>a box {@code (x1, y1, x2, y2)} in input pixels maps to {@code x * spatialScale - 0.5} on
 *       the feature map (pixel centres at integer coordinates); its size is never forced to 1,
 *       so an empty or inverted box is allowed;</li>
 *   <li>the box is split into {@code outputHeight x outputWidth} bins; each bin averages a grid of
 *       {@code samplingRatio x samplingRatio} regularly spaced samples (sample {@code i} of a bin
 *       sits at {@code (i + 0.5) / grid} of it), or, with {@code samplingRatio <= 0},
 *       {@code ceil(boxHeight / outputHeight) x ceil(boxWidth / outputWidth)} samples, computed in
 *       single precision; a grid with no samples gives 0;</li>
 *   <li>a sample with {@code y < -1} or {@code y > H} (or the same in x) contributes 0 but still
 *       counts in the average; otherwise {@code y <= 0} is read at row 0 and
 *       {@code y >= H - 1} at row {@code H - 1}, and in between it is interpolated linearly
 *       between rows {@code floor(y)} and {@code floor(y) + 1} (the same in x).</li>
 * </ul>
 *
 * <p>How it is computed: those rules make every sample's bilinear weight a product of a weight
 * along y and a weight along x, so the average over a bin is too. For each box this class builds,
 * on the Java side, the matrices {@code Ay} (bins x rows) and {@code Ax} (bins x columns) of the
 * averaged weights; the output of box k is then {@code Ay_k F_k Ax_k^T} per channel, where
 * {@code F_k} is the window of the feature map the box touches. The windows are gathered with one
 * indexing operation and multiplied with batched matrix products, so autograd carries the
 * gradient back to the features through ordinary array operations (the boxes get no gradient, as
 * in torchvision). Windows are padded to a few standard sizes and boxes of the same padded size
 * are processed together, so that one huge box does not make every window huge.
 *
 * <pre>{@code
 * RoiAlign maskPooler = new RoiAlign(28, 28, 1 / 4f, 2);           // P2, stride 4
 * NDArray patches = maskPooler.apply(p2, boxes, batchIndices);     // [K, C, 28, 28]
 * }</pre>
 */
public final class RoiAlign {
    /** Window sizes windows are padded to; each is at most 1.25 times the previous one. */
    private static final int[] WINDOW_SIZES = {1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, 24, 28, 32, 40, 48, 56, 64, 80,
        96, 112, 128, 160, 192, 224, 256, 320, 384, 448, 512};

    private final int outputHeight;
    private final int outputWidth;
    private final float spatialScale;
    private final int samplingRatio;

    /**
     * @param outputHeight bins along y (e.g. 7 for the box head, 28 for the mask head)
     * @param outputWidth bins along x
     * @param spatialScale feature-map pixels per input pixel (1 / stride)
     * @param samplingRatio samples per bin along each axis, or {@code <= 0} for
     *     {@code ceil(box size / output size)} per box
     */
    public RoiAlign(int outputHeight, int outputWidth, float spatialScale, int samplingRatio) {
        if (outputHeight < 1 || outputWidth < 1 || !(spatialScale > 0) || Float.isInfinite(spatialScale)) {
            throw new IllegalArgumentException("RoIAlign needs a positive output size and spatial scale, got "
                    + outputHeight + "x" + outputWidth + " and " + spatialScale);
        }
        this.outputHeight = outputHeight;
        this.outputWidth = outputWidth;
        this.spatialScale = spatialScale;
        this.samplingRatio = samplingRatio;
    }

    /**
     * Pools one patch per box.
     *
     * @param features feature maps {@code [N, C, H, W]}, float32
     * @param boxes {@code [K, 4]} boxes {@code (x1, y1, x2, y2)} in input pixels
     * @param batchIndices {@code [K]} integer index of each box's image in {@code features}
     * @return {@code [K, C, outputHeight, outputWidth]}, attached to the features' manager
     */
    public NDArray apply(NDArray features, NDArray boxes, NDArray batchIndices) {
        if (boxes.getShape().dimension() != 2 || boxes.getShape().get(1) != 4) {
            throw new IllegalArgumentException("boxes must be [K, 4], got " + boxes.getShape());
        }
        float[] b = boxes.toType(DataType.FLOAT32, false).toFloatArray();
        long[] idx = batchIndices.toType(DataType.INT64, false).toLongArray();
        int[] batch = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            batch[i] = Math.toIntExact(idx[i]);
        }
        return apply(features, b, batch);
    }

    /**
     * Pools one patch per box.
     *
     * @param features feature maps {@code [N, C, H, W]}, float32
     * @param boxes {@code 4 K} values, box k being {@code (x1, y1, x2, y2)} at {@code 4k} in input pixels
     * @param batchIndices index of each box's image in {@code features}
     * @return {@code [K, C, outputHeight, outputWidth]}, attached to the features' manager
     */
    public NDArray apply(NDArray features, float[] boxes, int[] batchIndices) {
        return channelsLast(features, boxes, batchIndices).transpose(0, 3, 1, 2);
    }

    /** As {@link #apply(NDArray, float[], int[])}, but {@code [K, outputHeight, outputWidth, C]}. */
    NDArray channelsLast(NDArray features, float[] boxes, int[] batchIndices) {
        Shape s = features.getShape();
        if (s.dimension() != 4 || features.getDataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException("features must be float32 [N, C, H, W], got " + features.getDataType() + " " + s);
        }
        int n = Math.toIntExact(s.get(0));
        int c = Math.toIntExact(s.get(1));
        int h = Math.toIntExact(s.get(2));
        int w = Math.toIntExact(s.get(3));
        int k = batchIndices.length;
        if (boxes.length != 4 * k) {
            throw new IllegalArgumentException(boxes.length + " box coordinates for " + k + " batch indices");
        }
        for (int i = 0; i < k; i++) {
            if (batchIndices[i] < 0 || batchIndices[i] >= n) {
                throw new IllegalArgumentException("box " + i + " refers to image " + batchIndices[i] + " of " + n);
            }
        }
        NDManager manager = features.getManager();
        if (k == 0) {
            return manager.zeros(new Shape(0, outputHeight, outputWidth, c), features.getDataType());
        }
        Map<Long, List<Window>> byWindowSize = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            Window win = window(boxes, i, batchIndices[i], h, w);
            byWindowSize.computeIfAbsent(((long) win.rows << 32) | win.cols, x -> new ArrayList<>()).add(win);
        }
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            // [N*H*W, C]: one row per feature-map pixel, so a window is gathered by pixel indices
            NDArray pixels = features.transpose(0, 2, 3, 1).reshape(-1, c);
            List<NDArray> parts = new ArrayList<>();
            int[] order = new int[k];
            int done = 0;
            for (List<Window> group : byWindowSize.values()) {
                parts.add(pool(manager, pixels, group, c, h, w));
                for (Window win : group) {
                    order[win.box] = done++;
                }
            }
            NDArray pooled = inOriginalOrder(manager, parts, order);
            NDScope.unregister(pooled);
            return pooled;
        }
    }

    /** {@code Ay_k F_k Ax_k^T} for boxes whose windows have the same size, channels last: {@code [kb, outH, outW, C]}. */
    private NDArray pool(NDManager manager, NDArray pixels, List<Window> group, int c, int h, int w) {
        int kb = group.size();
        int rows = group.get(0).rows;
        int cols = group.get(0).cols;
        long[] pixelIndex = new long[kb * rows * cols];
        float[] ay = new float[kb * outputHeight * rows];
        float[] ax = new float[kb * outputWidth * cols];
        for (int j = 0; j < kb; j++) {
            Window win = group.get(j);
            int p = j * rows * cols;
            for (int r = 0; r < rows; r++) {
                long rowStart = ((long) win.image * h + win.row0 + r) * w + win.col0;
                for (int q = 0; q < cols; q++) {
                    pixelIndex[p++] = rowStart + q;
                }
            }
            System.arraycopy(win.ay, 0, ay, j * outputHeight * rows, outputHeight * rows);
            System.arraycopy(win.ax, 0, ax, j * outputWidth * cols, outputWidth * cols);
        }
        NDArray windows = pixels.get(keptForBackward(manager.create(pixelIndex))).reshape(kb, rows, (long) cols * c);
        NDArray alongY = keptForBackward(manager.create(ay, new Shape(kb, outputHeight, rows))).matMul(windows)
                .reshape(kb, outputHeight, cols, c);
        // [kb, 1, outW, cols] x [kb, outH, cols, C]: x contracted for every output row at once
        return keptForBackward(manager.create(ax, new Shape(kb, 1, outputWidth, cols))).matMul(alongY);
    }

    /**
     * Takes an array created from Java data out of the enclosing scope, so that it lives as long as
     * its manager: PyTorch reads it again in the backward pass, and the engine may wrap the Java
     * buffer rather than copy it, so closing it with the scope would leave the gradient reading
     * freed memory.
     */
    private static NDArray keptForBackward(NDArray created) {
        NDScope.unregister(created);
        return created;
    }

    /**
     * Concatenates results computed group by group along axis 0 and puts their rows back in the
     * callers' order: {@code order[i]} is where row {@code i} sits in the concatenation.
     */
    static NDArray inOriginalOrder(NDManager manager, List<NDArray> parts, int[] order) {
        NDArray joined = parts.size() == 1 ? parts.get(0) : NDArrays.concat(new NDList(parts), 0);
        for (int i = 0; i < order.length; i++) {
            if (order[i] != i) {
                return joined.get(keptForBackward(manager.create(Arrays.stream(order).asLongStream().toArray())));
            }
        }
        return joined;
    }

    /** The feature-map window box {@code i} reads and its weight matrices restricted to it. */
    private Window window(float[] boxes, int i, int image, int h, int w) {
        // single precision and this order of operations, as torchvision computes a float32 map
        float startX = boxes[4 * i] * spatialScale - 0.5f;
        float startY = boxes[4 * i + 1] * spatialScale - 0.5f;
        float boxW = (boxes[4 * i + 2] * spatialScale - 0.5f) - startX;
        float boxH = (boxes[4 * i + 3] * spatialScale - 0.5f) - startY;
        int gridY = samplingRatio > 0 ? samplingRatio : (int) Math.ceil(boxH / outputHeight);
        int gridX = samplingRatio > 0 ? samplingRatio : (int) Math.ceil(boxW / outputWidth);
        AxisWeights y = AxisWeights.of(startY, boxH / outputHeight, gridY, outputHeight, h);
        AxisWeights x = AxisWeights.of(startX, boxW / outputWidth, gridX, outputWidth, w);
        int rows = paddedSize(y.last - y.first + 1, h);
        int cols = paddedSize(x.last - x.first + 1, w);
        int row0 = Math.min(y.first, h - rows);
        int col0 = Math.min(x.first, w - cols);
        return new Window(i, image, row0, col0, rows, cols, y.restrict(row0, rows), x.restrict(col0, cols));
    }

    private static int paddedSize(int needed, int limit) {
        for (int size : WINDOW_SIZES) {
            if (size >= needed) {
                return Math.min(size, limit);
            }
        }
        return Math.min(needed, limit);
    }

    private record Window(int box, int image, int row0, int col0, int rows, int cols, float[] ay, float[] ax) {
    }

    /**
     * The averaged interpolation weights along one axis: {@code weights[bin * size + pixel]}, and
     * the range of pixels any sample touches ({@code first = 0, last = 0} when none does).
     */
    private record AxisWeights(double[] weights, int size, int bins, int first, int last) {

        static AxisWeights of(float start, float binSize, int grid, int bins, int size) {
            double[] weights = new double[bins * size];
            int first = Integer.MAX_VALUE;
            int last = -1;
            for (int bin = 0; bin < bins; bin++) {
                for (int i = 0; i < grid; i++) {
                    float at = start + bin * binSize + (i + .5f) * binSize / grid;
                    if (!(at >= -1.0 && at <= size)) {
                        continue; // outside the map (or NaN): contributes nothing, still counted
                    }
                    float v = Math.max(at, 0);
                    int low = (int) v;
                    int high;
                    if (low >= size - 1) {
                        low = size - 1;
                        high = low;
                        v = low;
                    } else {
                        high = low + 1;
                    }
                    float toHigh = v - low;
                    weights[bin * size + low] += (1 - toHigh) / (double) grid;
                    weights[bin * size + high] += toHigh / (double) grid;
                    first = Math.min(first, low);
                    last = Math.max(last, high);
                }
            }
            return last < 0 ? new AxisWeights(weights, size, bins, 0, 0) : new AxisWeights(weights, size, bins, first, last);
        }

        /** The weights of pixels {@code from .. from + count - 1}, as {@code [bins, count]}. */
        float[] restrict(int from, int count) {
            float[] out = new float[bins * count];
            for (int bin = 0; bin < bins; bin++) {
                for (int p = 0; p < count; p++) {
                    out[bin * count + p] = (float) weights[bin * size + from + p];
                }
            }
            return out;
        }
    }
}
