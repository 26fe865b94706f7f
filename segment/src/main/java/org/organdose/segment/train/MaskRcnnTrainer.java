package org.organdose.segment.train;

import ai.djl.MalformedModelException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.organdose.segment.SegmentationException;
import org.organdose.segment.data.TrainingCase;
import org.organdose.segment.maskrcnn.MaskRcnn;
import org.organdose.segment.maskrcnn.MaskRcnnNetwork;
import org.organdose.segment.maskrcnn.MaskRcnnOptimiser;
import org.organdose.segment.maskrcnn.ResNetFpn;
import org.organdose.segment.maskrcnn.SemanticFpn;
import org.organdose.segment.net.ModelSpec;
import org.organdose.segment.net.NetworkClasses;
import org.organdose.segment.net.SegmentationNetwork;
import org.organdose.segment.preprocess.HuWindow;

/**
 * Trains the paper's 2.5D Mask R-CNN on the same augmented samples as the U-Net
 * ({@link TrainingSampler}) with the paper's two phases: for {@code config.freezeEpochs()} epochs
 * the heads, pyramid and RPN with the ResNet body frozen (Adam at {@code config.learningRate()},
 * the paper's 1e-3), then the whole net at a tenth of it (1e-4). No ImageNet weights can be
 * downloaded here: the backbone starts from random weights, or with {@code config.init()} from a
 * semantic FPN trained on our CT slices ({@link SemanticFpn}); model.json says which.
 *
 * <p>As {@link PixelNetworkTrainer}: validation Dice per organ after every epoch (working grid, axial,
 * post-processed), a checkpoint every epoch ({@code checkpoints/}), {@code --resume} after the
 * last one (Adam's moments and the weight average start afresh), a training log with the five
 * losses, and the last epoch's averaged weights ({@link WeightAverage}) with {@code model.json} (architecture {@value ModelSpec#MASKRCNN}) in the output
 * folder. {@code config.baseWidth()} is the light backbone's width; {@code depth},
 * {@code init} and the polynomial decay of the U-Net do not apply.
 */
public final class MaskRcnnTrainer {
    /** Backbone variants. */
    public enum Backbone {
        /** ResNet-18-style basic units at {@code config.baseWidth()}: what a CPU can train. */
        LIGHT,
        /** The paper's ResNet-50 (base width 64, 256-channel pyramid). */
        RESNET50;

        int resnetDepth() {
            return this == LIGHT ? 18 : 50;
        }
    }

    private static final int RESNET50_WIDTH = 64;
    private static final String INIT_KEY = "init";
    private static final String RANDOM_INITIALISATION =
            "random (He et al.); no ImageNet weights can be downloaded here and no CT pretraining was done";

    private final TrainingConfig config;
    private final Backbone backbone;
    private final TrainingListener listener;
    private final Path checkpoints;

    private MaskRcnnTrainer(TrainingConfig config, Backbone backbone, TrainingListener listener) {
        this.config = config;
        this.backbone = backbone;
        this.listener = listener;
        this.checkpoints = config.out().resolve(PixelNetworkTrainer.CHECKPOINTS);
    }

    /** Trains on the cases found in {@code config.data()}. */
    public static PixelNetworkTrainer.Result train(TrainingConfig config, Backbone backbone, TrainingListener listener)
            throws SegmentationException, IOException {
        return train(config, backbone, PixelNetworkTrainer.discover(config), listener);
    }

    /** Trains on the given cases ({@code config.data()} is not read), split by the config's folds and hold-outs. */
    public static PixelNetworkTrainer.Result train(TrainingConfig config, Backbone backbone, List<TrainingCase> cases,
            TrainingListener listener) throws SegmentationException, IOException {
        return new MaskRcnnTrainer(config, backbone, listener).run(cases);
    }

    private PixelNetworkTrainer.Result run(List<TrainingCase> cases) throws SegmentationException, IOException {
        if (config.cropSize() % ResNetFpn.SIZE_MULTIPLE != 0) {
            throw new SegmentationException("Mask R-CNN crops must be multiples of " + ResNetFpn.SIZE_MULTIPLE
                    + " pixels, got " + config.cropSize());
        }
        PixelNetworkTrainer.TrainingState state = config.resume()
                ? PixelNetworkTrainer.TrainingState.read(checkpoints.resolve(PixelNetworkTrainer.STATE)) : new PixelNetworkTrainer.TrainingState();
        if (!config.resume() && Files.exists(config.out().resolve(ModelSpec.FILE_NAME))) {
            throw new SegmentationException(config.out() + ": already holds a model; use --resume to continue it or choose another --out");
        }
        TrainingRun.Split split = TrainingRun.split(config, cases, listener);
        List<TrainingCase> training = split.training();
        List<TrainingCase> validation = split.validation();
        ModelSpec spec = initialSpec();
        Path startedFrom = config.init() != null ? config.init() : TrainingRun.recordedPath(spec, INIT_KEY);
        String plan = "Mask R-CNN (" + backbone.name().toLowerCase(Locale.ROOT) + " backbone): training on " + TrainingRun.ids(training)
                + ", validating on " + (validation.isEmpty() ? "none" : TrainingRun.ids(validation));
        listener.message(plan);
        TrainingRun.appendLog(config.out(), "# " + Instant.now() + (config.resume() ? " resumed after epoch " + state.epochsDone : " started")
                + ": " + plan + (config.command().isEmpty() ? "" : "; " + config.command()));
        List<WorkingCase> trainingCases = TrainingRun.prepare(training, spec.inputSpacingMm(), listener);
        List<WorkingCase> validationCases = TrainingRun.prepare(validation, spec.inputSpacingMm(), listener);

        try (MaskRcnnNetwork network = MaskRcnnNetwork.create(spec, config.seed())) {
            network.net().setSampling(MaskRcnn.Sampling.DEFAULT, config.seed() * 31 + state.epochsDone);
            if (config.resume() && state.epochsDone > 0) {
                network.loadWeights(checkpoints.resolve(TrainingRun.checkpointName(state.epochsDone)));
                listener.message("resumed after epoch " + state.epochsDone);
            } else if (config.init() != null) {
                takeBackbone(config.init(), network);
                listener.message("backbone (ResNet body and pyramid) from the semantic FPN " + config.init());
            }
            spec.withTraining(TrainingRun.trainingData(training), settings(split, state, startedFrom)).write(config.out());
            MaskRcnnOptimiser opt = null;
            try (WeightAverage average = new WeightAverage(network.net(), network.model().getNDManager(), PixelNetworkTrainer.AVERAGE_DECAY)) {
                for (int epoch = state.epochsDone; epoch < config.epochs(); epoch++) {
                    boolean frozen = epoch < config.freezeEpochs();
                    double rate = frozen ? config.learningRate() : config.learningRate() / 10;
                    if (opt == null || opt.bodyFrozen() != frozen) {
                        if (opt != null) {
                            opt.close();
                            listener.message("backbone unfrozen: training the whole net");
                        }
                        opt = new MaskRcnnOptimiser(network, frozen, rate);
                    }
                    TrainingSampler sampler = new TrainingSampler(trainingCases, List.copyOf(config.planes()),
                            spec.slicesPerStack(), config.cropSize(), HuWindow.of(spec.huWindow()), config.augmentation(),
                            config.seed() * 1_000_003L + epoch);
                    long start = System.nanoTime();
                    EpochLosses losses = trainEpoch(opt, average, sampler, epoch);
                    double[] meanLosses = losses.means();
                    Map<String, Double> dice = TrainingRun.validateAndSave(network, network::saveWeights, average, validationCases,
                            config.out().resolve(PixelNetworkTrainer.WEIGHTS));
                    EpochSummary summary = new EpochSummary(epoch + 1, Arrays.stream(meanLosses).sum(), rate, frozen, dice,
                            (System.nanoTime() - start) / 1e9, losses.skipped());
                    state.record(summary);
                    TrainingRun.saveCheckpoint(checkpoints, state, network::saveWeights);
                    TrainingRun.appendLog(config.out(), summary.logLine(config.epochs()) + lossesLine(meanLosses));
                    spec.withTraining(TrainingRun.trainingData(training), settings(split, state, startedFrom))
                            .withAccuracy(TrainingRun.accuracy(state, validation)).write(config.out());
                    listener.epochDone(summary);
                }
            } finally {
                if (opt != null) {
                    opt.close();
                }
            }
            return new PixelNetworkTrainer.Result(config.out(), List.copyOf(state.history));
        }
    }

    /** The means of the five losses over an epoch's steps, and how many steps were skipped for a non-finite gradient. */
    private record EpochLosses(double[] means, int skipped) {
    }

    /** One epoch of optimiser steps. */
    private EpochLosses trainEpoch(MaskRcnnOptimiser opt, WeightAverage average, TrainingSampler sampler, int epoch)
            throws SegmentationException {
        listener.epochStarted(epoch + 1, config.epochs(), config.stepsPerEpoch());
        double[] sums = new double[MaskRcnnOptimiser.LOSS_NAMES.length];
        int skipped = 0;
        int crop = config.cropSize();
        for (int step = 0; step < config.stepsPerEpoch(); step++) {
            TrainingSampler.Batch batch = sampler.next(config.batchSize());
            MaskRcnnOptimiser.Step done = opt.step(batch.inputs(), batch.targets(), batch.labelled(), batch.size(), crop, crop);
            float[] losses = done.losses();
            if (done.taken()) {
                average.update();
            } else {
                skipped++;
                TrainingRun.reportSkippedStep(listener, epoch, step + 1);
            }
            double total = 0;
            for (int i = 0; i < losses.length; i++) {
                sums[i] += losses[i];
                total += losses[i];
            }
            listener.stepDone(step + 1, total);
        }
        TrainingRun.requireStepsTaken(config.out(), epoch, skipped, config.stepsPerEpoch());
        for (int i = 0; i < sums.length; i++) {
            sums[i] /= config.stepsPerEpoch();
        }
        return new EpochLosses(sums, skipped);
    }

    private static String lossesLine(double[] means) {
        StringBuilder sb = new StringBuilder(" losses");
        for (int i = 0; i < means.length; i++) {
            sb.append(String.format(Locale.ROOT, " %s %.4f", MaskRcnnOptimiser.LOSS_NAMES[i], means[i]));
        }
        return sb.toString();
    }

    /**
     * Copies the ResNet body and pyramid of a trained semantic FPN into the Mask R-CNN: the
     * pretraining on our own CT slices that stands in for ImageNet weights.
     */
    private static void takeBackbone(Path fpnModel, MaskRcnnNetwork network) throws SegmentationException {
        try (SegmentationNetwork fpn = SegmentationNetwork.load(fpnModel)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ((SemanticFpn) fpn.net()).backbone().saveParameters(new DataOutputStream(bytes));
            network.net().backbone().loadParameters(network.model().getNDManager(),
                    new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        } catch (IOException | MalformedModelException e) {
            throw new SegmentationException(fpnModel + ": its backbone does not fit this Mask R-CNN (" + e.getMessage() + ")", e);
        }
    }

    /** The backbone's base width: the paper's 64 for ResNet-50, the configured width for the light one. */
    private int backboneWidth() {
        return backbone == Backbone.RESNET50 ? RESNET50_WIDTH : config.baseWidth();
    }

    /** The semantic FPN to start from, checked against this run's backbone. */
    private ModelSpec initialisingSpec() throws SegmentationException {
        ModelSpec from = ModelSpec.read(config.init());
        int width = backboneWidth();
        if (!ModelSpec.SEMANTIC_FPN.equals(from.architecture()) || from.depth() != backbone.resnetDepth() || from.baseWidth() != width) {
            throw new SegmentationException(config.init().resolve(ModelSpec.FILE_NAME) + ": a Mask R-CNN with the "
                    + backbone.name().toLowerCase(Locale.ROOT) + " backbone (ResNet-" + backbone.resnetDepth() + ", width " + width
                    + ") starts from a " + ModelSpec.SEMANTIC_FPN + " model of the same backbone, not a " + from.architecture()
                    + " of depth " + from.depth() + " and width " + from.baseWidth());
        }
        return from;
    }

    private ModelSpec initialSpec() throws SegmentationException {
        if (config.resume()) {
            ModelSpec spec = ModelSpec.read(config.out());
            if (!ModelSpec.MASKRCNN.equals(spec.architecture())) {
                throw new SegmentationException(config.out() + ": holds a " + spec.architecture() + " model, not a Mask R-CNN");
            }
            return spec;
        }
        String name = config.out().toAbsolutePath().normalize().getFileName().toString();
        if (config.init() != null) {
            // the backbone learnt on the FPN's working grid, window and stack: keep them
            ModelSpec from = initialisingSpec();
            return new ModelSpec(name, ModelSpec.MASKRCNN, from.baseWidth(), from.depth(), from.inputSpacingMm(), from.huWindow(),
                    from.slicesPerStack(), List.copyOf(config.planes()), NetworkClasses.NAMES, PixelNetworkTrainer.WEIGHTS, null, null, null);
        }
        int width = backboneWidth();
        return new ModelSpec(name, ModelSpec.MASKRCNN, width, backbone.resnetDepth(), config.spacingMm(),
                config.huWindow().toArray(), config.slicesPerStack(), List.copyOf(config.planes()), NetworkClasses.NAMES,
                PixelNetworkTrainer.WEIGHTS, null, null, null);
    }

    private Map<String, Object> settings(TrainingRun.Split split, PixelNetworkTrainer.TrainingState state, Path startedFrom) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", config.command());
        m.put("backbone", backbone == Backbone.LIGHT ? "light ResNet-18-style (basic units 2-2-2-2), CPU-sized" : "ResNet-50 (the paper's)");
        m.put("backboneInitialisation", startedFrom == null ? RANDOM_INITIALISATION
                : "ResNet body and pyramid of the semantic FPN in init (trained on our CT slices by organdose train --architecture fpn)");
        if (startedFrom != null) {
            m.put(INIT_KEY, startedFrom.toString());
        }
        TrainingRun.putSchedule(m, config, state);
        m.put("schedule", String.format(Locale.ROOT,
                "epochs 1-%d: heads, pyramid and RPN with the ResNet body frozen, learning rate %.1e; then the whole net at %.1e",
                config.freezeEpochs(), config.learningRate(), config.learningRate() / 10));
        m.put("loss", "RPN objectness BCE + RPN box smooth L1 + head class CE + head box smooth L1 + mask BCE;"
                + " samples not labelling every organ give positives only");
        m.put("roisPerImage", MaskRcnn.Sampling.ROIS_PER_IMAGE);
        m.put(MaskRcnnNetwork.SCORE_THRESHOLD_KEY, MaskRcnn.SCORE_THRESHOLD);
        TrainingRun.putData(m, config, split, state);
        return m;
    }
}
