package org.organdose.segment.net;

import java.util.List;
import org.organdose.image.Organ;

/**
 * The classes the networks predict: background, liver, kidney and spleen. Both kidneys are one
 * class because which kidney is which is decided afterwards from the patient geometry (see
 * {@link org.organdose.segment.KidneySides}), never learned from the array orientation.
 */
public final class NetworkClasses {
    public static final int BACKGROUND = 0;
    public static final int LIVER = 1;
    public static final int KIDNEY = 2;
    public static final int SPLEEN = 3;
    public static final int COUNT = 4;
    public static final List<String> NAMES = List.of("background", "liver", "kidney", "spleen");

    private NetworkClasses() {
    }

    /** The class an organ belongs to. */
    public static int of(Organ organ) {
        return switch (organ) {
            case LIVER -> LIVER;
            case KIDNEY_RIGHT, KIDNEY_LEFT -> KIDNEY;
            case SPLEEN -> SPLEEN;
        };
    }

    /** Maps an organ label value (0..4) to its class; other values are background. */
    public static byte ofLabel(int label) {
        for (Organ o : Organ.values()) {
            if (o.label() == label) {
                return (byte) of(o);
            }
        }
        return BACKGROUND;
    }
}
