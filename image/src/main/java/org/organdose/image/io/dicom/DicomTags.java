package org.organdose.image.io.dicom;

import java.util.HashMap;
import java.util.Map;

/**
 * The attributes this package reads, with their VRs: the small dictionary that implicit VR
 * encoding needs. Tags are {@code (group << 16) | element}. Tags not listed here are read as UN
 * in implicit VR and never interpreted.
 */
public final class DicomTags {
    public static final int TRANSFER_SYNTAX_UID = 0x00020010;
    public static final int MEDIA_STORAGE_SOP_CLASS_UID = 0x00020002;

    public static final int SPECIFIC_CHARACTER_SET = 0x00080005;
    public static final int IMAGE_TYPE = 0x00080008;
    public static final int STUDY_DATE = 0x00080020;
    public static final int SERIES_DATE = 0x00080021;
    public static final int ACQUISITION_DATE = 0x00080022;
    public static final int ACQUISITION_DATE_TIME = 0x0008002A;
    public static final int STUDY_TIME = 0x00080030;
    public static final int SERIES_TIME = 0x00080031;
    public static final int ACQUISITION_TIME = 0x00080032;
    public static final int CODE_VALUE = 0x00080100;
    public static final int CODE_MEANING = 0x00080104;
    public static final int SOP_CLASS_UID = 0x00080016;
    public static final int SOP_INSTANCE_UID = 0x00080018;
    public static final int MODALITY = 0x00080060;
    public static final int SERIES_DESCRIPTION = 0x0008103E;

    public static final int PATIENT_ID = 0x00100020;

    public static final int SLICE_THICKNESS = 0x00180050;
    public static final int SPACING_BETWEEN_SLICES = 0x00180088;
    public static final int RADIOPHARMACEUTICAL_START_TIME = 0x00181072;
    public static final int RADIONUCLIDE_TOTAL_DOSE = 0x00181074;
    public static final int RADIONUCLIDE_HALF_LIFE = 0x00181075;
    public static final int RADIOPHARMACEUTICAL_START_DATE_TIME = 0x00181078;
    public static final int GANTRY_DETECTOR_TILT = 0x00181120;
    public static final int ACTUAL_FRAME_DURATION = 0x00181242;

    public static final int STUDY_INSTANCE_UID = 0x0020000D;
    public static final int SERIES_INSTANCE_UID = 0x0020000E;
    public static final int SERIES_NUMBER = 0x00200011;
    public static final int INSTANCE_NUMBER = 0x00200013;
    public static final int IMAGE_POSITION_PATIENT = 0x00200032;
    public static final int IMAGE_ORIENTATION_PATIENT = 0x00200037;
    public static final int FRAME_OF_REFERENCE_UID = 0x00200052;
    public static final int PLANE_POSITION_SEQUENCE = 0x00209113;
    public static final int PLANE_ORIENTATION_SEQUENCE = 0x00209116;

    public static final int SAMPLES_PER_PIXEL = 0x00280002;
    public static final int PHOTOMETRIC_INTERPRETATION = 0x00280004;
    public static final int NUMBER_OF_FRAMES = 0x00280008;
    public static final int ROWS = 0x00280010;
    public static final int COLUMNS = 0x00280011;
    public static final int PIXEL_SPACING = 0x00280030;
    public static final int CORRECTED_IMAGE = 0x00280051;
    public static final int BITS_ALLOCATED = 0x00280100;
    public static final int BITS_STORED = 0x00280101;
    public static final int HIGH_BIT = 0x00280102;
    public static final int PIXEL_REPRESENTATION = 0x00280103;
    public static final int RESCALE_INTERCEPT = 0x00281052;
    public static final int RESCALE_SLOPE = 0x00281053;
    public static final int RESCALE_TYPE = 0x00281054;
    public static final int PIXEL_MEASURES_SEQUENCE = 0x00289110;
    public static final int PIXEL_VALUE_TRANSFORMATION_SEQUENCE = 0x00289145;

    public static final int RADIOPHARMACEUTICAL_INFORMATION_SEQUENCE = 0x00540016;
    public static final int DETECTOR_VECTOR = 0x00540020;
    public static final int DETECTOR_INFORMATION_SEQUENCE = 0x00540022;
    public static final int ROTATION_INFORMATION_SEQUENCE = 0x00540052;
    public static final int NUMBER_OF_FRAMES_IN_ROTATION = 0x00540053;
    public static final int RADIONUCLIDE_CODE_SEQUENCE = 0x00540300;
    public static final int NUMBER_OF_SLICES = 0x00540081;
    public static final int UNITS = 0x00541001;

    public static final int DOSE_UNITS = 0x30040002;
    public static final int GRID_FRAME_OFFSET_VECTOR = 0x3004000C;
    public static final int DOSE_GRID_SCALING = 0x3004000E;

    public static final int SHARED_FUNCTIONAL_GROUPS_SEQUENCE = 0x52009229;
    public static final int PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE = 0x52009230;

    public static final int PIXEL_DATA = 0x7FE00010;

    static final int ITEM = 0xFFFEE000;
    static final int ITEM_DELIMITATION = 0xFFFEE00D;
    static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;

    private static final Map<Integer, Vr> VRS = new HashMap<>();

    static {
        VRS.put(SPECIFIC_CHARACTER_SET, Vr.CS);
        VRS.put(IMAGE_TYPE, Vr.CS);
        VRS.put(SOP_CLASS_UID, Vr.UI);
        VRS.put(SOP_INSTANCE_UID, Vr.UI);
        VRS.put(MODALITY, Vr.CS);
        VRS.put(STUDY_DATE, Vr.DA);
        VRS.put(SERIES_DATE, Vr.DA);
        VRS.put(ACQUISITION_DATE, Vr.DA);
        VRS.put(ACQUISITION_DATE_TIME, Vr.DT);
        VRS.put(STUDY_TIME, Vr.TM);
        VRS.put(SERIES_TIME, Vr.TM);
        VRS.put(ACQUISITION_TIME, Vr.TM);
        VRS.put(CODE_VALUE, Vr.SH);
        VRS.put(CODE_MEANING, Vr.LO);
        VRS.put(SERIES_DESCRIPTION, Vr.LO);
        VRS.put(PATIENT_ID, Vr.LO);
        VRS.put(RADIOPHARMACEUTICAL_START_TIME, Vr.TM);
        VRS.put(RADIONUCLIDE_TOTAL_DOSE, Vr.DS);
        VRS.put(RADIONUCLIDE_HALF_LIFE, Vr.DS);
        VRS.put(RADIOPHARMACEUTICAL_START_DATE_TIME, Vr.DT);
        VRS.put(ACTUAL_FRAME_DURATION, Vr.IS);
        VRS.put(FRAME_OF_REFERENCE_UID, Vr.UI);
        VRS.put(CORRECTED_IMAGE, Vr.CS);
        VRS.put(RADIOPHARMACEUTICAL_INFORMATION_SEQUENCE, Vr.SQ);
        VRS.put(DETECTOR_VECTOR, Vr.US);
        VRS.put(ROTATION_INFORMATION_SEQUENCE, Vr.SQ);
        VRS.put(NUMBER_OF_FRAMES_IN_ROTATION, Vr.US);
        VRS.put(RADIONUCLIDE_CODE_SEQUENCE, Vr.SQ);
        VRS.put(SLICE_THICKNESS, Vr.DS);
        VRS.put(SPACING_BETWEEN_SLICES, Vr.DS);
        VRS.put(GANTRY_DETECTOR_TILT, Vr.DS);
        VRS.put(STUDY_INSTANCE_UID, Vr.UI);
        VRS.put(SERIES_INSTANCE_UID, Vr.UI);
        VRS.put(SERIES_NUMBER, Vr.IS);
        VRS.put(INSTANCE_NUMBER, Vr.IS);
        VRS.put(IMAGE_POSITION_PATIENT, Vr.DS);
        VRS.put(IMAGE_ORIENTATION_PATIENT, Vr.DS);
        VRS.put(PLANE_POSITION_SEQUENCE, Vr.SQ);
        VRS.put(PLANE_ORIENTATION_SEQUENCE, Vr.SQ);
        VRS.put(SAMPLES_PER_PIXEL, Vr.US);
        VRS.put(PHOTOMETRIC_INTERPRETATION, Vr.CS);
        VRS.put(NUMBER_OF_FRAMES, Vr.IS);
        VRS.put(ROWS, Vr.US);
        VRS.put(COLUMNS, Vr.US);
        VRS.put(PIXEL_SPACING, Vr.DS);
        VRS.put(BITS_ALLOCATED, Vr.US);
        VRS.put(BITS_STORED, Vr.US);
        VRS.put(HIGH_BIT, Vr.US);
        VRS.put(PIXEL_REPRESENTATION, Vr.US);
        VRS.put(RESCALE_INTERCEPT, Vr.DS);
        VRS.put(RESCALE_SLOPE, Vr.DS);
        VRS.put(RESCALE_TYPE, Vr.LO);
        VRS.put(PIXEL_MEASURES_SEQUENCE, Vr.SQ);
        VRS.put(PIXEL_VALUE_TRANSFORMATION_SEQUENCE, Vr.SQ);
        VRS.put(DETECTOR_INFORMATION_SEQUENCE, Vr.SQ);
        VRS.put(NUMBER_OF_SLICES, Vr.US);
        VRS.put(UNITS, Vr.CS);
        VRS.put(DOSE_UNITS, Vr.CS);
        VRS.put(GRID_FRAME_OFFSET_VECTOR, Vr.DS);
        VRS.put(DOSE_GRID_SCALING, Vr.DS);
        VRS.put(SHARED_FUNCTIONAL_GROUPS_SEQUENCE, Vr.SQ);
        VRS.put(PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE, Vr.SQ);
        VRS.put(PIXEL_DATA, Vr.OW);
    }

    private DicomTags() {
    }

    /** The VR of a tag for implicit VR encoding; UN when this dictionary does not know it. */
    static Vr implicitVr(int tag) {
        if ((tag & 0xFFFF) == 0) {
            return Vr.UL; // group length, in every group
        }
        return VRS.getOrDefault(tag, Vr.UN);
    }

    /** "(gggg,eeee)", as messages show tags. */
    public static String format(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }
}
