package org.organdose.image.io.dicom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;
import org.organdose.image.io.ImageIoException;

/**
 * Writes the organs of a label map as a DICOM Segmentation (PS3.3 A.51): BINARY, one segment per
 * organ present, SNOMED CT coded ({@link OrganCodes}), on the label map's own grid.
 *
 * <p>Every segment has one frame per slice of the grid, empty slices included, so that a reader
 * recovers the whole grid (and {@link DicomSegReader} the label map voxel for voxel) from the
 * object alone; 1-bit frames keep that small (a 512x512 slice is 32 kB). Frame pixels are the
 * label map's slice as stored: row r, column c is voxel (i = c, j = r), so the frame's row and
 * column directions are the grid's i and j axes. Where the source CT came from DICOM with one
 * instance per slice, each frame's Derivation Image names the CT instance of its slice.
 */
public final class DicomSegWriter {
    public static final String SOP_CLASS_UID = "1.2.840.10008.5.1.4.1.1.66.4";

    private DicomSegWriter() {
    }

    /**
     * Writes {@code labels} to {@code target}.
     *
     * @param source        identity of the CT the labels are on
     * @param algorithmName the program that made the labels (segments AUTOMATIC), or null when a person drew them (MANUAL)
     * @return warnings about the object written (generated identity, labels left out)
     */
    public static List<String> write(LabelMap labels, DicomIdentity source, String algorithmName, Path target)
            throws ImageIoException {
        Geometry g = labels.geometry();
        List<String> warnings = new ArrayList<>();
        List<Organ> organs = new ArrayList<>();
        for (Organ organ : Organ.values()) {
            if (labels.count(organ.label()) > 0) {
                organs.add(organ);
            }
        }
        int max = labels.maxLabel();
        for (int label = Organ.values().length + 1; label <= max; label++) {
            if (labels.count(label) > 0) {
                warnings.add("label " + label + " is not an organ OrganDose knows: it is not in the segmentation");
            }
        }
        if (organs.isEmpty()) {
            throw new ImageIoException(target, "the label map holds no organ: a segmentation needs at least one segment");
        }
        DerivedObjectHeader header = new DerivedObjectHeader(source);
        warnings.addAll(header.warnings());
        boolean referenceSlices = source.fromSource() && source.sliceInstanceUids().size() == g.nz();
        if (source.fromSource() && !referenceSlices) {
            warnings.add("the source CT's slices are not one instance each: the segmentation references its series only");
        }
        DicomAttributes d = header.newDataset(target, SOP_CLASS_UID, "SEG", "OrganDose organ segmentation", true);
        d.set(DicomTags.IMAGE_TYPE, "DERIVED", "PRIMARY")
                .setIntegers(DicomTags.SAMPLES_PER_PIXEL, 1)
                .set(DicomTags.PHOTOMETRIC_INTERPRETATION, "MONOCHROME2")
                .setIntegers(DicomTags.ROWS, g.ny())
                .setIntegers(DicomTags.COLUMNS, g.nx())
                .setIntegers(DicomTags.BITS_ALLOCATED, 1)
                .setIntegers(DicomTags.BITS_STORED, 1)
                .setIntegers(DicomTags.HIGH_BIT, 0)
                .setIntegers(DicomTags.PIXEL_REPRESENTATION, 0)
                .set(DicomTags.LOSSY_IMAGE_COMPRESSION, "00")
                .set(DicomTags.SEGMENTATION_TYPE, "BINARY")
                .set(DicomTags.SEGMENTS_OVERLAP, "NO")
                .set(DicomTags.CONTENT_LABEL, "ORGANS")
                .set(DicomTags.CONTENT_DESCRIPTION, "liver, kidneys and spleen")
                .set(DicomTags.CONTENT_CREATOR_NAME, "")
                .setIntegers(DicomTags.NUMBER_OF_FRAMES, organs.size() * g.nz());
        d.setSequence(DicomTags.SEGMENT_SEQUENCE, segments(organs, algorithmName));
        dimensions(d);
        d.setSequence(DicomTags.SHARED_FUNCTIONAL_GROUPS_SEQUENCE, List.of(sharedGroups(g)));
        d.setSequence(DicomTags.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE, perFrameGroups(g, organs.size(),
                referenceSlices ? source : null));
        if (referenceSlices) {
            d.setSequence(DicomTags.REFERENCED_SERIES_SEQUENCE, List.of(new DicomAttributes(null)
                    .set(DicomTags.SERIES_INSTANCE_UID, source.seriesInstanceUid())
                    .setSequence(DicomTags.REFERENCED_INSTANCE_SEQUENCE, DerivedObjectHeader.instanceReferences(source))));
        }
        d.setBytes(DicomTags.PIXEL_DATA, Vr.OB, packBits(labels, organs));
        DicomEncoder.write(target, d, false);
        return warnings;
    }

    private static List<DicomAttributes> segments(List<Organ> organs, String algorithmName) {
        List<DicomAttributes> items = new ArrayList<>();
        for (int s = 0; s < organs.size(); s++) {
            OrganCodes codes = OrganCodes.of(organs.get(s));
            DicomAttributes item = new DicomAttributes(null)
                    .setIntegers(DicomTags.SEGMENT_NUMBER, s + 1)
                    .set(DicomTags.SEGMENT_LABEL, organs.get(s).key())
                    .set(DicomTags.SEGMENT_ALGORITHM_TYPE, algorithmName == null ? "MANUAL" : "AUTOMATIC")
                    .setSequence(DicomTags.SEGMENTED_PROPERTY_CATEGORY_CODE_SEQUENCE, List.of(DerivedObjectHeader.code(
                            OrganCodes.ANATOMICAL_STRUCTURE, OrganCodes.SNOMED, OrganCodes.ANATOMICAL_STRUCTURE_MEANING)))
                    .setSequence(DicomTags.SEGMENTED_PROPERTY_TYPE_CODE_SEQUENCE, List.of(DerivedObjectHeader.code(
                            codes.codeValue(), OrganCodes.SNOMED, codes.meaning())));
            if (algorithmName != null) {
                item.set(DicomTags.SEGMENT_ALGORITHM_NAME, algorithmName);
            }
            items.add(item);
        }
        return items;
    }

    /** Frames are indexed by segment, then by position (PS3.3 C.7.6.17), as the per-frame groups list them. */
    private static void dimensions(DicomAttributes d) {
        String organisation = DicomUids.create();
        d.setSequence(DicomTags.DIMENSION_ORGANIZATION_SEQUENCE,
                List.of(new DicomAttributes(null).set(DicomTags.DIMENSION_ORGANIZATION_UID, organisation)));
        d.setSequence(DicomTags.DIMENSION_INDEX_SEQUENCE, List.of(
                new DicomAttributes(null).set(DicomTags.DIMENSION_ORGANIZATION_UID, organisation)
                        .setIntegers(DicomTags.DIMENSION_INDEX_POINTER, DicomTags.REFERENCED_SEGMENT_NUMBER)
                        .setIntegers(DicomTags.FUNCTIONAL_GROUP_POINTER, DicomTags.SEGMENT_IDENTIFICATION_SEQUENCE)
                        .set(DicomTags.DIMENSION_DESCRIPTION_LABEL, "ReferencedSegmentNumber"),
                new DicomAttributes(null).set(DicomTags.DIMENSION_ORGANIZATION_UID, organisation)
                        .setIntegers(DicomTags.DIMENSION_INDEX_POINTER, DicomTags.IMAGE_POSITION_PATIENT)
                        .setIntegers(DicomTags.FUNCTIONAL_GROUP_POINTER, DicomTags.PLANE_POSITION_SEQUENCE)
                        .set(DicomTags.DIMENSION_DESCRIPTION_LABEL, "ImagePositionPatient")));
    }

    private static DicomAttributes sharedGroups(Geometry g) {
        double[] dir = g.direction();
        return new DicomAttributes(null)
                .setSequence(DicomTags.PIXEL_MEASURES_SEQUENCE, List.of(new DicomAttributes(null)
                        // PixelSpacing is row spacing (along j) then column spacing (along i)
                        .setDecimals(DicomTags.PIXEL_SPACING, g.spacing(1), g.spacing(0))
                        .setDecimals(DicomTags.SLICE_THICKNESS, g.spacing(2))
                        .setDecimals(DicomTags.SPACING_BETWEEN_SLICES, g.spacing(2))))
                .setSequence(DicomTags.PLANE_ORIENTATION_SEQUENCE, List.of(new DicomAttributes(null)
                        .setDecimals(DicomTags.IMAGE_ORIENTATION_PATIENT, dir[0], dir[3], dir[6], dir[1], dir[4], dir[7])));
    }

    private static List<DicomAttributes> perFrameGroups(Geometry g, int segments, DicomIdentity source) {
        List<DicomAttributes> frames = new ArrayList<>(segments * g.nz());
        for (int s = 1; s <= segments; s++) {
            for (int k = 0; k < g.nz(); k++) {
                DicomAttributes item = new DicomAttributes(null)
                        .setSequence(DicomTags.FRAME_CONTENT_SEQUENCE, List.of(new DicomAttributes(null)
                                .setIntegers(DicomTags.DIMENSION_INDEX_VALUES, s, k + 1)))
                        .setSequence(DicomTags.PLANE_POSITION_SEQUENCE, List.of(new DicomAttributes(null)
                                .setDecimals(DicomTags.IMAGE_POSITION_PATIENT, g.indexToWorld(0, 0, k))))
                        .setSequence(DicomTags.SEGMENT_IDENTIFICATION_SEQUENCE, List.of(new DicomAttributes(null)
                                .setIntegers(DicomTags.REFERENCED_SEGMENT_NUMBER, s)));
                if (source != null) {
                    DicomAttributes image = DerivedObjectHeader.instanceReference(source.sopClassUid(),
                            source.sliceInstanceUids().get(k)).setSequence(DicomTags.PURPOSE_OF_REFERENCE_CODE_SEQUENCE,
                            List.of(DerivedObjectHeader.code("121322", "DCM", "Source image for image processing operation")));
                    item.setSequence(DicomTags.DERIVATION_IMAGE_SEQUENCE, List.of(new DicomAttributes(null)
                            .setSequence(DicomTags.SOURCE_IMAGE_SEQUENCE, List.of(image))
                            .setSequence(DicomTags.DERIVATION_CODE_SEQUENCE,
                                    List.of(DerivedObjectHeader.code("113076", "DCM", "Segmentation")))));
                }
                frames.add(item);
            }
        }
        return frames;
    }

    /** Frames one after another with no padding between them, pixel n in bit n % 8 of byte n / 8 (PS3.5 8.1.1). */
    private static byte[] packBits(LabelMap labels, List<Organ> organs) {
        byte[] voxels = labels.labels();
        long bits = (long) organs.size() * voxels.length;
        byte[] packed = new byte[(int) ((bits + 7) / 8)];
        long n = 0;
        for (Organ organ : organs) {
            byte label = (byte) organ.label();
            for (byte v : voxels) {
                if (v == label) {
                    packed[(int) (n >>> 3)] |= (byte) (1 << (n & 7));
                }
                n++;
            }
        }
        return packed;
    }
}
