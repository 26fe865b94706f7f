package org.organdose.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.organdose.segment.SegmentationException;
import org.organdose.segment.net.EnsembleSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code organdose ensemble MODEL... --out DIR}: one model folder that segments with several
 * trained networks at once, averaging their class probabilities.
 */
@Command(name = "ensemble", mixinStandardHelpOptions = true,
        description = "Combine trained U-Net or semantic FPN models (e.g. several seeds) into one model that averages their class probabilities.")
final class EnsembleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MODEL", arity = "1..*", description = "trained model folders (model.json and weights); copied into the ensemble")
    List<Path> models;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "new ensemble folder (must not exist or be empty)")
    Path out;

    @Override
    public Integer call() throws IOException, SegmentationException, BadInputException {
        OutputPaths.requireFolder(out);
        EnsembleSpec ensemble = EnsembleSpec.assemble(models, out);
        spec.commandLine().getOut().println("wrote " + out + ": an ensemble of " + ensemble.members().size() + " models "
                + ensemble.members());
        return ExitCodes.OK;
    }
}
