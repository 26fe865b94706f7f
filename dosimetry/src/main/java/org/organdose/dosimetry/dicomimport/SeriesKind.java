package org.organdose.dosimetry.dicomimport;

/** What an image series of an export is, as far as dosimetry cares. */
public enum SeriesKind {
    CT_VOLUME("CT volume"),
    CT_LOCALIZER("CT localizer"),
    SPECT_QUANTITATIVE("quantitative SPECT"),
    SPECT_COUNTS("SPECT in counts"),
    SPECT_NAC("SPECT without attenuation correction"),
    NM_PROJECTIONS("NM projections"),
    NM_PLANAR("NM planar"),
    OTHER("other");

    private final String label;

    SeriesKind(String label) {
        this.label = label;
    }

    /** Words for the series table and messages. */
    public String label() {
        return label;
    }
}
