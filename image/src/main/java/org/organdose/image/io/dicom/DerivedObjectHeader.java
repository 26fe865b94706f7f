package org.organdose.image.io.dicom;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The modules every object OrganDose derives from an image shares: SOP Common, Patient, General
 * Study, the series (new SeriesInstanceUID and SOPInstanceUID every time), General Equipment, and
 * optionally Frame of Reference (PS3.3 C.12.1, C.7.1.1, C.7.2.1, C.7.3.1, C.7.5.1, C.7.4.1).
 * Patient and study come from the source identity; a source without a StudyInstanceUID or
 * FrameOfReferenceUID gets new ones, and says so in {@link #warnings()}.
 */
final class DerivedObjectHeader {
    static final String MANUFACTURER = "OrganDose";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss", Locale.ROOT);

    private final DicomIdentity identity;
    private final String studyInstanceUid;
    private final String frameOfReferenceUid;
    private final List<String> warnings = new ArrayList<>();
    private final LocalDateTime created = LocalDateTime.now();

    DerivedObjectHeader(DicomIdentity identity) {
        this.identity = identity;
        if (!identity.fromSource()) {
            warnings.add(DicomIdentity.GENERATED_WARNING);
        }
        if (identity.studyInstanceUid().isEmpty()) {
            studyInstanceUid = DicomUids.create();
            warnings.add("the source series has no StudyInstanceUID: the object is filed under a new study " + studyInstanceUid);
        } else {
            studyInstanceUid = identity.studyInstanceUid();
        }
        if (identity.frameOfReferenceUid().isEmpty()) {
            frameOfReferenceUid = DicomUids.create();
            warnings.add("the source series has no FrameOfReferenceUID: the object gets a new frame of reference "
                    + frameOfReferenceUid + ", which other objects of the study do not share");
        } else {
            frameOfReferenceUid = identity.frameOfReferenceUid();
        }
    }

    /** What the user should know about the identity written. */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * A new dataset of {@code sopClassUid} with the shared modules filled in.
     *
     * @param withFrameOfReference add the Frame of Reference module (SEG and RT Dose have it; RT Structure Set refers to it)
     */
    DicomAttributes newDataset(Path target, String sopClassUid, String modality, String seriesDescription,
                               boolean withFrameOfReference) {
        String date = DATE.format(created);
        String time = TIME.format(created);
        DicomAttributes d = new DicomAttributes(target);
        if (!identity.specificCharacterSet().isEmpty()) {
            d.set(DicomTags.SPECIFIC_CHARACTER_SET, identity.specificCharacterSet().split("\\\\"));
        }
        d.set(DicomTags.SOP_CLASS_UID, sopClassUid)
                .set(DicomTags.SOP_INSTANCE_UID, DicomUids.create())
                .set(DicomTags.INSTANCE_CREATION_DATE, date)
                .set(DicomTags.INSTANCE_CREATION_TIME, time)
                .set(DicomTags.PATIENT_NAME, identity.patientName())
                .set(DicomTags.PATIENT_ID, identity.patientId())
                .set(DicomTags.PATIENT_BIRTH_DATE, identity.patientBirthDate())
                .set(DicomTags.PATIENT_SEX, identity.patientSex())
                .set(DicomTags.STUDY_INSTANCE_UID, studyInstanceUid)
                .set(DicomTags.STUDY_DATE, identity.studyDate())
                .set(DicomTags.STUDY_TIME, identity.studyTime())
                .set(DicomTags.STUDY_ID, identity.studyId())
                .set(DicomTags.ACCESSION_NUMBER, identity.accessionNumber())
                .set(DicomTags.REFERRING_PHYSICIAN_NAME, identity.referringPhysicianName())
                .set(DicomTags.MODALITY, modality)
                .set(DicomTags.SERIES_INSTANCE_UID, DicomUids.create())
                .setIntegers(DicomTags.SERIES_NUMBER, 900)
                .set(DicomTags.SERIES_DESCRIPTION, seriesDescription)
                .set(DicomTags.SERIES_DATE, date)
                .set(DicomTags.SERIES_TIME, time)
                .set(DicomTags.CONTENT_DATE, date)
                .set(DicomTags.CONTENT_TIME, time)
                .setIntegers(DicomTags.INSTANCE_NUMBER, 1)
                .set(DicomTags.MANUFACTURER, MANUFACTURER)
                .set(DicomTags.MANUFACTURER_MODEL_NAME, MANUFACTURER)
                .set(DicomTags.DEVICE_SERIAL_NUMBER, "1")
                .set(DicomTags.SOFTWARE_VERSIONS, DicomEncoder.IMPLEMENTATION_VERSION);
        if (withFrameOfReference) {
            d.set(DicomTags.FRAME_OF_REFERENCE_UID, frameOfReferenceUid).set(DicomTags.POSITION_REFERENCE_INDICATOR, "");
        }
        return d;
    }

    /** A code sequence item: value, scheme, meaning (PS3.3 8.8). */
    static DicomAttributes code(String value, String scheme, String meaning) {
        return new DicomAttributes(null).set(DicomTags.CODE_VALUE, value).set(DicomTags.CODING_SCHEME_DESIGNATOR, scheme)
                .set(DicomTags.CODE_MEANING, meaning);
    }

    /** References to the source instances: (ReferencedSOPClassUID, ReferencedSOPInstanceUID) items. */
    static List<DicomAttributes> instanceReferences(DicomIdentity identity) {
        List<DicomAttributes> items = new ArrayList<>();
        for (String uid : identity.sliceInstanceUids()) {
            items.add(instanceReference(identity.sopClassUid(), uid));
        }
        return items;
    }

    static DicomAttributes instanceReference(String sopClassUid, String sopInstanceUid) {
        return new DicomAttributes(null).set(DicomTags.REFERENCED_SOP_CLASS_UID, sopClassUid)
                .set(DicomTags.REFERENCED_SOP_INSTANCE_UID, sopInstanceUid);
    }
}
