package org.organdose.segment.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.Trainer;
import ai.djl.util.Pair;
import java.util.function.Predicate;

/**
 * An optimiser step that is taken only when every gradient is finite.
 *
 * <p>Why: with PyTorch 2.7.1 (oneDNN 3.7.1) under DJL 0.36 on this project's CPU, a backward pass
 * of a network with 4 or 8 channels per layer now and then returns NaN in one channel of one
 * layer's gradient, with inputs, seeds and weights that give finite gradients on every other run
 * (about one run in a hundred of a 2-step job). Those channel counts make oneDNN pad its blocked
 * layouts to 16 channels, and most likely some padding is read unzeroed (the kernel was not
 * isolated); at the shipped width of 16 no layout is padded and 1200 runs gave no NaN (README,
 * "Steps with a NaN gradient are skipped"). Adam would write the NaN into that layer and every layer before it, losing the
 * network. Skipping that one step keeps the weights as they were; a run that diverges for real
 * skips every step, and the trainers stop it with an error.
 */
public final class FiniteGradients {
    private FiniteGradients() {
    }

    /**
     * Takes {@code trainer}'s step if every gradient of {@code block} is finite; otherwise clears
     * the gradients and leaves the weights and the optimiser's moments untouched.
     *
     * @return whether the step was taken
     */
    public static boolean step(Trainer trainer, Block block) {
        if (allFinite(block)) {
            trainer.step();
            return true;
        }
        clear(block);
        return false;
    }

    /** Whether no gradient of the block's trainable parameters holds a NaN or an infinity. */
    static boolean allFinite(Block block) {
        return everyGradient(block, FiniteArrays::finite);
    }

    /** Sets every gradient to exactly zero (a subtraction or product would keep NaN), so the next backward starts clean. */
    static void clear(Block block) {
        everyGradient(block, gradient -> {
            gradient.set(new NDIndex("..."), 0);
            return true;
        });
    }

    /** Applies {@code action} to the gradient of each trainable parameter in turn until it returns false. */
    private static boolean everyGradient(Block block, Predicate<NDArray> action) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray weights = p.getValue().getArray();
            if (weights.hasGradient()) {
                try (NDArray gradient = weights.getGradient()) {
                    if (!action.test(gradient)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
