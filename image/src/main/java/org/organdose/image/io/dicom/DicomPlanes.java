package org.organdose.image.io.dicom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.organdose.image.Matrix3;
import org.organdose.image.io.ImageIoException;

/**
 * Turns the header of an image file into its 2D planes: one for a single-frame file, one per
 * frame for a multi-frame file. Multi-frame geometry comes from the functional groups of
 * enhanced objects (PS3.3 C.7.6.16), or, for NM and other classic multi-frame objects, from the
 * detector information sequence (or the top level) and SpacingBetweenSlices.
 */
final class DicomPlanes {
    private static final String SEGMENTATION_SOP_CLASS = "1.2.840.10008.5.1.4.1.1.66.4";
    /** Modalities whose objects may carry pixel data that is not an image of the patient. */
    private static final Set<String> NON_IMAGE_MODALITIES = Set.of("SEG", "RTSTRUCT", "RTPLAN", "REG", "SR", "PR", "KO", "DOC");

    private DicomPlanes() {
    }

    /** Why a file holds no image series we read, or null when it does. */
    static String nonImageReason(DicomAttributes a) {
        String modality = a.string(DicomTags.MODALITY, "");
        if (SEGMENTATION_SOP_CLASS.equals(a.string(DicomTags.SOP_CLASS_UID)) || "SEG".equals(modality)) {
            return "a DICOM Segmentation (SEG) object, not an image series this reader reads";
        }
        if (NON_IMAGE_MODALITIES.contains(modality)) {
            return "a " + modality + " object, not an image";
        }
        if (a.pixelData() == null) {
            return "no pixel data (7FE0,0010): not an image";
        }
        return null;
    }

    /** The planes of an image file parsed with or without its pixel data. */
    static List<ImagePlane> of(DicomFile dicom) throws ImageIoException {
        DicomAttributes a = dicom.attributes();
        Path file = dicom.path();
        String reason = nonImageReason(a);
        if (reason != null) {
            throw new ImageIoException(file, reason);
        }
        TransferSyntax syntax = dicom.transferSyntax();
        if (syntax.encapsulated() && !RleLossless.UID.equals(syntax.uid())) {
            throw new ImageIoException(file, "compressed pixel data: " + syntax.describe() + " is not supported yet");
        }
        PixelData pixels = a.pixelData();
        if (pixels.encapsulated()) {
            throw new ImageIoException(file, "damaged file: compressed pixel data in uncompressed " + syntax.describe());
        }
        int samples = a.integer(DicomTags.SAMPLES_PER_PIXEL, 1);
        if (samples != 1) {
            throw new ImageIoException(file, "SamplesPerPixel is " + samples
                    + " (colour): only greyscale images with 1 sample per pixel are supported");
        }
        String photometric = a.string(DicomTags.PHOTOMETRIC_INTERPRETATION, "MONOCHROME2");
        if (!photometric.equals("MONOCHROME2") && !photometric.equals("MONOCHROME1")) {
            throw new ImageIoException(file, "PhotometricInterpretation " + DicomAttributes.printable(photometric)
                    + " is not supported (only MONOCHROME1 and MONOCHROME2)");
        }
        int rows = a.integer(DicomTags.ROWS, 0);
        int columns = a.integer(DicomTags.COLUMNS, 0);
        if (rows <= 0 || columns <= 0) {
            throw new ImageIoException(file, "image size is " + rows + " rows x " + columns + " columns: empty or damaged header");
        }
        PixelFormat format = PixelFormat.of(a);
        int frames = a.integer(DicomTags.NUMBER_OF_FRAMES, 1);
        if (frames < 1) {
            throw new ImageIoException(file, "NumberOfFrames is " + frames);
        }
        // in floating point: a damaged header's product of four sizes can overflow a long
        double needed = (double) rows * columns * frames * format.bytesPerPixel();
        if (needed > pixels.length()) {
            throw new ImageIoException(file, "pixel data holds " + pixels.length() + " bytes but " + rows + " rows x "
                    + columns + " columns x " + frames + " frames x " + format.bytesPerPixel() + " bytes need "
                    + String.format(Locale.ROOT, "%.0f", needed));
        }
        PlaneTemplate common = new PlaneTemplate(file, rows, columns, format, a.number(DicomTags.GANTRY_DETECTOR_TILT, 0));
        if (!a.sequence(DicomTags.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE).isEmpty()) {
            return enhancedPlanes(a, common, frames);
        }
        if (frames == 1) {
            DicomAttributes source = geometrySource(a);
            return List.of(common.plane(0, orientation(source), position(source), pixelSpacing(a),
                    a.number(DicomTags.SLICE_THICKNESS, Double.NaN), rescale(a, null)));
        }
        return stackedPlanes(a, common, frames);
    }

    /** What all planes of a file share. */
    private record PlaneTemplate(Path file, int rows, int columns, PixelFormat format, double tilt) {
        ImagePlane plane(int frame, double[] orientation, double[] position, double[] spacing, double thickness,
                         double[] rescale) {
            return new ImagePlane(file, frame, rows, columns, new double[] {orientation[0], orientation[1], orientation[2]},
                    new double[] {orientation[3], orientation[4], orientation[5]}, position, spacing[0], spacing[1],
                    thickness, tilt, rescale[0], rescale[1], format);
        }
    }

    /** Enhanced multi-frame: per-frame functional groups, falling back to the shared ones. */
    private static List<ImagePlane> enhancedPlanes(DicomAttributes a, PlaneTemplate common, int frames) throws ImageIoException {
        List<DicomAttributes> perFrame = a.sequence(DicomTags.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE);
        if (perFrame.size() != frames) {
            throw new ImageIoException(a.source(), "PerFrameFunctionalGroupsSequence has " + perFrame.size()
                    + " items for " + frames + " frames");
        }
        DicomAttributes shared = a.firstItem(DicomTags.SHARED_FUNCTIONAL_GROUPS_SEQUENCE);
        List<ImagePlane> planes = new ArrayList<>(frames);
        for (int f = 0; f < frames; f++) {
            DicomAttributes item = perFrame.get(f);
            DicomAttributes orientationGroup = group(item, shared, DicomTags.PLANE_ORIENTATION_SEQUENCE);
            DicomAttributes positionGroup = group(item, shared, DicomTags.PLANE_POSITION_SEQUENCE);
            DicomAttributes measures = group(item, shared, DicomTags.PIXEL_MEASURES_SEQUENCE);
            DicomAttributes transformation = group(item, shared, DicomTags.PIXEL_VALUE_TRANSFORMATION_SEQUENCE);
            planes.add(common.plane(f, orientation(orientationGroup != null ? orientationGroup : a),
                    position(positionGroup != null ? positionGroup : a),
                    pixelSpacing(measures != null ? measures : a),
                    (measures != null ? measures : a).number(DicomTags.SLICE_THICKNESS, Double.NaN),
                    rescale(a, transformation)));
        }
        return planes;
    }

    private static DicomAttributes group(DicomAttributes perFrame, DicomAttributes shared, int sequence) {
        DicomAttributes own = perFrame.firstItem(sequence);
        return own != null || shared == null ? own : shared.firstItem(sequence);
    }

    /**
     * Classic multi-frame (NM tomography and the like): one position and orientation, from the
     * detector information sequence when present, and frames SpacingBetweenSlices apart along
     * the normal cross(row, column).
     */
    private static List<ImagePlane> stackedPlanes(DicomAttributes a, PlaneTemplate common, int frames) throws ImageIoException {
        Path file = a.source();
        List<DicomAttributes> detectors = a.sequence(DicomTags.DETECTOR_INFORMATION_SEQUENCE);
        if (detectors.size() > 1) {
            throw new ImageIoException(file, "multi-frame image with " + detectors.size()
                    + " detectors: only reconstructed tomographic images (one volume) are supported");
        }
        int slices = a.integer(DicomTags.NUMBER_OF_SLICES, frames);
        if (slices != frames) {
            throw new ImageIoException(file, "NumberOfFrames " + frames + " but NumberOfSlices " + slices
                    + ": frames of several windows, detectors or time slots are not supported");
        }
        DicomAttributes source = geometrySource(a);
        double[] orientation = orientation(source);
        double[] origin = position(source);
        double[] offsets = frameOffsets(a, frames);
        double[] normal = Matrix3.cross(new double[] {orientation[0], orientation[1], orientation[2]},
                new double[] {orientation[3], orientation[4], orientation[5]});
        double[] spacing = pixelSpacing(a);
        double[] rescale = rescale(a, null);
        double thickness = Math.abs(offsets[1] - offsets[0]);
        List<ImagePlane> planes = new ArrayList<>(frames);
        for (int f = 0; f < frames; f++) {
            double[] p = new double[3];
            for (int r = 0; r < 3; r++) {
                p[r] = origin[r] + offsets[f] * normal[r];
            }
            planes.add(common.plane(f, orientation, p, spacing, thickness, rescale));
        }
        return planes;
    }

    /**
     * Each frame's distance (mm) from the first along the normal: RT Dose lists them in
     * GridFrameOffsetVector (PS3.3 C.8.8.3.2; taken relative to its first value, which is 0 or,
     * in the rare absolute form, the first frame's own z), other objects step by
     * SpacingBetweenSlices.
     */
    private static double[] frameOffsets(DicomAttributes a, int frames) throws ImageIoException {
        double[] grid = a.doubles(DicomTags.GRID_FRAME_OFFSET_VECTOR);
        double[] offsets = new double[frames];
        if (grid != null) {
            if (grid.length != frames) {
                throw new ImageIoException(a.source(), "GridFrameOffsetVector (3004,000C) has " + grid.length
                        + " values for " + frames + " frames");
            }
            for (int f = 0; f < frames; f++) {
                offsets[f] = grid[f] - grid[0];
            }
            return offsets;
        }
        double step = a.number(DicomTags.SPACING_BETWEEN_SLICES, Double.NaN);
        if (Double.isNaN(step) || step == 0) {
            throw new ImageIoException(a.source(), "multi-frame image without a non-zero SpacingBetweenSlices (0018,0088)");
        }
        for (int f = 0; f < frames; f++) {
            offsets[f] = f * step;
        }
        return offsets;
    }

    /** NM keeps position and orientation in its detector information item; other modalities at the top level. */
    private static DicomAttributes geometrySource(DicomAttributes a) {
        DicomAttributes detector = a.firstItem(DicomTags.DETECTOR_INFORMATION_SEQUENCE);
        return detector != null && detector.contains(DicomTags.IMAGE_POSITION_PATIENT) ? detector : a;
    }

    /** ImageOrientationPatient as two unit vectors at right angles (6 values). */
    private static double[] orientation(DicomAttributes a) throws ImageIoException {
        double[] o = values(a, DicomTags.IMAGE_ORIENTATION_PATIENT, 6, "ImageOrientationPatient");
        double[] row = {o[0], o[1], o[2]};
        double[] column = {o[3], o[4], o[5]};
        double rowNorm = Math.sqrt(Matrix3.dot(row, row));
        double columnNorm = Math.sqrt(Matrix3.dot(column, column));
        if (Math.abs(rowNorm - 1) > 1e-3 || Math.abs(columnNorm - 1) > 1e-3
                || Math.abs(Matrix3.dot(row, column)) > 1e-3) {
            throw new ImageIoException(a.source(), "ImageOrientationPatient " + Arrays.toString(o)
                    + " is not two orthogonal unit vectors");
        }
        for (int r = 0; r < 3; r++) {
            o[r] /= rowNorm;
            o[3 + r] /= columnNorm;
        }
        return o;
    }

    private static double[] position(DicomAttributes a) throws ImageIoException {
        return values(a, DicomTags.IMAGE_POSITION_PATIENT, 3, "ImagePositionPatient");
    }

    /** PixelSpacing is [row spacing, column spacing], i.e. [dy, dx]. */
    private static double[] pixelSpacing(DicomAttributes a) throws ImageIoException {
        double[] s = values(a, DicomTags.PIXEL_SPACING, 2, "PixelSpacing");
        if (!(s[0] > 0) || !(s[1] > 0)) {
            throw new ImageIoException(a.source(), "PixelSpacing " + s[0] + "\\" + s[1] + " is not positive");
        }
        return s;
    }

    /**
     * Slope and intercept: RT Dose scales its stored values by DoseGridScaling (3004,000E) into
     * DoseUnits; images by a pixel value transformation item, else the top level, else 1 and 0.
     */
    private static double[] rescale(DicomAttributes top, DicomAttributes transformation) throws ImageIoException {
        if ("RTDOSE".equals(top.string(DicomTags.MODALITY, "")) && top.contains(DicomTags.DOSE_GRID_SCALING)) {
            return new double[] {top.number(DicomTags.DOSE_GRID_SCALING, 1), 0};
        }
        DicomAttributes source = transformation != null && transformation.contains(DicomTags.RESCALE_SLOPE) ? transformation : top;
        return new double[] {source.number(DicomTags.RESCALE_SLOPE, 1), source.number(DicomTags.RESCALE_INTERCEPT, 0)};
    }

    private static double[] values(DicomAttributes a, int tag, int count, String name) throws ImageIoException {
        double[] v = a.doubles(tag);
        if (v == null || v.length == 0) {
            throw new ImageIoException(a.source(), "no " + name + " " + DicomTags.format(tag));
        }
        if (v.length != count) {
            throw new ImageIoException(a.source(), name + " " + DicomTags.format(tag) + " has " + v.length
                    + " values instead of " + count);
        }
        return v;
    }
}
