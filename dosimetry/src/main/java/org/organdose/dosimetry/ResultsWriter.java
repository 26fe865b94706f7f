package org.organdose.dosimetry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.organdose.image.io.ImageIoException;
import org.organdose.image.io.NiftiWriter;
import org.organdose.image.io.StorageType;

/**
 * Writes {@code results.json} (keys in docs/formats.md, plus the input files under {@code inputs}),
 * {@code summary.csv} and {@code dose_Gy.nii.gz} into a folder; {@link ResultsReader} reads it back. Everything is first written into a hidden temporary folder inside it, then
 * moved into place with results.json last (an old one is removed first): a folder holding a
 * results.json always holds the complete output of one run.
 */
public final class ResultsWriter {
    public static final String RESULTS_JSON = "results.json";
    public static final String SUMMARY_CSV = "summary.csv";
    public static final String DOSE_NIFTI = "dose_Gy.nii.gz";
    private static final int DVH_BINS = 100;

    private ResultsWriter() {
    }

    public static void write(DosimetryResults results, Path dir) throws ImageIoException {
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempDirectory(dir, ".organdose-partial-");
            NiftiWriter.write(results.doseGy(), StorageType.FLOAT32, tmp.resolve(DOSE_NIFTI));
            Files.writeString(tmp.resolve(SUMMARY_CSV), csv(results), StandardCharsets.UTF_8);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(tmp.resolve(RESULTS_JSON).toFile(), json(results));
            Files.deleteIfExists(dir.resolve(RESULTS_JSON));
            for (String name : List.of(DOSE_NIFTI, SUMMARY_CSV, RESULTS_JSON)) {
                move(tmp.resolve(name), dir.resolve(name));
            }
        } catch (ImageIoException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageIoException(dir, "cannot write results: " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Best effort: a hidden ".organdose-partial-" folder left behind never passes for results. */
    private static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // nothing more to do: see above
        }
    }

    /** The results.json tree; non-finite numbers become null (JSON has no NaN). */
    static ObjectNode json(DosimetryResults results) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ObjectNode organs = root.putObject("organs");
        for (OrganResult o : results.organs()) {
            ObjectNode n = organs.putObject(o.organ().key());
            put(n, "mass_g", o.massG());
            put(n, "volume_mL", o.volumeMl());
            ObjectNode act = n.putObject("activity_MBq");
            for (Map.Entry<Double, Double> e : o.activityMBqByHours().entrySet()) {
                put(act, Double.toString(e.getKey()), e.getValue());
            }
            n.set("fit", fit(mapper, o.fit()));
            put(n, "tia_MBq_h", o.tiaMBqH());
            put(n, "mean_dose_Gy", o.meanDoseGy());
            for (int x : new int[] {2, 30, 70, 98}) {
                put(n, "D" + x + "_Gy", o.doseCoveringPercentGy(x));
            }
            ObjectNode dvh = n.putObject("dvh");
            ArrayNode dose = dvh.putArray("dose_Gy");
            ArrayNode volume = dvh.putArray("volume_fraction");
            for (double[] row : o.dvh().curve(DVH_BINS)) {
                dose.add(row[0]);
                volume.add(row[1]);
            }
        }
        root.set("inputs", inputs(mapper, results.study()));
        root.set("settings", mapper.valueToTree(sanitise(results.settings())));
        ArrayNode warnings = root.putArray("warnings");
        results.warnings().forEach(warnings::add);
        return root;
    }

    /**
     * The files the results come from, as absolute paths, and the dose map beside results.json
     * (relative to it): what a report regenerated from results.json needs to read again. Each
     * set of masks says where it came from (a file, or a model with its mode and version).
     */
    private static ObjectNode inputs(ObjectMapper mapper, Study study) {
        ObjectNode n = mapper.createObjectNode();
        n.put("manifest", absolute(study.manifest()));
        n.put("diagnostic_ct", study.diagnosticCtImage() == null ? null : absolute(study.diagnosticCtImage().path()));
        if (study.diagnosticCtImage() != null && study.diagnosticCtImage().seriesUid() != null) {
            // the folder of a DICOM export holds several series: the report must read this one
            n.put("diagnostic_ct_series_uid", study.diagnosticCtImage().seriesUid());
        }
        n.put("diagnostic_labels", absolute(study.diagnosticMasks().source().file()));
        n.set("diagnostic_masks", masks(mapper, study.diagnosticMasks()));
        n.put("dose_map", DOSE_NIFTI);
        ArrayNode tps = n.putArray("timepoints");
        for (Study.Session tp : study.sessions()) {
            ObjectNode t = tps.addObject();
            t.put("hours", tp.hoursPostInjection());
            t.put("spect", absolute(tp.spectFile()));
            t.put("ct", absolute(tp.ctFile()));
            t.put("labels", tp.masks() == null ? null : absolute(tp.masks().source().file()));
            t.set("masks", tp.masks() != null ? masks(mapper, tp.masks()) : carried(mapper, tp));
            if (tp.checkMasks() != null) {
                t.set("check_masks", masks(mapper, tp.checkMasks()));
            }
        }
        return n;
    }

    private static ObjectNode masks(ObjectMapper mapper, OrganMasker.Masks masks) {
        MaskSource s = masks.source();
        ObjectNode n = mapper.createObjectNode();
        n.put("source", s.kind().name().toLowerCase(Locale.ROOT));
        n.put("file", absolute(s.file()));
        if (s.kind() == MaskSource.Kind.MODEL) {
            n.put("model", s.model());
            n.put("mode", s.mode());
            n.put("model_version", s.modelVersion());
        }
        return n;
    }

    private static ObjectNode carried(ObjectMapper mapper, Study.Session tp) {
        ObjectNode n = mapper.createObjectNode();
        n.put("source", tp.ctIsDiagnostic() ? "diagnostic" : "registration");
        return n;
    }

    private static String absolute(Path p) {
        return p == null ? null : p.toAbsolutePath().normalize().toString();
    }

    private static ObjectNode fit(ObjectMapper mapper, TimeActivityFit f) {
        ObjectNode n = mapper.createObjectNode();
        n.put("model", f.model().name());
        ObjectNode p = n.putObject("parameters");
        ObjectNode se = n.putObject("standard_errors");
        List<String> names = f.model().parameterNames();
        for (int i = 0; i < names.size(); i++) {
            put(p, names.get(i), f.parameters()[i]);
            put(se, names.get(i), f.standardErrors()[i]);
        }
        put(n, "r_squared", f.rSquared());
        put(n, "aicc", f.aicc());
        put(n, "tia_MBq_h", f.tiaMBqH());
        ArrayNode w = n.putArray("warnings");
        f.warnings().forEach(w::add);
        return n;
    }

    private static void put(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) {
            n.put(key, v);
        } else {
            n.putNull(key);
        }
    }

    private static Map<String, Object> sanitise(Map<String, Object> settings) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        settings.forEach((k, v) -> out.put(k, v instanceof Double d && !Double.isFinite(d) ? null : v));
        return out;
    }

    static String csv(DosimetryResults results) {
        StringBuilder sb = new StringBuilder("organ,mass_g,volume_mL,tia_MBq_h,mean_dose_Gy,D2_Gy,D30_Gy,D70_Gy,D98_Gy,fit_model,fit_r_squared\n");
        for (OrganResult o : results.organs()) {
            sb.append(String.format(Locale.ROOT, "%s,%.4f,%.4f,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%s,%.6f%n", o.organ().key(),
                    o.massG(), o.volumeMl(), o.tiaMBqH(), o.meanDoseGy(), o.doseCoveringPercentGy(2),
                    o.doseCoveringPercentGy(30), o.doseCoveringPercentGy(70), o.doseCoveringPercentGy(98),
                    o.fit().model(), o.fit().rSquared()));
        }
        return sb.toString();
    }
}
