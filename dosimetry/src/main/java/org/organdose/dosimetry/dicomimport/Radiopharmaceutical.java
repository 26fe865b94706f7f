package org.organdose.dosimetry.dicomimport;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import org.organdose.dosimetry.DosimetryInputException;
import org.organdose.dosimetry.Radionuclide;
import org.organdose.dosimetry.Radionuclides;
import org.organdose.image.io.ImageIoException;
import org.organdose.image.io.dicom.DicomAttributes;
import org.organdose.image.io.dicom.DicomTags;

/**
 * The administration an NM or PT series records in its RadiopharmaceuticalInformationSequence
 * (0054,0016): radionuclide, injected activity and injection time.
 *
 * @param radionuclide     from RadionuclideCodeSequence (its code meaning, e.g. "^177^Lutetium", or value),
 *                         else from RadionuclideHalfLife; null when neither names a known radionuclide
 * @param radionuclideFrom which attribute named it
 * @param activityMBq      RadionuclideTotalDose (Bq) in MBq; NaN when absent
 * @param injected         RadiopharmaceuticalStartDateTime, else StartTime on the series (or study) date; null when absent
 * @param injectedFrom     which attributes gave the injection time
 * @param injectionDateGuessed whether the date came from the series or study, not from the administration itself
 */
public record Radiopharmaceutical(Radionuclide radionuclide, String radionuclideFrom, double activityMBq,
                                  LocalDateTime injected, String injectedFrom, boolean injectionDateGuessed) {
    /** Half-lives closer than this share match a known radionuclide (DICOM rounds them). */
    private static final double HALF_LIFE_TOLERANCE = 0.01;
    private static final String[][] ELEMENTS = {{"lutetium", "Lu"}, {"yttrium", "Y"}, {"iodine", "I"}};

    /** The administration recorded in a series header; null when it has no RadiopharmaceuticalInformationSequence. */
    static Radiopharmaceutical of(DicomAttributes series) throws DosimetryInputException {
        DicomAttributes item = series.firstItem(DicomTags.RADIOPHARMACEUTICAL_INFORMATION_SEQUENCE);
        if (item == null) {
            return null;
        }
        try {
            Radionuclide nuclide = null;
            String from = null;
            DicomAttributes code = item.firstItem(DicomTags.RADIONUCLIDE_CODE_SEQUENCE);
            if (code != null) {
                for (int tag : new int[] {DicomTags.CODE_MEANING, DicomTags.CODE_VALUE}) {
                    Radionuclide r = byName(code.string(tag));
                    if (r != null && nuclide == null) {
                        nuclide = r;
                        from = "RadionuclideCodeSequence " + (tag == DicomTags.CODE_MEANING ? "CodeMeaning" : "CodeValue")
                                + " '" + code.string(tag) + "'";
                    }
                }
            }
            double halfLifeS = item.number(DicomTags.RADIONUCLIDE_HALF_LIFE, Double.NaN);
            if (nuclide == null && halfLifeS > 0) {
                for (Radionuclide r : Radionuclides.all()) {
                    if (Math.abs(halfLifeS / 3600 - r.halfLifeHours()) <= HALF_LIFE_TOLERANCE * r.halfLifeHours()) {
                        nuclide = r;
                        from = String.format(Locale.ROOT, "RadionuclideHalfLife %.0f s", halfLifeS);
                    }
                }
            }
            double doseBq = item.number(DicomTags.RADIONUCLIDE_TOTAL_DOSE, Double.NaN);
            LocalDateTime injected = DicomDateTimes.dateTime(item, DicomTags.RADIOPHARMACEUTICAL_START_DATE_TIME);
            String injectedFrom = "RadiopharmaceuticalStartDateTime";
            boolean guessed = false;
            if (injected == null) {
                LocalTime t = DicomDateTimes.time(item, DicomTags.RADIOPHARMACEUTICAL_START_TIME);
                LocalDate d = DicomDateTimes.date(series, DicomTags.SERIES_DATE);
                String dateFrom = "SeriesDate";
                if (d == null) {
                    d = DicomDateTimes.date(series, DicomTags.STUDY_DATE);
                    dateFrom = "StudyDate";
                }
                if (t != null && d != null) {
                    injected = d.atTime(t);
                    injectedFrom = "RadiopharmaceuticalStartTime on the " + dateFrom;
                    guessed = true;
                }
            }
            return new Radiopharmaceutical(nuclide, from, doseBq > 0 ? doseBq / 1e6 : Double.NaN, injected,
                    injected == null ? null : injectedFrom, guessed);
        } catch (ImageIoException e) {
            throw new DosimetryInputException(e.getMessage(), e);
        }
    }

    /** "^177^Lutetium", "Lutetium-177", "Lu-177", "177Lu": element names become symbols, then {@link Radionuclides}. */
    private static Radionuclide byName(String text) {
        if (text == null || !text.matches(".*\\d.*")) {
            return null;
        }
        String s = text.toLowerCase(Locale.ROOT).replace("^", " ");
        for (String[] e : ELEMENTS) {
            s = s.replace(e[0], e[1]);
        }
        try {
            return Radionuclides.byName(s);
        } catch (DosimetryInputException e) {
            return null;
        }
    }
}
