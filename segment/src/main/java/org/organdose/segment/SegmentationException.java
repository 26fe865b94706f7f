package org.organdose.segment;

import org.organdose.image.InputException;

/** A segmentation, training or evaluation that cannot proceed; the message is one line for the user. */
public class SegmentationException extends InputException {
    public SegmentationException(String message) {
        super(message);
    }

    public SegmentationException(String message, Throwable cause) {
        super(message, cause);
    }
}
