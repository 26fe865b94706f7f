package org.organdose.cli;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.organdose.cli.review.ReviewServer;
import org.organdose.dosimetry.DosimetryInputException;
import org.organdose.image.io.ImageIoException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code organdose review DIR}: the results of a dosimetry run in the browser, served on 127.0.0.1 until Ctrl-C. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "Review a dosimetry output folder in the browser: CT with the SPECT fused, organ contours, the dose"
                + " with isodose lines and the QA checks. Serves on 127.0.0.1 only, behind a random token; Ctrl-C stops it.")
final class ReviewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "the --out folder of 'organdose dosimetry' (results.json, dose map)")
    Path folder;

    @Option(names = "--port", paramLabel = "P", defaultValue = "0",
            description = "port on 127.0.0.1 (default: any free port)")
    int port;

    @Override
    public Integer call() throws IOException, ImageIoException, DosimetryInputException, InterruptedException {
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(folder + ": not a folder");
        }
        if (port < 0 || port > 65535) {
            throw new BadInputException("--port " + port + ": not a port (0 to 65535)");
        }
        ReviewServer server;
        try {
            server = ReviewServer.open(folder, port);
        } catch (BindException e) {
            throw new BadInputException("--port " + port + ": already in use on 127.0.0.1");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        spec.commandLine().getOut().println("review: " + server.url());
        spec.commandLine().getOut().println("(Ctrl-C to stop)");
        spec.commandLine().getOut().flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
