package org.organdose.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.organdose.image.io.ImageIoException;
import org.organdose.report.ReportGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code organdose report results.json --out report.html}: the HTML dosimetry report of saved
 * results, reading again the images results.json names.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Self-contained HTML dosimetry report (tables, time-activity curves, DVHs, slices with dose, QA checks)"
                + " from a results.json written by 'organdose dosimetry'.")
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RESULTS", description = "results.json of a dosimetry run; the CT, labels and dose map it names must still exist")
    Path results;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the report to write (.html)")
    Path out;

    @Option(names = "--reference", paramLabel = "JSON",
            description = "another results.json or a truth.json (organs.<name>.<key>) to compare each value with")
    Path reference;

    @Override
    public Integer call() throws ImageIoException, BadInputException {
        OutputPaths.requireFile(out, results, reference);
        ReportGenerator.write(results, reference, out);
        spec.commandLine().getOut().println("report: " + out);
        return ExitCodes.OK;
    }
}
