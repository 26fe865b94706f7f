package org.organdose.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.organdose.dosimetry.DosimetryInputException;
import org.organdose.dosimetry.dicomimport.ImportOptions;
import org.organdose.dosimetry.dicomimport.ImportedSeries;
import org.organdose.dosimetry.dicomimport.ImportedSession;
import org.organdose.dosimetry.dicomimport.ImportedStudy;
import org.organdose.dosimetry.dicomimport.ManifestWriter;
import org.organdose.dosimetry.dicomimport.ScannedExport;
import org.organdose.dosimetry.dicomimport.StudyImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code organdose import DICOM_DIR --out study.json}: the study manifest inferred from a DICOM
 * export, naming the series it chose by UID; prints the series found and the choices made.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Write the study manifest of a DICOM export folder (any names, nested or flat): the diagnostic CT and,"
                + " per session, the quantitative SPECT and its CT, with hours after injection, activity and radionuclide.")
final class ImportCommand implements Callable<Integer> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DICOM_DIR", description = "the export folder")
    Path dicomDir;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the manifest to write (study.json)")
    Path out;

    @Option(names = "--diagnostic-ct", paramLabel = "SERIES_UID",
            description = "the CT series organ masses are measured on; default: a CT paired with no SPECT, else the first session's")
    String diagnosticCt;

    @Option(names = "--calibration-factor", paramLabel = "CPS_PER_MBQ",
            description = "camera sensitivity in cps/MBq, so that SPECTs reconstructed in counts (Units CNTS) can be used")
    Double calibrationFactor;

    @Override
    public Integer call() throws DosimetryInputException, BadInputException {
        writeManifest(dicomDir, options(diagnosticCt, calibrationFactor), out, spec.commandLine().getOut(),
                spec.commandLine().getErr());
        return ExitCodes.OK;
    }

    static ImportOptions options(String diagnosticCt, Double calibrationFactor) throws BadInputException {
        if (calibrationFactor != null && !(calibrationFactor > 0 && Double.isFinite(calibrationFactor))) {
            throw new BadInputException("--calibration-factor must be a positive number of cps/MBq, got " + calibrationFactor);
        }
        return new ImportOptions(diagnosticCt, calibrationFactor);
    }

    /** Imports {@code dicomDir} into {@code manifest}, printing the series table and choices to {@code out}, warnings to {@code err}. */
    static ImportedStudy writeManifest(Path dicomDir, ImportOptions options, Path manifest, PrintWriter out, PrintWriter err)
            throws DosimetryInputException {
        ImportedStudy study = StudyImporter.importFrom(dicomDir, options);
        printSeries(out, study);
        for (String r : study.reasons()) {
            out.println("chosen: " + r);
        }
        ManifestWriter.write(study, manifest);
        out.println("wrote " + manifest);
        for (String w : study.warnings()) {
            err.println("warning: " + w);
        }
        return study;
    }

    static void printSeries(PrintWriter out, ImportedStudy study) {
        ScannedExport e = study.export();
        out.printf(Locale.ROOT, "%s: %d files, %d image series; skipped %d not DICOM, %d DICOM without an image, %d damaged%n",
                e.folder(), e.filesSeen(), e.series().size(), e.notDicom(), e.notImages(), e.damaged().size());
        Map<String, String> roles = roles(study);
        out.printf(Locale.ROOT, "%-40s %-4s %-36s %6s %-16s %-14s %s%n", "series UID", "mod", "kind", "images", "acquired",
                "role", "description");
        for (ImportedSeries s : study.series()) {
            out.printf(Locale.ROOT, "%-40s %-4s %-36s %6d %-16s %-14s %s%n", s.seriesUid(), s.modality(), s.kind().label(),
                    s.images(), s.acquiredAt() == null ? "-" : WHEN.format(s.acquiredAt()), roles.getOrDefault(s.seriesUid(), "-"),
                    s.description());
        }
        for (ImportedSession s : study.sessions()) {
            out.printf(Locale.ROOT, "session %.2f h: SPECT %s (%s), CT %s%n", s.hoursPostInjection(), s.spect().seriesUid(),
                    s.spectUnits(), s.ct().seriesUid());
        }
    }

    private static Map<String, String> roles(ImportedStudy study) {
        Map<String, String> roles = new LinkedHashMap<>();
        for (int t = 0; t < study.sessions().size(); t++) {
            ImportedSession s = study.sessions().get(t);
            roles.put(s.spect().seriesUid(), "spect " + (t + 1));
            roles.merge(s.ct().seriesUid(), "ct " + (t + 1), (a, b) -> a + "," + b);
        }
        roles.merge(study.diagnosticCt().seriesUid(), "diagnostic", (a, b) -> b + "," + a);
        return roles;
    }
}
