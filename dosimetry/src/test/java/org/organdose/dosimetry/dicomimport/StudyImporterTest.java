package org.organdose.dosimetry.dicomimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.dosimetry.DosimetryInputException;
import org.organdose.dosimetry.Radionuclides;
import org.organdose.dosimetry.Study;
import org.organdose.dosimetry.StudyLoader;
import org.organdose.dosimetry.StudyManifest;
import org.organdose.image.io.dicom.SyntheticExport;
import org.organdose.image.io.dicom.SyntheticExport.Administration;

/**
 * A flat export with opaque names: a diagnostic CT, and two sessions of a low-dose CT, a BQML
 * SPECT, a NAC SPECT in counts and a localizer; injection 2026-03-02 10:00, SPECTs at 14:00 the
 * same day (4 h) and 10:30 the next (24.5 h).
 */
class StudyImporterTest {
    private static final LocalDateTime INJECTION = LocalDateTime.of(2026, 3, 2, 10, 0);
    private static final Administration LU = new Administration("^177^Lutetium", Double.NaN, 7.4e9, INJECTION, false);
    private static final double BQML_SLOPE = 500;

    @TempDir
    Path tmp;

    private Path export() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("export"));
        SyntheticExport e = new SyntheticExport(dir);
        e.ct("1.9.0", "1.9.0.1", "1.9.0.100", INJECTION.minusDays(7), 12);
        session(e, "1.9.1", INJECTION.plusHours(4), "BQML");
        session(e, "1.9.2", INJECTION.plusHours(24).plusMinutes(30), "BQML");
        e.nmRaw("1.9.1", "1.9.1.5", INJECTION.plusHours(4), "TOMO", 60);
        e.nmRaw("1.9.2", "1.9.2.5", INJECTION.plusHours(24), "WHOLE BODY", 2);
        e.nmRaw("1.9.2", "1.9.2.6", INJECTION.plusHours(24), "STATIC", 1);
        e.notDicom("README.TXT");
        return dir;
    }

    /** Study {@code study}: CT .1 (10 min before), SPECT .2, NAC .3, localizer .4, one frame of reference. */
    private static void session(SyntheticExport e, String study, LocalDateTime spectAt, String units) throws Exception {
        String frame = study + ".100";
        e.localizer(study, study + ".4", frame, spectAt.minusMinutes(15));
        e.ct(study, study + ".1", frame, spectAt.minusMinutes(10), 10);
        e.spect(study, study + ".2", frame, spectAt, units, "ATTN\\SCAT", units.equals("BQML") ? BQML_SLOPE : 1, LU);
        e.spect(study, study + ".3", frame, spectAt, "CNTS", "DECY", 1, LU);
    }

    @Test
    void classifiesPairsAndTimesTheSessions() throws Exception {
        ImportedStudy s = StudyImporter.importFrom(export(), ImportOptions.defaults());
        Map<String, SeriesKind> kinds = s.series().stream().collect(Collectors.toMap(ImportedSeries::seriesUid, ImportedSeries::kind));
        assertThat(kinds).containsOnly(Map.entry("1.9.0.1", SeriesKind.CT_VOLUME),
                Map.entry("1.9.1.1", SeriesKind.CT_VOLUME), Map.entry("1.9.1.2", SeriesKind.SPECT_QUANTITATIVE),
                Map.entry("1.9.1.3", SeriesKind.SPECT_NAC), Map.entry("1.9.1.4", SeriesKind.CT_LOCALIZER),
                Map.entry("1.9.2.1", SeriesKind.CT_VOLUME), Map.entry("1.9.2.2", SeriesKind.SPECT_QUANTITATIVE),
                Map.entry("1.9.2.3", SeriesKind.SPECT_NAC), Map.entry("1.9.2.4", SeriesKind.CT_LOCALIZER),
                Map.entry("1.9.1.5", SeriesKind.NM_PROJECTIONS), Map.entry("1.9.2.5", SeriesKind.NM_PLANAR),
                Map.entry("1.9.2.6", SeriesKind.NM_PLANAR));
        assertThat(s.export().notDicom()).isEqualTo(1);
        assertThat(s.diagnosticCt().seriesUid()).isEqualTo("1.9.0.1");
        assertThat(s.sessions()).hasSize(2);
        assertThat(s.sessions().get(0).hoursPostInjection()).isCloseTo(4.0, within(0.01));
        assertThat(s.sessions().get(1).hoursPostInjection()).isCloseTo(24.5, within(0.01));
        assertThat(s.sessions().get(0).spect().seriesUid()).isEqualTo("1.9.1.2");
        assertThat(s.sessions().get(0).ct().seriesUid()).isEqualTo("1.9.1.1");
        assertThat(s.sessions().get(1).ct().seriesUid()).isEqualTo("1.9.2.1");
        assertThat(s.radionuclide()).isSameAs(Radionuclides.LU_177);
        assertThat(s.injectedActivityMBq()).isCloseTo(7400, within(1e-9));
        assertThat(s.warnings()).isEmpty();
        assertThat(s.reasons()).anyMatch(r -> r.contains("diagnostic CT 1.9.0.1: a CT volume paired with no SPECT"));
    }

    @Test
    void theManifestNamesTheSeriesAndLoadsTheSameImages() throws Exception {
        Path export = export();
        ImportedStudy s = StudyImporter.importFrom(export, ImportOptions.defaults());
        Path manifest = tmp.resolve("out/study.json");
        ManifestWriter.write(s, manifest);
        assertThat(Files.readString(manifest)).contains("\"dicom_dir\" : \"../export\"", "\"series_uid\" : \"1.9.2.2\"");
        StudyManifest m = StudyManifest.read(manifest);
        assertThat(m.hours()).containsExactly(4.0, 24.5);
        Study study = StudyLoader.load(m);
        assertThat(study.diagnosticCt().geometry().nz()).isEqualTo(12);
        assertThat(study.diagnosticCt().get(3, 2, 5)).isEqualTo(SyntheticExport.ctValue(3, 5));
        Study.Session late = study.sessions().get(1);
        assertThat(late.ct().geometry().nz()).isEqualTo(10);
        // Bq/mL = stored value x slope, in MBq/mL
        assertThat(late.spectMBqPerMl().get(2, 5, 6)).isCloseTo((float) (SyntheticExport.spectStored(2, 5, 6) * BQML_SLOPE * 1e-6),
                within(1e-6f));
    }

    @Test
    void guessesAreWarnings() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("guesses"));
        SyntheticExport e = new SyntheticExport(dir);
        LocalDateTime at = INJECTION.plusHours(6);
        e.ct("1.8.1", "1.8.1.1", "1.8.1.100", at.minusMinutes(5), 10);
        // its own frame of reference: paired by study and time; the radionuclide by its half-life only (6.647 d);
        // the injection time without its date
        e.spect("1.8.1", "1.8.1.2", "1.8.1.200", at, "BQML", "ATTN", 1, new Administration(null, 574300.8, 7.4e9, INJECTION, true));
        ImportedStudy s = StudyImporter.importFrom(dir, ImportOptions.defaults());
        assertThat(s.radionuclide()).isSameAs(Radionuclides.LU_177);
        assertThat(s.sessions().get(0).ct().seriesUid()).isEqualTo("1.8.1.1");
        assertThat(s.sessions().get(0).hoursPostInjection()).isCloseTo(6.0, within(0.01));
        assertThat(s.warnings()).hasSize(4)
                .anyMatch(w -> w.equals("the injection date is not recorded: RadiopharmaceuticalStartTime on the SeriesDate assumed"))
                .anyMatch(w -> w.contains("by same StudyInstanceUID, nearest in acquisition time (5 min apart)"))
                .anyMatch(w -> w.contains("recognised by its half-life only"))
                .anyMatch(w -> w.contains("the first session's CT 1.8.1.1 is the diagnostic CT"));
    }

    @Test
    void aDamagedFileIsSkippedWithAWarning() throws Exception {
        Path dir = export();
        Path some;
        try (var files = Files.list(dir)) {
            some = files.filter(f -> !f.getFileName().toString().equals("README.TXT")).findFirst().orElseThrow();
        }
        Files.write(dir.resolve("BROKEN"), Arrays.copyOf(Files.readAllBytes(some), 300));
        ImportedStudy s = StudyImporter.importFrom(dir, ImportOptions.defaults());
        assertThat(s.export().damaged()).singleElement().asString().startsWith(dir.resolve("BROKEN") + ": file is truncated");
        assertThat(s.warnings()).singleElement().asString().startsWith("1 damaged DICOM file(s) skipped, first: " + dir.resolve("BROKEN"));
        assertThat(s.sessions()).hasSize(2);
    }

    @Test
    void twoPatientsAreRefused() throws Exception {
        Path dir = export();
        new SyntheticExport(dir).patient("PAT-2").ct("1.7", "1.7.1", "1.7.100", INJECTION, 10);
        assertThatThrownBy(() -> StudyImporter.importFrom(dir, ImportOptions.defaults()))
                .isInstanceOf(DosimetryInputException.class)
                .hasMessage(dir + ": holds 2 patients (PatientID 'PAT-1', 'PAT-2'); import one patient's folder at a time");
    }

    private Path countsOnly() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("counts"));
        SyntheticExport e = new SyntheticExport(dir);
        e.ct("1.6.0", "1.6.0.1", "1.6.0.100", INJECTION.minusDays(1), 12);
        session(e, "1.6.1", INJECTION.plusHours(20), "CNTS");
        return dir;
    }

    @Test
    void countsOnlyAreRefusedWithoutACalibration() throws Exception {
        Path dir = countsOnly();
        assertThatThrownBy(() -> StudyImporter.importFrom(dir, ImportOptions.defaults()))
                .hasMessage(dir + ": the SPECTs are in counts (Units CNTS), not Bq/mL; give the camera's sensitivity with"
                        + " --calibration-factor CPS_PER_MBQ to use them");
    }

    @Test
    void countsWithACalibrationBecomeActivity() throws Exception {
        double cpsPerMBq = 12.5;
        ImportedStudy s = StudyImporter.importFrom(countsOnly(), new ImportOptions(null, cpsPerMBq));
        ImportedSession session = s.sessions().get(0);
        assertThat(session.spect().seriesUid()).isEqualTo("1.6.1.2");
        double durationS = SyntheticExport.VIEWS * SyntheticExport.SECONDS_PER_VIEW;
        assertThat(session.calibration().acquisitionDurationS()).isEqualTo(durationS);
        assertThat(s.warnings()).anyMatch(w -> w.contains("counts converted with 12.50 cps/MBq over 1200 s = 60 views x 20.0 s"));
        Path manifest = tmp.resolve("study.json");
        ManifestWriter.write(s, manifest);
        Study study = StudyLoader.load(StudyManifest.read(manifest));
        double voxelMl = Math.pow(SyntheticExport.SPECT_VOXEL_MM, 3) / 1000;
        // MBq in a voxel = counts / (duration x sensitivity); per mL divided by the voxel volume
        double expected = SyntheticExport.spectStored(4, 1, 3) / (durationS * cpsPerMBq) / voxelMl;
        assertThat((double) study.sessions().get(0).spectMBqPerMl().get(4, 1, 3)).isCloseTo(expected, within(1e-6 * expected));
        assertThat(study.warnings()).anyMatch(w -> w.startsWith("import: SPECT 1.6.1.2: counts converted"));
    }

    @Test
    void theDiagnosticCtCanBeChosen() throws Exception {
        ImportedStudy s = StudyImporter.importFrom(export(), new ImportOptions("1.9.2.1", null));
        assertThat(s.diagnosticCt().seriesUid()).isEqualTo("1.9.2.1");
        assertThatThrownBy(() -> StudyImporter.importFrom(tmp.resolve("export"), new ImportOptions("1.9.1.2", null)))
                .hasMessageContaining("--diagnostic-ct 1.9.1.2 is not a CT volume of the export");
    }
}
