package org.organdose.cli;

import java.util.Map;
import org.organdose.dosimetry.ProgressListener;

/**
 * One progress display over consecutive stages: each stage reports its own 0-to-1 progress, and
 * the listener hears the share of the whole run, each stage weighted by its expected duration.
 */
final class StagedProgress {
    private static final String[] ORDER = {"loading", "segmentation", "dosimetry", "writing", "report"};

    private final ProgressListener whole;
    private final Map<String, Double> weights;
    private final double total;

    /** @param weights expected seconds per stage (a stage that does not run weighs 0) */
    StagedProgress(ProgressListener whole, Map<String, Double> weights) {
        this.whole = whole;
        this.weights = Map.copyOf(weights);
        this.total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The listener for one stage. */
    ProgressListener stage(String name) {
        double before = 0;
        for (String s : ORDER) {
            if (s.equals(name)) {
                break;
            }
            before += weights.getOrDefault(s, 0.0);
        }
        double start = before / total;
        double span = weights.getOrDefault(name, 0.0) / total;
        return (step, fraction) -> whole.progress(step, Math.min(1, start + span * Math.max(0, Math.min(1, fraction))));
    }
}
