package org.organdose.image.io.dicom;

import org.organdose.image.Organ;

/**
 * How DICOM names the organs: SNOMED CT concepts for the segmented property type, all in the
 * category "Anatomical Structure" (as DICOM PS3.16 CID 7150/7151 use them).
 *
 * @param organ      the organ
 * @param codeValue  SNOMED CT concept id
 * @param meaning    its code meaning
 */
record OrganCodes(Organ organ, String codeValue, String meaning) {
    static final String SNOMED = "SCT";
    static final String ANATOMICAL_STRUCTURE = "123037004";
    static final String ANATOMICAL_STRUCTURE_MEANING = "Anatomical Structure";

    static OrganCodes of(Organ organ) {
        return switch (organ) {
            case LIVER -> new OrganCodes(organ, "10200004", "Liver");
            case KIDNEY_RIGHT -> new OrganCodes(organ, "9846003", "Right kidney");
            case KIDNEY_LEFT -> new OrganCodes(organ, "18639004", "Left kidney");
            case SPLEEN -> new OrganCodes(organ, "78961009", "Spleen");
        };
    }
}
