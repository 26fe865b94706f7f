package org.organdose.segment.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.organdose.image.LabelInterpolation;
import org.organdose.image.LabelMap;
import org.organdose.image.Resampler;
import org.organdose.image.registration.RigidTransform;
import org.organdose.phantom.LowDoseCt;
import org.organdose.segment.Mode;
import org.organdose.image.Organ;
import org.organdose.segment.Segmentation;
import org.organdose.segment.SegmentationException;
import org.organdose.segment.data.LabelledCase;
import org.organdose.segment.data.TrainingCase;
import org.organdose.segment.eval.Evaluator;
import org.organdose.segment.eval.MetricsJson;
import org.organdose.segment.eval.OrganMetrics;
import org.organdose.segment.infer.SegmentationRunner;
import org.organdose.segment.net.EnsembleSpec;
import org.organdose.segment.net.ModelSpec;

/**
 * k-fold (k = number of cases: leave-one-case-out) evaluation of a training configuration: each
 * fold is trained into {@code out/fold-i} and its held-out cases are segmented with the full
 * pipeline on their own grids, as diagnostic CTs and as simulated low-dose CTs.
 */
public final class CrossValidation {
    /** The low-dose CT simulated for evaluation: 1.2 mm pixels, 5 mm slices, 30 HU of noise correlated over 0.8 mm. */
    public static final LowDoseCt.Options LOW_DOSE = new LowDoseCt.Options(1.2, 5, 30, 0.8);

    private static final ObjectMapper JSON = new ObjectMapper();

    private CrossValidation() {
    }

    public static List<CaseEvaluation> run(TrainingConfig config, int folds, List<Mode> modes, TrainingListener listener)
            throws SegmentationException, IOException {
        List<TrainingCase> cases = PixelNetworkTrainer.discover(config);
        int k = folds > 0 ? folds : cases.size();
        List<TrainingCase> sorted = new ArrayList<>(cases);
        sorted.removeIf(c -> config.exclude().contains(c.id()));
        sorted.sort(Comparator.comparing(TrainingCase::id));
        List<CaseEvaluation> results = new ArrayList<>();
        for (int fold = 0; fold < k; fold++) {
            Path foldDir = config.out().resolve("fold-" + fold);
            listener.message("fold " + (fold + 1) + "/" + k);
            PixelNetworkTrainer.train(config.forFold(k, fold, foldDir), cases, listener);
            List<TrainingCase> heldOut = new ArrayList<>();
            for (int i = fold; i < sorted.size(); i += k) {
                heldOut.add(sorted.get(i));
            }
            results.addAll(evaluateModel(foldDir, heldOut, modes, true, listener));
        }
        return results;
    }

    /**
     * Segments each case with the model (U-Net or Mask R-CNN, as its model.json says, loaded once)
     * and scores it against the case's labels.
     *
     * @param alsoLowDose also score a simulated low-dose version of each case ({@link #LOW_DOSE})
     */
    public static List<CaseEvaluation> evaluateModel(Path modelDir, List<TrainingCase> cases, List<Mode> modes,
            boolean alsoLowDose, TrainingListener listener) throws SegmentationException, IOException {
        List<CaseEvaluation> results = new ArrayList<>();
        try (SegmentationRunner.LoadedModel model = SegmentationRunner.load(modelDir)) {
            for (TrainingCase source : cases) {
                LabelledCase c = source.load();
                List<LowDoseCt> variants = new ArrayList<>();
                variants.add(new LowDoseCt(c.ct(), c.labels()));
                if (alsoLowDose) {
                    // labels stored on their own grid are carried onto the CT's first: the simulation moves both together
                    LabelMap labels = c.labels().geometry().sameGrid(c.ct().geometry(), 1e-3) ? c.labels()
                            : Resampler.resampleLabels(c.labels(), c.ct().geometry(), LabelInterpolation.NEAREST);
                    variants.add(LowDoseCt.simulate(c.ct(), labels, RigidTransform.identity(new double[3]), LOW_DOSE, 1));
                }
                for (int v = 0; v < variants.size(); v++) {
                    String variant = v == 0 ? "original" : String.format(Locale.ROOT, "low-dose %.1f mm pixels, %.0f mm slices, %.0f HU noise",
                            LOW_DOSE.pixelMm(), LOW_DOSE.sliceMm(), LOW_DOSE.addedNoiseHu());
                    for (Mode mode : modes) {
                        long t0 = System.nanoTime();
                        Segmentation s = model.segmenter(mode).segment(variants.get(v).ct());
                        double seconds = (System.nanoTime() - t0) / 1e9;
                        CaseEvaluation e = new CaseEvaluation(c.id(), variant, mode,
                                Evaluator.evaluateFiles(s.labels(), c.id() + " segmentation", variants.get(v).organs(),
                                        c.id() + " labels", c.labelled()), seconds, CaseEvaluation.warningsOf(s));
                        listener.message(describe(e));
                        results.add(e);
                    }
                }
            }
        }
        return results;
    }

    /** Adds the results to the model's model.json under {@code accuracy.heldOut}, keeping what is there. */
    public static void recordInModel(Path modelDir, List<CaseEvaluation> results) throws SegmentationException, IOException {
        if (EnsembleSpec.isEnsemble(modelDir)) {
            EnsembleSpec ensemble = EnsembleSpec.read(modelDir);
            ensemble.withAccuracy(withHeldOut(ensemble.accuracy(), results)).write(modelDir);
        } else {
            ModelSpec spec = ModelSpec.read(modelDir);
            spec.withAccuracy(withHeldOut(spec.accuracy(), results)).write(modelDir);
        }
    }

    private static Map<String, Object> withHeldOut(Map<String, Object> recorded, List<CaseEvaluation> results) {
        Map<String, Object> accuracy = recorded == null ? new LinkedHashMap<>() : new LinkedHashMap<>(recorded);
        accuracy.put("heldOut", JSON.convertValue(toJson(results), List.class));
        return accuracy;
    }

    /** One object per evaluated case, variant and mode, with its metrics and time. */
    public static ArrayNode toJson(List<CaseEvaluation> results) {
        ArrayNode list = JSON.createArrayNode();
        for (CaseEvaluation e : results) {
            ObjectNode n = list.addObject();
            n.put("case", e.caseId());
            n.put("variant", e.variant());
            n.put("mode", e.mode().name().toLowerCase(Locale.ROOT));
            n.put("seconds", Math.round(e.seconds() * 10) / 10.0);
            n.set("organs", MetricsJson.toJson(e.metrics()));
            e.warnings().forEach(n.putArray("warnings")::add);
        }
        return list;
    }

    /** One line: case, variant, mode, Dice per organ, time; then one indented line per warning. */
    public static String describe(CaseEvaluation e) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s [%s, %s]", e.caseId(), e.variant(),
                e.mode().name().toLowerCase(Locale.ROOT)));
        for (Organ o : Organ.values()) {
            OrganMetrics m = e.metrics().get(o);
            if (m != null) {
                sb.append(String.format(Locale.ROOT, " %s Dice %.3f HD95 %s mm dV %+.1f%%", o.key(), m.dice(), m.hd95Text(1),
                        m.volumeDifferencePercent()));
            }
        }
        sb.append(String.format(Locale.ROOT, " (%.1f s)", e.seconds()));
        e.warnings().forEach(w -> sb.append(System.lineSeparator()).append("  warning: ").append(w));
        return sb.toString();
    }
}
