package org.organdose.segment.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * An exponential moving average of a network's weights, BatchNorm running statistics included,
 * updated after every optimiser step. With batches of 8 strongly augmented crops the raw weights
 * and the running statistics wander from step to step, so a held-out kidney's Dice swung between
 * 0.5 and 0.9 from one epoch to the next; the average is what validation sees and what the model
 * ships. Early steps use a shorter memory ({@code (1 + n) / (10 + n)}) so the average does not
 * drag the random initialisation along.
 */
final class WeightAverage implements AutoCloseable {
    private final double decay;
    private final List<NDArray> live = new ArrayList<>();
    private final List<NDArray> average = new ArrayList<>();
    private final NDManager manager;
    private long updates;

    WeightAverage(Block block, NDManager parent, double decay) {
        if (!(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException("decay must lie in (0, 1): " + decay);
        }
        this.decay = decay;
        this.manager = parent.newSubManager();
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray a = p.getValue().getArray();
            live.add(a);
            average.add(copy(a));
        }
    }

    /** The weight of the past in the average after {@code n} updates. */
    double decayAt(long n) {
        return Math.min(decay, (1.0 + n) / (10.0 + n));
    }

    /** Folds the network's current weights into the average; call after each optimiser step. */
    void update() {
        double d = decayAt(updates++);
        for (int i = 0; i < live.size(); i++) {
            // avg += (1 - d)(w - avg): a weight that does not move (a frozen layer) keeps its exact value
            NDArray step = live.get(i).sub(average.get(i)).muli(1 - d);
            average.get(i).addi(step);
            step.close();
        }
    }

    /** Puts the averaged weights into the network until the returned swap is closed. */
    Swap swapIn() {
        List<NDArray> saved = new ArrayList<>(live.size());
        for (int i = 0; i < live.size(); i++) {
            saved.add(copy(live.get(i)));
            average.get(i).copyTo(live.get(i));
        }
        return () -> {
            for (int i = 0; i < live.size(); i++) {
                saved.get(i).copyTo(live.get(i));
                saved.get(i).close();
            }
        };
    }

    private NDArray copy(NDArray a) {
        NDArray c = a.duplicate();
        c.attach(manager);
        return c;
    }

    /** Restores the network's own weights. */
    interface Swap extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    public void close() {
        manager.close();
    }
}
