package org.organdose.image;

import java.util.Locale;
import java.util.Optional;

/**
 * The organs OrganDose segments and measures, with their values in label maps and their names in
 * results (docs/formats.md). Label 0 is background.
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

    /** Value in label maps. */
    public int label() { return label; }

    /** Name in results.json and organs.json. */
    public String key() { return key; }

    /** The organ with this label value. */
    public static Organ ofLabel(int label) {
        for (Organ o : values()) {
            if (o.label == label) {
                return o;
            }
        }
        throw new IllegalArgumentException("no organ has label " + label);
    }

    /** The organ with this name (as in {@link #key()}, case and surrounding blanks ignored), if any. */
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
