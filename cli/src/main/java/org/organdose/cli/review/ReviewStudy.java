package org.organdose.cli.review;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.organdose.dosimetry.DosimetryInputException;
import org.organdose.dosimetry.StudyLoader;
import org.organdose.dosimetry.StudyManifest;
import org.organdose.image.Volume;
import org.organdose.image.io.ImageIoException;
import org.organdose.image.registration.RigidTransform;
import org.organdose.report.QaCheck;
import org.organdose.report.QualityChecks;
import org.organdose.report.ReportData;

/**
 * A dosimetry output folder in memory, read once when the review starts: what the report shows
 * (results, diagnostic CT, its labels, the dose map, the QA checks) and each session's SPECT in
 * Bq/mL, read through the study manifest as the dosimetry read it (so that counts are calibrated),
 * placed in the diagnostic CT's frame by the registration the run recorded.
 *
 * @param sessions in time order
 */
record ReviewStudy(Path folder, ReportData report, List<Session> sessions, List<QaCheck> qualityChecks,
                   float spectMinBqPerMl, float spectMaxBqPerMl, float doseMinGy, float doseMaxGy) {
    static final String RESULTS_JSON = "results.json";

    /**
     * One time point.
     *
     * @param spectBqPerMl its voxels on its own grid, that grid carried into the diagnostic CT's frame
     * @param registered   whether a recorded registration placed it there (else: scanner coordinates)
     */
    record Session(double hoursPostInjection, Volume spectBqPerMl, boolean registered) {
    }

    ReviewStudy {
        sessions = List.copyOf(sessions);
        qualityChecks = List.copyOf(qualityChecks);
    }

    static ReviewStudy load(Path folder) throws ImageIoException, DosimetryInputException {
        Path results = folder.resolve(RESULTS_JSON);
        ReportData report = ReportData.load(results, null);
        // the CT, labels and dose come with the report's data; only the SPECTs are read besides
        StudyManifest manifest = StudyManifest.read(report.results().inputs().manifest());
        List<Volume> spects = StudyLoader.spects(manifest);
        List<Session> sessions = new ArrayList<>();
        float spectMin = Float.POSITIVE_INFINITY;
        float spectMax = Float.NEGATIVE_INFINITY;
        for (int t = 0; t < spects.size(); t++) {
            double hours = manifest.timePoints().get(t).hoursPostInjection();
            float[] mbq = spects.get(t).voxels();
            float[] bq = new float[mbq.length];
            for (int p = 0; p < bq.length; p++) {
                bq[p] = mbq[p] * 1e6f;
                spectMin = Math.min(spectMin, bq[p]);
                spectMax = Math.max(spectMax, bq[p]);
            }
            RigidTransform toSession = RecordedRegistration.toSession(report.results().settings(), hours);
            sessions.add(new Session(hours,
                    RecordedRegistration.inDiagnosticFrame(new Volume(spects.get(t).geometry(), bq), toSession), toSession != null));
        }
        float[] dose = report.doseGy().range();
        return new ReviewStudy(folder, report, sessions, QualityChecks.run(report), spectMin, spectMax, dose[0], dose[1]);
    }
}
