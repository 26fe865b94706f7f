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


    // written by the DICOM writers (patient, study, equipment, SEG, RT Structure Set, RT Dose)
    public static final int INSTANCE_CREATION_DATE = 0x00080012;
    public static final int INSTANCE_CREATION_TIME = 0x00080013;
    public static final int CONTENT_DATE = 0x00080023;
    public static final int CONTENT_TIME = 0x00080033;
    public static final int ACCESSION_NUMBER = 0x00080050;
    public static final int MANUFACTURER = 0x00080070;
    public static final int REFERRING_PHYSICIAN_NAME = 0x00080090;
    public static final int CODING_SCHEME_DESIGNATOR = 0x00080102;
    public static final int STUDY_DESCRIPTION = 0x00081030;
    public static final int OPERATORS_NAME = 0x00081070;
    public static final int MANUFACTURER_MODEL_NAME = 0x00081090;
    public static final int REFERENCED_SERIES_SEQUENCE = 0x00081115;
    public static final int REFERENCED_INSTANCE_SEQUENCE = 0x0008114A;
    public static final int REFERENCED_SOP_CLASS_UID = 0x00081150;
    public static final int REFERENCED_SOP_INSTANCE_UID = 0x00081155;
    public static final int SOURCE_IMAGE_SEQUENCE = 0x00082112;
    public static final int DERIVATION_IMAGE_SEQUENCE = 0x00089124;
    public static final int DERIVATION_CODE_SEQUENCE = 0x00089215;
    public static final int PATIENT_NAME = 0x00100010;
    public static final int PATIENT_BIRTH_DATE = 0x00100030;
    public static final int PATIENT_SEX = 0x00100040;
    public static final int DEVICE_SERIAL_NUMBER = 0x00181000;
    public static final int SOFTWARE_VERSIONS = 0x00181020;
    public static final int STUDY_ID = 0x00200010;
    public static final int PATIENT_ORIENTATION = 0x00200020;
    public static final int POSITION_REFERENCE_INDICATOR = 0x00201040;
    public static final int FRAME_CONTENT_SEQUENCE = 0x00209111;
    public static final int DIMENSION_INDEX_VALUES = 0x00209157;
    public static final int DIMENSION_ORGANIZATION_UID = 0x00209164;
    public static final int DIMENSION_INDEX_POINTER = 0x00209165;
    public static final int FUNCTIONAL_GROUP_POINTER = 0x00209167;
    public static final int DIMENSION_ORGANIZATION_SEQUENCE = 0x00209221;
    public static final int DIMENSION_INDEX_SEQUENCE = 0x00209222;
    public static final int DIMENSION_ORGANIZATION_TYPE = 0x00209311;
    public static final int DIMENSION_DESCRIPTION_LABEL = 0x00209421;
    public static final int FRAME_INCREMENT_POINTER = 0x00280009;
    public static final int LOSSY_IMAGE_COMPRESSION = 0x00282110;
    public static final int PURPOSE_OF_REFERENCE_CODE_SEQUENCE = 0x0040A170;
    public static final int SEGMENTATION_TYPE = 0x00620001;
    public static final int SEGMENT_SEQUENCE = 0x00620002;
    public static final int SEGMENTED_PROPERTY_CATEGORY_CODE_SEQUENCE = 0x00620003;
    public static final int SEGMENT_NUMBER = 0x00620004;
    public static final int SEGMENT_LABEL = 0x00620005;
    public static final int SEGMENT_ALGORITHM_TYPE = 0x00620008;
    public static final int SEGMENT_ALGORITHM_NAME = 0x00620009;
    public static final int SEGMENT_IDENTIFICATION_SEQUENCE = 0x0062000A;
    public static final int REFERENCED_SEGMENT_NUMBER = 0x0062000B;
    public static final int RECOMMENDED_DISPLAY_CIELAB_VALUE = 0x0062000D;
    public static final int SEGMENTED_PROPERTY_TYPE_CODE_SEQUENCE = 0x0062000F;
    public static final int SEGMENTS_OVERLAP = 0x00620013;
    public static final int CONTENT_LABEL = 0x00700080;
    public static final int CONTENT_DESCRIPTION = 0x00700081;
    public static final int CONTENT_CREATOR_NAME = 0x00700084;
    public static final int DOSE_TYPE = 0x30040004;
    public static final int DOSE_SUMMATION_TYPE = 0x3004000A;
    public static final int STRUCTURE_SET_LABEL = 0x30060002;
    public static final int STRUCTURE_SET_NAME = 0x30060004;
    public static final int STRUCTURE_SET_DATE = 0x30060008;
    public static final int STRUCTURE_SET_TIME = 0x30060009;
    public static final int REFERENCED_FRAME_OF_REFERENCE_SEQUENCE = 0x30060010;
    public static final int RT_REFERENCED_STUDY_SEQUENCE = 0x30060012;
    public static final int RT_REFERENCED_SERIES_SEQUENCE = 0x30060014;
    public static final int CONTOUR_IMAGE_SEQUENCE = 0x30060016;
    public static final int STRUCTURE_SET_ROI_SEQUENCE = 0x30060020;
    public static final int ROI_NUMBER = 0x30060022;
    public static final int REFERENCED_FRAME_OF_REFERENCE_UID = 0x30060024;
    public static final int ROI_NAME = 0x30060026;
    public static final int ROI_DISPLAY_COLOR = 0x3006002A;
    public static final int ROI_GENERATION_ALGORITHM = 0x30060036;
    public static final int ROI_CONTOUR_SEQUENCE = 0x30060039;
    public static final int CONTOUR_SEQUENCE = 0x30060040;
    public static final int CONTOUR_GEOMETRIC_TYPE = 0x30060042;
    public static final int NUMBER_OF_CONTOUR_POINTS = 0x30060046;
    public static final int CONTOUR_NUMBER = 0x30060048;
    public static final int CONTOUR_DATA = 0x30060050;
    public static final int RT_ROI_OBSERVATIONS_SEQUENCE = 0x30060080;
    public static final int OBSERVATION_NUMBER = 0x30060082;
    public static final int REFERENCED_ROI_NUMBER = 0x30060084;
    public static final int RT_ROI_INTERPRETED_TYPE = 0x300600A4;
    public static final int ROI_INTERPRETER = 0x300600A6;

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
        VRS.put(INSTANCE_CREATION_DATE, Vr.DA);
        VRS.put(INSTANCE_CREATION_TIME, Vr.TM);
        VRS.put(STUDY_DATE, Vr.DA);
        VRS.put(SERIES_DATE, Vr.DA);
        VRS.put(CONTENT_DATE, Vr.DA);
        VRS.put(STUDY_TIME, Vr.TM);
        VRS.put(SERIES_TIME, Vr.TM);
        VRS.put(CONTENT_TIME, Vr.TM);
        VRS.put(ACCESSION_NUMBER, Vr.SH);
        VRS.put(MANUFACTURER, Vr.LO);
        VRS.put(REFERRING_PHYSICIAN_NAME, Vr.PN);
        VRS.put(CODE_VALUE, Vr.SH);
        VRS.put(CODING_SCHEME_DESIGNATOR, Vr.SH);
        VRS.put(CODE_MEANING, Vr.LO);
        VRS.put(STUDY_DESCRIPTION, Vr.LO);
        VRS.put(OPERATORS_NAME, Vr.PN);
        VRS.put(MANUFACTURER_MODEL_NAME, Vr.LO);
        VRS.put(REFERENCED_SERIES_SEQUENCE, Vr.SQ);
        VRS.put(REFERENCED_INSTANCE_SEQUENCE, Vr.SQ);
        VRS.put(REFERENCED_SOP_CLASS_UID, Vr.UI);
        VRS.put(REFERENCED_SOP_INSTANCE_UID, Vr.UI);
        VRS.put(SOURCE_IMAGE_SEQUENCE, Vr.SQ);
        VRS.put(DERIVATION_IMAGE_SEQUENCE, Vr.SQ);
        VRS.put(DERIVATION_CODE_SEQUENCE, Vr.SQ);
        VRS.put(PATIENT_NAME, Vr.PN);
        VRS.put(PATIENT_ID, Vr.LO);
        VRS.put(PATIENT_BIRTH_DATE, Vr.DA);
        VRS.put(PATIENT_SEX, Vr.CS);
        VRS.put(DEVICE_SERIAL_NUMBER, Vr.LO);
        VRS.put(SOFTWARE_VERSIONS, Vr.LO);
        VRS.put(STUDY_ID, Vr.SH);
        VRS.put(PATIENT_ORIENTATION, Vr.CS);
        VRS.put(FRAME_OF_REFERENCE_UID, Vr.UI);
        VRS.put(POSITION_REFERENCE_INDICATOR, Vr.LO);
        VRS.put(FRAME_CONTENT_SEQUENCE, Vr.SQ);
        VRS.put(DIMENSION_INDEX_VALUES, Vr.UL);
        VRS.put(DIMENSION_ORGANIZATION_UID, Vr.UI);
        VRS.put(DIMENSION_INDEX_POINTER, Vr.AT);
        VRS.put(FUNCTIONAL_GROUP_POINTER, Vr.AT);
        VRS.put(DIMENSION_ORGANIZATION_SEQUENCE, Vr.SQ);
        VRS.put(DIMENSION_INDEX_SEQUENCE, Vr.SQ);
        VRS.put(DIMENSION_ORGANIZATION_TYPE, Vr.CS);
        VRS.put(DIMENSION_DESCRIPTION_LABEL, Vr.LO);
        VRS.put(FRAME_INCREMENT_POINTER, Vr.AT);
        VRS.put(LOSSY_IMAGE_COMPRESSION, Vr.CS);
        VRS.put(PURPOSE_OF_REFERENCE_CODE_SEQUENCE, Vr.SQ);
        VRS.put(SEGMENTATION_TYPE, Vr.CS);
        VRS.put(SEGMENT_SEQUENCE, Vr.SQ);
        VRS.put(SEGMENTED_PROPERTY_CATEGORY_CODE_SEQUENCE, Vr.SQ);
        VRS.put(SEGMENT_NUMBER, Vr.US);
        VRS.put(SEGMENT_LABEL, Vr.LO);
        VRS.put(SEGMENT_ALGORITHM_TYPE, Vr.CS);
        VRS.put(SEGMENT_ALGORITHM_NAME, Vr.LO);
        VRS.put(SEGMENT_IDENTIFICATION_SEQUENCE, Vr.SQ);
        VRS.put(REFERENCED_SEGMENT_NUMBER, Vr.US);
        VRS.put(RECOMMENDED_DISPLAY_CIELAB_VALUE, Vr.US);
        VRS.put(SEGMENTED_PROPERTY_TYPE_CODE_SEQUENCE, Vr.SQ);
        VRS.put(SEGMENTS_OVERLAP, Vr.CS);
        VRS.put(CONTENT_LABEL, Vr.CS);
        VRS.put(CONTENT_DESCRIPTION, Vr.LO);
        VRS.put(CONTENT_CREATOR_NAME, Vr.PN);
        VRS.put(DOSE_UNITS, Vr.CS);
        VRS.put(DOSE_TYPE, Vr.CS);
        VRS.put(DOSE_SUMMATION_TYPE, Vr.CS);
        VRS.put(GRID_FRAME_OFFSET_VECTOR, Vr.DS);
        VRS.put(DOSE_GRID_SCALING, Vr.DS);
        VRS.put(STRUCTURE_SET_LABEL, Vr.SH);
        VRS.put(STRUCTURE_SET_NAME, Vr.LO);
        VRS.put(STRUCTURE_SET_DATE, Vr.DA);
        VRS.put(STRUCTURE_SET_TIME, Vr.TM);
        VRS.put(REFERENCED_FRAME_OF_REFERENCE_SEQUENCE, Vr.SQ);
        VRS.put(RT_REFERENCED_STUDY_SEQUENCE, Vr.SQ);
        VRS.put(RT_REFERENCED_SERIES_SEQUENCE, Vr.SQ);
        VRS.put(CONTOUR_IMAGE_SEQUENCE, Vr.SQ);
        VRS.put(STRUCTURE_SET_ROI_SEQUENCE, Vr.SQ);
        VRS.put(ROI_NUMBER, Vr.IS);
        VRS.put(REFERENCED_FRAME_OF_REFERENCE_UID, Vr.UI);
        VRS.put(ROI_NAME, Vr.LO);
        VRS.put(ROI_DISPLAY_COLOR, Vr.IS);
        VRS.put(ROI_GENERATION_ALGORITHM, Vr.CS);
        VRS.put(ROI_CONTOUR_SEQUENCE, Vr.SQ);
        VRS.put(CONTOUR_SEQUENCE, Vr.SQ);
        VRS.put(CONTOUR_GEOMETRIC_TYPE, Vr.CS);
        VRS.put(NUMBER_OF_CONTOUR_POINTS, Vr.IS);
        VRS.put(CONTOUR_NUMBER, Vr.IS);
        VRS.put(CONTOUR_DATA, Vr.DS);
        VRS.put(RT_ROI_OBSERVATIONS_SEQUENCE, Vr.SQ);
        VRS.put(OBSERVATION_NUMBER, Vr.IS);
        VRS.put(REFERENCED_ROI_NUMBER, Vr.IS);
        VRS.put(RT_ROI_INTERPRETED_TYPE, Vr.CS);
        VRS.put(ROI_INTERPRETER, Vr.PN);
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

    /** The VR the writers give a tag; a tag missing from this dictionary is a programming error, not bad input. */
    static Vr writtenVr(int tag) {
        Vr vr = VRS.get(tag);
        if (vr == null) {
            throw new IllegalArgumentException("the dictionary has no VR for " + format(tag));
        }
        return vr;
    }

    /** "(gggg,eeee)", as messages show tags. */
    public static String format(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }
}
