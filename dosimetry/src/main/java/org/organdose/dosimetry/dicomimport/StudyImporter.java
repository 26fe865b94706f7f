package org.organdose.dosimetry.dicomimport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.organdose.dosimetry.DosimetryInputException;
import org.organdose.dosimetry.Radionuclide;
import org.organdose.dosimetry.Radionuclides;
import org.organdose.dosimetry.SpectCalibration;
import org.organdose.dosimetry.SpectUnits;
import org.organdose.image.io.dicom.DicomAttributes;
import org.organdose.image.io.dicom.DicomTags;

/**
 * Chooses a study from a DICOM export: one session per quantitative SPECT (or per SPECT in counts
 * when a calibration is given), each paired with its CT ({@link SeriesPairing}), timed from the
 * injection, and the diagnostic CT. Every choice gets a reason and every guess a warning.
 *
 * <pre>{@code
 * ImportedStudy s = StudyImporter.importFrom(Path.of("export"), ImportOptions.defaults());
 * ManifestWriter.write(s, Path.of("study.json"));
 * }</pre>
 */
public final class StudyImporter {
    private final ScannedExport export;
    private final ImportOptions options;
    private final List<String> reasons = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private StudyImporter(ScannedExport export, ImportOptions options) {
        this.export = export;
        this.options = options;
    }

    /** Scans {@code folder} and chooses the study in it. */
    public static ImportedStudy importFrom(Path folder, ImportOptions options) throws DosimetryInputException {
        return choose(DicomExportScanner.scan(folder), options);
    }

    /** Chooses the study in an export already scanned. */
    public static ImportedStudy choose(ScannedExport export, ImportOptions options) throws DosimetryInputException {
        return new StudyImporter(export, options).choose();
    }

    private ImportedStudy choose() throws DosimetryInputException {
        Path folder = export.folder();
        checkOnePatient();
        if (!export.damaged().isEmpty()) {
            warnings.add(export.damaged().size() + " damaged DICOM file(s) skipped, first: " + export.damaged().get(0));
        }
        List<ImportedSeries> series = new ArrayList<>();
        for (ScannedSeries s : export.series()) {
            series.add(SeriesClassifier.classify(s));
        }
        // in acquisition order, as a user reads an export, whatever the files' names
        series.sort(Comparator.comparing(ImportedSeries::acquiredAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ImportedSeries::seriesUid));
        List<ImportedSeries> cts = of(series, SeriesKind.CT_VOLUME);
        List<ImportedSeries> spects = spects(series);
        Map<ImportedSeries, SeriesPairing.Pair> pairs = new LinkedHashMap<>();
        for (ImportedSeries spect : spects) {
            SeriesPairing.Pair pair = SeriesPairing.ctFor(spect, cts);
            if (pair == null) {
                throw new DosimetryInputException(folder + ": no CT volume shares the frame of reference or the study of SPECT "
                        + spect.seriesUid() + " (\"" + spect.description() + "\")");
            }
            pairs.put(spect, pair);
        }
        Radiopharmaceutical administration = administration(spects);
        List<ImportedSession> sessions = new ArrayList<>();
        for (Map.Entry<ImportedSeries, SeriesPairing.Pair> e : pairs.entrySet()) {
            sessions.add(session(e.getKey(), e.getValue(), administration));
        }
        sessions.sort(Comparator.comparingDouble(ImportedSession::hoursPostInjection));
        ImportedSeries diagnostic = diagnosticCt(cts, sessions);
        return new ImportedStudy(export, series, administration.radionuclide(), administration.activityMBq(), diagnostic,
                sessions, reasons, warnings);
    }

    private void checkOnePatient() throws DosimetryInputException {
        TreeSet<String> patients = new TreeSet<>();
        for (ScannedSeries s : export.series()) {
            for (DicomAttributes a : s.files()) {
                patients.add(a.string(DicomTags.PATIENT_ID, ""));
            }
        }
        if (patients.size() > 1) {
            throw new DosimetryInputException(export.folder() + ": holds " + patients.size() + " patients (PatientID "
                    + String.join(", ", patients.stream().map(p -> p.isEmpty() ? "(none)" : "'" + p + "'").toList())
                    + "); import one patient's folder at a time");
        }
    }

    private static List<ImportedSeries> of(List<ImportedSeries> series, SeriesKind kind) {
        return series.stream().filter(s -> s.kind() == kind).toList();
    }

    /** The quantitative SPECTs; without any, the SPECTs in counts when a calibration is given. */
    private List<ImportedSeries> spects(List<ImportedSeries> series) throws DosimetryInputException {
        List<ImportedSeries> quantitative = of(series, SeriesKind.SPECT_QUANTITATIVE);
        List<ImportedSeries> counts = of(series, SeriesKind.SPECT_COUNTS);
        if (!quantitative.isEmpty()) {
            for (ImportedSeries s : quantitative) {
                reasons.add("SPECT " + s.seriesUid() + ": reconstructed, attenuation corrected, " + s.why());
            }
            return quantitative;
        }
        if (counts.isEmpty()) {
            throw new DosimetryInputException(export.folder() + ": no reconstructed SPECT in Bq/mL (Units BQML) or counts"
                    + " (CNTS) with attenuation correction; found: " + inventory(series));
        }
        if (options.calibrationCpsPerMBq() == null) {
            throw new DosimetryInputException(export.folder() + ": the SPECTs are in counts (Units CNTS), not Bq/mL;"
                    + " give the camera's sensitivity with --calibration-factor CPS_PER_MBQ to use them");
        }
        for (ImportedSeries s : counts) {
            reasons.add("SPECT " + s.seriesUid() + ": reconstructed, attenuation corrected, " + s.why()
                    + ", converted with the calibration factor given");
        }
        return counts;
    }

    private static String inventory(List<ImportedSeries> series) {
        Map<String, Integer> n = new LinkedHashMap<>();
        for (ImportedSeries s : series) {
            n.merge(s.kind().label(), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        n.forEach((k, v) -> parts.add(v + " " + k));
        return String.join(", ", parts);
    }

    /**
     * The radionuclide, activity and injection of the study: the first SPECT's; the others must
     * agree, else the disagreement is a warning.
     */
    private Radiopharmaceutical administration(List<ImportedSeries> spects) throws DosimetryInputException {
        Radiopharmaceutical first = null;
        ImportedSeries from = null;
        for (ImportedSeries s : spects) {
            Radiopharmaceutical r = Radiopharmaceutical.of(s.header());
            if (r == null) {
                continue;
            }
            if (first == null) {
                first = r;
                from = s;
            } else if (r.radionuclide() != first.radionuclide() || !sameActivity(r, first)
                    || !Objects.equals(r.injected(), first.injected())) {
                warnings.add("SPECT " + s.seriesUid() + " records another administration than SPECT " + from.seriesUid()
                        + "; the first one's is used");
            }
        }
        if (first == null) {
            throw new DosimetryInputException(export.folder() + ": no SPECT records its radiopharmaceutical"
                    + " (RadiopharmaceuticalInformationSequence (0054,0016)): radionuclide and injection time unknown");
        }
        if (first.radionuclide() == null) {
            throw new DosimetryInputException(export.folder() + ": SPECT " + from.seriesUid() + ": neither"
                    + " RadionuclideCodeSequence nor RadionuclideHalfLife names a known radionuclide ("
                    + String.join(", ", Radionuclides.all().stream().map(Radionuclide::name).toList()) + ")");
        }
        reasons.add("radionuclide " + first.radionuclide().name() + " from " + first.radionuclideFrom());
        if (first.radionuclideFrom().startsWith("RadionuclideHalfLife")) {
            warnings.add("radionuclide " + first.radionuclide().name() + " recognised by its half-life only");
        }
        if (Double.isNaN(first.activityMBq())) {
            warnings.add("no RadionuclideTotalDose (0018,1074): the injected activity is not in the manifest");
        } else {
            reasons.add(String.format(Locale.ROOT, "injected activity %.1f MBq from RadionuclideTotalDose", first.activityMBq()));
        }
        if (first.injected() == null) {
            throw new DosimetryInputException(export.folder() + ": SPECT " + from.seriesUid() + ": no injection time"
                    + " (RadiopharmaceuticalStartDateTime (0018,1078) or StartTime (0018,1072))");
        }
        reasons.add("injection at " + first.injected() + " from " + first.injectedFrom());
        if (first.injectionDateGuessed()) {
            warnings.add("the injection date is not recorded: " + first.injectedFrom() + " assumed");
        }
        return first;
    }

    private static boolean sameActivity(Radiopharmaceutical a, Radiopharmaceutical b) {
        return Double.isNaN(a.activityMBq()) ? Double.isNaN(b.activityMBq())
                : Math.abs(a.activityMBq() - b.activityMBq()) <= 1e-6 * Math.abs(b.activityMBq());
    }

    private ImportedSession session(ImportedSeries spect, SeriesPairing.Pair pair, Radiopharmaceutical administration)
            throws DosimetryInputException {
        if (spect.acquired() == null) {
            throw new DosimetryInputException(export.folder() + ": SPECT " + spect.seriesUid()
                    + ": no acquisition time (AcquisitionDateTime, AcquisitionDate and AcquisitionTime, SeriesDate and SeriesTime)");
        }
        if (!spect.acquired().exact()) {
            warnings.add("SPECT " + spect.seriesUid() + ": no acquisition time; " + spect.acquired().source()
                    + " used, which may lie after the acquisition");
        }
        double hours = Duration.between(administration.injected(), spect.acquiredAt()).toMillis() / 3.6e6;
        if (!(hours > 0)) {
            throw new DosimetryInputException(String.format(Locale.ROOT, "%s: SPECT %s was acquired at %s, not after the"
                    + " injection at %s", export.folder(), spect.seriesUid(), spect.acquiredAt(), administration.injected()));
        }
        reasons.add(String.format(Locale.ROOT, "CT %s for SPECT %s: %s; %.2f h after injection (%s)", pair.ct().seriesUid(),
                spect.seriesUid(), pair.reason(), hours, spect.acquired().source()));
        if (pair.guessed()) {
            warnings.add("CT " + pair.ct().seriesUid() + " paired with SPECT " + spect.seriesUid() + " by " + pair.reason()
                    + ": they share no frame of reference");
        }
        if (spect.kind() != SeriesKind.SPECT_COUNTS) {
            return new ImportedSession(hours, spect, pair.ct(), "BQML", null);
        }
        AcquisitionDuration.Seconds duration = AcquisitionDuration.of(spect.header());
        if (duration == null) {
            throw new DosimetryInputException(export.folder() + ": SPECT " + spect.seriesUid() + " is in counts but records"
                    + " no acquisition duration (RotationInformationSequence with ActualFrameDuration and NumberOfFramesInRotation)");
        }
        warnings.add(String.format(Locale.ROOT, "SPECT %s: counts converted with %.4g cps/MBq over %.0f s = %s; check that"
                + " the calibration was measured for this duration convention", spect.seriesUid(), options.calibrationCpsPerMBq(),
                duration.seconds(), duration.how()));
        return new ImportedSession(hours, spect, pair.ct(), SpectUnits.COUNTS,
                new SpectCalibration(options.calibrationCpsPerMBq(), duration.seconds()));
    }

    private ImportedSeries diagnosticCt(List<ImportedSeries> cts, List<ImportedSession> sessions) throws DosimetryInputException {
        if (options.diagnosticCtUid() != null) {
            ImportedSeries chosen = cts.stream().filter(c -> c.seriesUid().equals(options.diagnosticCtUid())).findFirst()
                    .orElseThrow(() -> new DosimetryInputException(export.folder() + ": --diagnostic-ct "
                            + options.diagnosticCtUid() + " is not a CT volume of the export (CT volumes: "
                            + String.join(", ", cts.stream().map(ImportedSeries::seriesUid).toList()) + ")"));
            reasons.add("diagnostic CT " + chosen.seriesUid() + ": chosen with --diagnostic-ct");
            return chosen;
        }
        List<ImportedSeries> unpaired = cts.stream()
                .filter(ct -> sessions.stream().noneMatch(s -> s.ct().seriesUid().equals(ct.seriesUid()))).toList();
        if (unpaired.isEmpty()) {
            ImportedSeries first = sessions.get(0).ct();
            reasons.add("diagnostic CT " + first.seriesUid() + ": the first session's CT");
            warnings.add("no CT apart from the sessions' CTs: the first session's CT " + first.seriesUid()
                    + " is the diagnostic CT (organ masses from a low-dose CT)");
            return first;
        }
        ImportedSeries most = unpaired.stream().max(Comparator.comparingInt(ImportedSeries::images)).orElseThrow();
        reasons.add("diagnostic CT " + most.seriesUid() + ": a CT volume paired with no SPECT (" + most.why() + ")");
        if (unpaired.size() > 1) {
            warnings.add(unpaired.size() + " CT volumes are paired with no SPECT; the one with most slices, " + most.seriesUid()
                    + ", is the diagnostic CT (choose another with --diagnostic-ct)");
        }
        return most;
    }
}
