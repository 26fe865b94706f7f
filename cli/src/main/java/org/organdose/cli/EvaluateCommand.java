package org.organdose.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;
import org.organdose.image.io.ImageFiles;
import org.organdose.segment.SegmentationException;
import org.organdose.segment.eval.Evaluator;
import org.organdose.segment.eval.OrganMetrics;
import org.organdose.segment.eval.ReferenceOrgans;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code organdose evaluate --pred P --ref R}: Dice, HD95 and volume difference per organ, only
 * for the organs the reference labels (from its case.json when there is one).
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Compare predicted organ labels with reference labels: Dice, HD95 (mm), volume difference per organ.")
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--pred", required = true, paramLabel = "P", description = "predicted label map")
    Path predicted;

    @Option(names = "--ref", required = true, paramLabel = "R",
            description = "reference label map on the same grid; a case.json beside it says which organs it labels")
    Path reference;

    @Override
    public Integer call() throws IOException, SegmentationException {
        LabelMap p = ImageFiles.readLabels(predicted);
        LabelMap r = ImageFiles.readLabels(reference);
        Set<Organ> labelled = ReferenceOrgans.of(reference, r);
        Map<Organ, OrganMetrics> metrics = Evaluator.evaluateFiles(p, predicted.toString(), r, reference.toString(), labelled);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%-13s %7s %9s %10s %10s %8s%n", "organ", "Dice", "HD95 mm", "pred mL", "ref mL", "vol diff");
        for (OrganMetrics m : metrics.values()) {
            o.printf(Locale.ROOT, "%-13s %7.4f %9.2f %10.1f %10.1f %7.1f%%%n", m.organ().key(), m.dice(), m.hd95Mm(),
                    m.predictedMl(), m.referenceMl(), m.volumeDifferencePercent());
        }
        for (Organ organ : Organ.values()) {
            if (!labelled.contains(organ)) {
                o.println(organ.key() + ": not labelled in the reference, not scored");
            }
        }
        return ExitCodes.OK;
    }
}
