package org.organdose.dosimetry.dicomimport;

import java.time.LocalDateTime;
import org.organdose.image.io.dicom.DicomAttributes;

/**
 * One series of an export, classified.
 *
 * @param seriesUid           SeriesInstanceUID
 * @param modality            CT, NM, PT, ...
 * @param description         SeriesDescription ("" when absent)
 * @param studyUid            StudyInstanceUID ("" when absent)
 * @param frameOfReferenceUid FrameOfReferenceUID ("" when absent)
 * @param images              image planes: files, or frames of multi-frame files
 * @param kind                what it is
 * @param why                 the attribute values that made it that kind
 * @param acquired            when it was acquired (see {@link SeriesTiming}); null when its files do not say
 * @param header              its first file's header, for what the import reads later (radiopharmaceutical, durations)
 */
public record ImportedSeries(String seriesUid, String modality, String description, String studyUid,
                             String frameOfReferenceUid, int images, SeriesKind kind, String why,
                             SeriesTiming.Stamp acquired, DicomAttributes header) {

    /** The acquisition time, or null. */
    public LocalDateTime acquiredAt() {
        return acquired == null ? null : acquired.at();
    }
}
