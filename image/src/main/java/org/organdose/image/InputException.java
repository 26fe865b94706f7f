package org.organdose.image;

import java.io.IOException;

/**
 * Input a user can fix: an unreadable or invalid file, a wrong setting, an image that is not
 * what its role needs. The base of every module's input exception, so that the application
 * tells bad input (exit 2, the message as it is) from an internal error by one type. Its message
 * is one line naming the file or field and the problem. It is an {@link IOException} because
 * most bad input is met while reading.
 */
public class InputException extends IOException {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
