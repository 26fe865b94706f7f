package org.organdose.dosimetry;

import java.util.LinkedHashMap;
import java.util.Map;

/** Wall time spent per stage of a run, in the order the stages first ran; what the user reads to see where time goes. */
public final class StageClock {
    private final Map<String, Double> seconds = new LinkedHashMap<>();

    /** Adds the time since {@code startNanos} (from {@link System#nanoTime()}) to the stage. */
    public void addSince(String stage, long startNanos) {
        seconds.merge(stage, (System.nanoTime() - startNanos) / 1e9, Double::sum);
    }

    /** Seconds per stage, in first-run order. */
    public Map<String, Double> seconds() {
        return new LinkedHashMap<>(seconds);
    }
}
