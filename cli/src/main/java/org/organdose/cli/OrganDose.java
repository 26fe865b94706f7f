package org.organdose.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code organdose} command. */
@Command(name = "organdose", mixinStandardHelpOptions = true, version = "OrganDose 0.1.0",
        description = "CT organ segmentation and Lu-177 SPECT/CT voxel dosimetry.",
        subcommands = {CommandLine.HelpCommand.class})
public final class OrganDose implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new OrganDose()).execute(args));
    }
}
