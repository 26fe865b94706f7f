package org.organdose.dosimetry;

/** The organs OrganDose measures, with their values in label maps (DESIGN.md "Contracts"). */
public enum Organ {
    LIVER(1, "liver"),
    KIDNEY_RIGHT(2, "kidney_right"),
    KIDNEY_LEFT(3, "kidney_left"),
    SPLEEN(4, "spleen");

    private final int label;
    private final String key;

    Organ(int label, String key) {
        this.label = label;
        this.key = key;
    }

    /** Value in label maps. */
    public int label() { return label; }

    /** Name in results.json. */
    public String key() { return key; }
}
