package org.organdose.image.io.dicom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.organdose.image.Geometry;
import org.organdose.image.Matrix3;
import org.organdose.image.Volume;
import org.organdose.image.io.ImageIoException;

/**
 * Writes an absorbed dose map in Gy as an RT Dose (PS3.3 A.18, RT Dose module C.8.8.3): 16-bit
 * unsigned pixels times DoseGridScaling, frames along GridFrameOffsetVector, in the frame of
 * reference of the CT the dose was computed for.
 *
 * <p>16 bits, not 32: dicom3tools' dciodvfy, the independent checker the tests use, aborts on
 * 32-bit pixel data, and 16 bits resolve 1/65535 of the maximum dose (below 1e-5 Gy for a
 * kidney dose of a few Gy), far finer than the dose is known.
 *
 * <p>DoseSummationType is PLAN_OVERVIEW. A molecular radiotherapy dose comes from no RT Plan, no
 * beam, fraction or brachytherapy setup and no RT Treatment Record, and the terms PLAN,
 * MULTI_PLAN, FRACTION, BEAM, BRACHY, the _SESSION terms and CONTROL_POINT oblige the object to
 * reference an RT Plan (RECORD, an RT Treatment Record). PLAN_OVERVIEW, the dose of the whole
 * treatment, obliges no such reference and is what the dose of a whole administration is; the
 * attribute takes Defined Terms, which a writer may extend. dciodvfy's tables predate the term,
 * so it warns that it does not recognise it.
 */
public final class RtDoseWriter {
    public static final String SOP_CLASS_UID = "1.2.840.10008.5.1.4.1.1.481.2";
    public static final String DOSE_SUMMATION_TYPE = "PLAN_OVERVIEW";
    /** Largest stored value used, a little under 65535 so that the rounded DoseGridScaling cannot push the maximum over. */
    private static final double MAX_STORED = 65000;

    private RtDoseWriter() {
    }

    /**
     * Writes {@code doseGy} to {@code target}.
     *
     * @param source identity of the CT whose frame of reference the dose grid lies in
     * @return warnings about the object written (generated identity, negative doses written as 0)
     */
    public static List<String> write(Volume doseGy, DicomIdentity source, Path target) throws ImageIoException {
        Geometry g = doseGy.geometry();
        float[] dose = doseGy.voxels();
        double max = 0;
        double min = 0;
        for (float v : dose) {
            if (!Float.isFinite(v)) {
                throw new ImageIoException(target, "the dose map holds " + v + ": only finite doses can be written");
            }
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        DerivedObjectHeader header = new DerivedObjectHeader(source);
        List<String> warnings = new ArrayList<>(header.warnings());
        if (min < 0) {
            warnings.add(String.format(Locale.ROOT, "the dose map has negative values down to %.3g Gy (maximum %.3g Gy); "
                    + "RT Dose pixels are unsigned, so they are written as 0", min, max));
        }
        // the scaling as the file will state it, so that stored value times scaling is what a reader gets
        double scaling = max > 0 ? Double.parseDouble(DicomAttributes.decimal(max / MAX_STORED)) : 1;
        byte[] pixels = new byte[dose.length * 2];
        for (int p = 0; p < dose.length; p++) {
            long stored = dose[p] > 0 ? Math.round(dose[p] / scaling) : 0;
            pixels[2 * p] = (byte) stored;
            pixels[2 * p + 1] = (byte) (stored >>> 8);
        }
        double[] dir = g.direction();
        double[] normal = Matrix3.cross(new double[] {dir[0], dir[3], dir[6]}, new double[] {dir[1], dir[4], dir[7]});
        double[] offsets = new double[g.nz()];
        double[] first = g.indexToWorld(0, 0, 0);
        for (int k = 0; k < g.nz(); k++) {
            double[] p = g.indexToWorld(0, 0, k);
            // a left-handed grid (k against row x column) gives decreasing offsets, which the standard allows
            offsets[k] = Matrix3.dot(normal, new double[] {p[0] - first[0], p[1] - first[1], p[2] - first[2]});
        }
        DicomAttributes d = header.newDataset(target, SOP_CLASS_UID, "RTDOSE", "OrganDose absorbed dose (Gy)", true);
        d.set(DicomTags.OPERATORS_NAME, "")
                .setDecimals(DicomTags.IMAGE_POSITION_PATIENT, first)
                .setDecimals(DicomTags.IMAGE_ORIENTATION_PATIENT, dir[0], dir[3], dir[6], dir[1], dir[4], dir[7])
                .setDecimals(DicomTags.PIXEL_SPACING, g.spacing(1), g.spacing(0))
                .setDecimals(DicomTags.SLICE_THICKNESS, g.spacing(2))
                .setIntegers(DicomTags.SAMPLES_PER_PIXEL, 1)
                .set(DicomTags.PHOTOMETRIC_INTERPRETATION, "MONOCHROME2")
                .setIntegers(DicomTags.NUMBER_OF_FRAMES, g.nz())
                .setIntegers(DicomTags.FRAME_INCREMENT_POINTER, DicomTags.GRID_FRAME_OFFSET_VECTOR)
                .setIntegers(DicomTags.ROWS, g.ny())
                .setIntegers(DicomTags.COLUMNS, g.nx())
                .setIntegers(DicomTags.BITS_ALLOCATED, 16)
                .setIntegers(DicomTags.BITS_STORED, 16)
                .setIntegers(DicomTags.HIGH_BIT, 15)
                .setIntegers(DicomTags.PIXEL_REPRESENTATION, 0)
                .set(DicomTags.DOSE_UNITS, "GY")
                .set(DicomTags.DOSE_TYPE, "PHYSICAL")
                .set(DicomTags.DOSE_SUMMATION_TYPE, DOSE_SUMMATION_TYPE)
                .setDecimals(DicomTags.GRID_FRAME_OFFSET_VECTOR, offsets)
                .setDecimals(DicomTags.DOSE_GRID_SCALING, scaling)
                .setBytes(DicomTags.PIXEL_DATA, Vr.OW, pixels);
        DicomEncoder.write(target, d, false);
        return warnings;
    }
}
