package org.organdose.cli;

import java.nio.file.Path;

/**
 * Where shipped models live: {@code models/<name>} in the OrganDose installation. The launcher
 * passes the repository root as {@code organdose.home}; without it the working folder is used.
 */
final class ModelFolders {
    private ModelFolders() {
    }

    static Path shipped(String name) {
        String home = System.getProperty("organdose.home");
        return (home != null ? Path.of(home) : Path.of("")).resolve("models").resolve(name);
    }
}
