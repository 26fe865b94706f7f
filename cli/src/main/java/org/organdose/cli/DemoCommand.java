package org.organdose.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.organdose.dosimetry.DosimetryInputException;
import org.organdose.dosimetry.DosimetryResults;
import org.organdose.dosimetry.DosimetrySettings;
import org.organdose.dosimetry.OrganMasker;
import org.organdose.dosimetry.OrganResult;
import org.organdose.dosimetry.ResultsWriter;
import org.organdose.dosimetry.SessionMasks;
import org.organdose.dosimetry.StudyManifest;
import org.organdose.image.Organ;
import org.organdose.phantom.Phantom;
import org.organdose.phantom.PhantomGenerator;
import org.organdose.phantom.PhantomOptions;
import org.organdose.report.ReportGenerator;
import org.organdose.segment.Mode;
import org.organdose.segment.SegmentationException;
import org.organdose.segment.eval.Evaluator;
import org.organdose.segment.eval.OrganMetrics;
import org.organdose.segment.infer.SegmentationRunner;
import org.organdose.segment.net.ModelSpec;
import org.organdose.simulation.SimulationSettings;
import org.organdose.simulation.StudySimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The README's run command: the whole job on the built-in digital patient. It builds a seeded
 * abdominal CT, simulates a Lu-177 SPECT/CT study with known truth (with patient motion between
 * sessions), segments the diagnostic CT with the shipped model (consensus mode), runs the
 * dosimetry (registration of each session, GTM activities, fits, dose), writes
 * {@code results.json} and {@code report.html}, and prints each organ's numbers against the truth.
 *
 * <p>Organ masks: from the shipped model, with its Dice against the truth printed and any organ
 * it missed named. Without a shipped model, or with {@code --truth-masks}, the digital patient's
 * true labels are used, and the output and the report's warnings say so on their first lines.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole job on the built-in digital patient: study simulation, dosimetry, report, "
                + "comparison with the known truth.")
final class DemoCommand implements Callable<Integer> {
    static final String MASKS_NOTE = "organ masks: the digital patient's TRUE labels (%s); this run checks the "
            + "dosimetry chain, not the segmentation";

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

    @Option(names = "--truth-masks", description = "use the digital patient's true organ labels instead of segmenting")
    boolean truthMasks;

    @Option(names = "--model", paramLabel = "DIR", description = "segmentation model; default models/" + SegmentationRunner.DEFAULT_MODEL)
    Path model;

    @Override
    public Integer call() throws IOException, DosimetryInputException, SegmentationException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        o.println("OrganDose demo: digital patient, seed " + seed + ", Lu-177 7400 MBq, SPECT/CT at 0.5, 6, 24, 72 h");
        Path modelDir = model != null ? model : ModelFolders.shipped(SegmentationRunner.DEFAULT_MODEL);
        String masksNote = truthMasks ? String.format(MASKS_NOTE, "--truth-masks")
                : !Files.isRegularFile(modelDir.resolve(ModelSpec.FILE_NAME))
                ? String.format(MASKS_NOTE, "no trained segmentation model at " + modelDir) : null;
        if (masksNote != null) {
            o.println(masksNote);
        }
        o.flush();
        ConsoleProgress progress = new ConsoleProgress(err);
        progress.progress("digital patient", 0);
        Phantom patient = PhantomGenerator.generate(seed, small ? PhantomOptions.small() : PhantomOptions.defaults());
        Path studyDir = out.resolve("study");
        StudySimulator.SimulatedStudy study = StudySimulator.simulate(patient.ct(), patient.organs(),
                SimulationSettings.defaults().withSeed(seed).withMotionMm(motionMm), studyDir, progress);
        StudyManifest manifest = StudyManifest.read(study.manifest());
        if (masksNote != null) {
            manifest = manifest.withDiagnosticLabels(studyDir.resolve("truth_labels.nii.gz"));
        }
        DosimetryWorkflow.Outcome outcome = DosimetryWorkflow.run(new DosimetryWorkflow.Request(manifest, modelDir,
                Mode.CONSENSUS, SessionMasks.REGISTER, DosimetrySettings.defaults(), out, true, study.truthJson(),
                masksNote == null ? List.of() : List.of(masksNote)), progress);
        DosimetryResults results = outcome.results();
        if (masksNote == null) {
            printSegmentation(o, results.study().diagnosticMasks(), patient, outcome.stageSeconds().get("segmentation"));
        }
        printTable(o, results, study);
        o.printf(Locale.ROOT, "wrote %s, %s and the study in %s (%.0f s)%n", out.resolve(ReportGenerator.REPORT_HTML),
                out.resolve(ResultsWriter.RESULTS_JSON), studyDir, (System.nanoTime() - start) / 1e9);
        return ExitCodes.OK;
    }

    /** Each organ's Dice of the segmented masks against the digital patient's true labels; an organ the model missed is named. */
    private static void printSegmentation(PrintWriter o, OrganMasker.Masks masks, Phantom patient, double seconds) {
        Map<Organ, OrganMetrics> dice = Evaluator.evaluate(masks.labels(), patient.organs(), EnumSet.allOf(Organ.class));
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "organ masks: %s, %.0f s; Dice against the truth:", masks.source().describe(), seconds));
        for (OrganMetrics m : dice.values()) {
            line.append(String.format(Locale.ROOT, " %s %.3f", m.organ().key(), m.dice()));
        }
        o.println(line);
        for (Organ organ : Organ.values()) {
            if (masks.labels().count(organ.label()) == 0) {
                o.println("the model did not find the " + organ.key() + " on this CT: it is missing from the dosimetry");
            }
        }
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
