package org.organdose.phantom;

/** The organs the phantom labels, with the project's label values and names. */
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

    /** Value of this organ in the label map. */
    public int label() { return label; }

    /** Name used in files and results ({@code liver}, {@code kidney_right}, ...). */
    public String key() { return key; }
}
