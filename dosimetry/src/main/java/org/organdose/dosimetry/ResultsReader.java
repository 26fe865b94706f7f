package org.organdose.dosimetry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.organdose.image.Organ;
import org.organdose.image.io.ImageIoException;

/**
 * Reads a {@code results.json} written by {@link ResultsWriter} back, checking every key it needs:
 * errors are one line naming the file and the key. Paths under {@code inputs} may be absolute or
 * relative to the folder of results.json.
 */
public final class ResultsReader {
    private static final int[] DVH_PERCENTS = {2, 30, 70, 98};

    private final Path file;

    private ResultsReader(Path file) {
        this.file = file;
    }

    public static SavedResults read(Path file) throws ImageIoException {
        return new ResultsReader(file).read();
    }

    private SavedResults read() throws ImageIoException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ImageIoException(file, "file not found");
        } catch (JsonProcessingException e) {
            throw new ImageIoException(file, "not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new ImageIoException(file, "cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ImageIoException(file, "must hold a JSON object");
        }
        JsonNode organsNode = object(root, "organs", "organs");
        List<SavedResults.OrganValues> organs = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = organsNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            organs.add(organ(e.getKey(), e.getValue()));
        }
        if (organs.isEmpty()) {
            throw new ImageIoException(file, "organs is empty");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> settings = new ObjectMapper().convertValue(object(root, "settings", "settings"), LinkedHashMap.class);
        List<String> warnings = new ArrayList<>();
        JsonNode w = root.get("warnings");
        if (w != null && w.isArray()) {
            w.forEach(n -> warnings.add(n.asText()));
        }
        return new SavedResults(file, organs, settings, warnings, inputs(root));
    }

    private SavedResults.OrganValues organ(String key, JsonNode n) throws ImageIoException {
        Organ organ = null;
        for (Organ o : Organ.values()) {
            if (o.key().equals(key)) {
                organ = o;
            }
        }
        String at = "organs." + key;
        if (organ == null) {
            throw new ImageIoException(file, at + ": unknown organ (known: liver, kidney_right, kidney_left, spleen)");
        }
        if (!n.isObject()) {
            throw new ImageIoException(file, at + " must be an object");
        }
        Map<Double, Double> activity = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object(n, "activity_MBq", at + ".activity_MBq").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            double hours;
            try {
                hours = Double.parseDouble(e.getKey());
            } catch (NumberFormatException ex) {
                throw new ImageIoException(file, at + ".activity_MBq: '" + e.getKey() + "' is not a time in hours");
            }
            activity.put(hours, number(e.getValue(), at + ".activity_MBq." + e.getKey()));
        }
        Map<Integer, Double> dx = new TreeMap<>();
        for (int x : DVH_PERCENTS) {
            dx.put(x, number(n.get("D" + x + "_Gy"), at + ".D" + x + "_Gy"));
        }
        JsonNode dvh = object(n, "dvh", at + ".dvh");
        double[] dose = numbers(dvh.get("dose_Gy"), at + ".dvh.dose_Gy");
        double[] volume = numbers(dvh.get("volume_fraction"), at + ".dvh.volume_fraction");
        if (dose.length != volume.length || dose.length == 0) {
            throw new ImageIoException(file, at + ".dvh: dose_Gy and volume_fraction must be non-empty and of equal length");
        }
        return new SavedResults.OrganValues(organ, number(n.get("mass_g"), at + ".mass_g"),
                number(n.get("volume_mL"), at + ".volume_mL"), activity, fit(object(n, "fit", at + ".fit"), at + ".fit"),
                number(n.get("mean_dose_Gy"), at + ".mean_dose_Gy"), dx, dose, volume);
    }

    private TimeActivityFit fit(JsonNode n, String at) throws ImageIoException {
        FitModel model;
        try {
            model = FitModel.valueOf(text(n, "model", at + ".model"));
        } catch (IllegalArgumentException e) {
            throw new ImageIoException(file, at + ".model: unknown model '" + n.get("model").asText() + "'");
        }
        JsonNode p = object(n, "parameters", at + ".parameters");
        JsonNode se = object(n, "standard_errors", at + ".standard_errors");
        List<String> names = model.parameterNames();
        double[] values = new double[names.size()];
        double[] errors = new double[names.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = number(p.get(names.get(i)), at + ".parameters." + names.get(i));
            errors[i] = number(se.get(names.get(i)), at + ".standard_errors." + names.get(i));
        }
        List<String> warnings = new ArrayList<>();
        JsonNode w = n.get("warnings");
        if (w != null && w.isArray()) {
            w.forEach(x -> warnings.add(x.asText()));
        }
        return new TimeActivityFit(model, values, errors, number(n.get("r_squared"), at + ".r_squared"),
                number(n.get("aicc"), at + ".aicc"), number(n.get("tia_MBq_h"), at + ".tia_MBq_h"), warnings);
    }

    private SavedResults.Inputs inputs(JsonNode root) throws ImageIoException {
        if (!root.has("inputs")) {
            throw new ImageIoException(file, "has no 'inputs' (the files of the run): it was written by an older"
                    + " OrganDose; run organdose dosimetry again");
        }
        JsonNode n = object(root, "inputs", "inputs");
        List<SavedResults.TimePoint> tps = new ArrayList<>();
        JsonNode arr = n.get("timepoints");
        if (arr == null || !arr.isArray()) {
            throw new ImageIoException(file, "inputs.timepoints must be an array");
        }
        for (int i = 0; i < arr.size(); i++) {
            JsonNode t = arr.get(i);
            String at = "inputs.timepoints[" + i + "]";
            tps.add(new SavedResults.TimePoint(number(t.get("hours"), at + ".hours"), path(t, "spect", at, true),
                    path(t, "ct", at, true), path(t, "labels", at, false)));
        }
        JsonNode series = n.get("diagnostic_ct_series_uid");
        if (series != null && !series.isTextual()) {
            throw new ImageIoException(file, "inputs.diagnostic_ct_series_uid must be a string");
        }
        return new SavedResults.Inputs(path(n, "manifest", "inputs", true), path(n, "diagnostic_ct", "inputs", true),
                series == null ? null : series.asText(),
                path(n, "diagnostic_labels", "inputs", true), path(n, "dose_map", "inputs", true), tps);
    }

    private Path path(JsonNode parent, String key, String at, boolean required) throws ImageIoException {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            if (required) {
                throw new ImageIoException(file, at + "." + key + " is missing");
            }
            return null;
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            throw new ImageIoException(file, at + "." + key + " must be a path");
        }
        return file.toAbsolutePath().getParent().resolve(n.asText()).normalize();
    }

    private JsonNode object(JsonNode parent, String key, String at) throws ImageIoException {
        JsonNode n = parent.get(key);
        if (n == null || !n.isObject()) {
            throw new ImageIoException(file, at + (n == null ? " is missing" : " must be an object"));
        }
        return n;
    }

    private String text(JsonNode parent, String key, String at) throws ImageIoException {
        JsonNode n = parent.get(key);
        if (n == null || !n.isTextual()) {
            throw new ImageIoException(file, at + (n == null ? " is missing" : " must be a string"));
        }
        return n.asText();
    }

    /** A number; null (how non-finite numbers are written) reads as NaN. */
    private double number(JsonNode n, String at) throws ImageIoException {
        if (n == null) {
            throw new ImageIoException(file, at + " is missing");
        }
        if (n.isNull()) {
            return Double.NaN;
        }
        if (!n.isNumber()) {
            throw new ImageIoException(file, at + " must be a number");
        }
        return n.asDouble();
    }

    private double[] numbers(JsonNode n, String at) throws ImageIoException {
        if (n == null || !n.isArray()) {
            throw new ImageIoException(file, at + (n == null ? " is missing" : " must be an array"));
        }
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(n.get(i), at + "[" + i + "]");
        }
        return out;
    }
}
