package org.organdose.segment;

import java.util.Locale;
import java.util.Optional;

/**
 * The organs OrganDose segments, with their label values in every label map the project reads
 * or writes (0 is background) and their names in JSON files and on the command line.
 */
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

    /** Value of this organ in a label map. */
    public int label() {
        return label;
    }

    /** Name used in JSON and on the command line, e.g. {@code kidney_left}. */
    public String key() {
        return key;
    }

    public boolean isKidney() {
        return this == KIDNEY_RIGHT || this == KIDNEY_LEFT;
    }

    /** The organ with label value {@code label}, if any. */
    public static Optional<Organ> ofLabel(int label) {
        for (Organ o : values()) {
            if (o.label == label) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /** The organ named {@code key} (as in {@link #key()}), if any. */
    public static Optional<Organ> ofKey(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        for (Organ o : values()) {
            if (o.key.equals(k)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
