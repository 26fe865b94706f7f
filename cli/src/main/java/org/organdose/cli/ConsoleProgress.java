package org.organdose.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.organdose.dosimetry.ProgressListener;

/**
 * Progress of long work on standard error: one line per step with the share done, the time so
 * far and, once a tenth is done, the estimated time left.
 */
final class ConsoleProgress implements ProgressListener {
    /** Before this share is done an estimate of the time left says little. */
    private static final double ETA_FROM = 0.1;

    private final PrintWriter err;
    private final long startNanos = System.nanoTime();
    private String lastStep = "";

    ConsoleProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void progress(String step, double fractionDone) {
        if (step.equals(lastStep)) {
            return;
        }
        lastStep = step;
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        String eta = fractionDone >= ETA_FROM && fractionDone < 1
                ? String.format(Locale.ROOT, ", about %.0f s left", elapsed / fractionDone * (1 - fractionDone)) : "";
        err.printf(Locale.ROOT, "[%3.0f%%] %5.1f s%s  %s%n", 100 * fractionDone, elapsed, eta, step);
        err.flush();
    }
}
