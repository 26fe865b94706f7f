package org.organdose.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.organdose.image.Organ;
import org.organdose.image.io.ImageIoException;

/**
 * Numbers to compare the results with: another run's results.json or a simulator's truth.json,
 * both with {@code organs.<name>.<key>} (mass_g, volume_mL, tia_MBq_h, mean_dose_Gy, D2_Gy ...,
 * activity_MBq{hours: MBq}). Keys a file lacks are simply not compared.
 *
 * @param file the file read
 */
record Reference(Path file, Map<Organ, Map<String, Double>> values, Map<Organ, Map<Double, Double>> activityMBqByHours) {

    static Reference read(Path file) throws ImageIoException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ImageIoException(file, "reference file not found");
        } catch (JsonProcessingException e) {
            throw new ImageIoException(file, "not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new ImageIoException(file, "cannot read: " + e.getMessage(), e);
        }
        JsonNode organs = root == null ? null : root.get("organs");
        if (organs == null || !organs.isObject()) {
            throw new ImageIoException(file, "has no 'organs' object: a reference must be a results.json or a truth.json");
        }
        Map<Organ, Map<String, Double>> values = new EnumMap<>(Organ.class);
        Map<Organ, Map<Double, Double>> activity = new EnumMap<>(Organ.class);
        for (Organ o : Organ.values()) {
            JsonNode n = organs.get(o.key());
            if (n == null || !n.isObject()) {
                continue;
            }
            Map<String, Double> v = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isNumber()) {
                    v.put(e.getKey(), e.getValue().asDouble());
                }
            }
            values.put(o, v);
            Map<Double, Double> a = new TreeMap<>();
            JsonNode act = n.get("activity_MBq");
            if (act != null && act.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = act.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    try {
                        if (e.getValue().isNumber()) {
                            a.put(Double.parseDouble(e.getKey()), e.getValue().asDouble());
                        }
                    } catch (NumberFormatException ex) {
                        throw new ImageIoException(file, "organs." + o.key() + ".activity_MBq: '" + e.getKey()
                                + "' is not a time in hours");
                    }
                }
            }
            activity.put(o, a);
        }
        if (values.isEmpty()) {
            throw new ImageIoException(file, "organs holds none of liver, kidney_right, kidney_left, spleen");
        }
        return new Reference(file, values, activity);
    }

    /** The reference value of {@code key} for {@code organ}; NaN when the file has none. */
    double value(Organ organ, String key) {
        Map<String, Double> v = values.get(organ);
        Double d = v == null ? null : v.get(key);
        return d == null ? Double.NaN : d;
    }

    /** The reference activity at {@code hours} (matched within 1 minute); NaN when the file has none. */
    double activityMBq(Organ organ, double hours) {
        Map<Double, Double> a = activityMBqByHours.get(organ);
        if (a != null) {
            for (Map.Entry<Double, Double> e : a.entrySet()) {
                if (Math.abs(e.getKey() - hours) < 1.0 / 60) {
                    return e.getValue();
                }
            }
        }
        return Double.NaN;
    }
}
