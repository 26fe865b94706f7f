package org.organdose.image;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Python snippet with an independent library (nibabel, pydicom) as a test oracle. Debian's
 * packages install into the system interpreter, which may not be the first {@code python3} on
 * the PATH, so both are tried. Tests are skipped when no interpreter has the module.
 */
public final class PythonOracle {
    private PythonOracle() {
    }

    /** An interpreter that can import {@code module}; skips the test when there is none. */
    public static String interpreterWith(String module) {
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import " + module).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate;
                }
            } catch (IOException e) {
                // not installed: try the next one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        assumeTrue(false, "no python3 with " + module + " installed");
        return null;
    }

    /** Runs {@code script} with the given arguments and returns its standard output. */
    public static String run(String interpreter, String script, String... args) throws IOException, InterruptedException {
        Path file = Files.createTempFile("oracle", ".py");
        try {
            Files.writeString(file, script, StandardCharsets.UTF_8);
            List<String> cmd = new ArrayList<>(List.of(interpreter, file.toString()));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("python oracle failed: " + out);
            }
            return out;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
