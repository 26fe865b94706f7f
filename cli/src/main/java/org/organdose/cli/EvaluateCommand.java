package org.organdose.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;
import org.organdose.image.io.ImageFiles;
import org.organdose.segment.Mode;
import org.organdose.segment.SegmentationException;
import org.organdose.segment.data.Datasets;
import org.organdose.segment.data.TrainingCase;
import org.organdose.segment.train.CaseEvaluation;
import org.organdose.segment.train.CrossValidation;
import org.organdose.segment.eval.Evaluator;
import org.organdose.segment.eval.OrganMetrics;
import org.organdose.segment.eval.ReferenceOrgans;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code organdose evaluate --pred P --ref R}: Dice, HD95 and volume difference per organ, only
 * for the organs the reference labels (from its case.json when there is one). Or
 * {@code organdose evaluate --model DIR DATA...}: segments labelled cases with a model (axial and
 * consensus, optionally also as simulated low-dose CTs) and scores each, optionally recording the
 * scores in the model's model.json.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Compare predicted organ labels with reference labels: Dice, HD95 (mm), volume difference per organ.",
            "With --model: segment labelled cases (DATA: dataset or case folders) with the model and score them."})
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--pred", paramLabel = "P", description = "predicted label map")
    Path predicted;

    @Option(names = "--ref", paramLabel = "R",
            description = "reference label map on the same grid; a case.json beside it says which organs it labels")
    Path reference;

    @Option(names = "--model", paramLabel = "DIR", description = "model folder: segment and score the cases in DATA")
    Path model;

    @Parameters(arity = "0..*", paramLabel = "DATA", description = "with --model: dataset or case folders")
    List<Path> data = List.of();

    @Option(names = "--cases", split = ",", paramLabel = "ID", description = "with --model: only these case ids")
    Set<String> cases = Set.of();

    @Option(names = "--low-dose", description = "with --model: also score each case as a simulated low-dose CT"
            + " (1.2 mm pixels, 5 mm slices, 30 HU noise)")
    boolean lowDose;

    @Option(names = "--record", description = "with --model: add the scores to the model's model.json (accuracy.heldOut)")
    boolean record;

    @Override
    public Integer call() throws IOException, SegmentationException, BadInputException {
        if (model != null) {
            return scoreModel();
        }
        if (predicted == null || reference == null) {
            throw new BadInputException("evaluate: give --pred and --ref, or --model with dataset folders");
        }
        LabelMap p = ImageFiles.readLabels(predicted);
        LabelMap r = ImageFiles.readLabels(reference);
        Set<Organ> labelled = ReferenceOrgans.of(reference, r);
        Map<Organ, OrganMetrics> metrics = Evaluator.evaluateFiles(p, predicted.toString(), r, reference.toString(), labelled);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%-13s %7s %9s %10s %10s %8s%n", "organ", "Dice", "HD95 mm", "pred mL", "ref mL", "vol diff");
        for (OrganMetrics m : metrics.values()) {
            o.printf(Locale.ROOT, "%-13s %7.4f %9s %10.1f %10.1f %7.1f%%%n", m.organ().key(), m.dice(), m.hd95Text(2),
                    m.predictedMl(), m.referenceMl(), m.volumeDifferencePercent());
        }
        for (Organ organ : Organ.values()) {
            if (!labelled.contains(organ)) {
                o.println(organ.key() + ": not labelled in the reference, not scored");
            }
        }
        return ExitCodes.OK;
    }

    private int scoreModel() throws IOException, SegmentationException, BadInputException {
        if (data.isEmpty()) {
            throw new BadInputException("evaluate: --model needs dataset or case folders to score");
        }
        List<TrainingCase> all = new ArrayList<>();
        for (Path root : data) {
            all.addAll(Datasets.discover(root, 1.0));
        }
        List<TrainingCase> chosen = all.stream().filter(c -> cases.isEmpty() || cases.contains(c.id())).toList();
        for (String id : cases) {
            if (chosen.stream().noneMatch(c -> c.id().equals(id))) {
                throw new BadInputException("evaluate: case '" + id + "' is not in " + data);
            }
        }
        TrainingConsole progress = new TrainingConsole(System.err);
        List<CaseEvaluation> results = CrossValidation.evaluateModel(model, chosen, List.of(Mode.AXIAL, Mode.CONSENSUS),
                lowDose, progress);
        PrintWriter o = spec.commandLine().getOut();
        results.forEach(e -> o.println(CrossValidation.describe(e)));
        if (record) {
            CrossValidation.recordInModel(model, results);
            o.println("recorded in " + model.resolve("model.json"));
        }
        return ExitCodes.OK;
    }
}
