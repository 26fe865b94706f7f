/**
 * The paper's 2.5D Mask R-CNN (He et al. 2017; Nazari et al. 2021) and its building blocks, on
 * DJL's PyTorch engine, which offers no detection operators of its own.
 *
 * <p>The whole network:
 * <ul>
 *   <li>{@link org.organdose.segment.maskrcnn.MaskRcnn}: backbone, RPN, box and mask heads as one
 *       block, with a training forward giving the five losses and {@code detect} for inference;
 *       {@link org.organdose.segment.maskrcnn.Instances}: the objects of a slice (2D components per class);</li>
 *   <li>{@link org.organdose.segment.maskrcnn.MaskRcnnNetwork}: a model folder's network with its weights;
 *       {@link org.organdose.segment.maskrcnn.MaskRcnnOptimiser}: Adam steps for one phase of the schedule
 *       (the training run is {@link org.organdose.segment.train.MaskRcnnTrainer});</li>
 *   <li>{@link org.organdose.segment.maskrcnn.Detections}: one slice's detections, pasted into per-pixel
 *       classes; {@link org.organdose.segment.maskrcnn.MaskRcnnSegmenter}: the
 *       {@link org.organdose.segment.Segmenter}, which also counts slices the detector missed;</li>
 *   <li>{@link org.organdose.segment.maskrcnn.SemanticFpn}: the same backbone with a per-pixel head,
 *       trained first on our CT slices so that the Mask R-CNN need not start from random weights.</li>
 * </ul>
 *
 * <p>The blocks:
 * <ul>
 *   <li>{@link org.organdose.segment.maskrcnn.ResNetFpn}: ResNet body with the P2-P5 feature pyramid;</li>
 *   <li>{@link org.organdose.segment.maskrcnn.Anchors}, {@link org.organdose.segment.maskrcnn.RpnHead}:
 *       anchors per level and the shared RPN head;</li>
 *   <li>{@link org.organdose.segment.maskrcnn.AnchorMatcher},
 *       {@link org.organdose.segment.maskrcnn.BalancedSampler},
 *       {@link org.organdose.segment.maskrcnn.BoxCoder}: training targets;</li>
 *   <li>{@link org.organdose.segment.maskrcnn.RpnTargets}, {@link org.organdose.segment.maskrcnn.Losses}:
 *       the RPN's targets and losses (binary cross-entropy, smooth L1);</li>
 *   <li>{@link org.organdose.segment.maskrcnn.Proposals}: RPN outputs to region proposals;</li>
 *   <li>{@link org.organdose.segment.maskrcnn.BoxHead}, {@link org.organdose.segment.maskrcnn.MaskHead}:
 *       class and box refinement per RoI, and per-class mask logits;
 *       {@link org.organdose.segment.maskrcnn.HeadTargets}: their targets and three losses;</li>
 *   <li>{@link org.organdose.segment.maskrcnn.Nms}: suppression of overlapping proposals and detections;</li>
 *   <li>{@link org.organdose.segment.maskrcnn.RoiAlign}: differentiable RoIAlign with torchvision's
 *       {@code aligned=True} semantics, and {@link org.organdose.segment.maskrcnn.PyramidRoiAlign},
 *       which picks each box's pyramid level.</li>
 * </ul>
 *
 * <p>Boxes are flat {@code float[]} of {@code (x1, y1, x2, y2)} in input pixels (see
 * {@link org.organdose.segment.maskrcnn.Boxes}): they are targets and proposals, never differentiated.
 */
package org.organdose.segment.maskrcnn;
