package org.organdose.dosimetry;

import java.nio.file.Path;

/**
 * Where a set of organ masks came from, as results.json records it.
 *
 * @param kind         {@link Kind#FILE} (given labels) or {@link Kind#MODEL} (automatic segmentation)
 * @param file         the label file: the one given, or the one the segmentation was written to; null when not written
 * @param model        the segmentation model's name (folder name); null for given labels
 * @param mode         the segmentation mode (e.g. CONSENSUS); null for given labels
 * @param modelVersion what identifies the model's weights (e.g. its training date and epochs); null for given labels
 */
public record MaskSource(Kind kind, Path file, String model, String mode, String modelVersion) {
    /** How the masks were made. */
    public enum Kind {
        /** Labels given by the user (manifest or command line), e.g. drawn or corrected by an expert. */
        FILE,
        /** Labels made by automatic segmentation. */
        MODEL
    }

    /** Labels given as a file. */
    public static MaskSource file(Path file) {
        return new MaskSource(Kind.FILE, file, null, null, null);
    }

    /** Labels segmented by a model, written to {@code file}. */
    public static MaskSource model(String model, String mode, String modelVersion, Path file) {
        return new MaskSource(Kind.MODEL, file, model, mode, modelVersion);
    }

    /** One phrase for warnings and the report, e.g. "segmented by unet25d-abdomen (CONSENSUS)". */
    public String describe() {
        return kind == Kind.FILE ? "given labels " + (file == null ? "" : file.getFileName())
                : "segmented by " + model + " (" + mode + ")";
    }
}
