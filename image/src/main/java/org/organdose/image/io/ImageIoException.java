package org.organdose.image.io;

import java.nio.file.Path;
import org.organdose.image.InputException;

/**
 * A file that cannot be read or written as an image: the message is one line naming the file
 * and the problem, fit to show a user as it is.
 */
public class ImageIoException extends InputException {
    private final transient Path file;

    public ImageIoException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public ImageIoException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The offending file or folder. */
    public Path file() {
        return file;
    }
}
