package org.organdose.dosimetry.dicomimport;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.organdose.dosimetry.DosimetryInputException;
import org.organdose.image.io.dicom.DicomAttributes;
import org.organdose.image.io.dicom.DicomTags;

/**
 * When a series was acquired: the earliest AcquisitionDateTime of its files, else AcquisitionDate
 * with AcquisitionTime; failing both, SeriesDate and SeriesTime (the time the series was created,
 * which may lie after the acquisition), which the caller turns into a warning.
 */
public final class SeriesTiming {
    /**
     * A time and where it came from.
     *
     * @param at        the time
     * @param exact     whether it is the acquisition's own time, not the series creation time
     * @param source    the attributes it was read from, for reasons and warnings
     */
    public record Stamp(LocalDateTime at, boolean exact, String source) {
    }

    private SeriesTiming() {
    }

    /** The acquisition time of a series; null when its files give neither an acquisition nor a series time. */
    static Stamp acquired(List<DicomAttributes> files) throws DosimetryInputException {
        LocalDateTime earliest = null;
        String source = null;
        for (DicomAttributes a : files) {
            LocalDateTime t = DicomDateTimes.dateTime(a, DicomTags.ACQUISITION_DATE_TIME);
            String from = "AcquisitionDateTime";
            if (t == null) {
                LocalDate d = DicomDateTimes.date(a, DicomTags.ACQUISITION_DATE);
                LocalTime tm = DicomDateTimes.time(a, DicomTags.ACQUISITION_TIME);
                t = d == null || tm == null ? null : d.atTime(tm);
                from = "AcquisitionDate and AcquisitionTime";
            }
            if (t != null && (earliest == null || t.isBefore(earliest))) {
                earliest = t;
                source = from;
            }
        }
        if (earliest != null) {
            return new Stamp(earliest, true, source);
        }
        DicomAttributes first = files.get(0);
        LocalDate d = DicomDateTimes.date(first, DicomTags.SERIES_DATE);
        LocalTime tm = DicomDateTimes.time(first, DicomTags.SERIES_TIME);
        return d == null || tm == null ? null : new Stamp(d.atTime(tm), false, "SeriesDate and SeriesTime");
    }
}
