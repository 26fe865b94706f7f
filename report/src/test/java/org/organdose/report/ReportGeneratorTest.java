package org.organdose.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.dosimetry.ResultsReader;
import org.organdose.dosimetry.SavedResults;
import org.organdose.image.Organ;
import org.organdose.image.io.ImageIoException;

/** The report of a small study written here: content, plotted numbers, self-containment, errors. */
class ReportGeneratorTest {
    private static final Instant WHEN = Instant.parse("2026-01-02T03:04:05Z");

    @TempDir
    static Path dir;
    static Path resultsJson;
    static SavedResults results;
    static String html;

    @BeforeAll
    static void writeReport() throws Exception {
        resultsJson = SmallStudy.write(dir);
        results = ResultsReader.read(resultsJson);
        Path out = dir.resolve("report.html");
        ReportGenerator.write(resultsJson, null, out, WHEN);
        html = Files.readString(out);
    }

    @Test
    void holdsEveryOrganPlotAndSliceView() {
        assertThat(results.organs()).extracting(SavedResults.OrganValues::organ)
                .containsExactly(Organ.LIVER, Organ.KIDNEY_RIGHT, Organ.SPLEEN);
        for (SavedResults.OrganValues o : results.organs()) {
            String key = o.organ().key();
            assertThat(html).contains("<section id=\"organ-" + key + "\"");
            assertThat(html).contains("<table class=\"organ-table\" data-organ=\"" + key + "\"");
            for (String plane : new String[] {"axial", "coronal", "sagittal"}) {
                assertThat(count(html, "<svg class=\"slice\" data-plane=\"" + plane + "\" data-organ=\"" + key + "\"")).isEqualTo(1);
            }
            assertThat(html).contains("<path class=\"fit\" data-organ=\"" + key + "\"");
            assertThat(html).contains("<path class=\"dvh-curve\" data-organ=\"" + key + "\"");
        }
        assertThat(count(html, "<svg class=\"plot tac ")).isEqualTo(2);
        assertThat(count(html, "<svg class=\"plot dvh\"")).isEqualTo(1);
        assertThat(count(html, "<svg class=\"colour-bar\"")).isEqualTo(3);
        assertThat(html).contains("Reviewed by (name)").contains("Calculated by OrganDose " + HtmlReport.version());
        assertThat(HtmlReport.version()).doesNotContain("${");
        // every setting of the run is listed
        for (String key : results.settings().keySet()) {
            assertThat(html).contains("<tr><td class=\"text\">" + key + "</td>");
        }
        results.warnings().forEach(w -> assertThat(html).contains(Format.html(w)));
    }

    /** The summary says how the dose map was made: the kernel's radionuclide, voxel, emissions and absorbed energy as results.json holds them. */
    @Test
    void statesTheKernelOfTheDoseMap() throws Exception {
        JsonNode kernel = new ObjectMapper().readTree(resultsJson.toFile()).get("settings").get("kernel_used");
        double grid = new ObjectMapper().readTree(resultsJson.toFile()).get("settings").get("dose_grid_mm").asDouble();
        String g = new java.math.BigDecimal(grid).stripTrailingZeros().toPlainString();
        assertThat(html).contains("Dose map: convolution with a voxel S value kernel computed from physics (Lu-177, voxels "
                + g + " x " + g + " x " + g + " mm, emissions: betas + conversion and Auger electrons + gamma and X-rays; "
                + Format.sig(kernel.get("absorbed_MeV_per_decay").asDouble(), 4) + " MeV per decay absorbed within the kernel), on a "
                + g + " mm grid.");
    }

    @Test
    void referencesNothingOutsideTheFile() {
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("@import").doesNotContain("<script")
                .doesNotContain("<link");
        Matcher m = Pattern.compile("\\b(src|href)\\s*=\\s*\"([^\"]*)\"").matcher(html);
        int n = 0;
        while (m.find()) {
            assertThat(m.group(2)).as(m.group()).matches("(data:image/png;base64,[A-Za-z0-9+/=]+|#.*)");
            n++;
        }
        assertThat(n).as("slice images").isEqualTo(9);
        Matcher url = Pattern.compile("url\\(([^)]*)\\)").matcher(html);
        while (url.find()) {
            assertThat(url.group(1)).startsWith("#");
        }
    }

    @Test
    void dvhCurvesArePlottedAtTheResultsValues() {
        String svg = element(html, "<svg class=\"plot dvh\"", "</svg>");
        double[] x = axis(svg, "x-axis", false);
        double[] y = axis(svg, "y-axis", false);
        for (SavedResults.OrganValues o : results.organs()) {
            List<double[]> points = pathPoints(svg, "dvh-curve", o.organ().key());
            assertThat(points).hasSize(o.dvhDoseGy().length);
            for (int i = 0; i < points.size(); i++) {
                // 0.05 px of rounding in the SVG, as data
                assertThat(x[0] + x[1] * points.get(i)[0]).isCloseTo(o.dvhDoseGy()[i], within(0.06 * Math.abs(x[1])));
                assertThat(y[0] + y[1] * points.get(i)[1]).isCloseTo(100 * o.dvhVolumeFraction()[i], within(0.06 * Math.abs(y[1])));
            }
        }
    }

    @Test
    void measuredActivitiesArePlottedOnTheLogAxis() {
        String svg = element(html, "<svg class=\"plot tac log\"", "</svg>");
        double[] x = axis(svg, "x-axis", false);
        double[] logY = axis(svg, "y-axis", true);
        for (SavedResults.OrganValues o : results.organs()) {
            Matcher m = Pattern.compile("<circle class=\"point\" data-organ=\"" + o.organ().key() + "\" cx=\"([\\d.]+)\" cy=\"([\\d.]+)\"")
                    .matcher(svg);
            List<Map.Entry<Double, Double>> measured = new ArrayList<>(o.activityMBqByHours().entrySet());
            for (Map.Entry<Double, Double> e : measured) {
                assertThat(m.find()).isTrue();
                assertThat(x[0] + x[1] * Double.parseDouble(m.group(1))).isCloseTo(e.getKey(), within(0.06 * Math.abs(x[1])));
                double log = logY[0] + logY[1] * Double.parseDouble(m.group(2));
                assertThat(log).isCloseTo(Math.log10(e.getValue()), within(0.06 * Math.abs(logY[1])));
            }
        }
    }

    @Test
    void tableValuesAreTheResults() {
        for (SavedResults.OrganValues o : results.organs()) {
            String table = element(html, "<table class=\"organ-table\" data-organ=\"" + o.organ().key() + "\"", "</table>");
            assertShown(cell(table, "mean_dose_Gy"), o.meanDoseGy());
            assertShown(cell(table, "tia_MBq_h"), o.tiaMBqH());
            assertShown(cell(table, "mass_g"), o.massG());
            assertShown(cell(table, "D70_Gy"), o.doseCoveringGy().get(70));
        }
    }

    @Test
    void qaChecksFlagWhatTheStudyWasMadeToShow() {
        assertThat(status("liver", "Field of view")).isEqualTo("flag");
        assertThat(detail("liver", "Field of view")).contains("superior");
        assertThat(status("kidney_right", "Field of view")).isEqualTo("pass");
        assertThat(status("kidney_right", "Mask volume over time")).isEqualTo("flag");
        assertThat(detail("kidney_right", "Mask volume over time")).contains("24 h: 3.2 mL (−50.0 %)");
        assertThat(status("spleen", "Mask volume over time")).isEqualTo("pass");
        // the kidney is 5x as concentrated as the liver and 6 mm from it; the GTM corrects, so a note
        assertThat(status("liver", "Spill-in from neighbours")).isEqualTo("note");
        assertThat(detail("liver", "Spill-in from neighbours")).contains("right kidney");
        assertThat(status("spleen", "Spill-in from neighbours")).isEqualTo("pass");
        assertThat(status("spleen", "Activity centroid")).isEqualTo("pass");
        assertThat(status("spleen", "Activity just outside the mask")).isEqualTo("pass");
        assertThat(status("spleen", "Time-activity fit")).isEqualTo("pass");
    }

    @Test
    void sameInputsGiveTheSameReport() throws Exception {
        Path again = dir.resolve("again.html");
        ReportGenerator.write(resultsJson, null, again, WHEN);
        assertThat(Files.readString(again)).isEqualTo(html);
    }

    @Test
    void referenceValuesAndDifferencesAreShown() throws Exception {
        Path truth = dir.resolve("truth.json");
        double meanDose = results.organ(Organ.SPLEEN).meanDoseGy();
        Files.writeString(truth, "{\"organs\": {\"spleen\": {\"mean_dose_Gy\": " + meanDose * 1.25 + ", \"activity_MBq\": {\"1.0\": "
                + results.organ(Organ.SPLEEN).activityMBqByHours().get(1.0) + "}}}}");
        Path out = dir.resolve("with-reference.html");
        ReportGenerator.write(resultsJson, truth, out, WHEN);
        String table = element(Files.readString(out), "<table class=\"organ-table\" data-organ=\"spleen\"", "</table>");
        assertThat(row(table, "mean_dose_Gy")).contains("<td class=\"diff-large\">−20.0 %</td>");
        assertThat(row(table, "activity")).contains("<td>0.0 %</td>");
    }

    @Test
    void missingInputsAreOneLineErrorsAndLeaveNoReport() throws Exception {
        Path out = dir.resolve("bad.html");
        assertThatThrownBy(() -> ReportGenerator.write(dir.resolve("nowhere/results.json"), null, out))
                .isInstanceOf(ImageIoException.class).hasMessageEndingWith("results.json: file not found");
        Path copy = dir.resolve("moved");
        Files.createDirectories(copy);
        Files.copy(resultsJson, copy.resolve("results.json"));
        assertThatThrownBy(() -> ReportGenerator.write(copy.resolve("results.json"), null, out))
                .isInstanceOf(ImageIoException.class)
                .hasMessage(copy.resolve("results.json") + ": the dose map it names is missing: " + copy.resolve("dose_Gy.nii.gz"));
        Files.writeString(copy.resolve("old.json"), "{\"organs\": {}, \"settings\": {}}");
        assertThatThrownBy(() -> ReportGenerator.write(copy.resolve("old.json"), null, out))
                .isInstanceOf(ImageIoException.class).hasMessageContaining("organs is empty");
        assertThatThrownBy(() -> ReportGenerator.write(resultsJson, dir.resolve("no-truth.json"), out))
                .isInstanceOf(ImageIoException.class).hasMessageContaining("reference file not found");
        assertThat(out).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    /** Rendered by headless Chromium (skipped without it): a full screenshot and an A4 PDF come out. */
    @Test
    void rendersInChromium() throws Exception {
        Path script = Path.of("..", "scripts", "render-report.sh").toAbsolutePath().normalize();
        boolean chromium = Stream.of(System.getenv("PATH").split(":"))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "chromium")) || Files.isExecutable(Path.of(d, "chromium-browser")));
        Assumptions.assumeTrue(chromium && Files.isExecutable(script), "chromium or scripts/render-report.sh not available");
        for (String name : new String[] {"report.png", "report.pdf"}) {
            Path out = dir.resolve(name);
            Process p = new ProcessBuilder(script.toString(), dir.resolve("report.html").toString(), out.toString())
                    .redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor()).as(log).isZero();
            assertThat(Files.size(out)).isGreaterThan(10_000);
        }
        BufferedImage png = ImageIO.read(dir.resolve("report.png").toFile());
        assertThat(png.getWidth()).isEqualTo(1240);
        assertThat(Files.readString(dir.resolve("report.pdf"), java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF");
    }

    private static String status(String organ, String check) {
        return qaRow(organ, check).group(1);
    }

    private static String detail(String organ, String check) {
        return qaRow(organ, check).group(2);
    }

    /** The QA table row of one organ and check (the organ's first row also holds the organ cell). */
    private static Matcher qaRow(String organ, String check) {
        String table = element(html, "<table class=\"qa\">", "</table>");
        Matcher m = Pattern.compile("<tr class=\"[^\"]*\" data-organ=\"" + organ + "\">(?:<td class=\"text organ-cell\"[^>]*>.*?</td>)?"
                + "<td class=\"text\">" + Pattern.quote(check) + "</td><td class=\"text\"><span class=\"status status-[a-z-]+\">([a-z ]+)"
                + "</span></td><td class=\"text\">([^<]*)</td>").matcher(table);
        assertThat(m.find()).as(organ + " " + check).isTrue();
        return m;
    }

    private static String row(String table, String key) {
        return element(table, "<tr data-key=\"" + key + "\">", "</tr>");
    }

    /** The value column of a table row. */
    private static String cell(String table, String key) {
        Matcher m = Pattern.compile("<td>([^<]*)</td>").matcher(row(table, key));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** The shown text equals the value rounded to the digits shown. */
    private static void assertShown(String shown, double value) {
        int decimals = shown.contains(".") ? shown.length() - shown.indexOf('.') - 1 : 0;
        assertThat(Double.parseDouble(shown)).isCloseTo(value, within(0.5 * Math.pow(10, -decimals) + 1e-12));
    }

    private static String element(String text, String start, String end) {
        int a = text.indexOf(start);
        assertThat(a).as(start).isGreaterThanOrEqualTo(0);
        return text.substring(a, text.indexOf(end, a) + end.length());
    }

    /** {offset, slope} of data (or log10 of data) against pixels, from the axis's first and last ticks. */
    private static double[] axis(String svg, String which, boolean log) {
        String g = element(svg, "<g class=\"" + which + "\">", "<text class=\"title\"");
        Matcher m = Pattern.compile("<g class=\"tick\" data-value=\"([-\\d.]+)\" data-pixel=\"([-\\d.]+)\">").matcher(g);
        List<double[]> ticks = new ArrayList<>();
        while (m.find()) {
            double v = Double.parseDouble(m.group(1));
            ticks.add(new double[] {log ? Math.log10(v) : v, Double.parseDouble(m.group(2))});
        }
        assertThat(ticks.size()).isGreaterThanOrEqualTo(2);
        double[] a = ticks.get(0);
        double[] b = ticks.get(ticks.size() - 1);
        double slope = (b[0] - a[0]) / (b[1] - a[1]);
        return new double[] {a[0] - slope * a[1], slope};
    }

    private static List<double[]> pathPoints(String svg, String cssClass, String organ) {
        Matcher m = Pattern.compile("<path class=\"" + cssClass + "\" data-organ=\"" + organ + "\"[^>]* d=\"([^\"]*)\"").matcher(svg);
        assertThat(m.find()).isTrue();
        List<double[]> points = new ArrayList<>();
        for (String step : m.group(1).trim().split("\\s*[ML]")) {
            if (!step.isBlank()) {
                String[] xy = step.trim().split(" ");
                points.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
            }
        }
        return points;
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
