package org.organdose.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.organdose.image.io.AtomicFileOutput;
import org.organdose.image.io.ImageIoException;

/**
 * Writes the HTML dosimetry report of a {@code results.json} (as written by the dosimetry's
 * ResultsWriter), reading the images it names: the diagnostic CT, its organ labels and the dose
 * map (required), each session's SPECT and labels (for the QA checks). The report is written
 * through a temporary file and renamed, so a failed run never leaves a partial report.
 */
public final class ReportGenerator {
    public static final String REPORT_HTML = "report.html";

    private ReportGenerator() {
    }

    /**
     * @param resultsJson  the results.json to report
     * @param reference    another results.json or a truth.json to compare with; null for none
     * @param outHtml      the report to write
     * @throws ImageIoException one line naming the file and the problem: results.json missing or
     *                          invalid, an image it names missing or unreadable, a bad reference, or the report unwritable
     */
    public static void write(Path resultsJson, Path reference, Path outHtml) throws ImageIoException {
        write(resultsJson, reference, outHtml, Instant.now());
    }

    /** As {@link #write(Path, Path, Path)}, with the generation time shown in the report. */
    public static void write(Path resultsJson, Path reference, Path outHtml, Instant generatedAt) throws ImageIoException {
        String html = HtmlReport.render(ReportData.load(resultsJson, reference), generatedAt);
        AtomicFileOutput.write(outHtml, out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
    }
}
