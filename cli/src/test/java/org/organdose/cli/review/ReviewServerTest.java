package org.organdose.cli.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.dosimetry.ResultsReader;
import org.organdose.dosimetry.SavedResults;
import org.organdose.image.Geometry;
import org.organdose.image.Interpolation;
import org.organdose.image.LabelMap;
import org.organdose.image.Resampler;
import org.organdose.image.Volume;
import org.organdose.image.io.ImageFiles;

/** The review server through its HTTP API, on a dosimetry folder made from a tiny synthetic study. */
class ReviewServerTest {
    @TempDir
    static Path dir;

    private static Path out;
    private static ReviewServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void serve() throws Exception {
        out = TinyDosimetryFolder.write(dir);
        long start = System.nanoTime();
        server = ReviewServer.open(out, 0);
        HttpResponse<byte[]> study = get("/api/study", "");
        long firstStudyMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(study.statusCode()).isEqualTo(200);
        System.out.println("review: folder loaded and first /api/study answered in " + firstStudyMs + " ms (tiny study)");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyRequestNeedsTheToken() throws Exception {
        assertThat(send("/api/study").statusCode()).isEqualTo(403);
        assertThat(send("/api/study?token=" + server.token() + "x").statusCode()).isEqualTo(403);
        assertThat(send("/?token=").statusCode()).isEqualTo(403);
        HttpResponse<byte[]> refused = send("/api/slice?volume=ct&plane=axial&index=0");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(new String(refused.body())).doesNotContain(server.token());
        assertThat(get("/", "").statusCode()).isEqualTo(200);
        assertThat(get("/api/nothing", "").statusCode()).isEqualTo(404);
        assertThat(get("/../results.json", "").statusCode()).isEqualTo(404);
        HttpResponse<byte[]> post = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/study?token=" + server.token()))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void badParametersGetOneLineReasons() throws Exception {
        String[][] cases = {
            {"/api/slice", "volume=ct&plane=oblique&index=0", "plane 'oblique' is not one of axial, coronal, sagittal"},
            {"/api/slice", "volume=mri&plane=axial&index=0", "volume 'mri' is not one of ct, spect, dose"},
            {"/api/slice", "volume=ct&plane=axial&index=12", "index 12 is out of range 0..11"},
            {"/api/slice", "volume=ct&plane=coronal&index=-1", "index -1 is out of range 0..19"},
            {"/api/slice", "volume=ct&plane=axial&index=1e3", "index '1e3' is not a whole number"},
            {"/api/slice", "volume=ct&plane=axial", "parameter 'index' is missing"},
            {"/api/slice", "volume=ct&session=0&plane=axial&index=0", "session applies only to volume=spect"},
            {"/api/slice", "volume=spect&session=3&plane=axial&index=0", "session 3 is out of range 0..2"},
            {"/api/slice", "volume=spect&plane=axial&index=0", "parameter 'session' is missing"},
            {"/api/slice", "volume=ct&plane=axial&index=0&index=1", "parameter 'index' given twice"},
            {"/api/slice", "volume=ct&plane=axial&index=0&file=..%2F..%2Fetc%2Fpasswd",
                "unknown parameter 'file' (allowed: index, plane, session, volume)"},
            {"/api/labels", "plane=sagittal&index=24", "index 24 is out of range 0..23"},
            {"/api/study", "x=1", "unknown parameter 'x' (allowed: )"},
        };
        for (String[] c : cases) {
            HttpResponse<byte[]> r = get(c[0], c[1]);
            assertThat(r.statusCode()).as(c[1]).isEqualTo(400);
            assertThat(new String(r.body())).as(c[1]).isEqualTo(c[2] + "\n");
            assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        }
    }

    /** A query java.net.http would not send, as a raw request: the JDK's server refuses it with one line. */
    @Test
    void malformedEscapeIsABadRequest() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
            socket.getOutputStream().write(("GET /api/labels?token=" + server.token() + "&plane=axial&index=%zz HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400").doesNotContain("\tat ").doesNotContain(server.token());
        }
    }

    /** Each plane's pixels against the CT's voxels, read back from the file, with the orientation spelt out here. */
    @Test
    void ctAndLabelSlicesAreTheVoxelsAlongEachPlane() throws Exception {
        Volume ct = ImageFiles.read(dir.resolve("ct.nii.gz")).volume();
        LabelMap labels = ImageFiles.readLabels(dir.resolve("labels.nii.gz"));
        Geometry g = ct.geometry();
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        for (int k : new int[] {0, 5, nz - 1}) {
            // axial: columns x (patient right on the left), rows y (anterior at the top)
            short[] s = shorts(slice("volume=ct&plane=axial&index=" + k, nx, ny, "int16"));
            byte[] l = get("/api/labels", "plane=axial&index=" + k).body();
            for (int r = 0; r < ny; r++) {
                for (int c = 0; c < nx; c++) {
                    assertThat(s[r * nx + c]).isEqualTo((short) ct.get(c, r, k));
                    assertThat(l[r * nx + c]).isEqualTo((byte) labels.get(c, r, k));
                }
            }
        }
        for (int j : new int[] {0, 7, ny - 1}) {
            // coronal: columns x, rows z with superior at the top
            short[] s = shorts(slice("volume=ct&plane=coronal&index=" + j, nx, nz, "int16"));
            for (int r = 0; r < nz; r++) {
                for (int c = 0; c < nx; c++) {
                    assertThat(s[r * nx + c]).isEqualTo((short) ct.get(c, j, nz - 1 - r));
                }
            }
        }
        for (int i : new int[] {0, 16, nx - 1}) {
            // sagittal: columns y (anterior on the left), rows z with superior at the top
            short[] s = shorts(slice("volume=ct&plane=sagittal&index=" + i, ny, nz, "int16"));
            byte[] l = get("/api/labels", "plane=sagittal&index=" + i).body();
            for (int r = 0; r < nz; r++) {
                for (int c = 0; c < ny; c++) {
                    assertThat(s[r * ny + c]).isEqualTo((short) ct.get(i, c, nz - 1 - r));
                    assertThat(l[r * ny + c]).isEqualTo((byte) labels.get(i, c, nz - 1 - r));
                }
            }
        }
    }

    /** SPECT (Bq/mL, from its file) and dose on their own grids, against the whole volume resampled onto the CT. */
    @Test
    void spectAndDoseSlicesAreTheirVolumesOnTheCtGrid() throws Exception {
        Geometry g = TinyDosimetryFolder.CT_GRID;
        JsonNode study = new ObjectMapper().readTree(get("/api/study", "").body());
        Volume spect = Resampler.resample(ImageFiles.read(dir.resolve("spect_1.nii.gz")).volume(), g, Interpolation.TRILINEAR, 0);
        Volume dose = Resampler.resample(ImageFiles.read(out.resolve("dose_Gy.nii.gz")).volume(), g, Interpolation.TRILINEAR, 0);
        assertThat(ImageFiles.read(out.resolve("dose_Gy.nii.gz")).volume().geometry().sameGrid(g, 1e-3)).isFalse();
        int k = 6;
        HttpResponse<byte[]> s = get("/api/slice", "volume=spect&session=1&plane=axial&index=" + k);
        double spectScale = Double.parseDouble(s.headers().firstValue("X-Scale").orElseThrow());
        double spectOffset = Double.parseDouble(s.headers().firstValue("X-Offset").orElseThrow());
        assertThat(spectOffset).isEqualTo(0);
        assertThat(spectScale).isCloseTo(study.get("spect_max_Bq_per_mL").asDouble() / 65535, within(1e-6 * spectScale));
        HttpResponse<byte[]> d = get("/api/slice", "volume=dose&plane=axial&index=" + k);
        double doseScale = Double.parseDouble(d.headers().firstValue("X-Scale").orElseThrow());
        double doseOffset = Double.parseDouble(d.headers().firstValue("X-Offset").orElseThrow());
        assertThat(doseOffset).isCloseTo(Math.min(0, study.get("dose_min_Gy").asDouble()), within(1e-6));
        char[] sv = chars(s.body());
        char[] dv = chars(d.body());
        for (int r = 0; r < g.ny(); r++) {
            for (int c = 0; c < g.nx(); c++) {
                assertThat(spectOffset + sv[r * g.nx() + c] * spectScale).isCloseTo(spect.get(c, r, k), within(0.5 * spectScale + 1e-3));
                assertThat(doseOffset + dv[r * g.nx() + c] * doseScale).isCloseTo(dose.get(c, r, k), within(0.5 * doseScale + 1e-9));
            }
        }
        assertThat(study.get("dose_max_Gy").asDouble()).isCloseTo(ImageFiles.read(out.resolve("dose_Gy.nii.gz")).volume().range()[1],
                within(1e-6 * study.get("dose_max_Gy").asDouble()));
    }

    @Test
    void studyDescribesTheGridSessionsOrgansAndChecks() throws Exception {
        JsonNode study = new ObjectMapper().readTree(get("/api/study", "").body());
        assertThat(study.get("planes").get("axial").get("width").asInt()).isEqualTo(24);
        assertThat(study.get("planes").get("axial").get("height").asInt()).isEqualTo(20);
        assertThat(study.get("planes").get("axial").get("slices").asInt()).isEqualTo(12);
        assertThat(study.get("planes").get("sagittal").get("column_mm").asDouble()).isEqualTo(2.5);
        assertThat(study.get("planes").get("sagittal").get("row_mm").asDouble()).isEqualTo(3.0);
        assertThat(study.get("sessions")).hasSize(3);
        for (int t = 0; t < 3; t++) {
            assertThat(study.get("sessions").get(t).get("hours").asDouble()).isEqualTo(TinyDosimetryFolder.HOURS[t]);
        }
        SavedResults results = ResultsReader.read(out.resolve("results.json"));
        assertThat(study.get("organs")).hasSize(results.organs().size());
        for (int o = 0; o < results.organs().size(); o++) {
            JsonNode n = study.get("organs").get(o);
            assertThat(n.get("key").asText()).isEqualTo(results.organs().get(o).organ().key());
            assertThat(n.get("mass_g").asDouble()).isEqualTo(results.organs().get(o).massG());
            assertThat(n.get("mean_dose_Gy").asDouble()).isEqualTo(results.organs().get(o).meanDoseGy());
        }
        // the report's six checks for each organ
        assertThat(study.get("qa")).hasSize(6 * results.organs().size());
        assertThat(study.get("window_presets").get(0).get("name").asText()).isEqualTo("soft tissue");
    }

    @Test
    void pageFetchesNothingFromElsewhere() throws Exception {
        String page = new String(get("/", "").body());
        assertThat(page).contains("<canvas id=\"scalebar\"").doesNotContain("http://").doesNotContain("https://")
                .doesNotContain("<link").doesNotContain("src=");
    }

    @Test
    void serverListensOnLoopbackOnly() throws IOException {
        assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(a, server.address().getPort()), 500);
                        throw new AssertionError("the server answered on " + a);
                    } catch (IOException refused) {
                        // what a loopback-only server does
                    }
                }
            }
        }
    }

    /** Prints how long slice requests take on this study (a benchmark figure; nothing is asserted on it). */
    @Test
    void sliceRequestTimes() throws Exception {
        for (String q : List.of("volume=ct&plane=axial&index=5", "volume=spect&session=0&plane=coronal&index=5",
                "volume=dose&plane=sagittal&index=5")) {
            long start = System.nanoTime();
            int n = 20;
            for (int i = 0; i < n; i++) {
                assertThat(get("/api/slice", q).statusCode()).isEqualTo(200);
            }
            System.out.printf("review: %s: %.2f ms per request (tiny study)%n", q, (System.nanoTime() - start) / 1e6 / n);
        }
    }

    private static byte[] slice(String query, int width, int height, String sample) throws Exception {
        HttpResponse<byte[]> r = get("/api/slice", query);
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(r.headers().firstValue("X-Width")).hasValue(String.valueOf(width));
        assertThat(r.headers().firstValue("X-Height")).hasValue(String.valueOf(height));
        assertThat(r.headers().firstValue("X-Sample")).hasValue(sample);
        assertThat(r.body()).hasSize(width * height * 2);
        return r.body();
    }

    private static short[] shorts(byte[] b) {
        short[] s = new short[b.length / 2];
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(s);
        return s;
    }

    private static char[] chars(byte[] b) {
        char[] s = new char[b.length / 2];
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asCharBuffer().get(s);
        return s;
    }

    private static String base() {
        return "http://127.0.0.1:" + server.address().getPort();
    }

    private static HttpResponse<byte[]> get(String path, String query) throws Exception {
        return send(path + "?token=" + server.token() + (query.isEmpty() ? "" : "&" + query));
    }

    private static HttpResponse<byte[]> send(String pathAndQuery) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
