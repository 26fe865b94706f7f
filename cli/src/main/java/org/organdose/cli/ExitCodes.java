package org.organdose.cli;

import java.nio.file.NoSuchFileException;
import org.organdose.image.InputException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into one line on standard error and the documented exit code: 2 for bad
 * input, 1 for anything else (an internal error, with the stack trace when ORGANDOSE_DEBUG is set).
 */
final class ExitCodes implements IExecutionExceptionHandler {
    static final int OK = 0;
    static final int INTERNAL_ERROR = 1;
    static final int BAD_INPUT = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, ParseResult parsed) {
        if (isBadInput(e)) {
            cl.getErr().println("organdose: " + e.getMessage());
            return BAD_INPUT;
        }
        cl.getErr().println("organdose: internal error: " + e);
        if (System.getenv("ORGANDOSE_DEBUG") != null) {
            e.printStackTrace(cl.getErr());
        } else {
            cl.getErr().println("organdose: set ORGANDOSE_DEBUG=1 for the stack trace");
        }
        return INTERNAL_ERROR;
    }

    /**
     * Wrong arguments: one line naming the problem and where the usage is, instead of the whole
     * usage (which hides the line that matters).
     */
    static int badArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        cl.getErr().println("organdose: " + e.getMessage() + " (see '" + cl.getCommandSpec().qualifiedName() + " --help')");
        return BAD_INPUT;
    }

    private static boolean isBadInput(Exception e) {
        return e instanceof InputException || e instanceof NoSuchFileException;
    }
}
