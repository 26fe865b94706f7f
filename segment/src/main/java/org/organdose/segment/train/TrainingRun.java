package org.organdose.segment.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.organdose.image.Organ;
import org.organdose.segment.Mode;
import org.organdose.segment.SegmentationException;
import org.organdose.segment.data.SyntheticCases;
import org.organdose.segment.data.TrainingCase;
import org.organdose.segment.eval.Evaluator;
import org.organdose.segment.infer.SliceSegmenter;
import org.organdose.segment.net.FiniteGradients;
import org.organdose.segment.net.ModelSpec;
import org.organdose.segment.net.SliceClassifier;

/**
 * What every training run does whatever the network: choosing and splitting the cases, preparing
 * them on the working grid, describing them in model.json, checkpoints and the training log.
 */
final class TrainingRun {
    private TrainingRun() {
    }

    /**
     * The training cases (the real ones, then the config's digital patients) and the held-out ones.
     *
     * @param teacher what model.json records of the teacher that labelled training cases, or null
     */
    record Split(List<TrainingCase> training, List<TrainingCase> validation, Map<String, Object> teacher) {
    }

    /** Writes a network's weights to a file. */
    interface WeightsWriter {
        void save(Path file) throws IOException;
    }

    /**
     * Fold i holds out the cases whose index in id order is i modulo k, plus any named hold-outs;
     * excluded cases are dropped first; digital patients only ever train. With a teacher, the
     * training cases' unlabelled organs are labelled by it ({@link TeacherLabels}).
     */
    static Split split(TrainingConfig config, List<TrainingCase> cases, TrainingListener listener) throws SegmentationException {
        Split split = splitCases(config, cases);
        return config.teacher() == null ? split : TeacherLabels.of(config.teacher()).teach(split, listener);
    }

    private static Split splitCases(TrainingConfig config, List<TrainingCase> cases) throws SegmentationException {
        List<TrainingCase> all = usable(config, cases);
        List<TrainingCase> training = new ArrayList<>();
        List<TrainingCase> validation = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            TrainingCase c = all.get(i);
            boolean inFold = config.folds() > 0 && i % config.folds() == config.fold();
            (inFold || config.holdOut().contains(c.id()) ? validation : training).add(c);
        }
        if (training.isEmpty()) {
            throw new SegmentationException("no training cases left after holding out " + ids(validation));
        }
        training.addAll(SyntheticCases.of(config.syntheticCases(), config.syntheticWeight(), config.seed()));
        return new Split(training, validation, null);
    }

    /** The cases in id order without the excluded ones, after checking ids are unique and hold-outs exist. */
    private static List<TrainingCase> usable(TrainingConfig config, List<TrainingCase> cases) throws SegmentationException {
        List<TrainingCase> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TrainingCase c : cases) {
            if (!seen.add(c.id())) {
                throw new SegmentationException("case id '" + c.id() + "' appears twice in the training data");
            }
            if (!config.exclude().contains(c.id())) {
                all.add(c);
            }
        }
        for (String id : config.holdOut()) {
            if (!seen.contains(id)) {
                throw new SegmentationException("held-out case '" + id + "' is not in the training data");
            }
        }
        all.sort(Comparator.comparing(TrainingCase::id));
        return all;
    }

    /** Reads each case and resamples it onto its working grid, saying so. */
    static List<WorkingCase> prepare(List<TrainingCase> sources, double spacingMm, TrainingListener listener)
            throws SegmentationException {
        List<WorkingCase> cases = new ArrayList<>();
        for (TrainingCase s : sources) {
            try {
                long t0 = System.nanoTime();
                WorkingCase c = WorkingCase.of(s.load(), spacingMm);
                listener.message(String.format(Locale.ROOT, "prepared %s: working grid %s, labelled %s, weight %.2f (%.1f s)",
                        s.id(), Arrays.toString(c.geometry().sizes()), s.labelled(), s.weight(),
                        (System.nanoTime() - t0) / 1e9));
                cases.add(c);
            } catch (IOException e) {
                throw new SegmentationException("cannot read training case " + s.id() + ": " + e.getMessage(), e);
            }
        }
        return cases;
    }

    static String ids(List<TrainingCase> cases) {
        return String.join(", ", cases.stream().map(TrainingCase::id).toList());
    }

    /** model.json's trainingData: each case, what it labels, its weight and where its labels come from. */
    static List<Map<String, Object>> trainingData(List<TrainingCase> cases) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (TrainingCase c : cases) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("case", c.id());
            m.put("labelled", c.labelled().stream().map(Organ::key).sorted().toList());
            m.put("weight", c.weight());
            m.put("labels", c.note());
            list.add(m);
        }
        return list;
    }

    /** The run's size in model.json's training settings, the same for every trainer. */
    static void putSchedule(Map<String, Object> m, TrainingConfig config, PixelNetworkTrainer.TrainingState state) {
        m.put("epochs", config.epochs());
        m.put("epochsDone", state.epochsDone);
        m.put("stepsPerEpoch", config.stepsPerEpoch());
        m.put("batchSize", config.batchSize());
        m.put("cropSize", config.cropSize());
        m.put("optimizer", "Adam");
    }

    /**
     * What the network saw and how it was checked, in model.json's training settings: seed, planes,
     * augmentation, digital patients, fold, teacher, held-out cases, weight average, per-epoch history.
     */
    static void putData(Map<String, Object> m, TrainingConfig config, Split split, PixelNetworkTrainer.TrainingState state) {
        m.put("seed", config.seed());
        m.put("planes", List.copyOf(config.planes()));
        m.put("augmentation", config.augmentation());
        m.put("syntheticCases", config.syntheticCases());
        m.put("syntheticWeight", config.syntheticWeight());
        if (config.folds() > 0) {
            m.put("folds", config.folds());
            m.put("fold", config.fold());
        }
        if (split.teacher() != null) {
            m.put(TeacherLabels.SETTINGS_KEY, split.teacher());
        }
        m.put("validationCases", split.validation().stream().map(TrainingCase::id).toList());
        m.put("weightAverageDecay", PixelNetworkTrainer.AVERAGE_DECAY);
        m.put("history", state.history);
    }

    /** model.json's accuracy: the held-out Dice of the latest epoch, or null without hold-outs. */
    static Map<String, Object> accuracy(PixelNetworkTrainer.TrainingState state, List<TrainingCase> validation) {
        if (validation.isEmpty() || state.epochsDone == 0) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("measure", "Dice per organ on the held-out cases, on the working grid, axial mode, post-processed");
        m.put("cases", validation.stream().map(TrainingCase::id).toList());
        m.put("epoch", state.epochsDone);
        m.put("dice", state.history.get(state.epochsDone - 1).validationDice());
        return m;
    }

    /**
     * Ends an epoch with the averaged weights in the network: scores them on the held-out cases and
     * saves them as the model's weights; the network's own weights are back afterwards.
     */
    static Map<String, Double> validateAndSave(SliceClassifier network, WeightsWriter weights, WeightAverage average,
            List<WorkingCase> validation, Path weightsFile) throws SegmentationException, IOException {
        try (WeightAverage.Swap averaged = average.swapIn()) {
            Map<String, Double> dice = validationDice(network, validation);
            weights.save(weightsFile);
            return dice;
        }
    }

    /** Mean Dice per organ over the validation cases, on the working grid, axial mode, post-processed. */
    static Map<String, Double> validationDice(SliceClassifier network, List<WorkingCase> validation) throws SegmentationException {
        Map<String, List<Double>> perOrgan = new TreeMap<>();
        SliceSegmenter segmenter = new SliceSegmenter(network, Mode.AXIAL);
        for (WorkingCase c : validation) {
            Evaluator.evaluate(segmenter.segmentWorking(c.ct).labels(), c.organs, c.source.labelled()).forEach((organ, m) -> {
                if (!Double.isNaN(m.dice())) {
                    perOrgan.computeIfAbsent(organ.key(), x -> new ArrayList<>()).add(m.dice());
                }
            });
        }
        Map<String, Double> mean = new LinkedHashMap<>();
        for (Organ o : Organ.values()) {
            List<Double> d = perOrgan.get(o.key());
            if (d != null) {
                mean.put(o.key(), d.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
            }
        }
        return mean;
    }

    /** A path recorded in a model's training settings (e.g. the model a run started from), or null. */
    static Path recordedPath(ModelSpec spec, String key) {
        Object v = spec.training() == null ? null : spec.training().get(key);
        return v instanceof String s ? Path.of(s) : null;
    }

    static String checkpointName(int epoch) {
        return String.format(Locale.ROOT, "epoch-%03d.params", epoch);
    }

    /** Writes this epoch's checkpoint (the network's own weights, to resume from) and state; keeps only the latest. */
    static void saveCheckpoint(Path checkpoints, PixelNetworkTrainer.TrainingState state, WeightsWriter weights) throws IOException {
        weights.save(checkpoints.resolve(checkpointName(state.epochsDone)));
        state.write(checkpoints.resolve(PixelNetworkTrainer.STATE));
        try (var files = Files.list(checkpoints)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith("epoch-") && !name.equals(checkpointName(state.epochsDone))) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Tells of an optimiser step skipped for a non-finite gradient ({@link FiniteGradients}). */
    static void reportSkippedStep(TrainingListener listener, int epoch, int step) {
        listener.message("epoch " + (epoch + 1) + " step " + step + ": a gradient was NaN or infinite; the step was skipped");
    }

    /**
     * Stops a run none of whose steps in an epoch could be taken: it has diverged (or its data hold
     * NaN). The epoch's weights are not saved; the last complete epoch's checkpoint stays.
     */
    static void requireStepsTaken(Path out, int epoch, int skipped, int steps) throws SegmentationException {
        if (skipped == steps) {
            throw new SegmentationException(out + ": training stopped in epoch " + (epoch + 1) + ": every one of its " + steps
                    + " steps gave a NaN or infinite gradient (diverged, or NaN in the data)");
        }
    }

    static void appendLog(Path out, String line) throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve(PixelNetworkTrainer.LOG), line + System.lineSeparator(),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
