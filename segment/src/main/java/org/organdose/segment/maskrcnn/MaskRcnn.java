package org.organdose.segment.maskrcnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * The paper's 2.5D Mask R-CNN (He et al. 2017; Nazari et al. 2021) as one block: a ResNet-FPN
 * backbone over k adjacent slices ({@link ResNetFpn}), the region proposal network
 * ({@link RpnHead}, {@link Anchors#fpn()}), the box head on 7x7 RoIAlign features and the mask head
 * on 28x28 RoIAlign features (the paper's size, so the mask head needs no upsampling).
 *
 * <p>Sizes follow one rule from the backbone's base width {@code b}: pyramid and mask head
 * {@code 4b} channels, box head {@code 16b} units; {@code b = 64} gives the paper's ResNet-50 with
 * its 256-channel pyramid and 1024-unit box head. {@code resnetDepth} 50 is the paper's backbone;
 * 18 is the light one (basic units, 2-2-2-2), the one a CPU can train.
 *
 * <p>Three ways in:
 * <ul>
 *   <li>{@code forward(ps, NDList(x), training)}: the pyramid P2-P5 followed by the RPN's
 *       objectness and deltas ({@link RpnHead}), for {@code x [N, k, H, W]};</li>
 *   <li>{@code forward(ps, NDList(x), NDList(classes, labelled), params)}, for training: the five
 *       losses (RPN objectness, RPN box, head class, head box, mask), each a scalar. {@code classes
 *       [N, H, W]} (int8) are the main slices' per-pixel classes and {@code labelled [N, C]} says which
 *       classes each sample labels; instances are the 2D connected components ({@link Instances});</li>
 *   <li>{@link #detect}: the detections of every slice of a batch, for inference.</li>
 * </ul>
 * H and W must be multiples of {@link ResNetFpn#SIZE_MULTIPLE}.
 */
public final class MaskRcnn extends AbstractBlock {
    /** RoIAlign output of the mask head and mask resolution (the paper's 28x28). */
    public static final int MASK_SIZE = 28;
    /** RoIAlign output of the box head (7x7, as Mask R-CNN). */
    public static final int BOX_POOL = 7;
    /** Detections below this class probability are dropped at inference unless the model says otherwise (the paper keeps >= 0.9). */
    public static final double SCORE_THRESHOLD = 0.9;
    /** Overlapping detections of one class above this IoU are suppressed (torchvision's 0.5). */
    public static final double DETECTION_NMS_IOU = 0.5;
    /** At most this many detections per slice, best first (torchvision's 100). */
    public static final int MAX_DETECTIONS = 100;
    /** Detected boxes thinner than this many pixels are dropped as degenerate. */
    private static final float MIN_BOX_SIZE = 1f;
    private static final int SAMPLES_PER_BIN = 2;

    /**
     * How training draws its examples.
     *
     * @param rpn anchors per image for the RPN losses
     * @param heads proposals per image for the box and mask heads
     * @param proposals how RPN outputs become the proposals the heads train on
     */
    public record Sampling(BalancedSampler rpn, BalancedSampler heads, Proposals proposals) {
        /** RoIs per image drawn for the heads by {@link #DEFAULT}. */
        public static final int ROIS_PER_IMAGE = 128;

        /**
         * torchvision's settings except 128 rather than 512 RoIs per image: a slice holds at most a
         * handful of organs, so 32 positives per image already cover them many times over, and
         * the 28x28 mask head, run on every positive RoI, dominates the cost of a step on a CPU.
         */
        public static final Sampling DEFAULT = new Sampling(BalancedSampler.forRpn(),
                new BalancedSampler(ROIS_PER_IMAGE, 0.25), Proposals.forTraining());
    }

    private final int resnetDepth;
    private final int baseWidth;
    private final int slicesPerStack;
    private final int classes;
    private final ResNetFpn backbone;
    private final RpnHead rpn;
    private final BoxHead boxHead;
    private final MaskHead maskHead;
    private final Anchors anchors = Anchors.fpn();
    private final PyramidRoiAlign boxPooler = new PyramidRoiAlign(BOX_POOL, BOX_POOL, SAMPLES_PER_BIN);
    private final PyramidRoiAlign maskPooler = new PyramidRoiAlign(MASK_SIZE, MASK_SIZE, SAMPLES_PER_BIN);
    private Sampling sampling = Sampling.DEFAULT;
    private Random random = new Random(0);

    /**
     * @param resnetDepth 50 (bottleneck units 3-4-6-3, the paper's) or 18 (basic units 2-2-2-2, light)
     * @param baseWidth width of the backbone's stem (64 in the paper)
     * @param slicesPerStack k, the input channels
     * @param classes classes including background
     */
    public MaskRcnn(int resnetDepth, int baseWidth, int slicesPerStack, int classes) {
        if ((resnetDepth != 18 && resnetDepth != 50) || baseWidth < 1 || slicesPerStack < 1 || classes < 2) {
            throw new IllegalArgumentException("invalid Mask R-CNN: ResNet-" + resnetDepth + ", width " + baseWidth
                    + ", " + slicesPerStack + " slices, " + classes + " classes (ResNet depth must be 18 or 50)");
        }
        this.resnetDepth = resnetDepth;
        this.baseWidth = baseWidth;
        this.slicesPerStack = slicesPerStack;
        this.classes = classes;
        int fpn = 4 * baseWidth;
        backbone = addChildBlock(SemanticFpn.BACKBONE, ResNetFpn.of(resnetDepth, baseWidth, fpn));
        rpn = addChildBlock("rpn", new RpnHead(fpn, anchors.perCell()));
        boxHead = addChildBlock("boxHead", new BoxHead(16 * baseWidth, classes));
        maskHead = addChildBlock("maskHead", new MaskHead(fpn, 4, false, classes));
    }

    public ResNetFpn backbone() {
        return backbone;
    }

    public int resnetDepth() {
        return resnetDepth;
    }

    public int baseWidth() {
        return baseWidth;
    }

    public int slicesPerStack() {
        return slicesPerStack;
    }

    /** The backbone body's trainable parameters (stem and C2-C5), frozen in the first training phase. */
    public Predicate<Parameter> bodyParameters() {
        return backbone.bodyParameters();
    }

    /** Sets how training samples anchors and RoIs, and the seed of those draws. */
    public void setSampling(Sampling sampling, long seed) {
        this.sampling = sampling;
        this.random = new Random(seed);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList levels = backbone.forward(ps, inputs, training, params);
        NDList out = new NDList(levels);
        out.addAll(rpn.forward(ps, levels, training, params));
        return out;
    }

    /** The pyramid, and the RPN's outputs flattened in anchor order: objectness [N, A], deltas [N, A, 4]. */
    private record Features(NDList levels, NDArray objectness, NDArray deltas, float[] anchors, int[] perLevel) {
    }

    private Features features(ParameterStore ps, NDArray x, boolean training, PairList<String, Object> params) {
        NDList out = forwardInternal(ps, new NDList(x), training, params);
        int levels = ResNetFpn.STRIDES.length;
        NDList objectness = new NDList();
        NDList deltas = new NDList();
        int[] heights = new int[levels];
        int[] widths = new int[levels];
        int[] perLevel = new int[levels];
        for (int l = 0; l < levels; l++) {
            Shape s = out.get(l).getShape();
            heights[l] = Math.toIntExact(s.get(2));
            widths[l] = Math.toIntExact(s.get(3));
            perLevel[l] = heights[l] * widths[l] * anchors.perCell();
            objectness.add(RpnHead.flattenObjectness(out.get(levels + l)));
            deltas.add(RpnHead.flattenDeltas(out.get(2 * levels + l)));
        }
        return new Features(new NDList(out.subNDList(0, levels)), NDArrays.concat(objectness, 1), NDArrays.concat(deltas, 1),
                anchors.all(heights, widths), perLevel);
    }

    private Proposals.Result proposals(Features f, float[] objectness, float[] deltas, int image, Proposals settings,
            int height, int width) {
        int a = Boxes.count(f.anchors);
        return settings.select(f.anchors, f.perLevel, Arrays.copyOfRange(objectness, image * a, (image + 1) * a),
                Arrays.copyOfRange(deltas, 4 * image * a, 4 * (image + 1) * a), height, width);
    }

    /**
     * The five training losses. A sample that does not label every organ class keeps its
     * positives (its labelled organs) but gives no negatives to any loss: an anchor or RoI lying on
     * an organ nobody outlined must not be taught "background", and which anchors those are is
     * unknown. Such samples still teach what the organs they label look like.
     */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList data, NDList labels, PairList<String, Object> params) {
        NDArray x = data.singletonOrThrow();
        Shape s = x.getShape();
        int n = Math.toIntExact(s.get(0));
        int height = Math.toIntExact(s.get(2));
        int width = Math.toIntExact(s.get(3));
        byte[] pixelClasses = labels.get(0).toType(DataType.INT8, false).toByteArray();
        float[] labelled = labels.get(1).toFloatArray();
        boolean[] complete = new boolean[n];
        List<Instances> truth = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            complete[i] = true;
            for (int c = 1; c < classes; c++) {
                complete[i] &= labelled[i * classes + c] > 0;
            }
            truth.add(Instances.of(pixelClasses, i * height * width, height, width));
        }
        Features f = features(ps, x, true, params);
        NDArray zero = f.objectness.sum().mul(Losses.constant(f.objectness, 0));

        RpnTargets rpnTargets = withoutNegatives(RpnTargets.of(f.anchors, truth.stream().map(Instances::boxes).toList(),
                sampling.rpn(), random), complete, Boxes.count(f.anchors));
        NDArray[] rpnLosses = rpnTargets.losses(f.objectness, f.deltas);

        float[] objectness = f.objectness.toFloatArray();
        float[] deltas = f.deltas.toFloatArray();
        List<HeadTargets> heads = new ArrayList<>();
        List<Integer> headImages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Proposals.Result p = proposals(f, objectness, deltas, i, sampling.proposals(), height, width);
            HeadTargets t = HeadTargets.of(p.boxes(), truth.get(i).boxes(), truth.get(i).classes(), sampling.heads(), random);
            if (!complete[i]) {
                t = positivesOnly(t);
            }
            if (t.labels().length > 0) {
                heads.add(t);
                headImages.add(i);
            }
        }
        if (heads.isEmpty()) {
            return new NDList(rpnLosses[0], rpnLosses[1], zero, zero, zero);
        }
        NDManager m = x.getManager();
        NDList boxOut = boxHead.forward(ps, new NDList(boxPooler.apply(f.levels, concat(heads, false), imageIndices(heads, headImages, false))),
                true, params);
        NDArray classLoss = zero;
        NDArray boxLoss = zero;
        int start = 0;
        for (HeadTargets t : heads) {
            int end = start + t.labels().length;
            NDArray[] l = t.boxLosses(boxOut.get(0).get(new NDIndex(start + ":" + end)), boxOut.get(1).get(new NDIndex(start + ":" + end)));
            classLoss = classLoss.add(l[0]);
            boxLoss = boxLoss.add(l[1]);
            start = end;
        }
        classLoss = classLoss.div(Losses.constant(classLoss, heads.size()));
        boxLoss = boxLoss.div(Losses.constant(boxLoss, heads.size()));

        int positives = heads.stream().mapToInt(HeadTargets::positives).sum();
        NDArray maskLoss = zero;
        if (positives > 0) {
            NDArray maskLogits = maskHead.forward(ps, new NDList(maskPooler.apply(f.levels, concat(heads, true),
                    imageIndices(heads, headImages, true))), true, params).singletonOrThrow();
            int with = 0;
            start = 0;
            for (int h = 0; h < heads.size(); h++) {
                HeadTargets t = heads.get(h);
                if (t.positives() == 0) {
                    continue;
                }
                Instances inst = truth.get(headImages.get(h));
                float[] masks = new float[inst.count() * height * width];
                for (int g = 0; g < inst.count(); g++) {
                    System.arraycopy(inst.masks()[g], 0, masks, g * height * width, height * width);
                }
                NDArray targets = t.maskTargets(m.create(masks, new Shape(inst.count(), 1, height, width)), MASK_SIZE);
                int end = start + t.positives();
                maskLoss = maskLoss.add(t.maskLoss(maskLogits.get(new NDIndex(start + ":" + end)), targets));
                start = end;
                with++;
            }
            maskLoss = maskLoss.div(Losses.constant(maskLoss, with));
        }
        return new NDList(rpnLosses[0], rpnLosses[1], classLoss, boxLoss, maskLoss);
    }

    private static RpnTargets withoutNegatives(RpnTargets t, boolean[] complete, int anchorsPerImage) {
        List<Integer> keep = new ArrayList<>();
        for (int j = 0; j < t.sampled().length; j++) {
            if (t.labels()[j] > 0 || complete[(int) (t.sampled()[j] / anchorsPerImage)]) {
                keep.add(j);
            }
        }
        if (keep.size() == t.sampled().length) {
            return t;
        }
        long[] sampled = new long[keep.size()];
        float[] labels = new float[keep.size()];
        for (int j = 0; j < sampled.length; j++) {
            sampled[j] = t.sampled()[keep.get(j)];
            labels[j] = t.labels()[keep.get(j)];
        }
        return new RpnTargets(sampled, labels, t.positives(), t.deltas());
    }

    private static HeadTargets positivesOnly(HeadTargets t) {
        int p = t.positives();
        return new HeadTargets(Arrays.copyOf(t.rois(), 4 * p), Arrays.copyOf(t.labels(), p), p, t.matched(), t.deltas());
    }

    /** All RoIs of the images, one image after the other (only the positive ones when asked). */
    private static float[] concat(List<HeadTargets> heads, boolean positivesOnly) {
        int total = heads.stream().mapToInt(t -> positivesOnly ? t.positives() : t.labels().length).sum();
        float[] out = new float[4 * total];
        int at = 0;
        for (HeadTargets t : heads) {
            int k = positivesOnly ? t.positives() : t.labels().length;
            System.arraycopy(t.rois(), 0, out, at, 4 * k);
            at += 4 * k;
        }
        return out;
    }

    private static int[] imageIndices(List<HeadTargets> heads, List<Integer> images, boolean positivesOnly) {
        List<Integer> out = new ArrayList<>();
        for (int h = 0; h < heads.size(); h++) {
            int k = positivesOnly ? heads.get(h).positives() : heads.get(h).labels().length;
            for (int j = 0; j < k; j++) {
                out.add(images.get(h));
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Detections in every slice of a batch: proposals ({@link Proposals#forInference()}), class
     * probabilities and class-specific boxes from the box head, detections kept from
     * {@code scoreThreshold} (the paper's {@link #SCORE_THRESHOLD}), per-class NMS at {@link #DETECTION_NMS_IOU}, the best
     * {@link #MAX_DETECTIONS}, and the mask head's probabilities of each detection's class.
     *
     * @param x {@code [N, k, H, W]}
     */
    public List<Detections> detect(ParameterStore ps, NDArray x, double scoreThreshold) {
        Shape s = x.getShape();
        int n = Math.toIntExact(s.get(0));
        int height = Math.toIntExact(s.get(2));
        int width = Math.toIntExact(s.get(3));
        Features f = features(ps, x, false, null);
        float[] objectness = f.objectness.toFloatArray();
        float[] rpnDeltas = f.deltas.toFloatArray();
        List<float[]> proposals = new ArrayList<>();
        List<Integer> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] p = proposals(f, objectness, rpnDeltas, i, Proposals.forInference(), height, width).boxes();
            proposals.add(p);
            for (int j = 0; j < Boxes.count(p); j++) {
                batch.add(i);
            }
        }
        if (batch.isEmpty()) {
            // no slice has a proposal (weights that are not finite propose nothing): the heads have nothing to look at
            return Collections.nCopies(n, Detections.none(MASK_SIZE));
        }
        float[] all = new float[4 * batch.size()];
        int at = 0;
        for (float[] p : proposals) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        NDList boxOut = boxHead.forward(ps, new NDList(boxPooler.apply(f.levels, all, batch.stream().mapToInt(Integer::intValue).toArray())),
                false, null);
        float[] probabilities = boxOut.get(0).softmax(1).toFloatArray();
        float[] deltas = boxOut.get(1).toFloatArray();

        List<float[]> keptBoxes = new ArrayList<>();
        List<float[]> keptScores = new ArrayList<>();
        List<int[]> keptClasses = new ArrayList<>();
        int first = 0;
        for (int i = 0; i < n; i++) {
            int k = Boxes.count(proposals.get(i));
            List<Integer> roi = new ArrayList<>();
            List<Integer> cls = new ArrayList<>();
            for (int r = first; r < first + k; r++) {
                for (int c = 1; c < classes; c++) {
                    if (probabilities[r * classes + c] >= scoreThreshold) {
                        roi.add(r);
                        cls.add(c);
                    }
                }
            }
            float[] references = new float[4 * roi.size()];
            float[] d = new float[4 * roi.size()];
            float[] score = new float[roi.size()];
            for (int j = 0; j < roi.size(); j++) {
                System.arraycopy(all, 4 * roi.get(j), references, 4 * j, 4);
                System.arraycopy(deltas, (roi.get(j) * classes + cls.get(j)) * 4, d, 4 * j, 4);
                score[j] = probabilities[roi.get(j) * classes + cls.get(j)];
            }
            float[] decoded = Boxes.clipped(BoxCoder.forHeads().decode(references, d), height, width);
            int[] big = java.util.stream.IntStream.range(0, roi.size())
                    .filter(j -> decoded[4 * j + 2] - decoded[4 * j] >= MIN_BOX_SIZE && decoded[4 * j + 3] - decoded[4 * j + 1] >= MIN_BOX_SIZE)
                    .toArray();
            float[] b = new float[4 * big.length];
            float[] sc = new float[big.length];
            int[] c = new int[big.length];
            for (int j = 0; j < big.length; j++) {
                System.arraycopy(decoded, 4 * big[j], b, 4 * j, 4);
                sc[j] = score[big[j]];
                c[j] = cls.get(big[j]);
            }
            int[] keep = Nms.batched(b, sc, c, DETECTION_NMS_IOU);
            keep = Arrays.copyOf(keep, Math.min(keep.length, MAX_DETECTIONS));
            float[] kb = new float[4 * keep.length];
            float[] ks = new float[keep.length];
            int[] kc = new int[keep.length];
            for (int j = 0; j < keep.length; j++) {
                System.arraycopy(b, 4 * keep[j], kb, 4 * j, 4);
                ks[j] = sc[keep[j]];
                kc[j] = c[keep[j]];
            }
            keptBoxes.add(kb);
            keptScores.add(ks);
            keptClasses.add(kc);
            first += k;
        }
        return withMasks(ps, f.levels, keptBoxes, keptScores, keptClasses);
    }

    private List<Detections> withMasks(ParameterStore ps, NDList levels, List<float[]> boxes, List<float[]> scores,
            List<int[]> cls) {
        int total = scores.stream().mapToInt(a -> a.length).sum();
        List<Detections> out = new ArrayList<>();
        if (total == 0) {
            boxes.forEach(b -> out.add(Detections.none(MASK_SIZE)));
            return out;
        }
        float[] all = new float[4 * total];
        int[] batch = new int[total];
        int at = 0;
        for (int i = 0; i < boxes.size(); i++) {
            System.arraycopy(boxes.get(i), 0, all, 4 * at, boxes.get(i).length);
            Arrays.fill(batch, at, at + scores.get(i).length, i);
            at += scores.get(i).length;
        }
        NDArray logits = maskHead.forward(ps, new NDList(maskPooler.apply(levels, all, batch)), false, null).singletonOrThrow();
        float[] probabilities = ai.djl.nn.Activation.sigmoid(logits).toFloatArray();
        int cells = MASK_SIZE * MASK_SIZE;
        at = 0;
        for (int i = 0; i < boxes.size(); i++) {
            int k = scores.get(i).length;
            float[][] masks = new float[k][];
            for (int j = 0; j < k; j++) {
                int from = ((at + j) * classes + cls.get(i)[j]) * cells;
                masks[j] = Arrays.copyOfRange(probabilities, from, from + cells);
            }
            out.add(new Detections(boxes.get(i), scores.get(i), cls.get(i), masks, MASK_SIZE));
            at += k;
        }
        return out;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] levels = backbone.getOutputShapes(inputShapes);
        Shape[] heads = rpn.getOutputShapes(levels);
        Shape[] out = Arrays.copyOf(levels, levels.length + heads.length);
        System.arraycopy(heads, 0, out, levels.length, heads.length);
        return out;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        backbone.initialize(manager, dataType, inputShapes[0]);
        rpn.initialize(manager, dataType, backbone.getOutputShapes(inputShapes));
        int fpn = backbone.fpnChannels();
        boxHead.initialize(manager, dataType, new Shape(1, fpn, BOX_POOL, BOX_POOL));
        maskHead.initialize(manager, dataType, new Shape(1, fpn, MASK_SIZE, MASK_SIZE));
    }
}
