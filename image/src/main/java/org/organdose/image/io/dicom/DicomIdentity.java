package org.organdose.image.io.dicom;

import java.util.List;

/**
 * Who and what an image belongs to, as the objects OrganDose derives from it (SEG, RT Structure
 * Set, RT Dose) must repeat: patient, study and frame of reference copied from the source
 * series, and the source instances to reference. Text is as the source stored it (its
 * SpecificCharacterSet comes along). For images that did not come from DICOM the identity is
 * {@link #generated()}: new study and frame of reference UIDs, no patient.
 *
 * @param fromSource            copied from a DICOM series (false: generated)
 * @param specificCharacterSet  the source's SpecificCharacterSet, "" for the default repertoire
 * @param patientName           "" when unknown, as every text field
 * @param seriesInstanceUid     the source series, "" when generated
 * @param sopClassUid           the SOP class of the source instances, "" when generated
 * @param sliceInstanceUids     SOPInstanceUID of the image at each slice index k, in slice order; empty when
 *                              generated or when the slices are frames of multi-frame instances
 */
public record DicomIdentity(boolean fromSource, String specificCharacterSet, String patientName, String patientId,
                            String patientBirthDate, String patientSex, String studyInstanceUid, String studyDate,
                            String studyTime, String studyId, String accessionNumber, String referringPhysicianName,
                            String frameOfReferenceUid, String seriesInstanceUid, String sopClassUid,
                            List<String> sliceInstanceUids) {
    public DicomIdentity {
        sliceInstanceUids = List.copyOf(sliceInstanceUids);
    }

    /** What a writer says when it had to make the identity up. */
    public static final String GENERATED_WARNING = "the source image did not come from DICOM: patient and study "
            + "identity are empty and the study and frame of reference UIDs are new, so PACS will not file this object "
            + "with the patient's images until someone fills them in";

    /** A new identity for an image that came from a file without DICOM identity (NIfTI, NRRD, ...). */
    public static DicomIdentity generated() {
        return new DicomIdentity(false, "", "", "", "", "", DicomUids.create(), "", "", "", "", "", DicomUids.create(),
                "", "", List.of());
    }

    /** Read from the first instance of a series, with its slices' instances in slice order. */
    static DicomIdentity of(DicomAttributes first, List<String> sliceInstanceUids) {
        String frameOfReference = first.string(DicomTags.FRAME_OF_REFERENCE_UID, "");
        return new DicomIdentity(true, String.join("\\", first.strings(DicomTags.SPECIFIC_CHARACTER_SET)),
                first.string(DicomTags.PATIENT_NAME, ""), first.string(DicomTags.PATIENT_ID, ""),
                first.string(DicomTags.PATIENT_BIRTH_DATE, ""), first.string(DicomTags.PATIENT_SEX, ""),
                first.string(DicomTags.STUDY_INSTANCE_UID, ""), first.string(DicomTags.STUDY_DATE, ""),
                first.string(DicomTags.STUDY_TIME, ""), first.string(DicomTags.STUDY_ID, ""),
                first.string(DicomTags.ACCESSION_NUMBER, ""), first.string(DicomTags.REFERRING_PHYSICIAN_NAME, ""),
                frameOfReference, first.string(DicomTags.SERIES_INSTANCE_UID, ""),
                first.string(DicomTags.SOP_CLASS_UID, ""), sliceInstanceUids);
    }
}
