package org.organdose.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.organdose.image.Plane;
import org.organdose.segment.Mode;
import org.organdose.segment.SegmentationException;
import org.organdose.segment.net.ModelSpec;
import org.organdose.segment.preprocess.HuWindow;
import org.organdose.segment.train.Augmentation;
import org.organdose.segment.train.CaseEvaluation;
import org.organdose.segment.train.CrossValidation;
import org.organdose.segment.train.MaskRcnnTrainer;
import org.organdose.segment.train.PixelNetworkTrainer;
import org.organdose.segment.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code organdose train DATA... --out models/NAME}: trains the 2.5D segmentation network, the
 * U-Net, with {@code --architecture fpn} the Mask R-CNN's backbone as a pixel classifier, or with
 * {@code --architecture maskrcnn} the paper's Mask R-CNN (checkpoint every epoch, {@code --resume},
 * {@code --init}: transfer learning, or the Mask R-CNN's backbone from a trained fpn), or with
 * {@code --cross-validate} runs k-fold / leave-one-case-out evaluation of the configuration.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the 2.5D organ segmentation network on labelled CT datasets (shared layout, nnU-Net/MSD, KiTS, LiTS).")
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DATA", description = "dataset folders or case folders")
    List<Path> data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "model folder to write, e.g. models/NAME")
    Path out;

    @Option(names = "--planes", split = ",", paramLabel = "PLANE",
            description = "planes to train on (consensus needs all three): AXIAL,CORONAL,SAGITTAL; default all")
    Set<Plane> planes = EnumSet.allOf(Plane.class);

    @Option(names = "--epochs", defaultValue = "30", description = "epochs in total; default ${DEFAULT-VALUE}")
    int epochs;

    @Option(names = "--steps", defaultValue = "100", description = "steps per epoch; default ${DEFAULT-VALUE}")
    int steps;

    @Option(names = "--batch", defaultValue = "8", description = "batch size; default ${DEFAULT-VALUE}")
    int batch;

    @Option(names = "--resume", description = "continue from the last checkpoint in --out")
    boolean resume;

    @Option(names = "--init", paramLabel = "MODEL", description = "start from this model (transfer learning: heads first, then the whole net)")
    Path init;

    @Option(names = "--teacher", paramLabel = "MODEL", description = "label the organs a training case leaves unlabelled with this model's"
            + " consensus segmentation (self-training); refused if it was trained on a held-out case")
    Path teacher;

    @Option(names = "--folds", defaultValue = "0", description = "number of folds (0: none)")
    int folds;

    @Option(names = "--fold", defaultValue = "0", description = "the fold held out for validation, 0-based")
    int fold;

    @Option(names = "--hold-out", split = ",", paramLabel = "CASE", description = "case ids held out for validation")
    Set<String> holdOut = Set.of();

    @Option(names = "--exclude", split = ",", paramLabel = "CASE", description = "case ids not used at all")
    Set<String> exclude = Set.of();

    @Option(names = "--slices", defaultValue = "3", paramLabel = "K",
            description = "adjacent slices per network input (odd; the main slice in the middle, 2 mm apart); default ${DEFAULT-VALUE}")
    int slices;

    @Option(names = "--hu-window", defaultValue = "-100,200", split = ",", paramLabel = "LOW,HIGH",
            description = "HU mapped to 0 and 1 before the network, values outside clipped; default ${DEFAULT-VALUE} (the paper's)")
    double[] huWindow;

    @Option(names = "--seed", defaultValue = "42", description = "random seed; default ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--synthetic", defaultValue = "0", paramLabel = "N",
            description = "add N digital patients (random anatomy, contrast phase, noise, slices) to the training cases; default ${DEFAULT-VALUE}")
    int synthetic;

    @Option(names = "--synthetic-weight", defaultValue = "0.25", paramLabel = "W",
            description = "sampling weight of each digital patient, a real case weighs 1; default ${DEFAULT-VALUE}")
    double syntheticWeight;

    @Option(names = "--model-label-weight", defaultValue = "0.5", paramLabel = "W",
            description = "sampling weight of a real case whose labels a model made (its case.json says MODEL OUTPUT), a case with manual labels weighs 1; default ${DEFAULT-VALUE}")
    double modelLabelWeight;

    @Option(names = "--augmentation", defaultValue = "default", paramLabel = "SET",
            description = "default (with organ intensity and gamma randomization), targets (as default, but each organ moved to a random mean of 20-220 HU instead of shifted by -60..+160), targets-or-shifts (either, with equal chance), truncated-fov (as default, and 30 % of samples cut to a square 140-260 mm field of view), basic (without them, for comparison) or none")
    String augmentation;

    @Option(names = "--architecture", defaultValue = "unet", paramLabel = "NET",
            description = "unet (the 2.5D U-Net), fpn (the Mask R-CNN's ResNet-FPN backbone with a per-pixel head: pretrains the backbone) or maskrcnn (the paper's 2.5D Mask R-CNN: heads first with the backbone frozen, then the whole net; --init FPN_MODEL starts its backbone from a trained fpn); default ${DEFAULT-VALUE}")
    String architecture;

    @Option(names = "--backbone", defaultValue = "light", paramLabel = "NET",
            description = "Mask R-CNN backbone: light (ResNet-18-style, trainable on a CPU) or resnet50 (the paper's); default ${DEFAULT-VALUE}")
    String backbone;

    @Option(names = "--cross-validate",
            description = "train one model per fold (--folds K; 0 = leave one case out) and score each held-out case")
    boolean crossValidate;

    private HuWindow huWindowSetting() {
        if (huWindow.length != 2) {
            throw new IllegalArgumentException("--hu-window needs two values LOW,HIGH, got " + huWindow.length);
        }
        return new HuWindow(huWindow[0], huWindow[1]);
    }

    private Augmentation augmentationSet() {
        return switch (augmentation) {
            case "default" -> Augmentation.DEFAULT;
            case "targets" -> Augmentation.ORGAN_TARGETS;
            case "targets-or-shifts" -> Augmentation.ORGAN_TARGETS_OR_SHIFTS;
            case "truncated-fov" -> Augmentation.TRUNCATED_FIELD_OF_VIEW;
            case "basic" -> Augmentation.WITHOUT_DOMAIN_RANDOMIZATION;
            case "none" -> Augmentation.NONE;
            default -> throw new IllegalArgumentException("--augmentation must be default, targets, targets-or-shifts, truncated-fov, basic or none, got '" + augmentation + "'");
        };
    }

    private MaskRcnnTrainer.Backbone backboneVariant() {
        return switch (backbone) {
            case "light" -> MaskRcnnTrainer.Backbone.LIGHT;
            case "resnet50" -> MaskRcnnTrainer.Backbone.RESNET50;
            default -> throw new IllegalArgumentException("--backbone must be light or resnet50, got '" + backbone + "'");
        };
    }

    @Override
    public Integer call() throws IOException, SegmentationException, BadInputException {
        OutputPaths.requireFolder(out);
        boolean maskRcnn = architecture.equals("maskrcnn");
        String pixelNetwork = switch (architecture) {
            case "unet", "maskrcnn" -> ModelSpec.UNET;
            case "fpn" -> ModelSpec.SEMANTIC_FPN;
            default -> throw new BadInputException("train: --architecture must be unet, fpn or maskrcnn, got '" + architecture + "'");
        };
        if (!maskRcnn && backbone.equals("resnet50")) {
            throw new BadInputException("train: --backbone resnet50 is for --architecture maskrcnn; the U-Net has none and the fpn is the light one");
        }
        if (maskRcnn && crossValidate) {
            throw new BadInputException("train: --cross-validate is available for the U-Net only");
        }
        TrainingConfig config;
        MaskRcnnTrainer.Backbone variant;
        try {
            config = TrainingConfig.builder(data, out).planes(planes).slicesPerStack(slices).huWindow(huWindowSetting()).epochs(epochs).stepsPerEpoch(steps).batchSize(batch)
                    .resume(resume).init(init).teacher(teacher).folds(crossValidate ? 0 : folds, fold).holdOut(holdOut).exclude(exclude)
                    .seed(seed).modelLabelWeight(modelLabelWeight).synthetic(synthetic, syntheticWeight).augmentation(augmentationSet()).architecture(pixelNetwork)
                    .command("organdose " + String.join(" ", spec.commandLine().getParseResult().originalArgs()))
                    .build();
            variant = backboneVariant();
        } catch (IllegalArgumentException e) {
            throw new BadInputException("train: " + e.getMessage());
        }
        TrainingConsole progress = new TrainingConsole(System.err);
        PrintWriter o = spec.commandLine().getOut();
        if (crossValidate) {
            List<CaseEvaluation> results = CrossValidation.run(config, folds, List.of(Mode.AXIAL, Mode.CONSENSUS), progress);
            results.forEach(e -> o.println(CrossValidation.describe(e)));
            return ExitCodes.OK;
        }
        PixelNetworkTrainer.Result result = maskRcnn ? MaskRcnnTrainer.train(config, variant, progress) : PixelNetworkTrainer.train(config, progress);
        o.printf(Locale.ROOT, "wrote %s (%d epochs)%n", result.modelDir(), result.history().size());
        return ExitCodes.OK;
    }
}
