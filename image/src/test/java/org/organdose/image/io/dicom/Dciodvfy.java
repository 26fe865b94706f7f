package org.organdose.image.io.dicom;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs dicom3tools' {@code dciodvfy}, an independent checker of a file against the IOD its SOP class
 * names; tests calling it are skipped when it is not installed.
 */
final class Dciodvfy {
    private static final Path PROGRAM = Path.of("/usr/bin/dciodvfy");

    private Dciodvfy() {
    }

    /** Every line dciodvfy prints about {@code file}. */
    static List<String> check(Path file) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PROGRAM), "dciodvfy (Debian package dicom3tools) is not installed");
        Process p = new ProcessBuilder(PROGRAM.toString(), file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("dciodvfy did not finish on " + file);
        }
        return out.lines().toList();
    }

    /** The lines that report errors. */
    static List<String> errors(List<String> report) {
        return report.stream().filter(line -> line.startsWith("Error")).toList();
    }
}
