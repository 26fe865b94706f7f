package org.organdose.dosimetry;

/** Told what the pipeline is doing, e.g. to drive a progress bar. */
@FunctionalInterface
public interface ProgressListener {
    /** Ignores progress. */
    ProgressListener NONE = (step, fractionDone) -> { };

    /** @param fractionDone from 0 to 1 over the whole run */
    void progress(String step, double fractionDone);
}
