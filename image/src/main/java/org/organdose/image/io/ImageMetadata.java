package org.organdose.image.io;

import java.util.List;
import org.organdose.image.io.dicom.DicomIdentity;

/**
 * What a reader learned about an image besides its voxels and geometry.
 *
 * @param modality DICOM-style modality (CT, NM, PT, MR) or "unknown"
 * @param units    units of the voxel values after rescaling, e.g. "HU", "BQML", "Bq/mL"; "" when unknown
 * @param seriesInstanceUid DICOM series UID, or "" for non-DICOM files
 * @param description series description or file description; "" when none
 * @param warnings things the user should know (gantry tilt, uneven slice spacing, ...)
 * @param dicomIdentity patient, study, frame of reference and slice instances of a DICOM series, for the objects
 *                      derived from it; null for other formats
 */
public record ImageMetadata(String modality, String units, String seriesInstanceUid, String description,
                            List<String> warnings, DicomIdentity dicomIdentity) {
    /** The modality of a file that does not record one. */
    public static final String UNKNOWN_MODALITY = "unknown";

    public ImageMetadata {
        warnings = List.copyOf(warnings);
    }

    /** Metadata of a format that keeps no DICOM identity. */
    public ImageMetadata(String modality, String units, String seriesInstanceUid, String description, List<String> warnings) {
        this(modality, units, seriesInstanceUid, description, warnings, null);
    }

    /** The DICOM identity, or a generated one when the image did not come from DICOM. */
    public DicomIdentity dicomIdentityOrGenerated() {
        return dicomIdentity != null ? dicomIdentity : DicomIdentity.generated();
    }

    /** The file says which modality it is. */
    public boolean knowsModality() {
        return modality != null && !modality.isBlank() && !UNKNOWN_MODALITY.equals(modality);
    }

    /** Metadata for a file format that records none of these. */
    public static ImageMetadata unknown() {
        return new ImageMetadata(UNKNOWN_MODALITY, "", "", "", List.of());
    }
}
