/**
 * CT organ segmentation (liver, kidneys, spleen) with 2.5D networks, after Nazari et al. 2021.
 *
 * <p>The pieces, in the order data flows through them:
 * <ul>
 *   <li>{@code data}: training cases from our shared layout, nnU-Net/MSD, KiTS and LiTS, with
 *       their labels mapped to {@link org.organdose.image.Organ} and the organs each labels;</li>
 *   <li>{@code preprocess}: the working grid (isotropic 2 mm, axis-aligned LPS), the HU window
 *       [-100, 200] to [0, 1] and the k-slice stacks of each plane;</li>
 *   <li>{@code net}: the 2.5D U-Net, its classes and its {@code model.json};</li>
 *   <li>{@code train}: masked Dice + cross-entropy, augmentation, checkpoints, resume, transfer;</li>
 *   <li>{@code infer}: per-plane prediction, 2-of-3 consensus, kidney sides, slice interpolation,
 *       largest components, resampling back and {@code organs.json};</li>
 *   <li>{@code eval}: Dice, HD95 and volumes per organ, cross-validation, low-dose simulation.</li>
 * </ul>
 *
 * <pre>{@code
 * Volume ct = ImageFiles.read(Path.of("ct.nii.gz")).volume();
 * Segmentation s = SegmentationRunner.segment(ct, Mode.CONSENSUS, Path.of("models/unet25d-abdomen"));
 * ImageFiles.writeLabels(s.labels(), Path.of("labels.nii.gz"));           // on the CT's own grid
 * OrgansJson.write(s, Map.of("mode", "consensus"), Path.of("organs.json"));
 *
 * TrainingConfig config = TrainingConfig.builder(List.of(Path.of("../shared/data/ct")), Path.of("models/mine"))
 *         .holdOut(Set.of("ircad-1.1")).epochs(20).build();
 * PixelNetworkTrainer.train(config, TrainingListener.silent());
 *
 * Map<Organ, OrganMetrics> m = Evaluator.evaluate(predicted, reference, Set.of(Organ.LIVER));
 * }</pre>
 */
package org.organdose.segment;

import org.organdose.image.Organ;
