package org.organdose.segment.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.organdose.image.Plane;
import org.organdose.segment.net.ModelSpec;
import org.organdose.segment.preprocess.HuWindow;

/**
 * A training run: data, output folder and every setting, immutable. Build it with
 * {@link #builder(List, Path)}; the defaults are those of {@code organdose train}.
 *
 * @param data dataset folders ({@link org.organdose.segment.data.Datasets}); unused when cases are given directly
 * @param out model folder to write (weights, model.json, checkpoints, training.log)
 * @param planes planes to train on; consensus inference needs all three
 * @param epochs epochs in total (a resumed run continues up to this)
 * @param stepsPerEpoch optimiser steps per epoch
 * @param batchSize samples per step
 * @param cropSize training crop, pixels of the working grid (a multiple of 2^depth)
 * @param spacingMm working-grid spacing
 * @param slicesPerStack k, odd
 * @param huWindow HU mapped to 0 and 1 before the network (values outside are clipped)
 * @param baseWidth U-Net width at the first level
 * @param depth U-Net poolings
 * @param learningRate Adam's learning rate (from scratch and for the frozen-encoder phase);
 *     the whole net is fine-tuned at a tenth of it after transfer
 * @param resume continue from the last checkpoint in {@code out}
 * @param init model folder to start from (transfer learning), or null; its architecture, working
 *     spacing, HU window and stack size are kept (the corresponding settings here are ignored)
 * @param freezeEpochs with {@code init}: epochs with the encoder frozen before training the whole net
 * @param folds number of folds (0: no folds)
 * @param fold the fold held out for validation, 0-based
 * @param holdOut case ids held out for validation besides the fold's
 * @param exclude case ids not used at all
 * @param seed random seed for weights, sampling and augmentation
 * @param modelLabelWeight sampling weight of cases whose labels a model made
 * @param syntheticCases digital patients added to the training cases (never held out)
 * @param syntheticWeight sampling weight of each digital patient (a real case weighs 1)
 * @param augmentation augmentation settings
 * @param command the command line, recorded in model.json
 * @param architecture the pixel network the U-Net trainer builds: {@link ModelSpec#UNET} or
 *     {@link ModelSpec#SEMANTIC_FPN} (the Mask R-CNN has its own trainer)
 * @param teacher model folder whose segmentation labels the organs a training case leaves
 *     unlabelled ({@link TeacherLabels}), or null
 */
public record TrainingConfig(
        List<Path> data, Path out, Set<Plane> planes, int epochs, int stepsPerEpoch, int batchSize, int cropSize,
        double spacingMm, int slicesPerStack, HuWindow huWindow, int baseWidth, int depth, double learningRate,
        boolean resume, Path init, int freezeEpochs, int folds, int fold, Set<String> holdOut, Set<String> exclude,
        long seed, double modelLabelWeight, int syntheticCases, double syntheticWeight, Augmentation augmentation,
        String command, String architecture, Path teacher) {

    public TrainingConfig {
        data = List.copyOf(data);
        planes = planes.isEmpty() ? EnumSet.noneOf(Plane.class) : EnumSet.copyOf(planes);
        holdOut = Set.copyOf(holdOut);
        exclude = Set.copyOf(exclude);
        List<String> problems = new ArrayList<>();
        if (planes.isEmpty()) {
            problems.add("no planes given");
        }
        if (epochs < 1 || stepsPerEpoch < 1 || batchSize < 1) {
            problems.add("epochs, steps per epoch and batch size must be positive");
        }
        if (slicesPerStack < 1 || slicesPerStack % 2 == 0) {
            problems.add("slices per stack must be odd, got " + slicesPerStack);
        }
        if (depth < 1 || cropSize < (1 << depth) || cropSize % (1 << depth) != 0) {
            problems.add("crop size must be a multiple of " + (1 << Math.max(depth, 0)) + ", got " + cropSize);
        }
        if (!(spacingMm > 0) || !(learningRate > 0) || baseWidth < 1) {
            problems.add("spacing, learning rate and width must be positive");
        }
        if (folds < 0 || (folds > 0 && (fold < 0 || fold >= folds))) {
            problems.add("fold must be in 0.." + (folds - 1) + ", got " + fold);
        }
        if (syntheticCases < 0 || !(syntheticWeight > 0)) {
            problems.add("synthetic cases must be >= 0 with a positive weight");
        }
        if (!(modelLabelWeight > 0)) {
            problems.add("the weight of model-labelled cases must be positive, got " + modelLabelWeight);
        }
        if (!ModelSpec.UNET.equals(architecture) && !ModelSpec.SEMANTIC_FPN.equals(architecture)) {
            problems.add("the pixel network must be " + ModelSpec.UNET + " or " + ModelSpec.SEMANTIC_FPN + ", got " + architecture);
        }
        if (resume && init != null) {
            problems.add("--resume and --init exclude each other");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    public static Builder builder(List<Path> data, Path out) {
        return new Builder(data, out);
    }

    /** The same run on another fold, writing to another folder. */
    public TrainingConfig forFold(int k, int i, Path folder) {
        return new TrainingConfig(data, folder, planes, epochs, stepsPerEpoch, batchSize, cropSize, spacingMm, slicesPerStack,
                huWindow, baseWidth, depth, learningRate, false, init, freezeEpochs, k, i, holdOut, exclude, seed, modelLabelWeight,
                syntheticCases, syntheticWeight, augmentation, command, architecture, teacher);
    }

    /** Mutable builder with the defaults of {@code organdose train}. */
    public static final class Builder {
        private final List<Path> data;
        private final Path out;
        private Set<Plane> planes = EnumSet.allOf(Plane.class);
        private int epochs = 30;
        private int stepsPerEpoch = 100;
        private int batchSize = 8;
        private int cropSize = 128;
        private double spacingMm = 2.0;
        private int slicesPerStack = 3;
        private HuWindow huWindow = HuWindow.PAPER;
        private int baseWidth = 16;
        private int depth = 4;
        private double learningRate = 1e-3;
        private boolean resume;
        private Path init;
        private int freezeEpochs = 3;
        private int folds;
        private int fold;
        private Set<String> holdOut = Set.of();
        private Set<String> exclude = Set.of();
        private long seed = 42;
        private double modelLabelWeight = 0.5;
        private int syntheticCases;
        private double syntheticWeight = 0.25;
        private Augmentation augmentation = Augmentation.DEFAULT;
        private String command = "";
        private String architecture = ModelSpec.UNET;
        private Path teacher;

        private Builder(List<Path> data, Path out) {
            this.data = data;
            this.out = out;
        }

        public Builder planes(Set<Plane> v) { planes = v; return this; }
        public Builder epochs(int v) { epochs = v; return this; }
        public Builder stepsPerEpoch(int v) { stepsPerEpoch = v; return this; }
        public Builder batchSize(int v) { batchSize = v; return this; }
        public Builder cropSize(int v) { cropSize = v; return this; }
        public Builder spacingMm(double v) { spacingMm = v; return this; }
        public Builder slicesPerStack(int v) { slicesPerStack = v; return this; }
        public Builder huWindow(HuWindow v) { huWindow = v; return this; }
        public Builder baseWidth(int v) { baseWidth = v; return this; }
        public Builder depth(int v) { depth = v; return this; }
        public Builder learningRate(double v) { learningRate = v; return this; }
        public Builder resume(boolean v) { resume = v; return this; }
        public Builder init(Path v) { init = v; return this; }
        public Builder freezeEpochs(int v) { freezeEpochs = v; return this; }
        public Builder folds(int k, int i) { folds = k; fold = i; return this; }
        public Builder holdOut(Set<String> v) { holdOut = v; return this; }
        public Builder exclude(Set<String> v) { exclude = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder modelLabelWeight(double v) { modelLabelWeight = v; return this; }
        public Builder synthetic(int count, double weight) { syntheticCases = count; syntheticWeight = weight; return this; }
        public Builder augmentation(Augmentation v) { augmentation = v; return this; }
        public Builder command(String v) { command = v; return this; }
        public Builder architecture(String v) { architecture = v; return this; }
        public Builder teacher(Path v) { teacher = v; return this; }

        public TrainingConfig build() {
            return new TrainingConfig(data, out, planes, epochs, stepsPerEpoch, batchSize, cropSize, spacingMm,
                    slicesPerStack, huWindow, baseWidth, depth, learningRate, resume, init, freezeEpochs, folds, fold, holdOut,
                    exclude, seed, modelLabelWeight, syntheticCases, syntheticWeight, augmentation, command, architecture, teacher);
        }
    }
}
