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
        String d = s.replace(".", "");
        try {
            if (d.length() != 8 || !d.chars().allMatch(Character::isDigit)) {
                throw new DateTimeException("not YYYYMMDD");
            }
            return LocalDate.of(Integer.parseInt(d.substring(0, 4)), Integer.parseInt(d.substring(4, 6)),
                    Integer.parseInt(d.substring(6, 8)));
        } catch (DateTimeException e) {
            throw malformed(a, tag, s, "date");
        }
    }

    /** TM; null when absent. */
    static LocalTime time(DicomAttributes a, int tag) throws DosimetryInputException {
        String s = a.string(tag);
        if (s == null) {
            return null;
        }
        LocalTime t = parseTime(s.replace(":", ""));
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
        String v = s;
        int offset = Math.max(v.indexOf('+'), v.indexOf('-'));
        if (offset >= 0) {
            v = v.substring(0, offset);
        }
        try {
            if (v.length() < 8 || !v.substring(0, 8).chars().allMatch(Character::isDigit)) {
                throw new DateTimeException("no date");
            }
            LocalDate d = LocalDate.of(Integer.parseInt(v.substring(0, 4)), Integer.parseInt(v.substring(4, 6)),
                    Integer.parseInt(v.substring(6, 8)));
            LocalTime t = v.length() == 8 ? LocalTime.MIDNIGHT : parseTime(v.substring(8));
            if (t == null) {
                throw new DateTimeException("bad time");
            }
            return d.atTime(t);
        } catch (DateTimeException e) {
            throw malformed(a, tag, s, "date and time");
        }
    }

    /** "HH", "HHMM", "HHMMSS" or "HHMMSS.F..." (up to 6 fraction digits); null when malformed. */
    private static LocalTime parseTime(String s) {
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
