package org.organdose.image.io.dicom;

import org.organdose.image.io.dicom.DicomTestWriter.Dataset;

/** Known-content datasets for reader tests. */
public final class SyntheticDicom {
    public static final double[] AXIAL = {1, 0, 0, 0, 1, 0};

    private SyntheticDicom() {
    }

    /** A stored value that differs between every pixel and slice of a small image. */
    public static short storedValue(int i, int j, int slice) {
        return (short) (i * 7 + j * 13 + slice * 101 - 500);
    }

    /** Pixels of slice {@code slice}, row by row (column index i fastest). */
    public static short[] pixels(int rows, int columns, int slice) {
        short[] p = new short[rows * columns];
        for (int j = 0; j < rows; j++) {
            for (int i = 0; i < columns; i++) {
                p[i + columns * j] = storedValue(i, j, slice);
            }
        }
        return p;
    }

    /** A signed 16-bit CT slice: rescale slope 1, intercept 0, unless changed afterwards. */
    public static Dataset ctSlice(String seriesUid, int instance, int rows, int columns, double[] orientation, double[] position,
                           double rowSpacing, double columnSpacing, short[] pixels) {
        return new Dataset()
                .text(DicomTags.SOP_CLASS_UID, Vr.UI, "1.2.840.10008.5.1.4.1.1.2")
                .text(DicomTags.SOP_INSTANCE_UID, Vr.UI, seriesUid + "." + instance)
                .text(DicomTags.MODALITY, Vr.CS, "CT")
                .text(DicomTags.SERIES_DESCRIPTION, Vr.LO, "synthetic")
                .text(DicomTags.SERIES_INSTANCE_UID, Vr.UI, seriesUid)
                .integerString(DicomTags.INSTANCE_NUMBER, instance)
                .decimals(DicomTags.IMAGE_POSITION_PATIENT, position)
                .decimals(DicomTags.IMAGE_ORIENTATION_PATIENT, orientation)
                .decimals(DicomTags.SLICE_THICKNESS, 2.5)
                .us(DicomTags.SAMPLES_PER_PIXEL, 1)
                .text(DicomTags.PHOTOMETRIC_INTERPRETATION, Vr.CS, "MONOCHROME2")
                .us(DicomTags.ROWS, rows)
                .us(DicomTags.COLUMNS, columns)
                .decimals(DicomTags.PIXEL_SPACING, rowSpacing, columnSpacing)
                .us(DicomTags.BITS_ALLOCATED, 16)
                .us(DicomTags.BITS_STORED, 16)
                .us(DicomTags.HIGH_BIT, 15)
                .us(DicomTags.PIXEL_REPRESENTATION, 1)
                .decimals(DicomTags.RESCALE_INTERCEPT, 0)
                .decimals(DicomTags.RESCALE_SLOPE, 1)
                .pixels16(pixels);
    }

    /** A small axial slice {@code slice} of a series with 2.5 mm slices starting at z = -10. */
    public static Dataset axialSlice(String seriesUid, int slice) {
        return ctSlice(seriesUid, slice + 1, 6, 5, AXIAL, new double[] {-20, -30, -10 + 2.5 * slice}, 0.8, 0.6,
                pixels(6, 5, slice));
    }
}
