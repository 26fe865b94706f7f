package org.organdose.dosimetry.dicomimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** DICOM DA, TM and DT values (PS3.5 table 6.2-1) as Java times. */
class DicomDateTimesTest {
    @Test
    void timesMayOmitTrailingPartsAndCarryFractions() {
        assertThat(DicomDateTimes.parseTime("07")).isEqualTo(LocalTime.of(7, 0));
        assertThat(DicomDateTimes.parseTime("0730")).isEqualTo(LocalTime.of(7, 30));
        assertThat(DicomDateTimes.parseTime("073015")).isEqualTo(LocalTime.of(7, 30, 15));
        assertThat(DicomDateTimes.parseTime("073015.5")).isEqualTo(LocalTime.of(7, 30, 15, 500_000_000));
        assertThat(DicomDateTimes.parseTime("073015.000250")).isEqualTo(LocalTime.of(7, 30, 15, 250_000));
        assertThat(DicomDateTimes.parseTime("07:30:15")).isEqualTo(LocalTime.of(7, 30, 15));
        assertThat(DicomDateTimes.parseTime("235960")).isEqualTo(LocalTime.MIDNIGHT);
    }

    @Test
    void malformedValuesAreNull() {
        assertThat(DicomDateTimes.parseTime("7")).isNull();
        assertThat(DicomDateTimes.parseTime("2500")).isNull();
        assertThat(DicomDateTimes.parseTime("073015.")).isNull();
        assertThat(DicomDateTimes.parseTime("073015.1234567")).isNull();
        assertThat(DicomDateTimes.parseDate("20261340")).isNull();
        assertThat(DicomDateTimes.parseDate("2026-03-02")).isNull();
        assertThat(DicomDateTimes.parseDateTime("202603")).isNull();
    }

    @Test
    void datesAndDateTimes() {
        assertThat(DicomDateTimes.parseDate("20260302")).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(DicomDateTimes.parseDate("2026.03.02")).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(DicomDateTimes.parseDateTime("20260302")).isEqualTo(LocalDateTime.of(2026, 3, 2, 0, 0));
        assertThat(DicomDateTimes.parseDateTime("202603021015")).isEqualTo(LocalDateTime.of(2026, 3, 2, 10, 15));
        assertThat(DicomDateTimes.parseDateTime("20260302101530.25+0100")).isEqualTo(LocalDateTime.of(2026, 3, 2, 10, 15, 30, 250_000_000));
        assertThat(DicomDateTimes.parseDateTime("20260302101530-0500")).isEqualTo(LocalDateTime.of(2026, 3, 2, 10, 15, 30));
    }
}
