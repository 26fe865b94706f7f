package org.organdose.image.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.organdose.image.LabelMap;
import org.organdose.image.Volume;
import org.organdose.image.io.dicom.DicomReader;
import org.organdose.image.io.dicom.DicomSegReader;

/**
 * The one entry point for reading and writing images in any supported format; the format is
 * chosen from the path (see {@link ImageFormat}).
 */
public final class ImageFiles {
    private ImageFiles() {
    }

    public static MedicalImage read(Path path) throws ImageIoException {
        return read(path, ReadOptions.defaults());
    }

    public static MedicalImage read(Path path, ReadOptions options) throws ImageIoException {
        return switch (ImageFormat.detect(path)) {
            case DICOM -> DicomReader.read(path, options);
            case NIFTI -> NiftiReader.read(path);
            case NRRD -> NrrdReader.read(path);
            case METAIMAGE -> MetaImageReader.read(path);
            case INTERFILE -> InterfileReader.read(path);
        };
    }

    /**
     * Reads a label map (organ labels 0..127); non-integer or out-of-range values are an error. A
     * DICOM Segmentation file (.dcm) is read by {@link DicomSegReader}.
     */
    public static LabelMap readLabels(Path path) throws ImageIoException {
        if (Files.isRegularFile(path) && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".dcm")
                && DicomSegReader.isSegmentation(path)) {
            return DicomSegReader.read(path);
        }
        Volume v = read(path).volume();
        float[] voxels = v.voxels();
        for (float value : voxels) {
            if (value != Math.rint(value) || value < 0 || value > 127) {
                throw new ImageIoException(path, "not a label map: it holds the value " + value
                        + " (labels are whole numbers 0..127)");
            }
        }
        return LabelMap.fromVolume(v);
    }

    public static void write(Volume volume, StorageType type, Path path) throws ImageIoException {
        switch (ImageFormat.forOutput(path)) {
            case NIFTI -> NiftiWriter.write(volume, type, path);
            case NRRD -> NrrdWriter.write(volume, type, path);
            case METAIMAGE -> MetaImageWriter.write(volume, type, path);
            default -> throw new ImageIoException(path, "cannot write this format");
        }
    }

    public static void writeLabels(LabelMap labels, Path path) throws ImageIoException {
        write(labels.toVolume(), StorageType.UINT8, path);
    }
}
