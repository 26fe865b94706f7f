package org.organdose.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code organdose} command. Exit codes: 0 success, 2 bad input (unreadable or
 * invalid files, wrong arguments), 1 internal error.
 */
@Command(name = "organdose", mixinStandardHelpOptions = true, version = "OrganDose 0.1.0",
        description = "CT organ segmentation and Lu-177 SPECT/CT voxel dosimetry.",
        subcommands = {InfoCommand.class, ConvertCommand.class, SegmentCommand.class, TrainCommand.class, EnsembleCommand.class,
            EvaluateCommand.class, ImportCommand.class, DosimetryCommand.class, KernelCommand.class, SimulateCommand.class, ReportCommand.class, ReviewCommand.class, BenchCommand.class, DemoCommand.class, CommandLine.HelpCommand.class})
public final class OrganDose implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new OrganDose());
        cl.setExecutionExceptionHandler(new ExitCodes());
        cl.setParameterExceptionHandler(ExitCodes::badArguments);
        // --mode consensus = --mode CONSENSUS, for every enum option of every command
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
