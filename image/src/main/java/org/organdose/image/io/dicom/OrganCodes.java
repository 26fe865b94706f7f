package org.organdose.image.io.dicom;

import java.util.Optional;
import org.organdose.image.Organ;

/**
 * How DICOM names the organs: SNOMED CT concepts for the segmented property type, all in the
 * category "Anatomical Structure" (as DICOM PS3.16 CID 7150/7151 use them), and a display colour
 * for viewers (those of 3D Slicer's generic anatomy table).
 *
 * @param organ      the organ
 * @param codeValue  SNOMED CT concept id
 * @param meaning    its code meaning
 * @param rgb        display colour, 0..255 each
 */
record OrganCodes(Organ organ, String codeValue, String meaning, int[] rgb) {
    static final String SNOMED = "SCT";
    /** SNOMED CT's former designator in DICOM, still in older objects. */
    static final String SNOMED_RETIRED = "SRT";
    static final String ANATOMICAL_STRUCTURE = "123037004";
    static final String ANATOMICAL_STRUCTURE_MEANING = "Anatomical Structure";

    static OrganCodes of(Organ organ) {
        return switch (organ) {
            case LIVER -> new OrganCodes(organ, "10200004", "Liver", new int[] {221, 130, 101});
            case KIDNEY_RIGHT -> new OrganCodes(organ, "9846003", "Right kidney", new int[] {185, 102, 83});
            case KIDNEY_LEFT -> new OrganCodes(organ, "18639004", "Left kidney", new int[] {185, 102, 83});
            case SPLEEN -> new OrganCodes(organ, "78961009", "Spleen", new int[] {157, 108, 162});
        };
    }

    /** The organ a SNOMED CT code (under SCT or the retired SRT designator) stands for. */
    static Optional<Organ> organOf(String scheme, String value) {
        if (!SNOMED.equals(scheme) && !SNOMED_RETIRED.equals(scheme)) {
            return Optional.empty();
        }
        for (Organ o : Organ.values()) {
            if (of(o).codeValue.equals(value)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
