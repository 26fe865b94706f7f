package org.organdose.segment.infer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.organdose.image.io.AtomicFileOutput;
import org.organdose.image.Organ;
import org.organdose.segment.OrganReport;
import org.organdose.segment.Segmentation;

/**
 * Writes {@code organs.json} beside a label map:
 * <pre>{@code
 * {"organs": {"liver": {"label": 1, "found": true, "volume_mL": 1520.3, "mass_g": 1611.5,
 *                       "slices_interpolated": 0, "warnings": []}, ...},
 *  "density_g_per_mL": 1.06, "warnings": [...], "settings": {...}}
 * }</pre>
 */
public final class OrgansJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private OrgansJson() {
    }

    /** The document; {@code settings} (model, mode, input...) is copied in as given. */
    public static ObjectNode toJson(Segmentation s, Map<String, Object> settings) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode organs = root.putObject("organs");
        for (Organ o : Organ.values()) {
            OrganReport r = s.organs().get(o);
            if (r == null) {
                continue;
            }
            ObjectNode n = organs.putObject(o.key());
            n.put("label", o.label());
            n.put("found", r.found());
            n.put("volume_mL", round(r.volumeMl()));
            n.put("mass_g", round(r.massG()));
            n.put("slices_interpolated", r.slicesInterpolated());
            ArrayNode w = n.putArray("warnings");
            r.warnings().forEach(w::add);
        }
        root.put("density_g_per_mL", OrganReport.DENSITY_G_PER_ML);
        ArrayNode w = root.putArray("warnings");
        s.warnings().forEach(w::add);
        root.set("settings", JSON.valueToTree(settings));
        return root;
    }

    public static void write(Segmentation s, Map<String, Object> settings, Path file) throws IOException {
        ObjectNode doc = toJson(s, settings);
        AtomicFileOutput.write(file, out -> JSON.writeValue(out, doc));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
