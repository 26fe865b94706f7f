package org.organdose.dosimetry.dicomimport;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds the CT of a SPECT: a CT volume in the same FrameOfReferenceUID (the scanner put both in
 * one coordinate system), else one in the same study, nearest in acquisition time; the nearest
 * of several candidates either way. Pairing by study and time is a guess, and says so.
 */
final class SeriesPairing {
    /**
     * The CT found for a SPECT.
     *
     * @param ct      the CT volume
     * @param reason  why it is the one
     * @param guessed whether it was paired without a shared frame of reference
     */
    record Pair(ImportedSeries ct, String reason, boolean guessed) {
    }

    private SeriesPairing() {
    }

    /** The CT of {@code spect} among {@code cts}; null when none shares its frame of reference or study. */
    static Pair ctFor(ImportedSeries spect, List<ImportedSeries> cts) {
        List<ImportedSeries> sameFrame = spect.frameOfReferenceUid().isEmpty() ? List.of()
                : cts.stream().filter(ct -> ct.frameOfReferenceUid().equals(spect.frameOfReferenceUid())).toList();
        if (!sameFrame.isEmpty()) {
            ImportedSeries ct = nearest(spect, sameFrame);
            return new Pair(ct, "same FrameOfReferenceUID" + (sameFrame.size() > 1 ? ", nearest in time of "
                    + sameFrame.size() : ""), false);
        }
        List<ImportedSeries> sameStudy = spect.studyUid().isEmpty() ? List.of()
                : cts.stream().filter(ct -> ct.studyUid().equals(spect.studyUid())).toList();
        if (sameStudy.isEmpty()) {
            return null;
        }
        ImportedSeries ct = nearest(spect, sameStudy);
        return new Pair(ct, "same StudyInstanceUID, nearest in acquisition time" + gap(spect, ct), true);
    }

    private static ImportedSeries nearest(ImportedSeries spect, List<ImportedSeries> cts) {
        return cts.stream().min(Comparator.comparingLong(ct -> minutesApart(spect.acquiredAt(), ct.acquiredAt()))).orElseThrow();
    }

    /** Minutes between two times; unknown times sort last. */
    private static long minutesApart(LocalDateTime a, LocalDateTime b) {
        return a == null || b == null ? Long.MAX_VALUE : Math.abs(Duration.between(a, b).toMinutes());
    }

    private static String gap(ImportedSeries spect, ImportedSeries ct) {
        long minutes = minutesApart(spect.acquiredAt(), ct.acquiredAt());
        return minutes == Long.MAX_VALUE ? " (acquisition times unknown)" : String.format(Locale.ROOT, " (%d min apart)", minutes);
    }
}
