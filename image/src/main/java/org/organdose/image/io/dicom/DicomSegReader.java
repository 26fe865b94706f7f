package org.organdose.image.io.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.Matrix3;
import org.organdose.image.Organ;
import org.organdose.image.io.ImageIoException;

/**
 * Reads a BINARY DICOM Segmentation into an organ label map. Segments are matched to organs by
 * their SNOMED CT property type code (SCT), else by their label as an organ name; other segments
 * are refused. The grid spans the frames' positions along the slice normal, spaced by the shared
 * SpacingBetweenSlices, so a SEG with a frame on every slice (as {@link DicomSegWriter} writes)
 * comes back on its CT's grid.
 */
public final class DicomSegReader {
    private static final double POSITION_TOLERANCE = 1e-2;

    private DicomSegReader() {
    }

    /** Whether a DICOM file's header names the Segmentation SOP class. */
    public static boolean isSegmentation(Path file) throws ImageIoException {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return DicomParser.looksLikeDicom(bytes)
                    && DicomSegWriter.SOP_CLASS_UID.equals(DicomParser.parse(file, bytes, false).attributes().string(DicomTags.SOP_CLASS_UID));
        } catch (IOException e) {
            throw new ImageIoException(file, "cannot read: " + e.getMessage());
        }
    }

    public static LabelMap read(Path file) throws ImageIoException {
        DicomAttributes a;
        try {
            a = DicomParser.parse(file, Files.readAllBytes(file), true).attributes();
        } catch (IOException e) {
            throw new ImageIoException(file, "cannot read: " + e.getMessage());
        }
        if (!DicomSegWriter.SOP_CLASS_UID.equals(a.string(DicomTags.SOP_CLASS_UID))) {
            throw new ImageIoException(file, "not a DICOM Segmentation (SOPClassUID " + a.string(DicomTags.SOP_CLASS_UID, "none") + ")");
        }
        if (!"BINARY".equals(a.string(DicomTags.SEGMENTATION_TYPE)) || a.integer(DicomTags.BITS_ALLOCATED, 0) != 1) {
            throw new ImageIoException(file, "only BINARY segmentations with 1-bit pixels are supported, not "
                    + a.string(DicomTags.SEGMENTATION_TYPE, "none"));
        }
        Map<Integer, Organ> organOfSegment = new HashMap<>();
        for (DicomAttributes segment : a.sequence(DicomTags.SEGMENT_SEQUENCE)) {
            organOfSegment.put(segment.integer(DicomTags.SEGMENT_NUMBER, 0), organ(file, segment));
        }
        int rows = a.integer(DicomTags.ROWS, 0);
        int columns = a.integer(DicomTags.COLUMNS, 0);
        int frames = a.integer(DicomTags.NUMBER_OF_FRAMES, 1);
        List<DicomAttributes> perFrame = a.sequence(DicomTags.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE);
        DicomAttributes shared = a.firstItem(DicomTags.SHARED_FUNCTIONAL_GROUPS_SEQUENCE);
        if (perFrame.size() != frames || shared == null || rows <= 0 || columns <= 0) {
            throw new ImageIoException(file, "segmentation frames are not described: " + perFrame.size()
                    + " per-frame items for " + frames + " frames of " + rows + "x" + columns);
        }
        double[] o = requireValues(file, shared.firstItem(DicomTags.PLANE_ORIENTATION_SEQUENCE), DicomTags.IMAGE_ORIENTATION_PATIENT, 6);
        DicomAttributes measures = shared.firstItem(DicomTags.PIXEL_MEASURES_SEQUENCE);
        double[] pixelSpacing = requireValues(file, measures, DicomTags.PIXEL_SPACING, 2);
        double step = measures.number(DicomTags.SPACING_BETWEEN_SLICES, Double.NaN);
        if (!(step > 0)) {
            throw new ImageIoException(file, "no positive SpacingBetweenSlices in the shared pixel measures");
        }
        double[] row = {o[0], o[1], o[2]};
        double[] column = {o[3], o[4], o[5]};
        double[] normal = Matrix3.cross(row, column);
        double[][] positions = new double[frames][];
        double first = Double.POSITIVE_INFINITY;
        double last = Double.NEGATIVE_INFINITY;
        int firstFrame = 0;
        for (int f = 0; f < frames; f++) {
            positions[f] = requireValues(file, perFrame.get(f).firstItem(DicomTags.PLANE_POSITION_SEQUENCE),
                    DicomTags.IMAGE_POSITION_PATIENT, 3);
            double along = Matrix3.dot(normal, positions[f]);
            if (along < first) {
                first = along;
                firstFrame = f;
            }
            last = Math.max(last, along);
        }
        int slices = (int) Math.round((last - first) / step) + 1;
        double[] direction = {row[0], column[0], normal[0], row[1], column[1], normal[1], row[2], column[2], normal[2]};
        Geometry grid = new Geometry(columns, rows, slices, new double[] {pixelSpacing[1], pixelSpacing[0], step},
                positions[firstFrame], direction);
        LabelMap labels = new LabelMap(grid);
        byte[] out = labels.labels();
        PixelData pixels = a.pixelData();
        int frameSize = rows * columns;
        if (pixels == null || pixels.encapsulated() || (long) pixels.length() * 8 < (long) frames * frameSize) {
            throw new ImageIoException(file, "pixel data is missing or shorter than " + frames + " frames of " + rows + "x" + columns);
        }
        for (int f = 0; f < frames; f++) {
            double[] index = grid.worldToIndex(positions[f][0], positions[f][1], positions[f][2]);
            int k = (int) Math.round(index[2]);
            if (Math.abs(index[0]) > POSITION_TOLERANCE || Math.abs(index[1]) > POSITION_TOLERANCE
                    || Math.abs(index[2] - k) > POSITION_TOLERANCE) {
                throw new ImageIoException(file, "frame " + (f + 1) + " does not lie on a slice of the segmentation's grid");
            }
            int segment = perFrame.get(f).firstItem(DicomTags.SEGMENT_IDENTIFICATION_SEQUENCE) == null ? 0
                    : perFrame.get(f).firstItem(DicomTags.SEGMENT_IDENTIFICATION_SEQUENCE).integer(DicomTags.REFERENCED_SEGMENT_NUMBER, 0);
            Organ organ = organOfSegment.get(segment);
            if (organ == null) {
                throw new ImageIoException(file, "frame " + (f + 1) + " refers to segment " + segment + ", which is not described");
            }
            long bit = (long) f * frameSize;
            for (int p = 0; p < frameSize; p++, bit++) {
                if ((pixels.buffer()[pixels.offset() + (int) (bit >>> 3)] >> (bit & 7) & 1) == 1) {
                    out[k * frameSize + p] = (byte) organ.label();
                }
            }
        }
        return labels;
    }

    private static Organ organ(Path file, DicomAttributes segment) throws ImageIoException {
        DicomAttributes code = segment.firstItem(DicomTags.SEGMENTED_PROPERTY_TYPE_CODE_SEQUENCE);
        if (code != null && OrganCodes.SNOMED.equals(code.string(DicomTags.CODING_SCHEME_DESIGNATOR))) {
            for (Organ o : Organ.values()) {
                if (OrganCodes.of(o).codeValue().equals(code.string(DicomTags.CODE_VALUE))) {
                    return o;
                }
            }
        }
        String label = segment.string(DicomTags.SEGMENT_LABEL, "");
        return Organ.ofKey(label).orElseThrow(() -> new ImageIoException(file, "segment "
                + DicomAttributes.printable(label) + " is none of the organs liver, kidney_right, kidney_left, spleen"));
    }

    private static double[] requireValues(Path file, DicomAttributes item, int tag, int count) throws ImageIoException {
        double[] v = item == null ? null : item.doubles(tag);
        if (v == null || v.length != count) {
            throw new ImageIoException(file, "the functional groups lack " + DicomTags.format(tag) + " with " + count + " values");
        }
        return v;
    }
}
