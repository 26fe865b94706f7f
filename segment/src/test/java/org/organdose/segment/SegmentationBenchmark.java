package org.organdose.segment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.organdose.image.Organ;
import org.organdose.image.Volume;
import org.organdose.image.io.ImageFiles;
import org.organdose.segment.infer.SegmentationRunner;
import org.organdose.segment.net.SegmentationNetwork;

/**
 * Prints how long segmenting a CT takes in each mode and the process's peak resident memory
 * (Java heap plus PyTorch's native memory). Run from the module with the test class path:
 * {@code SegmentationBenchmark CT MODEL_DIR [repeats]}.
 */
public final class SegmentationBenchmark {
    private SegmentationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        SegmentationNetwork.useOfflineEngine();
        Path ctPath = Path.of(args[0]);
        Path model = Path.of(args[1]);
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        long t0 = System.nanoTime();
        Volume ct = ImageFiles.read(ctPath).volume();
        System.out.printf(Locale.ROOT, "read %s %s in %.1f s%n", ctPath, java.util.Arrays.toString(ct.geometry().sizes()),
                (System.nanoTime() - t0) / 1e9);
        try (SegmentationRunner.LoadedModel network = SegmentationRunner.load(model)) {
            for (Mode mode : Mode.values()) {
                for (int r = 0; r < repeats; r++) {
                    long t = System.nanoTime();
                    Segmentation s = network.segmenter(mode).segment(ct);
                    System.out.printf(Locale.ROOT, "%s run %d: %.1f s, liver %.0f mL, kidneys %.0f/%.0f mL, spleen %.0f mL%n",
                            mode.name().toLowerCase(Locale.ROOT), r + 1, (System.nanoTime() - t) / 1e9,
                            s.organs().get(Organ.LIVER).volumeMl(), s.organs().get(Organ.KIDNEY_RIGHT).volumeMl(),
                            s.organs().get(Organ.KIDNEY_LEFT).volumeMl(), s.organs().get(Organ.SPLEEN).volumeMl());
                }
            }
        }
        System.out.println("peak resident memory " + peakResidentMb() + " MB; "
                + Runtime.getRuntime().availableProcessors() + " processors");
    }

    /** VmHWM of this process (Linux), -1 elsewhere. */
    private static long peakResidentMb() throws java.io.IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
