package org.organdose.cli.review;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.organdose.image.Plane;
import org.organdose.image.Volume;

/**
 * The review server's routes: the page, {@code /api/study}, {@code /api/slice} and
 * {@code /api/labels}. Every request must carry the token (403 otherwise); paths other than these
 * get 404, methods other than GET 405, bad parameters 400 with a one-line reason. No route takes a
 * file name, so no request can reach a file the study did not load.
 */
final class ReviewRoutes implements HttpHandler {
    /** What a slice request may ask for. */
    enum VolumeKind { CT, SPECT, DOSE }

    private final ReviewStudy study;
    private final byte[] token;
    private final SliceSampler sampler;
    private final byte[] studyJson;
    private final byte[] page;

    ReviewRoutes(ReviewStudy study, String token) {
        this.study = study;
        this.token = token.getBytes(StandardCharsets.US_ASCII);
        this.sampler = new SliceSampler(study.report().ct().geometry());
        // the study's description never changes while the server runs: made once
        this.studyJson = StudyJson.of(study);
        this.page = readPage();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String given = QueryParameters.token(exchange.getRequestURI().getRawQuery());
            if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
                text(exchange, 403, "forbidden: the URL's token is missing or wrong");
                return;
            }
            if (!exchange.getRequestMethod().equals("GET")) {
                text(exchange, 405, "only GET is served");
                return;
            }
            try {
                route(exchange);
            } catch (BadRequestException e) {
                text(exchange, 400, e.getMessage());
            } catch (RuntimeException e) {
                // the reason goes to the console; the browser gets one line and never a stack trace
                System.err.println("organdose review: " + exchange.getRequestURI().getPath() + ": " + e);
                text(exchange, 500, "internal error");
            }
        }
    }

    private void route(HttpExchange exchange) throws IOException, BadRequestException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        switch (path) {
            case "/", "/index.html" -> {
                QueryParameters.parse(query, Set.of());
                send(exchange, 200, "text/html; charset=utf-8", page);
            }
            case "/api/study" -> {
                QueryParameters.parse(query, Set.of());
                send(exchange, 200, "application/json", studyJson);
            }
            case "/api/slice" -> slice(exchange, QueryParameters.parse(query, Set.of("volume", "session", "plane", "index")));
            case "/api/labels" -> labels(exchange, QueryParameters.parse(query, Set.of("plane", "index")));
            default -> text(exchange, 404, "not found: " + (path.length() > 60 ? path.substring(0, 60) + "..." : path)
                    .replaceAll("[^\\p{Graph} ]", "?"));
        }
    }

    private void slice(HttpExchange exchange, QueryParameters q) throws IOException, BadRequestException {
        VolumeKind kind = q.choice("volume", VolumeKind.class);
        Plane plane = q.choice("plane", Plane.class);
        int index = q.index("index", sampler.depth(plane));
        int w = sampler.width(plane);
        int h = sampler.height(plane);
        EncodedSlice slice = switch (kind) {
            case CT -> {
                noSession(q);
                yield EncodedSlice.hounsfield(sampler.slice(study.report().ct(), plane, index), w, h);
            }
            case DOSE -> {
                noSession(q);
                yield EncodedSlice.unsigned(sampler.slice(study.report().doseGy(), plane, index), w, h, study.doseMinGy(), study.doseMaxGy());
            }
            case SPECT -> {
                Volume spect = study.sessions().get(q.index("session", study.sessions().size())).spectBqPerMl();
                yield EncodedSlice.unsigned(sampler.slice(spect, plane, index), w, h, study.spectMinBqPerMl(), study.spectMaxBqPerMl());
            }
        };
        send(exchange, slice);
    }

    private void labels(HttpExchange exchange, QueryParameters q) throws IOException, BadRequestException {
        Plane plane = q.choice("plane", Plane.class);
        int index = q.index("index", sampler.depth(plane));
        send(exchange, EncodedSlice.labels(sampler.slice(study.report().labels(), plane, index), sampler.width(plane),
                sampler.height(plane)));
    }

    private static void noSession(QueryParameters q) throws BadRequestException {
        try {
            q.required("session");
        } catch (BadRequestException absent) {
            return;
        }
        throw new BadRequestException("session applies only to volume=spect");
    }

    private static void send(HttpExchange exchange, EncodedSlice slice) throws IOException {
        exchange.getResponseHeaders().set("X-Width", String.valueOf(slice.width()));
        exchange.getResponseHeaders().set("X-Height", String.valueOf(slice.height()));
        exchange.getResponseHeaders().set("X-Sample", slice.sample());
        exchange.getResponseHeaders().set("X-Offset", String.valueOf(slice.offset()));
        exchange.getResponseHeaders().set("X-Scale", String.valueOf(slice.scale()));
        send(exchange, 200, "application/octet-stream", slice.bytes());
    }

    private static void text(HttpExchange exchange, int status, String line) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", (line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        // the page fetches nothing from elsewhere, and no other site may frame it
        exchange.getResponseHeaders().set("Content-Security-Policy",
                "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data: blob:;"
                        + " frame-ancestors 'none'");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] readPage() {
        try (InputStream in = ReviewRoutes.class.getResourceAsStream("index.html")) {
            if (in == null) {
                throw new IllegalStateException("the review page is missing from the application");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
