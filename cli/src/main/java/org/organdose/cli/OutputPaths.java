package org.organdose.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks of a command's output path, made before any work: a wrong one then costs no minutes of
 * computing, leaves nothing behind and never overwrites an input.
 */
final class OutputPaths {
    private OutputPaths() {
    }

    /** An output file: none of the inputs (null ones are skipped), not a folder, not below a file. */
    static void requireFile(Path out, Path... inputs) throws BadInputException {
        for (Path input : inputs) {
            if (input != null && same(out, input)) {
                throw new BadInputException(out + ": output would overwrite the input");
            }
        }
        if (Files.isDirectory(out)) {
            throw new BadInputException(out + ": is a folder, not a file");
        }
        requireNoFileAbove(out);
    }

    /** An output folder: not a file, not below a file (it may exist; commands say what they replace). */
    static void requireFolder(Path out) throws BadInputException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new BadInputException(out + ": is a file, not a folder");
        }
        requireNoFileAbove(out);
    }

    /** An output folder that must not hold the inputs, for commands whose files could replace them. */
    static void requireFolderWithout(Path out, Path... inputs) throws BadInputException {
        requireFolder(out);
        Path folder = out.toAbsolutePath().normalize();
        for (Path input : inputs) {
            if (input != null && input.toAbsolutePath().normalize().startsWith(folder)) {
                throw new BadInputException(out + ": the output folder holds the input " + input
                        + ", which the output could overwrite; choose another folder");
            }
        }
    }

    private static void requireNoFileAbove(Path out) throws BadInputException {
        for (Path p = out.toAbsolutePath().normalize().getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new BadInputException(out + ": cannot be written: " + p + " is a file, not a folder");
                }
                return;
            }
        }
    }

    private static boolean same(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
