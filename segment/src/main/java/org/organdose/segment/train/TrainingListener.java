package org.organdose.segment.train;

/** Hears how training goes; every method has a do-nothing default. */
public interface TrainingListener {

    /** A line worth showing (case loaded, phase changed, checkpoint written). */
    default void message(String line) {
    }

    /** Epoch {@code epoch} (1-based) of {@code epochs} starts with {@code steps} steps. */
    default void epochStarted(int epoch, int epochs, int steps) {
    }

    /** A training step finished with this loss. */
    default void stepDone(int step, double loss) {
    }

    /** An epoch finished. */
    default void epochDone(EpochSummary summary) {
    }

    /** A listener that ignores everything. */
    static TrainingListener silent() {
        return new TrainingListener() {
        };
    }
}
