package org.organdose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'organdose review' refuses unusable folders and ports with one line before serving anything. */
class ReviewCommandTest {
    @TempDir
    Path dir;

    @Test
    void missingFolderIsBadInput() {
        Path missing = dir.resolve("nothing");
        CommandLineTest.Run r = CommandLineTest.run("review", missing.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("organdose: " + missing + ": not a folder");
    }

    @Test
    void folderWithoutResultsIsBadInput() {
        CommandLineTest.Run r = CommandLineTest.run("review", dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("organdose: " + dir.resolve("results.json") + ": file not found");
    }

    @Test
    void portOutOfRangeIsBadInput() throws IOException {
        Files.writeString(dir.resolve("results.json"), "{}");
        CommandLineTest.Run r = CommandLineTest.run("review", dir.toString(), "--port", "70000");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("organdose: --port 70000: not a port (0 to 65535)");
    }

    @Test
    void helpSaysItServesOnLoopbackOnly() {
        assertThat(CommandLineTest.run("review", "--help").out()).contains("127.0.0.1").contains("token").contains("--port");
    }
}
