package org.organdose.segment.train;

import ai.djl.ndarray.NDArray;
import org.organdose.segment.maskrcnn.Losses;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;

/**
 * Soft Dice plus cross-entropy for partially labelled cases.
 *
 * <p>Labels: {@code [target (B,H,W) class indices, labelled (B,C) 1 where the sample's case labels
 * that class]}; predictions: {@code [scores (B,C,H,W)]}. Where a case does not label an organ, a 0
 * in its label map means "background or that organ", so the cross-entropy of a background pixel
 * uses the summed probability of background and every unlabelled class (the marginal loss), and
 * the Dice term of a class only counts the samples whose case labels it. Background's own Dice
 * is left out: it is large and easy and would drown the organs.
 */
public final class MaskedDiceCeLoss extends Loss {
    private static final float DICE_SMOOTHING = 1f;
    private static final float MIN_PROBABILITY = 1e-7f;

    public MaskedDiceCeLoss() {
        super("masked_dice_ce");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray scores = predictions.singletonOrThrow();
        int classes = (int) scores.getShape().get(1);
        NDArray target = labels.get(0).toType(DataType.INT32, false);
        NDArray labelled = labels.get(1).toType(DataType.FLOAT32, false);
        long batch = labelled.getShape().get(0);
        NDArray labelledMap = labelled.reshape(batch, classes, 1, 1);

        NDArray oneHot = target.oneHot(classes).transpose(0, 3, 1, 2);
        NDArray logP = scores.logSoftmax(1);
        NDArray p = logP.exp();

        // background merged with unlabelled classes: 1 for background and every class not labelled
        NDArray isBackground = scores.getManager().zeros(labelledMap.getShape()).toType(DataType.FLOAT32, false);
        isBackground.set(new NDIndex(":, 0"), 1f);
        NDArray merged = labelledMap.neg().add(1).maximum(isBackground);
        // scalars as arrays that live until the backward pass (Losses.constant says why)
        NDArray logMerged = p.mul(merged).sum(new int[] {1}).maximum(Losses.constant(p, MIN_PROBABILITY)).log();
        NDArray foregroundOneHot = oneHot.get(new NDIndex(":, 1:"));
        NDArray ceForeground = foregroundOneHot.mul(logP.get(new NDIndex(":, 1:"))).sum(new int[] {1});
        NDArray ceBackground = oneHot.get(new NDIndex(":, 0")).mul(logMerged);
        NDArray ce = ceForeground.add(ceBackground).neg().mean();

        NDArray organsLabelled = labelledMap.get(new NDIndex(":, 1:"));
        NDArray pOrgans = p.get(new NDIndex(":, 1:")).mul(organsLabelled);
        NDArray yOrgans = foregroundOneHot.mul(organsLabelled);
        int[] sumAxes = {0, 2, 3};
        NDArray intersection = pOrgans.mul(yOrgans).sum(sumAxes);
        NDArray denominator = pOrgans.add(yOrgans).sum(sumAxes);
        NDArray dice = intersection.mul(Losses.constant(p, 2)).add(DICE_SMOOTHING).div(denominator.add(DICE_SMOOTHING));
        NDArray present = organsLabelled.sum(sumAxes).gt(0).toType(DataType.FLOAT32, false);
        NDArray diceLoss = dice.neg().add(1).mul(present).sum().div(present.sum().maximum(1f));
        return ce.add(diceLoss);
    }
}
