package org.organdose.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.organdose.image.io.ImageFiles;
import org.organdose.image.io.MedicalImage;
import org.organdose.image.io.StorageType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code organdose bench io PATH}: how long reading an image and writing it as .nii.gz takes, and
 * the peak memory, on this machine. Prints figures; it asserts nothing.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print timings.",
        subcommands = {BenchCommand.Io.class})
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "io", mixinStandardHelpOptions = true,
            description = "Read an image (e.g. a DICOM series) and write it as .nii.gz, several times; print the times.")
    static final class Io implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PATH", description = "image to read")
        Path input;

        @Option(names = "--repeats", defaultValue = "3", description = "runs (the first includes JVM warm-up); default ${DEFAULT-VALUE}")
        int repeats;

        @Override
        public Integer call() throws IOException {
            if (repeats < 1) {
                throw new BadInputException("bench io: --repeats must be at least 1, got " + repeats);
            }
            PrintWriter out = spec.commandLine().getOut();
            Path tmp = Files.createTempDirectory("organdose-bench");
            Path target = tmp.resolve("bench.nii.gz");
            try {
                out.printf(Locale.ROOT, "%-4s %10s %10s %10s%n", "run", "read s", "write s", "total s");
                for (int run = 1; run <= repeats; run++) {
                    long t0 = System.nanoTime();
                    MedicalImage image = ImageFiles.read(input);
                    long t1 = System.nanoTime();
                    ImageFiles.write(image.volume(), StorageType.smallestExact(image.volume()), target);
                    long t2 = System.nanoTime();
                    out.printf(Locale.ROOT, "%-4d %10.2f %10.2f %10.2f%n", run, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t2 - t0) / 1e9);
                }
                out.printf(Locale.ROOT, "peak Java heap (sum of pool peaks): %.0f MB; peak resident memory: %s%n", peakHeapMb(), peakResident());
                out.printf(Locale.ROOT, "machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version"));
            } finally {
                Files.deleteIfExists(target);
                Files.deleteIfExists(tmp);
            }
            return ExitCodes.OK;
        }

        private static double peakHeapMb() {
            long sum = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    sum += pool.getPeakUsage().getUsed();
                }
            }
            return sum / 1e6;
        }

        /** VmHWM from /proc (Linux): the whole process, JVM included. */
        private static String peakResident() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmHWM:")) {
                        return line.substring(6).trim();
                    }
                }
            } catch (IOException e) {
                // not Linux: say so below
            }
            return "not available on this system";
        }
    }
}
