package org.organdose.cli.review;

/** A request the review server refuses with 400; its message is the one-line reason sent back. */
final class BadRequestException extends Exception {
    BadRequestException(String message) {
        super(message);
    }
}
