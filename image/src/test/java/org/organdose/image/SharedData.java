package org.organdose.image;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates {@code ../shared/data} (the real data beside the repository) for integration tests,
 * which skip when it is absent so that a clone without it still builds.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The shared data folder; the calling test is skipped when it does not exist. */
    public static Path root() {
        String configured = System.getProperty("organdose.sharedData");
        Path root = configured != null ? Path.of(configured) : Path.of("../shared/data");
        assumeTrue(Files.isDirectory(root), "shared data not found at " + root.toAbsolutePath());
        return root.normalize();
    }

    /** A path inside the shared data; the test is skipped when it does not exist. */
    public static Path resolve(String relative) {
        Path p = root().resolve(relative);
        assumeTrue(Files.exists(p), "shared data item not found: " + p);
        return p;
    }
}
