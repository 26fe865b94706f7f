package org.organdose.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.organdose.dosimetry.DosimetryInputException;
import org.organdose.dosimetry.DosimetryPipeline;
import org.organdose.dosimetry.DosimetryResults;
import org.organdose.dosimetry.DosimetrySettings;
import org.organdose.dosimetry.OrganResult;
import org.organdose.dosimetry.ResultsWriter;
import org.organdose.dosimetry.StudyManifest;
import org.organdose.phantom.Phantom;
import org.organdose.phantom.PhantomGenerator;
import org.organdose.phantom.PhantomOptions;
import org.organdose.phantom.SimulationSettings;
import org.organdose.phantom.StudySimulator;
import org.organdose.report.ReportGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The README's run command: the whole job on the built-in digital patient. It builds a seeded
 * abdominal CT, simulates a Lu-177 SPECT/CT study with known truth (with patient motion between
 * sessions), runs the dosimetry (registration of each session, GTM activities, fits, dose), writes
 * {@code results.json} and {@code report.html}, and prints each organ's numbers against the truth.
 *
 * <p>Organ masks: no trained segmentation model ships yet, so the demo uses the digital patient's
 * true organ labels and says so on its first lines and in the report's warnings. It checks the
 * dosimetry chain, not the segmentation.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole job on the built-in digital patient: study simulation, dosimetry, report, "
                + "comparison with the known truth.")
final class DemoCommand implements Callable<Integer> {
    static final String MASKS_NOTE = "organ masks: the digital patient's TRUE labels (no trained segmentation model "
            + "ships yet); this run checks the dosimetry chain, not the segmentation";

    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "demo-out", paramLabel = "DIR", description = "output folder; default ${DEFAULT-VALUE}")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "digital patient and noise seed; default ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--motion-mm", defaultValue = "4",
            description = "largest patient shift per axis between sessions; default ${DEFAULT-VALUE}")
    double motionMm;

    @Option(names = "--small", description = "a coarser digital patient (1.9 mm pixels, 4 mm slices): faster, for tests")
    boolean small;

    @Override
    public Integer call() throws IOException, DosimetryInputException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        o.println("OrganDose demo: digital patient, seed " + seed + ", Lu-177 7400 MBq, SPECT/CT at 0.5, 6, 24, 72 h");
        o.println(MASKS_NOTE);
        o.flush();
        ConsoleProgress progress = new ConsoleProgress(err);
        progress.progress("digital patient", 0);
        Phantom patient = PhantomGenerator.generate(seed, small ? PhantomOptions.small() : PhantomOptions.defaults());
        Path studyDir = out.resolve("study");
        StudySimulator.SimulatedStudy study = StudySimulator.simulate(patient.ct(), patient.organs(),
                SimulationSettings.defaults().withSeed(seed).withMotionMm(motionMm), studyDir, progress);
        StudyManifest manifest = StudyManifest.read(study.manifest()).withDiagnosticLabels(studyDir.resolve("truth_labels.nii.gz"));
        DosimetryResults results = DosimetryPipeline.run(manifest, DosimetrySettings.defaults(), progress)
                .withLeadingWarning(MASKS_NOTE);
        ResultsWriter.write(results, out);
        Path report = out.resolve(ReportGenerator.REPORT_HTML);
        ReportGenerator.write(out.resolve(ResultsWriter.RESULTS_JSON), study.truthJson(), report);
        printTable(o, results, study);
        o.printf(Locale.ROOT, "wrote %s, %s and the study in %s (%.0f s)%n", report, out.resolve(ResultsWriter.RESULTS_JSON),
                studyDir, (System.nanoTime() - start) / 1e9);
        return ExitCodes.OK;
    }

    /** Each organ's mass, TIA and mean dose beside the simulator's truth, with the difference in %. */
    static void printTable(PrintWriter o, DosimetryResults results, StudySimulator.SimulatedStudy study) {
        o.printf(Locale.ROOT, "%-13s %8s %8s %6s %10s %10s %6s %9s %9s %6s%n", "organ", "mass g", "truth", "diff",
                "TIA MBq*h", "truth", "diff", "dose Gy", "truth", "diff");
        for (OrganResult r : results.organs()) {
            StudySimulator.OrganTruth t = study.truth().get(r.organ());
            o.printf(Locale.ROOT, "%-13s %8.1f %8.1f %5.1f%% %10.1f %10.1f %5.1f%% %9.3f %9.3f %5.1f%%%n", r.organ().key(),
                    r.massG(), t.massG(), percent(r.massG(), t.massG()), r.tiaMBqH(), t.tiaMBqH(),
                    percent(r.tiaMBqH(), t.tiaMBqH()), r.meanDoseGy(), t.meanDoseGy(), percent(r.meanDoseGy(), t.meanDoseGy()));
        }
    }

    /** Difference in %, rounded to 0.1 as printed (so that a tiny negative difference shows as 0.0, not -0.0). */
    static double percent(double value, double truth) {
        return Math.rint(1000 * (value / truth - 1)) / 10 + 0.0;
    }
}
