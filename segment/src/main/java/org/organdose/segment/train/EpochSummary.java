package org.organdose.segment.train;

import java.util.Locale;
import java.util.Map;

/**
 * What one epoch did.
 *
 * @param epoch 1-based
 * @param meanLoss mean training loss over its steps
 * @param learningRate learning rate at its end
 * @param encoderFrozen whether only the decoder was trained (transfer learning, first phase)
 * @param validationDice mean Dice per organ key over the validation cases (working grid, axial),
 *     empty without validation cases
 * @param seconds wall time
 * @param skippedSteps optimiser steps not taken because a gradient was not finite ({@link
 *     org.organdose.segment.net.FiniteGradients})
 */
public record EpochSummary(int epoch, double meanLoss, double learningRate, boolean encoderFrozen,
        Map<String, Double> validationDice, double seconds, int skippedSteps) {

    /** Mean of the organ Dice values, NaN without validation. */
    public double meanDice() {
        return validationDice.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** One line for the training log. */
    public String logLine(int epochs) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "epoch %d/%d loss %.4f lr %.2e%s", epoch, epochs, meanLoss, learningRate, encoderFrozen ? " (encoder frozen)" : ""));
        validationDice.forEach((organ, dice) -> sb.append(String.format(Locale.ROOT, " %s %.3f", organ, dice)));
        sb.append(String.format(Locale.ROOT, " time %.0f s", seconds));
        if (skippedSteps > 0) {
            sb.append(" skipped ").append(skippedSteps).append(skippedSteps == 1 ? " step" : " steps").append(" (non-finite gradient)");
        }
        return sb.toString();
    }
}
