package org.organdose.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.organdose.dosimetry.SavedResults;
import org.organdose.dosimetry.TimeActivityFit;
import org.organdose.image.Organ;
import org.organdose.image.Plane;

/**
 * Renders a {@link ReportData} as one self-contained HTML page: inline CSS, inline SVG plots and
 * slice images as data: URIs, nothing fetched from anywhere. Sections: header, summary, quality
 * checks and warnings, time-activity curves, DVHs, one section per organ (table and slices),
 * settings and input files, and a review block. Printed, each section starts on a new A4 page.
 * The output depends only on the data and the given generation time.
 */
final class HtmlReport {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    /** A difference to the reference above this (in %) is highlighted. */
    private static final double LARGE_DIFFERENCE_PERCENT = 10;
    private static final int[] DVH_PERCENTS = {2, 30, 70, 98};

    private final ReportData data;
    private final SavedResults results;
    private final Reference reference;
    private final List<QaCheck> checks;
    private final String generated;
    private final StringBuilder html = new StringBuilder(1 << 20);

    private HtmlReport(ReportData data, Instant generatedAt) {
        this.data = data;
        this.results = data.results();
        this.reference = data.reference();
        this.checks = QualityChecks.run(data);
        this.generated = DATE.format(generatedAt);
    }

    static String render(ReportData data, Instant generatedAt) {
        return new HtmlReport(data, generatedAt).render();
    }

    /** The version of OrganDose that made the report (from the build). */
    static String version() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String css() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("report.css")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String render() {
        String study = studyName();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>OrganDose dosimetry report — ")
                .append(Format.html(study)).append("</title>\n<style>\n").append(css()).append("</style>\n</head>\n<body>\n");
        header(study);
        summary();
        qualityChecks();
        timeActivity();
        dvh();
        int n = 5;
        for (SavedResults.OrganValues o : results.organs()) {
            organ(o, n + "." + (results.organs().indexOf(o) + 1));
        }
        settings();
        signOff();
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private String studyName() {
        Path parent = results.inputs().manifest().getParent();
        return parent == null || parent.getFileName() == null ? results.inputs().manifest().toString()
                : parent.getFileName().toString();
    }

    private String radionuclide() {
        return String.valueOf(results.settings().getOrDefault("radionuclide", "–"));
    }

    private double injectedMBq() {
        return number(results.settings().get("injected_activity_MBq"));
    }

    private double halfLifeHours() {
        return number(results.settings().get("half_life_h"));
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private void header(String study) {
        html.append("<header class=\"report-header\">\n<div class=\"brand\">OrganDose</div>\n<h1>").append(Format.html(radionuclide()))
                .append(" organ dosimetry report</h1>\n<table class=\"meta\">\n");
        meta("Study", study);
        meta("Radionuclide", radionuclide() + "  (physical half-life " + Format.sig(halfLifeHours(), 4) + " h)");
        meta("Injected activity", Double.isFinite(injectedMBq()) ? Format.sig(injectedMBq(), 5) + " MBq" : "not given");
        List<String> hours = new ArrayList<>();
        results.inputs().timePoints().forEach(t -> hours.add(Axis.label(t.hoursPostInjection())));
        meta("Imaging time points", String.join(", ", hours) + " h after injection");
        meta("Organs", String.join(", ", results.organs().stream().map(o -> OrganStyle.name(o.organ())).toList()));
        meta("Reference", reference == null ? "none" : reference.file().toAbsolutePath().normalize().toString());
        html.append("<tr><th>Report generated</th><td><span class=\"generated\">").append(generated)
                .append("</span> by OrganDose ").append(Format.html(version())).append("</td></tr>\n");
        html.append("</table>\n</header>\n");
    }

    private void meta(String key, String value) {
        html.append("<tr><th>").append(Format.html(key)).append("</th><td>").append(Format.html(value)).append("</td></tr>\n");
    }

    private void summary() {
        html.append("<section id=\"summary\">\n<h2>1 Summary</h2>\n<table class=\"summary\">\n<tr><th class=\"text\">Organ</th>"
                + "<th>Mass (g)</th><th>TIA (MBq·h)</th><th>Mean dose (Gy)</th><th>Dose per activity (Gy/GBq)</th>"
                + "<th>D30 (Gy)</th><th>D70 (Gy)</th>");
        if (reference != null) {
            html.append("<th>Reference mean dose (Gy)</th><th>Differ&shy;ence</th>");
        }
        html.append("<th class=\"text\">QA</th></tr>\n");
        for (SavedResults.OrganValues o : results.organs()) {
            html.append("<tr data-organ=\"").append(o.organ().key()).append("\"><td class=\"text\">").append(swatch(o.organ()))
                    .append(OrganStyle.name(o.organ())).append("</td>");
            cell(Format.fixed(o.massG(), 1));
            cell(Format.sig(o.tiaMBqH(), 5));
            cell(Format.sig(o.meanDoseGy(), 4));
            cell(Format.sig(o.meanDoseGy() / (injectedMBq() / 1000), 4));
            cell(Format.sig(o.doseCoveringGy().get(30), 4));
            cell(Format.sig(o.doseCoveringGy().get(70), 4));
            if (reference != null) {
                double ref = reference.value(o.organ(), "mean_dose_Gy");
                cell(Format.sig(ref, 4));
                html.append(differenceCell(o.meanDoseGy(), ref));
            }
            html.append("<td class=\"text\">").append(qaSummary(o.organ())).append("</td></tr>\n");
        }
        html.append("</table>\n");
        html.append("<p class=\"caption\">TIA: time-integrated activity from injection to infinity. Mean dose: mean absorbed dose"
                + " over the dose voxels whose centre lies in the organ. D<sub>x</sub>: the highest dose received by at least"
                + " x % of the organ volume. Dose per activity: mean dose divided by the injected activity. "
                + Format.html(doseMapInWords()) + "</p>\n");
        long flags = checks.stream().filter(c -> c.status() == QaCheck.Status.FLAG).count();
        html.append("<div class=\"box").append(flags > 0 ? " warn" : "").append("\">").append(flags == 0
                ? "No quality check raised a flag." : flags + " quality check" + (flags == 1 ? "" : "s") + " raised a flag:"
                + " see section 2 before using these doses.");
        if (!results.warnings().isEmpty()) {
            html.append(" The calculation reported ").append(results.warnings().size()).append(" warning")
                    .append(results.warnings().size() == 1 ? "" : "s").append(" (section 2).");
        }
        html.append("</div>\n</section>\n");
    }

    /** How the dose map was made, from settings.dose_method and settings.kernel_used. */
    private String doseMapInWords() {
        Map<String, Object> settings = results.settings();
        String grid = "on a " + settingValue(settings.get("dose_grid_mm")) + " mm grid";
        if (!"KERNEL_CONVOLUTION".equals(settings.get("dose_method"))) {
            return "Dose map: local energy deposition (electrons absorbed in the voxel of decay, photons ignored), " + grid + ".";
        }
        if (!(settings.get("kernel_used") instanceof Map<?, ?> k)) {
            return "Dose map: kernel convolution, " + grid + ".";
        }
        Object voxel = k.get("voxel_mm") instanceof List<?> v ? String.join(" x ", v.stream().map(HtmlReport::settingValue).toList())
                : settingValue(k.get("voxel_mm"));
        return "Dose map: convolution with a voxel S value kernel " + (k.get("source") instanceof String src
                && src.startsWith("computed") ? "computed from physics" : "from " + settingValue(k.get("source"))) + " ("
                + settingValue(k.get("radionuclide")) + ", voxels " + voxel + " mm, emissions: " + settingValue(k.get("emissions"))
                + "; " + Format.sig(((Number) k.get("absorbed_MeV_per_decay")).doubleValue(), 4)
                + " MeV per decay absorbed within the kernel), " + grid + ".";
    }

    private String qaSummary(Organ organ) {
        List<String> parts = new ArrayList<>();
        for (QaCheck.Status s : new QaCheck.Status[] {QaCheck.Status.FLAG, QaCheck.Status.NOTE}) {
            long n = checks.stream().filter(c -> c.organ() == organ && c.status() == s).count();
            if (n > 0) {
                parts.add("<span class=\"status status-" + cssName(s) + "\">" + n + " " + s.label() + (n == 1 ? "" : "s") + "</span>");
            }
        }
        return parts.isEmpty() ? "<span class=\"status status-pass\">pass</span>" : String.join(", ", parts);
    }

    private static String cssName(QaCheck.Status s) {
        return s.label().replace(' ', '-');
    }

    private void qualityChecks() {
        html.append("<section id=\"qa\">\n<h2>2 Quality checks and warnings</h2>\n");
        html.append("<table class=\"qa\">\n<tr><th class=\"text\">Organ</th><th class=\"text\">Check</th><th class=\"text\">Result</th>"
                + "<th class=\"text\">Details</th></tr>\n");
        for (QaCheck c : checks) {
            long rows = checks.stream().filter(x -> x.organ() == c.organ()).count();
            boolean first = checks.stream().filter(x -> x.organ() == c.organ()).findFirst().orElseThrow() == c;
            html.append("<tr class=\"").append(cssName(c.status())).append(first ? " organ-first" : "").append("\" data-organ=\"")
                    .append(c.organ().key()).append("\">");
            if (first) {
                html.append("<td class=\"text organ-cell\" rowspan=\"").append(rows).append("\">").append(swatch(c.organ()))
                        .append(OrganStyle.name(c.organ())).append("</td>");
            }
            html.append("<td class=\"text\">").append(Format.html(c.check())).append("</td><td class=\"text\"><span class=\"status status-")
                    .append(cssName(c.status())).append("\">").append(c.status().label()).append("</span></td><td class=\"text\">")
                    .append(Format.html(capitalised(c.detail()))).append("</td></tr>\n");
        }
        html.append("</table>\n<p class=\"caption\">Thresholds: R² below ").append(QualityChecks.MIN_R_SQUARED)
                .append("; organ mask volume changing by more than ").append(Format.fixed(100 * QualityChecks.MAX_VOLUME_CHANGE, 0))
                .append(" % between sessions; activity centroid more than ").append(Format.fixed(QualityChecks.MAX_CENTROID_OFFSET_MM, 0))
                .append(" mm from the CT organ centroid, or that distance changing by more than ")
                .append(Format.fixed(QualityChecks.MAX_CENTROID_SHIFT_MM, 0)).append(" mm between sessions; a neighbour at least ").append(Format.fixed(QualityChecks.HOT_NEIGHBOUR_RATIO, 0))
                .append("× as concentrated within one SPECT FWHM. A flag asks for review before the dose is used; a note"
                        + " explains a known limitation.</p>\n");
        html.append("<h3>Warnings from the calculation</h3>\n");
        if (results.warnings().isEmpty()) {
            html.append("<p>None.</p>\n");
        } else {
            html.append("<ul class=\"warnings\">\n");
            for (String w : results.warnings()) {
                html.append("<li>").append(Format.html(w)).append("</li>\n");
            }
            html.append("</ul>\n");
        }
        html.append("</section>\n");
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private void timeActivity() {
        html.append("<section id=\"tac\" class=\"page\">\n<h2>3 Time-activity curves</h2>\n");
        html.append("<p class=\"caption\">Points: organ activity measured at each time point. Lines: the fitted model of"
                + " each organ (section 5). Upper plot linear, lower plot logarithmic activity axis.</p>\n");
        html.append(TimeActivityPlot.svg(results.organs(), halfLifeHours(), false));
        html.append(TimeActivityPlot.svg(results.organs(), halfLifeHours(), true));
        html.append("</section>\n");
    }

    private void dvh() {
        html.append("<section id=\"dvh\" class=\"page\">\n<h2>4 Dose-volume histograms</h2>\n");
        html.append("<p class=\"caption\">Cumulative DVH: the percentage of each organ's volume receiving at least the dose"
                + " on the horizontal axis.</p>\n");
        html.append(DvhPlot.svg(results.organs()));
        html.append("<table class=\"dvh-metrics\">\n<tr><th class=\"text\">Organ</th><th>Mean (Gy)</th>");
        for (int x : DVH_PERCENTS) {
            html.append("<th>D").append(x).append(" (Gy)</th>");
        }
        html.append("<th>Maximum (Gy)</th></tr>\n");
        for (SavedResults.OrganValues o : results.organs()) {
            html.append("<tr data-organ=\"").append(o.organ().key()).append("\"><td class=\"text\">").append(swatch(o.organ()))
                    .append(OrganStyle.name(o.organ())).append("</td>");
            cell(Format.sig(o.meanDoseGy(), 4));
            for (int x : DVH_PERCENTS) {
                cell(Format.sig(o.doseCoveringGy().get(x), 4));
            }
            cell(Format.sig(o.dvhDoseGy()[o.dvhDoseGy().length - 1], 4));
            html.append("</tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    private void organ(SavedResults.OrganValues o, String number) {
        Organ organ = o.organ();
        html.append("<section id=\"organ-").append(organ.key()).append("\" class=\"page organ\">\n<h2>").append(number).append(' ')
                .append(OrganStyle.name(organ)).append("</h2>\n");
        html.append("<table class=\"organ-table\" data-organ=\"").append(organ.key()).append("\">\n<tr><th class=\"text\">Quantity</th><th>Value</th>");
        if (reference != null) {
            html.append("<th>Reference</th><th>Difference</th>");
        }
        html.append("</tr>\n");
        row("volume_mL", "Volume (mL)", Format.fixed(o.volumeMl(), 1), o.volumeMl(), reference(organ, "volume_mL"), 1);
        row("mass_g", "Mass (g)", Format.fixed(o.massG(), 1), o.massG(), reference(organ, "mass_g"), 1);
        for (Map.Entry<Double, Double> e : o.activityMBqByHours().entrySet()) {
            double ref = reference == null ? Double.NaN : reference.activityMBq(organ, e.getKey());
            row("activity", "Activity at " + Axis.label(e.getKey()) + " h (MBq)", Format.sig(e.getValue(), 4), e.getValue(), ref, -4);
        }
        TimeActivityFit fit = o.fit();
        row("fit_model", "Fit model", fit.model().name(), Double.NaN, Double.NaN, 0);
        List<String> names = fit.model().parameterNames();
        boolean missingErrors = false;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            double v = fit.parameters()[i];
            double se = fit.standardErrors()[i];
            String text = Format.sig(v, 4) + (Double.isFinite(se) ? " ± " + Format.sig(se, 2) : "");
            missingErrors |= !Double.isFinite(se);
            if (name.contains("lambda") && v > 0) {
                text += " (half-life " + Format.sig(Math.log(2) / v, 4) + " h)";
            }
            row("parameter", parameterName(name), text, Double.NaN, Double.NaN, 0);
        }
        row("r_squared", "R²", Format.fixed(fit.rSquared(), 4), Double.NaN, Double.NaN, 0);
        row("aicc", "AICc", Format.sig(fit.aicc(), 4), Double.NaN, Double.NaN, 0);
        row("tia_MBq_h", "Time-integrated activity (MBq·h)", Format.sig(o.tiaMBqH(), 5), o.tiaMBqH(), reference(organ, "tia_MBq_h"), -5);
        row("tiac_h", "Time-integrated activity coefficient (h)", Format.sig(o.tiaMBqH() / injectedMBq(), 4), Double.NaN, Double.NaN, 0);
        row("mean_dose_Gy", "Mean absorbed dose (Gy)", Format.sig(o.meanDoseGy(), 4), o.meanDoseGy(), reference(organ, "mean_dose_Gy"), -4);
        row("dose_per_activity", "Mean dose per injected activity (Gy/GBq)", Format.sig(o.meanDoseGy() / (injectedMBq() / 1000), 4),
                Double.NaN, Double.NaN, 0);
        for (int x : DVH_PERCENTS) {
            double d = o.doseCoveringGy().get(x);
            row("D" + x + "_Gy", "D" + x + " (Gy)", Format.sig(d, 4), d, reference(organ, "D" + x + "_Gy"), -4);
        }
        html.append("</table>\n");
        if (missingErrors) {
            html.append("<p class=\"caption\">Fit parameters are shown ± one standard error where the fit has residual degrees"
                    + " of freedom; with as many parameters as time points it has none.</p>\n");
        }
        slices(o);
        html.append("<h3>Quality checks</h3>\n<ul class=\"warnings\">\n");
        List<String> passed = new ArrayList<>();
        for (QaCheck c : checks) {
            if (c.organ() != organ) {
                continue;
            }
            if (c.status() == QaCheck.Status.PASS) {
                passed.add(c.check().toLowerCase());
            } else {
                html.append("<li><span class=\"status status-").append(cssName(c.status())).append("\">").append(c.status().label())
                        .append("</span> ").append(Format.html(c.check())).append(": ").append(Format.html(c.detail())).append("</li>\n");
            }
        }
        if (!passed.isEmpty()) {
            html.append("<li><span class=\"status status-pass\">pass</span> ").append(Format.html(capitalised(String.join(", ", passed))))
                    .append(" (details in section 2).</li>\n");
        }
        html.append("</ul>\n</section>\n");
    }

    private double reference(Organ organ, String key) {
        return reference == null ? Double.NaN : reference.value(organ, key);
    }

    /** A table row; the reference columns are shown when a reference was given, empty when it lacks the value. */
    private void row(String key, String label, String value, double v, double ref, int digits) {
        html.append("<tr data-key=\"").append(key).append("\"><td class=\"text\">").append(Format.html(label)).append("</td><td>")
                .append(Format.html(value)).append("</td>");
        if (reference != null) {
            html.append("<td>").append(Double.isFinite(ref) ? (digits > 0 ? Format.fixed(ref, digits) : Format.sig(ref, -digits)) : "")
                    .append("</td>").append(Double.isFinite(ref) ? differenceCell(v, ref) : "<td></td>");
        }
        html.append("</tr>\n");
    }

    private static String differenceCell(double value, double ref) {
        double d = 100 * (value - ref) / ref;
        boolean large = Math.abs(d) > LARGE_DIFFERENCE_PERCENT;
        return "<td" + (large ? " class=\"diff-large\"" : "") + ">" + Format.percentDifference(value, ref) + "</td>";
    }

    private static String parameterName(String name) {
        String unit = name.endsWith("_MBq") ? "MBq" : name.endsWith("_per_h") ? "1/h" : "";
        String base = name.replace("_MBq", "").replace("_per_h", "").replace("lambda", "λ").replace('_', ' ');
        return base + (unit.isEmpty() ? "" : " (" + unit + ")");
    }

    private void slices(SavedResults.OrganValues o) {
        OrganExtent extent = data.extents().get(o.organ());
        html.append("<h3>Slices through the organ centroid</h3>\n");
        if (extent == null) {
            html.append("<p>The organ is not in the diagnostic labels: no slices.</p>\n");
            return;
        }
        double scale = SliceView.doseScale(o.doseCoveringGy().get(2));
        html.append("<div class=\"slices\">\n");
        for (Plane p : Plane.values()) {
            html.append("<figure>").append(SliceView.svg(p, o.organ(), extent, data.ct(), data.labels(), data.doseGy(), scale,
                    data.extents().keySet())).append("<figcaption>").append(p.title()).append(", ").append(p.fixedCoordinate())
                    .append(" = ").append(Format.fixed(SliceView.position(p, extent), 1)).append(" mm</figcaption></figure>\n");
        }
        html.append("<div class=\"scale\">").append(SliceView.colourBar("dose-scale-" + o.organ().key(), scale)).append("</div>\n</div>\n");
        html.append("<div class=\"legend-line\">Contours: ");
        for (Organ organ : data.extents().keySet()) {
            html.append("<span class=\"item\">").append(swatch(organ)).append(OrganStyle.name(organ)).append("</span>");
        }
        html.append("<br>CT window [").append(Format.fixed(SliceView.WINDOW_LOW_HU, 0)).append(", ")
                .append(Format.fixed(SliceView.WINDOW_HIGH_HU, 0)).append("] HU; dose shown as a colour wash above ")
                .append(Format.fixed(100 * DoseColours.THRESHOLD, 0)).append(" % of the scale (")
                .append(Format.sig(DoseColours.THRESHOLD * scale, 2)).append(" Gy); patient coordinates (LPS) in mm;"
                        + " patient's right on the image's left.</div>\n");
    }

    private void settings() {
        html.append("<section id=\"settings\" class=\"page\">\n<h2>6 Settings and input files</h2>\n");
        html.append("<p class=\"caption\">Every setting of the calculation as recorded in results.json.</p>\n");
        html.append("<table class=\"settings\">\n<tr><th class=\"text\">Setting</th><th class=\"text\">Value</th></tr>\n");
        for (Map.Entry<String, Object> e : results.settings().entrySet()) {
            html.append("<tr><td class=\"text\">").append(Format.html(e.getKey())).append("</td><td class=\"text\">")
                    .append(Format.html(settingValue(e.getValue()))).append("</td></tr>\n");
        }
        html.append("</table>\n<h3>Input and output files</h3>\n<table class=\"inputs\">\n<tr><th class=\"text\">File</th>"
                + "<th class=\"text\">Path</th></tr>\n");
        SavedResults.Inputs in = results.inputs();
        path("Results", results.file().toAbsolutePath().normalize());
        path("Study manifest", in.manifest());
        path("Diagnostic CT", in.diagnosticCt());
        path("Organ labels", in.diagnosticLabels());
        path("Dose map (Gy)", in.doseMap());
        for (SavedResults.TimePoint tp : in.timePoints()) {
            String at = Axis.label(tp.hoursPostInjection()) + " h ";
            path(at + "SPECT", tp.spect());
            path(at + "CT", tp.ct());
            if (tp.labels() != null) {
                path(at + "labels", tp.labels());
            }
        }
        if (reference != null) {
            path("Reference", reference.file().toAbsolutePath().normalize());
        }
        html.append("</table>\n</section>\n");
    }

    private void path(String what, Path p) {
        html.append("<tr><td class=\"text\">").append(Format.html(what)).append("</td><td class=\"path\">").append(Format.html(p.toString()))
                .append("</td></tr>\n");
    }

    private static String settingValue(Object v) {
        if (v == null) {
            return "none";
        }
        if (v instanceof List<?> list) {
            return String.join(", ", list.stream().map(HtmlReport::settingValue).toList());
        }
        if (v instanceof Double d) {
            // binary noise (159.52800000000002) hidden; 12 significant digits are more than any setting has
            return new java.math.BigDecimal(d).round(new java.math.MathContext(12)).stripTrailingZeros().toPlainString();
        }
        return v.toString();
    }

    private void signOff() {
        html.append("<section id=\"signoff\" class=\"signoff\">\n<h2>7 Review</h2>\n<p>Calculated by OrganDose ")
                .append(Format.html(version())).append(" on <span class=\"generated\">").append(generated)
                .append("</span>. The doses above are valid only for the settings and input files of section 6; a qualified"
                        + " medical physicist must review them, the quality checks and the slices before clinical use.</p>\n");
        html.append("<table>\n<tr><th>Reviewed by (name)</th><td></td></tr>\n<tr><th>Signature</th><td></td></tr>\n"
                + "<tr><th>Date</th><td></td></tr>\n<tr><th>Comments</th><td></td></tr>\n</table>\n</section>\n");
    }

    private static String swatch(Organ organ) {
        return "<span class=\"swatch\" style=\"background:" + OrganStyle.css(organ) + "\"></span>";
    }

    private void cell(String text) {
        html.append("<td>").append(Format.html(text)).append("</td>");
    }
}
