package org.organdose.cli.review;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.organdose.dosimetry.DosimetryInputException;
import org.organdose.image.io.ImageIoException;

/**
 * The review's web server: the JDK's own, on the loopback address only, with a random 128-bit
 * token that every request must carry (other users of the machine can reach loopback ports).
 */
public final class ReviewServer implements AutoCloseable {
    private static final int TOKEN_BYTES = 16;
    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService threads;
    private final String token;

    private ReviewServer(HttpServer server, ExecutorService threads, String token) {
        this.server = server;
        this.threads = threads;
        this.token = token;
    }

    /** Serves {@code study} on {@code port} of 127.0.0.1 (0: any free port). */
    static ReviewServer start(ReviewStudy study, int port) throws IOException {
        byte[] random = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        // without it the JDK's server lets Nagle's algorithm hold each small answer for the client's delayed ACK (~40 ms)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", new ReviewRoutes(study, token));
        ExecutorService threads = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "review-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.start();
        return new ReviewServer(server, threads, token);
    }

    /** Opens the folder's results and serves them. */
    public static ReviewServer open(Path folder, int port) throws IOException, ImageIoException, DosimetryInputException {
        return start(ReviewStudy.load(folder), port);
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The page's address with the token. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/?token=" + token;
    }

    String token() {
        return token;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
