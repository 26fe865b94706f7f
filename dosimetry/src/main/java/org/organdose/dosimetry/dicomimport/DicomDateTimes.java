package org.organdose.dosimetry.dicomimport;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.organdose.dosimetry.DosimetryInputException;
import org.organdose.image.io.dicom.DicomAttributes;
import org.organdose.image.io.dicom.DicomTags;

/**
 * DICOM dates and times (PS3.5 6.2: DA "YYYYMMDD", TM "HHMMSS.FFFFFF" with trailing parts
 * optional, DT the two together) as {@link LocalDateTime}. A DT's UTC offset ("&ZZXX") is
 * dropped: both times the import subtracts come from one site's scanners. Old ACR-NEMA spellings
 * with '.' and ':' separators are read too.
 */
final class DicomDateTimes {
    private DicomDateTimes() {
    }

    /** DA; null when absent. */
    static LocalDate date(DicomAttributes a, int tag) throws DosimetryInputException {
        String s = a.string(tag);
        if (s == null) {
            return null;
        }
        LocalDate d = parseDate(s);
        if (d == null) {
            throw malformed(a, tag, s, "date");
        }
        return d;
    }

    /** TM; null when absent. */
    static LocalTime time(DicomAttributes a, int tag) throws DosimetryInputException {
        String s = a.string(tag);
        if (s == null) {
            return null;
        }
        LocalTime t = parseTime(s);
        if (t == null) {
            throw malformed(a, tag, s, "time");
        }
        return t;
    }

    /** DT; null when absent. */
    static LocalDateTime dateTime(DicomAttributes a, int tag) throws DosimetryInputException {
        String s = a.string(tag);
        if (s == null) {
            return null;
        }
        LocalDateTime t = parseDateTime(s);
        if (t == null) {
            throw malformed(a, tag, s, "date and time");
        }
        return t;
    }

    /** "YYYYMMDD" (or "YYYY.MM.DD"); null when malformed. */
    static LocalDate parseDate(String s) {
        String d = s.replace(".", "");
        if (d.length() != 8 || !d.chars().allMatch(Character::isDigit)) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(d.substring(0, 4)), Integer.parseInt(d.substring(4, 6)),
                    Integer.parseInt(d.substring(6, 8)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** "YYYYMMDD[HH[MM[SS[.F...]]]][&ZZXX]"; null when malformed. */
    static LocalDateTime parseDateTime(String s) {
        String v = s;
        int offset = Math.max(v.indexOf('+'), v.indexOf('-'));
        if (offset >= 0) {
            v = v.substring(0, offset);
        }
        if (v.length() < 8) {
            return null;
        }
        LocalDate d = parseDate(v.substring(0, 8));
        LocalTime t = v.length() == 8 ? LocalTime.MIDNIGHT : parseTime(v.substring(8));
        return d == null || t == null ? null : d.atTime(t);
    }

    /** "HH", "HHMM", "HHMMSS" or "HHMMSS.F..." (up to 6 fraction digits), or "HH:MM:SS"; null when malformed. */
    static LocalTime parseTime(String text) {
        String s = text.replace(":", "");
        String whole = s;
        int nanos = 0;
        int dot = s.indexOf('.');
        if (dot >= 0) {
            String fraction = s.substring(dot + 1);
            whole = s.substring(0, dot);
            if (fraction.isEmpty() || fraction.length() > 6 || !fraction.chars().allMatch(Character::isDigit)) {
                return null;
            }
            nanos = Integer.parseInt((fraction + "000000").substring(0, 6)) * 1000;
        }
        if (whole.length() % 2 != 0 || whole.isEmpty() || whole.length() > 6 || !whole.chars().allMatch(Character::isDigit)) {
            return null;
        }
        int h = Integer.parseInt(whole.substring(0, 2));
        int m = whole.length() >= 4 ? Integer.parseInt(whole.substring(2, 4)) : 0;
        int sec = whole.length() == 6 ? Integer.parseInt(whole.substring(4, 6)) : 0;
        try {
            // 60 s: a leap second, as DICOM allows; a minute later is as good for dosimetry
            return sec == 60 ? LocalTime.of(h, m, 59, nanos).plusSeconds(1) : LocalTime.of(h, m, sec, nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static DosimetryInputException malformed(DicomAttributes a, int tag, String value, String what) {
        return new DosimetryInputException(a.source() + ": attribute " + DicomTags.format(tag) + " value '" + value
                + "' is not a DICOM " + what);
    }
}
