package org.organdose.segment.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.organdose.image.LabelMap;
import org.organdose.image.Volume;
import org.organdose.image.Organ;
import org.organdose.segment.KidneySides;

/**
 * Maps a dataset's label values to OrganDose labels. Kidneys that a dataset does not tell apart
 * (KiTS, most nnU-Net kidney sets) are mapped to {@link #ANY_KIDNEY} and later named right or
 * left from the patient geometry.
 */
public final class LabelMapping {
    /** Marks a kidney whose side the dataset does not give. */
    public static final int ANY_KIDNEY = -1;
    private static final int UNMAPPED = 0;

    private final int[] target = new int[256];
    private final Set<Organ> labelled;

    private LabelMapping(Map<Integer, Integer> map) {
        Arrays.fill(target, UNMAPPED);
        EnumSet<Organ> organs = EnumSet.noneOf(Organ.class);
        map.forEach((from, to) -> {
            target[from & 0xff] = to;
            if (to == ANY_KIDNEY) {
                organs.add(Organ.KIDNEY_RIGHT);
                organs.add(Organ.KIDNEY_LEFT);
            } else {
                for (Organ o : Organ.values()) {
                    if (o.label() == to) {
                        organs.add(o);
                    }
                }
            }
        });
        this.labelled = Set.copyOf(organs);
    }

    /** Our own convention: values already are {@link Organ#label()}, only {@code labelled} counts. */
    public static LabelMapping identity(Set<Organ> labelled) {
        Map<Integer, Integer> map = new HashMap<>();
        for (Organ o : labelled) {
            map.put(o.label(), o.label());
        }
        return new LabelMapping(map);
    }

    /** KiTS19/23: 1 kidney, 2 tumour, 3 cyst, all part of the kidney. */
    public static LabelMapping kits() {
        return new LabelMapping(Map.of(1, ANY_KIDNEY, 2, ANY_KIDNEY, 3, ANY_KIDNEY));
    }

    /** LiTS and MSD Task03: 1 liver, 2 tumour (part of the liver). */
    public static LabelMapping lits() {
        return new LabelMapping(Map.of(1, Organ.LIVER.label(), 2, Organ.LIVER.label()));
    }

    /**
     * From the label names of an nnU-Net or MSD {@code dataset.json}: names containing liver,
     * kidney (with right/left when given) or spleen map to those organs; lesion names (tumour,
     * cancer, cyst, lesion) belong to the organ when the set labels exactly one organ, as in the
     * MSD liver and KiTS sets; anything else is ignored.
     */
    public static LabelMapping fromNames(Map<Integer, String> names) {
        Map<Integer, Integer> map = new HashMap<>();
        List<Integer> lesions = new ArrayList<>();
        Set<Integer> organValues = new HashSet<>();
        for (Map.Entry<Integer, String> e : names.entrySet()) {
            String name = e.getValue().toLowerCase(Locale.ROOT);
            int value = e.getKey();
            if (value == 0) {
                continue;
            }
            Integer organ = organOfName(name);
            if (organ != null) {
                map.put(value, organ);
                organValues.add(organ);
            } else if (name.matches(".*(tumou?r|cancer|cyst|lesion|mass).*")) {
                lesions.add(value);
            }
        }
        if (organValues.size() == 1) {
            int organ = organValues.iterator().next();
            for (int v : lesions) {
                map.put(v, organ);
            }
        }
        return new LabelMapping(map);
    }

    private static Integer organOfName(String name) {
        if (name.contains("liver")) {
            return Organ.LIVER.label();
        }
        if (name.contains("spleen")) {
            return Organ.SPLEEN.label();
        }
        if (name.contains("kidney")) {
            if (name.contains("right")) {
                return Organ.KIDNEY_RIGHT.label();
            }
            if (name.contains("left")) {
                return Organ.KIDNEY_LEFT.label();
            }
            return ANY_KIDNEY;
        }
        return null;
    }

    /** The organs a dataset with this mapping labels. */
    public Set<Organ> labelled() {
        return labelled;
    }

    /** The dataset's labels mapped; kidneys without a side are named by the patient geometry of {@code ct}. */
    public LabelMap apply(LabelMap source, Volume ct) {
        byte[] in = source.labels();
        byte[] out = new byte[in.length];
        boolean anyKidney = false;
        for (int p = 0; p < in.length; p++) {
            int t = target[in[p] & 0xff];
            if (t == ANY_KIDNEY) {
                anyKidney = true;
                out[p] = (byte) Organ.KIDNEY_RIGHT.label();
            } else {
                out[p] = (byte) t;
            }
        }
        LabelMap mapped = new LabelMap(source.geometry(), out);
        return anyKidney ? KidneySides.name(mapped, ct) : mapped;
    }
}
