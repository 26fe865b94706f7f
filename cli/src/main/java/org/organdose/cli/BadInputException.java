package org.organdose.cli;

import org.organdose.image.InputException;

/** A command's input is unusable in a way the user can fix; its message is shown as it is. */
final class BadInputException extends InputException {
    BadInputException(String message) {
        super(message);
    }
}
