package org.organdose.cli;

/** A command's input is unusable in a way the user can fix; its message is shown as it is. */
final class BadInputException extends Exception {
    BadInputException(String message) {
        super(message);
    }
}
