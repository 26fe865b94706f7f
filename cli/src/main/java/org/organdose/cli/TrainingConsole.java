package org.organdose.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.organdose.segment.train.EpochSummary;
import org.organdose.segment.train.TrainingListener;

/**
 * Shows training on a terminal: a progress bar per epoch with the running loss and its ETA, the
 * whole run's ETA, and a line per finished epoch.
 */
final class TrainingConsole implements TrainingListener {
    private final PrintStream out;
    private ProgressBar bar;
    private int epoch;
    private int epochs;
    private double lossSum;
    private int lossCount;
    private long runStart;
    private int epochsDoneThisRun;

    TrainingConsole(PrintStream out) {
        this.out = out;
    }

    @Override
    public void message(String line) {
        out.println(line);
    }

    @Override
    public void epochStarted(int epoch, int epochs, int steps) {
        if (runStart == 0) {
            runStart = System.nanoTime();
        }
        this.epoch = epoch;
        this.epochs = epochs;
        lossSum = 0;
        lossCount = 0;
        bar = new ProgressBarBuilder().setTaskName("epoch " + epoch + "/" + epochs).setInitialMax(steps)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(out))
                .setUpdateIntervalMillis(1000).showSpeed().build();
    }

    @Override
    public void stepDone(int step, double loss) {
        lossSum += loss;
        lossCount++;
        bar.step();
        bar.setExtraMessage(String.format(Locale.ROOT, " loss %.3f%s", lossSum / lossCount, runEta()));
    }

    private String runEta() {
        if (epochsDoneThisRun == 0) {
            return "";
        }
        double perEpoch = (System.nanoTime() - runStart) / 1e9 / epochsDoneThisRun;
        Duration left = Duration.ofSeconds((long) (perEpoch * (epochs - epoch + 1)));
        return String.format(Locale.ROOT, " run ETA %d:%02d:%02d", left.toHours(), left.toMinutesPart(), left.toSecondsPart());
    }

    @Override
    public void epochDone(EpochSummary summary) {
        if (bar != null) {
            bar.close();
        }
        epochsDoneThisRun++;
        out.println(summary.logLine(epochs));
    }
}
