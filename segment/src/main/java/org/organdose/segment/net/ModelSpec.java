package org.organdose.segment.net;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.organdose.image.Plane;
import org.organdose.image.io.AtomicFileOutput;
import org.organdose.segment.SegmentationException;
import org.organdose.segment.maskrcnn.SemanticFpn;

/**
 * Everything needed to use a trained model, stored as {@code model.json} beside its weights:
 * the architecture, the preprocessing it was trained with, where it came from and how accurate it
 * was measured to be.
 *
 * @param name model name (its folder name)
 * @param architecture network type: {@value #UNET}, {@value #SEMANTIC_FPN} or {@value #MASKRCNN}
 * @param baseWidth feature maps at the first level (ResNet-FPN: of the backbone's stem)
 * @param depth number of poolings (ResNet-FPN: ResNet depth of the backbone, 18 or 50)
 * @param inputSpacingMm isotropic working-grid spacing the CT is resampled to
 * @param huWindow HU mapped to 0 and 1 (values outside are clipped)
 * @param slicesPerStack adjacent slices per network input, main slice in the middle
 * @param planes planes the model was trained on; consensus needs all three
 * @param classes network output classes, index = class
 * @param weightsFile weights file name inside the model folder
 * @param trainingData the cases it was trained on, with their weights and labelled organs
 * @param training the training settings, epochs done and the command used
 * @param accuracy measured accuracy, e.g. {@code {"heldOut": {"ircad-1.1": {"liver": 0.93}}}}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelSpec(
        String name,
        String architecture,
        int baseWidth,
        int depth,
        double inputSpacingMm,
        double[] huWindow,
        int slicesPerStack,
        List<Plane> planes,
        List<String> classes,
        String weightsFile,
        List<Map<String, Object>> trainingData,
        Map<String, Object> training,
        Map<String, Object> accuracy) {

    public static final String UNET = "unet-2.5d";
    /** The paper's 2.5D Mask R-CNN ({@link org.organdose.segment.maskrcnn.MaskRcnnNetwork}). */
    public static final String MASKRCNN = "maskrcnn-2.5d";
    /** The Mask R-CNN's backbone with a per-pixel head ({@link org.organdose.segment.maskrcnn.SemanticFpn}). */
    public static final String SEMANTIC_FPN = "semantic-fpn-2.5d";
    public static final String FILE_NAME = "model.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The pixel network this spec describes, uninitialised; only for {@link #UNET} and {@link #SEMANTIC_FPN}. */
    public PixelNetwork newNetwork() {
        return switch (architecture) {
            case UNET -> new UNet25d(slicesPerStack, classes.size(), baseWidth, depth);
            case SEMANTIC_FPN -> new SemanticFpn(depth, baseWidth, classes.size());
            default -> throw new IllegalStateException("model " + name + " is a " + architecture + ", not a pixel network");
        };
    }

    /** Whether {@link #newNetwork()} builds this model's network (the U-Net or the semantic FPN). */
    public boolean isPixelNetwork() {
        return UNET.equals(architecture) || SEMANTIC_FPN.equals(architecture);
    }

    public ModelSpec withTraining(List<Map<String, Object>> data, Map<String, Object> settings) {
        return new ModelSpec(name, architecture, baseWidth, depth, inputSpacingMm, huWindow, slicesPerStack, planes,
                classes, weightsFile, data, settings, accuracy);
    }

    public ModelSpec withAccuracy(Map<String, Object> measured) {
        return new ModelSpec(name, architecture, baseWidth, depth, inputSpacingMm, huWindow, slicesPerStack, planes,
                classes, weightsFile, trainingData, training, measured);
    }

    public ModelSpec withName(String newName) {
        return new ModelSpec(newName, architecture, baseWidth, depth, inputSpacingMm, huWindow, slicesPerStack, planes,
                classes, weightsFile, trainingData, training, accuracy);
    }

    /** Reads {@code dir/model.json} and checks that it describes a usable model. */
    public static ModelSpec read(Path dir) throws SegmentationException {
        ModelSpec spec = readJson(dir, ModelSpec.class);
        spec.validate(dir.resolve(FILE_NAME));
        return spec;
    }

    /** Parses {@code dir/model.json} (a single network's or an ensemble's) as {@code type}, with one clear error line. */
    static <T> T readJson(Path dir, Class<T> type) throws SegmentationException {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new SegmentationException(file + ": no model description (model.json) found");
        }
        try {
            return JSON.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new SegmentationException(file + ": unreadable model description: " + firstLine(e.getMessage()), e);
        }
    }

    /** Writes {@code value} as {@code dir/model.json} atomically. */
    static void writeJson(Path dir, Object value) throws IOException {
        AtomicFileOutput.write(dir.resolve(FILE_NAME), out -> JSON.writeValue(out, value));
    }

    private void validate(Path file) throws SegmentationException {
        String problem = null;
        if (EnsembleSpec.ARCHITECTURE.equals(architecture)) {
            problem = "an ensemble of models, not one network; give one of its member folders";
        } else if (!isPixelNetwork() && !MASKRCNN.equals(architecture)) {
            problem = "unsupported architecture '" + architecture + "' (expected " + UNET + ", " + SEMANTIC_FPN + " or "
                    + MASKRCNN + ")";
        } else if (!UNET.equals(architecture) && depth != 18 && depth != 50) {
            problem = "a ResNet-FPN's depth is its ResNet's, 18 or 50, got " + depth;
        } else if (!(inputSpacingMm > 0) || huWindow == null || huWindow.length != 2 || !(huWindow[1] > huWindow[0])) {
            problem = "needs a positive inputSpacingMm and an HU window [low, high]";
        } else if (slicesPerStack < 1 || slicesPerStack % 2 == 0) {
            problem = "slicesPerStack must be odd (the main slice is in the middle), got " + slicesPerStack;
        } else if (!NetworkClasses.NAMES.equals(classes)) {
            problem = "classes must be " + NetworkClasses.NAMES + ", got " + classes;
        } else if (planes == null || planes.isEmpty()) {
            problem = "lists no planes";
        } else if (baseWidth < 1 || depth < 1 || weightsFile == null) {
            problem = "needs baseWidth, depth and weightsFile";
        }
        if (problem != null) {
            throw new SegmentationException(file + ": " + problem);
        }
    }

    /** Writes {@code dir/model.json} atomically. */
    public void write(Path dir) throws IOException {
        writeJson(dir, this);
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
