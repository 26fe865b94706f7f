package org.organdose.dosimetry.dicomimport;

import java.util.Locale;
import org.organdose.dosimetry.DosimetryInputException;
import org.organdose.image.io.ImageIoException;
import org.organdose.image.io.dicom.DicomAttributes;
import org.organdose.image.io.dicom.DicomTags;

/**
 * How long the counts of a reconstructed SPECT took to acquire: per rotation of its
 * RotationInformationSequence (0054,0052), ActualFrameDuration (0018,1242, ms per view) times
 * NumberOfFramesInRotation (0054,0053), summed over rotations. The heads of a camera acquire
 * at once, so the views of one head count, which is what NumberOfFramesInRotation gives.
 */
final class AcquisitionDuration {
    /**
     * @param seconds the duration
     * @param how     how it was computed, for the warning that goes with it
     */
    record Seconds(double seconds, String how) {
    }

    private AcquisitionDuration() {
    }

    /** The duration; null when the header does not record it. */
    static Seconds of(DicomAttributes spect) throws DosimetryInputException {
        try {
            double total = 0;
            StringBuilder how = new StringBuilder();
            for (DicomAttributes rotation : spect.sequence(DicomTags.ROTATION_INFORMATION_SEQUENCE)) {
                double perViewMs = rotation.number(DicomTags.ACTUAL_FRAME_DURATION, Double.NaN);
                int views = rotation.integer(DicomTags.NUMBER_OF_FRAMES_IN_ROTATION, 0);
                if (!(perViewMs > 0) || views <= 0) {
                    return null;
                }
                total += perViewMs * views / 1000;
                how.append(how.length() == 0 ? "" : " + ").append(String.format(Locale.ROOT, "%d views x %.1f s", views,
                        perViewMs / 1000));
            }
            return total > 0 ? new Seconds(total, how + " (RotationInformationSequence)") : null;
        } catch (ImageIoException e) {
            throw new DosimetryInputException(e.getMessage(), e);
        }
    }
}
