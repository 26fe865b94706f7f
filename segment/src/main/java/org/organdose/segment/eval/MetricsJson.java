package org.organdose.segment.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.organdose.image.Organ;

/**
 * Evaluation results as JSON: {@code {"liver": {"dice": 0.95, "hd95_mm": 4.1, "predicted_mL": ...,
 * "reference_mL": ..., "volume_difference_mL": ..., "volume_difference_percent": ...}}}. Values that
 * are not numbers (Dice with the organ in neither map, HD95 with one of them empty) are null.
 */
public final class MetricsJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MetricsJson() {
    }

    public static ObjectNode toJson(Map<Organ, OrganMetrics> metrics) {
        ObjectNode root = JSON.createObjectNode();
        for (Organ o : Organ.values()) {
            OrganMetrics m = metrics.get(o);
            if (m == null) {
                continue;
            }
            ObjectNode n = root.putObject(o.key());
            put(n, "dice", m.dice(), 4);
            put(n, "hd95_mm", m.hd95Mm(), 2);
            put(n, "predicted_mL", m.predictedMl(), 2);
            put(n, "reference_mL", m.referenceMl(), 2);
            put(n, "volume_difference_mL", m.volumeDifferenceMl(), 2);
            put(n, "volume_difference_percent", m.volumeDifferencePercent(), 2);
        }
        return root;
    }

    private static void put(ObjectNode n, String key, double value, int decimals) {
        if (Double.isFinite(value)) {
            double scale = Math.pow(10, decimals);
            n.put(key, Math.round(value * scale) / scale);
        } else {
            n.putNull(key);
        }
    }
}
