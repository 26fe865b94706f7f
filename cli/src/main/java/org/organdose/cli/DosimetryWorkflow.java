package org.organdose.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.organdose.dosimetry.DosimetryPipeline;
import org.organdose.dosimetry.DosimetryResults;
import org.organdose.dosimetry.DosimetrySettings;
import org.organdose.dosimetry.ProgressListener;
import org.organdose.dosimetry.ResultsWriter;
import org.organdose.dosimetry.SessionMasks;
import org.organdose.dosimetry.StageClock;
import org.organdose.dosimetry.Study;
import org.organdose.dosimetry.StudyLoader;
import org.organdose.dosimetry.StudyManifest;
import org.organdose.dosimetry.StudyMasking;
import org.organdose.image.InputException;
import org.organdose.report.ReportGenerator;
import org.organdose.segment.Mode;

/**
 * The one dosimetry run behind {@code dosimetry} and {@code demo}: the study loaded, organ masks
 * completed by automatic segmentation where the study gives none, the dosimetry, the files and
 * the report, under one progress display.
 */
final class DosimetryWorkflow {
    /** Folder inside the output folder for the segmentations the run made. */
    static final String MASKS_DIR = "masks";

    /**
     * What to run.
     *
     * @param manifest     the study (its own labels, if any, win over segmentation)
     * @param modelDir     segmentation model, used only where masks are missing
     * @param mode         segmentation mode
     * @param sessionMasks where session masks come from when a session has no labels
     * @param out          output folder
     * @param report       also write report.html
     * @param reference    results.json or truth.json to compare with in the report; null for none
     * @param notes        warnings to put first in the results, e.g. where the caller took the masks from
     */
    record Request(StudyManifest manifest, Path modelDir, Mode mode, SessionMasks sessionMasks, DosimetrySettings settings,
                   Path out, boolean report, Path reference, List<String> notes) {
        Request {
            notes = List.copyOf(notes);
        }
    }

    /** The results and the wall time of every stage, segmentation and report included. */
    record Outcome(DosimetryResults results, Map<String, Double> stageSeconds) {
    }

    private DosimetryWorkflow() {
    }

    static Outcome run(Request r, ProgressListener progress) throws InputException {
        long start = System.nanoTime();
        StudyManifest m = r.manifest();
        boolean segmentDiagnostic = m.diagnosticLabels() == null;
        long sessionSegmentations = r.sessionMasks() == SessionMasks.REGISTER ? 0
                : m.timePoints().stream().filter(tp -> tp.labels() == null).count();
        boolean needsModel = segmentDiagnostic || sessionSegmentations > 0;
        // estimated seconds per stage on a 2-core machine: they weigh the stages in the overall progress
        StagedProgress staged = new StagedProgress(progress, Map.of("loading", 3.0,
                "segmentation", 25.0 * ((segmentDiagnostic ? 1 : 0) + sessionSegmentations), "dosimetry", 20.0,
                "writing", 2.0, "report", 4.0));
        StageClock clock = new StageClock();
        try (NetworkOrganMasker masker = needsModel ? new NetworkOrganMasker(r.modelDir(), r.mode(), r.out().resolve(MASKS_DIR))
                : null) {
            long t = System.nanoTime();
            staged.stage("loading").progress("reading the study", 0);
            Study study = StudyLoader.load(m);
            clock.addSince("loading", t);
            if (masker != null) {
                t = System.nanoTime();
                study = StudyMasking.complete(study, masker, r.sessionMasks(), staged.stage("segmentation"));
                clock.addSince("segmentation", t);
            }
            DosimetryResults results = DosimetryPipeline.run(study, r.settings(), staged.stage("dosimetry"));
            for (int i = r.notes().size() - 1; i >= 0; i--) {
                results = results.withLeadingWarning(r.notes().get(i));
            }
            t = System.nanoTime();
            staged.stage("writing").progress("writing results", 0);
            // the DICOM objects first: results.json, written last, marks a complete output folder
            List<String> dicomWarnings = DicomResultsExport.write(results, r.out());
            for (int i = dicomWarnings.size() - 1; i >= 0; i--) {
                results = results.withLeadingWarning(dicomWarnings.get(i));
            }
            ResultsWriter.write(results, r.out());
            clock.addSince("writing", t);
            if (r.report()) {
                t = System.nanoTime();
                staged.stage("report").progress("writing the report", 0);
                // from the saved results, so that 'organdose report' regenerates exactly this report
                ReportGenerator.write(r.out().resolve(ResultsWriter.RESULTS_JSON), r.reference(),
                        r.out().resolve(ReportGenerator.REPORT_HTML));
                clock.addSince("report", t);
            }
            staged.stage("report").progress("done", 1);
            // in the order the data flows: the pipeline's stages between segmentation and writing
            Map<String, Double> seconds = new LinkedHashMap<>();
            Map<String, Double> outside = clock.seconds();
            for (String stage : new String[] {"loading", "segmentation"}) {
                if (outside.containsKey(stage)) {
                    seconds.put(stage, outside.get(stage));
                }
            }
            seconds.putAll(results.stageSeconds());
            for (String stage : new String[] {"writing", "report"}) {
                if (outside.containsKey(stage)) {
                    seconds.put(stage, outside.get(stage));
                }
            }
            seconds.put("total", (System.nanoTime() - start) / 1e9);
            return new Outcome(results, seconds);
        }
    }
}
