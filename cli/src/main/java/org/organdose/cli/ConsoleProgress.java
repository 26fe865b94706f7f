package org.organdose.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.organdose.dosimetry.ProgressListener;

/** Progress of long work on standard error: one line per step with the share done and the time so far. */
final class ConsoleProgress implements ProgressListener {
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
        err.printf(Locale.ROOT, "[%3.0f%%] %5.1f s  %s%n", 100 * fractionDone, (System.nanoTime() - startNanos) / 1e9, step);
        err.flush();
    }
}
