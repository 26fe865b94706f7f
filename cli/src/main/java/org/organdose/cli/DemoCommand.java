package org.organdose.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The README's run command. The digital patient, segmentation model and report it runs are not
 * built yet (issue "Built-in digital patient, organdose demo, and HTML report"), so for now it
 * says so plainly and exits with a non-zero code rather than pretending.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole job on the built-in digital patient (not built yet).")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("organdose demo: not built yet. The digital patient, the shipped segmentation model and the "
                + "report are still to come; 'organdose info' and 'organdose convert' work today.");
        return 3;
    }
}
