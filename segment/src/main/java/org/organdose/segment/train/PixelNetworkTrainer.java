package org.organdose.segment.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.organdose.image.io.AtomicFileOutput;
import org.organdose.segment.SegmentationException;
import org.organdose.segment.data.Datasets;
import org.organdose.segment.data.TrainingCase;
import org.organdose.segment.net.FiniteGradients;
import org.organdose.segment.net.ModelSpec;
import org.organdose.segment.net.NetworkClasses;
import org.organdose.segment.net.SegmentationNetwork;
import org.organdose.segment.net.PixelNetwork;
import org.organdose.segment.preprocess.HuWindow;

/**
 * Trains a pixel network, the 2.5D U-Net or the semantic ResNet-FPN ({@code config.architecture()}): masked Dice + cross-entropy ({@link MaskedDiceCeLoss}), Adam with a
 * polynomially decaying learning rate, augmented samples ({@link TrainingSampler}), validation
 * Dice per organ after every epoch, a checkpoint every epoch ({@code checkpoints/}), a training
 * log ({@code training.log}), and the last epoch's averaged weights ({@link WeightAverage}) with
 * {@code model.json} in the output folder. The last epoch, not the one scoring best on the held-out
 * cases, is kept: choosing by the held-out score would make that score optimistic.
 * {@code resume} continues after the last checkpoint (Adam's moment estimates and the weight
 * average start afresh); {@code init} starts from another model's weights, first training the decoder with the
 * encoder frozen, then the whole net at a tenth of the learning rate (the paper's transfer learning).
 */
public final class PixelNetworkTrainer {
    static final String WEIGHTS = "weights.params";
    static final String CHECKPOINTS = "checkpoints";
    static final String STATE = "state.json";
    static final String LOG = "training.log";
    /** Memory of the weight average: about 500 steps, three epochs of the default 150. */
    static final double AVERAGE_DECAY = 0.998;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final TrainingConfig config;
    private final TrainingListener listener;
    private final Path checkpoints;

    /** What a run produced. */
    public record Result(Path modelDir, List<EpochSummary> history) {
    }

    private PixelNetworkTrainer(TrainingConfig config, TrainingListener listener) {
        this.config = config;
        this.listener = listener;
        this.checkpoints = config.out().resolve(CHECKPOINTS);
    }

    /** Trains on the cases found in {@code config.data()}. */
    public static Result train(TrainingConfig config, TrainingListener listener) throws SegmentationException, IOException {
        return train(config, discover(config), listener);
    }

    /** Trains on the given cases ({@code config.data()} is not read), split by the config's folds and hold-outs. */
    public static Result train(TrainingConfig config, List<TrainingCase> cases, TrainingListener listener)
            throws SegmentationException, IOException {
        return new PixelNetworkTrainer(config, listener).run(cases);
    }

    private Result run(List<TrainingCase> cases) throws SegmentationException, IOException {
        SegmentationNetwork.useOfflineEngine();
        TrainingState state = config.resume() ? TrainingState.read(checkpoints.resolve(STATE)) : new TrainingState();
        if (!config.resume() && Files.exists(config.out().resolve(ModelSpec.FILE_NAME))) {
            throw new SegmentationException(config.out() + ": already holds a model; use --resume to continue it or choose another --out");
        }
        TrainingRun.Split split = TrainingRun.split(config, cases, listener);
        ModelSpec spec = initialSpec();
        // a resumed transfer-learning run keeps its schedule: the model it started from is in model.json
        Path startedFrom = config.init() != null ? config.init() : TrainingRun.recordedPath(spec, "init");
        String plan = "training on " + TrainingRun.ids(split.training()) + ", validating on "
                + (split.validation().isEmpty() ? "none" : TrainingRun.ids(split.validation()));
        listener.message(plan);
        TrainingRun.appendLog(config.out(), "# " + Instant.now() + (config.resume() ? " resumed after epoch " + state.epochsDone : " started")
                + ": " + plan + (config.command().isEmpty() ? "" : "; " + config.command()));
        List<WorkingCase> training = TrainingRun.prepare(split.training(), spec.inputSpacingMm(), listener);
        List<WorkingCase> validation = TrainingRun.prepare(split.validation(), spec.inputSpacingMm(), listener);

        try (SegmentationNetwork network = SegmentationNetwork.create(spec, config.seed())) {
            if (config.resume() && state.epochsDone > 0) {
                network.loadWeights(checkpoints.resolve(TrainingRun.checkpointName(state.epochsDone)));
                listener.message("resumed after epoch " + state.epochsDone);
            } else if (config.init() != null) {
                network.loadWeights(config.init().resolve(ModelSpec.read(config.init()).weightsFile()));
                listener.message("initialised from " + config.init());
            }
            spec.withTraining(TrainingRun.trainingData(split.training()), settings(split, state, startedFrom)).write(config.out());
            int totalSteps = config.epochs() * config.stepsPerEpoch();
            MaskedDiceCeLoss loss = new MaskedDiceCeLoss();
            Optimiser opt = null;
            try (WeightAverage average = new WeightAverage(network.net(), network.model().getNDManager(), AVERAGE_DECAY)) {
                for (int epoch = state.epochsDone; epoch < config.epochs(); epoch++) {
                    boolean frozen = startedFrom != null && epoch < config.freezeEpochs();
                    if (opt == null || opt.encoderFrozen != frozen) {
                        if (opt != null) {
                            opt.close();
                            listener.message("encoder unfrozen: training the whole net");
                        }
                        opt = new Optimiser(network, loss, frozen);
                    }
                    double base = startedFrom != null && !frozen ? config.learningRate() / 10 : config.learningRate();
                    TrainingSampler sampler = new TrainingSampler(training, List.copyOf(config.planes()), spec.slicesPerStack(),
                            config.cropSize(), HuWindow.of(spec.huWindow()), config.augmentation(), config.seed() * 1_000_003L + epoch);
                    long start = System.nanoTime();
                    EpochSteps steps = trainEpoch(opt, network, sampler, loss, average, base, epoch * config.stepsPerEpoch(),
                            totalSteps, epoch);
                    Map<String, Double> dice = TrainingRun.validateAndSave(network, network::saveWeights, average, validation,
                            config.out().resolve(WEIGHTS));
                    EpochSummary summary = new EpochSummary(epoch + 1, steps.meanLoss(), opt.rate[0], frozen, dice,
                            (System.nanoTime() - start) / 1e9, steps.skipped());
                    state.record(summary);
                    TrainingRun.saveCheckpoint(checkpoints, state, network::saveWeights);
                    TrainingRun.appendLog(config.out(), summary.logLine(config.epochs()));
                    spec.withTraining(TrainingRun.trainingData(split.training()), settings(split, state, startedFrom))
                            .withAccuracy(TrainingRun.accuracy(state, split.validation())).write(config.out());
                    listener.epochDone(summary);
                }
            } finally {
                if (opt != null) {
                    opt.close();
                }
            }
            return new Result(config.out(), List.copyOf(state.history));
        }
    }

    /**
     * Adam over the trainable parameters of one phase (whole net, or decoder with the encoder
     * frozen); its moment estimates carry over from epoch to epoch within the phase.
     */
    private static final class Optimiser implements AutoCloseable {
        final boolean encoderFrozen;
        final float[] rate = {0f};
        final ai.djl.training.Trainer djl;

        Optimiser(SegmentationNetwork network, MaskedDiceCeLoss loss, boolean encoderFrozen) {
            this.encoderFrozen = encoderFrozen;
            PixelNetwork net = network.net();
            // loaded weights arrive without gradients attached, and a previous phase may have frozen the encoder
            net.freezeParameters(false, PixelNetwork.trainable());
            if (encoderFrozen) {
                net.freezeParameters(true, net.encoderParameters());
            }
            Tracker tracker = numUpdate -> rate[0];
            djl = network.model().newTrainer(new DefaultTrainingConfig(loss)
                    .optOptimizer(Adam.builder().optLearningRateTracker(tracker).build()));
        }

        @Override
        public void close() {
            djl.close();
        }
    }

    /** An epoch's mean loss (over all its steps) and how many steps were skipped for a non-finite gradient. */
    private record EpochSteps(double meanLoss, int skipped) {
    }

    /** One epoch of optimiser steps. */
    private EpochSteps trainEpoch(Optimiser opt, SegmentationNetwork network, TrainingSampler sampler, MaskedDiceCeLoss loss,
            WeightAverage average, double base, int firstStep, int totalSteps, int epoch) throws SegmentationException {
        listener.epochStarted(epoch + 1, config.epochs(), config.stepsPerEpoch());
        double sum = 0;
        int skipped = 0;
        int k = network.spec().slicesPerStack();
        int crop = config.cropSize();
        ai.djl.training.Trainer djl = opt.djl;
        for (int step = 0; step < config.stepsPerEpoch(); step++) {
            double progress = (double) (firstStep + step) / totalSteps;
            opt.rate[0] = (float) (base * Math.max(0.02, Math.pow(1 - progress, 0.9)));
            TrainingSampler.Batch batch = sampler.next(config.batchSize());
            int n = batch.size();
            try (NDManager m = djl.getManager().newSubManager()) {
                NDArray x = m.create(batch.inputs(), new Shape(n, k, crop, crop));
                NDArray y = m.create(batch.targets(), new Shape(n, crop, crop));
                NDArray labelled = m.create(batch.labelled(), new Shape(n, NetworkClasses.COUNT));
                double value;
                try (GradientCollector gc = djl.newGradientCollector()) {
                    NDList predictions = djl.forward(new NDList(x));
                    NDArray l = loss.evaluate(new NDList(y, labelled), predictions);
                    gc.backward(l);
                    value = l.getFloat();
                }
                if (FiniteGradients.step(djl, network.net())) {
                    average.update();
                } else {
                    skipped++;
                    TrainingRun.reportSkippedStep(listener, epoch, step + 1);
                }
                sum += value;
                listener.stepDone(step + 1, value);
            }
        }
        TrainingRun.requireStepsTaken(config.out(), epoch, skipped, config.stepsPerEpoch());
        return new EpochSteps(sum / config.stepsPerEpoch(), skipped);
    }

    /** All cases of the config's data folders. */
    public static List<TrainingCase> discover(TrainingConfig config) throws SegmentationException {
        if (config.data().isEmpty()) {
            throw new SegmentationException("no training data given");
        }
        List<TrainingCase> all = new ArrayList<>();
        for (Path root : config.data()) {
            all.addAll(Datasets.discover(root, config.modelLabelWeight()));
        }
        return all;
    }

    private ModelSpec initialSpec() throws SegmentationException {
        String name = config.out().toAbsolutePath().normalize().getFileName().toString();
        if (config.resume()) {
            return ModelSpec.read(config.out());
        }
        if (config.init() != null) {
            ModelSpec from = ModelSpec.read(config.init());
            return from.withName(name).withAccuracy(null);
        }
        // the semantic FPN's depth is its ResNet's: the light one, as the Mask R-CNN it initialises
        int depth = ModelSpec.SEMANTIC_FPN.equals(config.architecture()) ? MaskRcnnTrainer.Backbone.LIGHT.resnetDepth() : config.depth();
        return new ModelSpec(name, config.architecture(), config.baseWidth(), depth, config.spacingMm(),
                config.huWindow().toArray(), config.slicesPerStack(), List.copyOf(config.planes()), NetworkClasses.NAMES,
                WEIGHTS, null, null, null);
    }

    private Map<String, Object> settings(TrainingRun.Split split, TrainingState state, Path startedFrom) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", config.command());
        TrainingRun.putSchedule(m, config, state);
        m.put("learningRate", config.learningRate());
        m.put("loss", "soft Dice + cross-entropy, masked for unlabelled organs");
        if (startedFrom != null) {
            m.put("init", startedFrom.toString());
            m.put("freezeEpochs", config.freezeEpochs());
        }
        TrainingRun.putData(m, config, split, state);
        return m;
    }

    /** Epochs done and their summaries; what {@code --resume} needs. */
    static final class TrainingState {
        public int epochsDone;
        public List<EpochSummary> history = new ArrayList<>();

        void record(EpochSummary s) {
            history.add(s);
            epochsDone = s.epoch();
        }

        void write(Path file) throws IOException {
            AtomicFileOutput.write(file, out -> JSON.writeValue(out, this));
        }

        static TrainingState read(Path file) throws SegmentationException {
            if (!Files.isRegularFile(file)) {
                throw new SegmentationException(file + ": no checkpoint to resume from");
            }
            try {
                return JSON.readValue(file.toFile(), TrainingState.class);
            } catch (IOException | UncheckedIOException e) {
                throw new SegmentationException(file + ": unreadable training state: " + e.getMessage().lines().findFirst().orElse(""), e);
            }
        }
    }
}
