package org.organdose.image.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file through a temporary sibling and renames it into place only when writing
 * succeeded, so that a failed write never leaves a partial file that looks complete.
 */
public final class AtomicFileOutput {
    /** The body of a write, given the stream of the temporary file. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFileOutput() {
    }

    public static void write(Path target, Body body) throws ImageIoException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            // not Files.createTempFile: its owner-only permissions would stay on the renamed output
            tmp = dir.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".part");
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                body.writeTo(out);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (ImageIoException e) {
            deleteQuietly(tmp);
            throw e;
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new ImageIoException(target, "cannot write: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp != null) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the temporary name starts with '.' and ends in '.part': it can never pass for the output
            }
        }
    }
}
