package org.organdose.dosimetry;

import org.organdose.image.InputException;

/**
 * Input the dosimetry cannot work with (a bad manifest, a non-quantitative SPECT, misaligned
 * images, an unknown radionuclide, an unreadable kernel). The message is one line naming the
 * file or field and the problem, fit to show a user as it is.
 */
public class DosimetryInputException extends InputException {
    public DosimetryInputException(String message) {
        super(message);
    }

    public DosimetryInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
