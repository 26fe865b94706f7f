package org.organdose.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.organdose.dosimetry.ResultsReader;
import org.organdose.dosimetry.SavedResults;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;
import org.organdose.image.Volume;
import org.organdose.image.io.ImageFiles;
import org.organdose.image.io.ImageIoException;
import org.organdose.image.io.ReadOptions;

/**
 * Everything a report shows: the saved results and the images they name (diagnostic CT, its
 * labels, the dose map, and for the QA checks each session's own labels), plus an optional
 * reference to compare with.
 *
 * @param sessions  one per time point, in time order
 * @param reference null when none was given
 * @param extents   where each organ lies on the diagnostic labels
 */
public record ReportData(SavedResults results, Volume ct, LabelMap labels, Volume doseGy, List<Session> sessions,
                  Reference reference, Map<Organ, OrganExtent> extents) {

    /**
     * One time point's own organ labels, for the mask-volume check.
     *
     * @param labels     the session's own labels; null when it had none (or they could not be read)
     * @param unreadable why its labels could not be read; null when they were (or there are none)
     */
    public record Session(double hours, LabelMap labels, String unreadable) {
    }

    /**
     * Reads results.json and the images it names. The diagnostic CT, its labels and the dose map
     * are required (their absence is an error naming results.json and the file); a session image
     * that cannot be read only leaves its QA check undone, and the report says so.
     */
    public static ReportData load(Path resultsJson, Path referenceJson) throws ImageIoException {
        SavedResults results = ResultsReader.read(resultsJson);
        SavedResults.Inputs in = results.inputs();
        // all three checked before any is read, so that a missing one is reported at once
        Path ctFile = in.diagnosticCtSeriesUid() == null ? required(resultsJson, in.diagnosticCt(), "the diagnostic CT")
                : requiredFolder(resultsJson, in.diagnosticCt(), "the DICOM folder of the diagnostic CT");
        Path labelsFile = required(resultsJson, in.diagnosticLabels(), "the organ labels");
        Path doseFile = required(resultsJson, in.doseMap(), "the dose map");
        Volume ct = ImageFiles.read(ctFile, new ReadOptions(in.diagnosticCtSeriesUid())).volume();
        LabelMap labels = ImageFiles.readLabels(labelsFile);
        Volume dose = ImageFiles.read(doseFile).volume();
        List<Session> sessions = new ArrayList<>();
        for (SavedResults.TimePoint tp : in.timePoints()) {
            sessions.add(session(tp));
        }
        Reference reference = referenceJson == null ? null : Reference.read(referenceJson);
        return new ReportData(results, ct, labels, dose, List.copyOf(sessions), reference, OrganExtent.of(labels));
    }

    private static Path required(Path resultsJson, Path file, String what) throws ImageIoException {
        if (!Files.isRegularFile(file)) {
            throw new ImageIoException(resultsJson, what + " it names is missing: " + file);
        }
        return file;
    }

    private static Path requiredFolder(Path resultsJson, Path folder, String what) throws ImageIoException {
        if (!Files.isDirectory(folder)) {
            throw new ImageIoException(resultsJson, what + " it names is missing: " + folder);
        }
        return folder;
    }

    private static Session session(SavedResults.TimePoint tp) {
        if (tp.labels() == null) {
            return new Session(tp.hoursPostInjection(), null, null);
        }
        try {
            return new Session(tp.hoursPostInjection(), ImageFiles.readLabels(tp.labels()), null);
        } catch (ImageIoException e) {
            return new Session(tp.hoursPostInjection(), null, e.getMessage());
        }
    }
}
