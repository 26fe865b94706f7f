/**
 * Building blocks of the paper's 2.5D Mask R-CNN (He et al. 2017; Nazari et al. 2021), on DJL's
 * PyTorch engine, which offers no detection operators of its own.
 *
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
