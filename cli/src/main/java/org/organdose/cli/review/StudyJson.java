package org.organdose.cli.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import org.organdose.dosimetry.SavedResults;
import org.organdose.image.Geometry;
import org.organdose.image.Plane;
import org.organdose.report.QaCheck;

/**
 * The answer to {@code /api/study}: what the page needs before its first slice, i.e. the grid each
 * plane's slices have, the sessions, the organs' results and QA checks, the window presets and the
 * scales of the 16-bit slices.
 */
final class StudyJson {
    /** Window centre and width in HU: the presets radiology workstations offer for the abdomen. */
    private static final Object[][] WINDOWS = {{"soft tissue", 40, 400}, {"liver", 60, 160}, {"bone", 400, 1800},
        {"lung", -600, 1500}};

    private StudyJson() {
    }

    static byte[] of(ReviewStudy study) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("folder", study.folder().toAbsolutePath().normalize().getFileName().toString());
        Geometry grid = study.report().ct().geometry();
        SliceSampler sampler = new SliceSampler(grid);
        ObjectNode planes = root.putObject("planes");
        for (Plane p : Plane.values()) {
            ObjectNode n = planes.putObject(p.name().toLowerCase(Locale.ROOT));
            n.put("width", sampler.width(p));
            n.put("height", sampler.height(p));
            n.put("slices", sampler.depth(p));
            n.put("column_mm", grid.spacing(p.columnAxis()));
            n.put("row_mm", grid.spacing(p.rowAxis()));
            n.put("row_reversed", p.rowsReversed());
            ArrayNode edges = n.putArray("edges");
            for (String e : p.edges()) {
                edges.add(e);
            }
            n.put("normal_axis", p.normalAxis());
            n.put("row_axis", p.rowAxis());
            n.put("column_axis", p.columnAxis());
        }
        ArrayNode sessions = root.putArray("sessions");
        for (int i = 0; i < study.sessions().size(); i++) {
            ReviewStudy.Session s = study.sessions().get(i);
            sessions.addObject().put("index", i).put("hours", s.hoursPostInjection()).put("registered", s.registered());
        }
        ArrayNode organs = root.putArray("organs");
        for (SavedResults.OrganValues o : study.report().results().organs()) {
            ObjectNode n = organs.addObject();
            n.put("key", o.organ().key()).put("label", o.organ().label()).put("mass_g", o.massG()).put("volume_mL", o.volumeMl())
                    .put("tia_MBq_h", o.tiaMBqH()).put("mean_dose_Gy", o.meanDoseGy());
            ObjectNode activity = n.putObject("activity_MBq");
            for (Map.Entry<Double, Double> e : o.activityMBqByHours().entrySet()) {
                activity.put(String.valueOf(e.getKey()), e.getValue());
            }
        }
        ArrayNode qa = root.putArray("qa");
        for (QaCheck c : study.qualityChecks()) {
            qa.addObject().put("organ", c.organ().key()).put("check", c.check()).put("status", c.status().label())
                    .put("detail", c.detail());
        }
        ArrayNode windows = root.putArray("window_presets");
        for (Object[] w : WINDOWS) {
            windows.addObject().put("name", (String) w[0]).put("level_HU", (Integer) w[1]).put("width_HU", (Integer) w[2]);
        }
        root.put("spect_min_Bq_per_mL", study.spectMinBqPerMl());
        root.put("spect_max_Bq_per_mL", study.spectMaxBqPerMl());
        root.put("dose_min_Gy", study.doseMinGy());
        root.put("dose_max_Gy", study.doseMaxGy());
        try {
            return json.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
