package org.organdose.image.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.organdose.image.Geometry;
import org.organdose.image.InputException;
import org.organdose.image.PythonOracle;
import org.organdose.image.Volume;

/**
 * The test files pydicom and nibabel ship with themselves, read by our readers and by theirs
 * (Debian's python3-pydicom and python3-nibabel; skipped when absent). Wherever both read a file,
 * size, geometry and values must agree; wherever we refuse, the refusal is one line naming the
 * reason; nothing may throw anything but our input exception, and nothing may hang. The counts
 * and the reasons are printed; docs/formats-peer-corpora.md records them.
 *
 * <p>Tolerances: affine elements (mm) within 1e-3, which is below the six decimals DICOM's
 * decimal strings carry and far above float rounding; min and max within 1e-4 relative (our
 * voxels are float32); the sum within 1e-5 of the sum of magnitudes (float32 voxels summed in
 * double).
 */
class PeerCorporaTest {
    private static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
    private static final Path NIBABEL = Path.of("/usr/lib/python3/dist-packages/nibabel/tests/data");
    /** A generous bound for files of at most a few MB; a reader still running then is hanging. */
    private static final long SECONDS_PER_FILE = 30;
    /** Text, scripts and streamline files (.trk, .tck) in the corpora: not images. */
    private static final List<String> NOT_IMAGES = List.of(".json", ".dump", ".txt", ".rst", ".py", ".pyc", ".m",
            ".trk", ".tck", "readme", ".gitignore");
    private static final double AFFINE_TOLERANCE_MM = 1e-3;

    enum Outcome {
        AGREE("read by both, agree"),
        WE_REFUSE("refused by us with a reason, read by the peer"),
        BOTH_REFUSE("refused by us, the peer also refuses"),
        ONLY_WE_READ("read by us, the peer cannot"),
        DISAGREE("read by both, disagree");

        final String label;

        Outcome(String label) {
            this.label = label;
        }
    }

    /** What the peer said about one file: a volume's description, or why it could not read it. */
    record PeerView(String error, int[] size, int rank, double[] affineRas, double min, double max, double sum,
                    long nans) {
        boolean ok() {
            return error == null;
        }

        static PeerView parse(String[] fields) {
            if (fields[1].equals("error")) {
                return new PeerView(fields[2], null, 0, null, 0, 0, 0, 0);
            }
            int[] size = Arrays.stream(fields[2].split(" ")).mapToInt(Integer::parseInt).toArray();
            double[] affine = fields[4].equals("-") ? null : numbers(fields[4]);
            double[] stats = numbers(fields[5]);
            return new PeerView(null, size, Integer.parseInt(fields[3]), affine, stats[0], stats[1], stats[2],
                    (long) stats[3]);
        }

        /** A folder of single-slice files as one stack: the peer reads each file; the stack is ours to judge. */
        static PeerView ofSlices(List<PeerView> files) {
            List<PeerView> images = files.stream().filter(PeerView::ok).toList();
            if (images.isEmpty()) {
                return new PeerView("no file of the folder holds an image", null, 0, null, 0, 0, 0, 0);
            }
            PeerView first = images.get(0);
            return new PeerView(null, new int[] {first.size[0], first.size[1], images.size()}, 3, first.affineRas,
                    images.stream().mapToDouble(PeerView::min).min().orElseThrow(),
                    images.stream().mapToDouble(PeerView::max).max().orElseThrow(),
                    images.stream().mapToDouble(PeerView::sum).sum(), images.stream().mapToLong(PeerView::nans).sum());
        }

        private static double[] numbers(String field) {
            // Python writes nan, inf and -inf
            return Arrays.stream(field.split(" ")).map(v -> v.replace("nan", "NaN").replace("inf", "Infinity"))
                    .mapToDouble(Double::parseDouble).toArray();
        }
    }

    /** A file or folder with how it came out. */
    record Result(Path input, Outcome outcome, String detail) {
    }

    @Test
    void ourReadersAgreeWithPydicomAndNibabelOnTheirOwnTestFiles() throws Exception {
        assumeTrue(Files.isDirectory(PYDICOM) || Files.isDirectory(NIBABEL), "neither pydicom's nor nibabel's test files");
        String python = PythonOracle.interpreterWith("pydicom, nibabel, numpy");
        List<Path> files = new ArrayList<>();
        List<Path> sliceFolders = new ArrayList<>();
        for (Path root : List.of(PYDICOM, NIBABEL)) {
            if (Files.isDirectory(root)) {
                files.addAll(imageFiles(root));
                sliceFolders.addAll(foldersOfSlices(root));
            }
        }
        Map<Path, PeerView> peer = peerViews(python, files);

        List<Result> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "peer-corpus-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Path file : files) {
                results.add(judge(reader, file, peer.get(file), failures));
            }
            for (Path folder : sliceFolders) {
                List<PeerView> slices = files.stream().filter(f -> folder.equals(f.getParent())).map(peer::get).toList();
                results.add(judge(reader, folder, PeerView.ofSlices(slices), failures));
            }
        } finally {
            reader.shutdownNow();
        }
        print(results);
        assertThat(failures).as("stack traces, hangs or multi-line messages").isEmpty();
        assertThat(results).filteredOn(r -> r.outcome() == Outcome.DISAGREE).as("disagreements").isEmpty();
        assertThat(results).filteredOn(r -> r.outcome() == Outcome.AGREE).as("files both read").hasSizeGreaterThan(10);
    }

    private static Result judge(ExecutorService reader, Path input, PeerView peer, List<String> failures) {
        Future<MedicalImage> reading = reader.submit(() -> ImageFiles.read(input));
        MedicalImage ours;
        try {
            ours = reading.get(SECONDS_PER_FILE, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            reading.cancel(true);
            failures.add(input + ": still reading after " + SECONDS_PER_FILE + " s");
            return new Result(input, Outcome.WE_REFUSE, "hang");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String message = String.valueOf(cause.getMessage());
            if (!(cause instanceof InputException)) {
                failures.add(input + ": " + cause);
            } else if (message.contains("\n") || !message.startsWith(input.toString())) {
                failures.add(input + ": not one line naming the file: " + message);
            }
            String reason = message.startsWith(input + ": ") ? message.substring(input.toString().length() + 2) : message;
            return new Result(input, peer.ok() ? Outcome.WE_REFUSE : Outcome.BOTH_REFUSE, reason);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (!peer.ok()) {
            return new Result(input, Outcome.ONLY_WE_READ, "peer: " + peer.error());
        }
        List<String> differences = differences(ours.volume(), peer, Files.isDirectory(input));
        return differences.isEmpty() ? new Result(input, Outcome.AGREE, "")
                : new Result(input, Outcome.DISAGREE, String.join("; ", differences));
    }

    static List<String> differences(Volume ours, PeerView peer, boolean folder) {
        List<String> differences = new ArrayList<>();
        Geometry g = ours.geometry();
        if (!Arrays.equals(g.sizes(), peer.size())) {
            differences.add("size " + Arrays.toString(g.sizes()) + " vs " + Arrays.toString(peer.size()));
            return differences;
        }
        if (peer.affineRas() != null) {
            double[] affine = g.affineRas();
            // a single slice has no slice axis the peer knows; in a folder the peer's translation is one slice's
            boolean sliceAxis = peer.rank() > 2 && !folder;
            for (int row = 0; row < 3; row++) {
                for (int col = 0; col < 4; col++) {
                    if ((col == 2 && !sliceAxis) || (col == 3 && folder)) {
                        continue;
                    }
                    int q = 4 * row + col;
                    if (Math.abs(affine[q] - peer.affineRas()[q]) > AFFINE_TOLERANCE_MM) {
                        differences.add("affine[" + row + "][" + col + "] " + affine[q] + " vs " + peer.affineRas()[q]);
                    }
                }
            }
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        double magnitude = 0;
        long nans = 0;
        for (float v : ours.voxels()) {
            if (Float.isNaN(v)) {
                nans++;
                continue;
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
            magnitude += Math.abs(v);
        }
        if (nans != peer.nans()) {
            differences.add(nans + " NaN voxels vs " + peer.nans());
        }
        if (Math.abs(min - peer.min()) > 1e-4 * Math.max(1, Math.abs(peer.min()))) {
            differences.add("min " + min + " vs " + peer.min());
        }
        if (Math.abs(max - peer.max()) > 1e-4 * Math.max(1, Math.abs(peer.max()))) {
            differences.add("max " + max + " vs " + peer.max());
        }
        if (Math.abs(sum - peer.sum()) > 1e-5 * Math.max(1, magnitude)) {
            differences.add("sum " + sum + " vs " + peer.sum());
        }
        return differences;
    }

    private static List<Path> imageFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(PeerCorporaTest::mayBeImage).sorted().toList();
        }
    }

    private static boolean mayBeImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return NOT_IMAGES.stream().noneMatch(name::endsWith) && !name.startsWith("readme")
                && !file.toString().contains("__pycache__");
    }

    /** Folders holding several DICOM slices (pydicom's dicomdirtests): read as one series each. */
    private static List<Path> foldersOfSlices(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isDirectory).filter(d -> !d.equals(root)).filter(PeerCorporaTest::holdsOnlyFiles)
                    .filter(d -> !d.toString().contains("__pycache__")).sorted().toList();
        }
    }

    private static boolean holdsOnlyFiles(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            List<Path> list = entries.toList();
            return list.size() > 1 && list.stream().allMatch(Files::isRegularFile);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the peer script once over all files, the paths on its standard input. */
    private static Map<Path, PeerView> peerViews(String python, List<Path> files) throws IOException, InterruptedException {
        String script;
        try (InputStream in = PeerCorporaTest.class.getResourceAsStream("peer_corpus.py")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path scriptFile = Files.createTempFile("peer_corpus", ".py");
        try {
            Files.writeString(scriptFile, script);
            Process p = new ProcessBuilder(python, scriptFile.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (OutputStream stdin = p.getOutputStream()) {
                stdin.write(files.stream().map(Path::toString).collect(Collectors.joining("\n", "", "\n"))
                        .getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("peer script finished").isTrue();
            assertThat(p.exitValue()).as("peer script exit code").isZero();
            Map<Path, PeerView> views = new LinkedHashMap<>();
            for (String line : out.split("\n")) {
                if (!line.isEmpty()) {
                    String[] fields = line.split("\t");
                    views.put(Path.of(fields[0]), PeerView.parse(fields));
                }
            }
            assertThat(views.keySet()).as("the peer described every file").containsAll(files);
            return views;
        } finally {
            Files.deleteIfExists(scriptFile);
        }
    }

    private static void print(List<Result> results) {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            counts.put(o, results.stream().filter(r -> r.outcome() == o).count());
        }
        StringBuilder table = new StringBuilder("\nPeer corpora: " + results.size() + " inputs\n");
        counts.forEach((o, n) -> table.append(String.format("  %-50s %4d%n", o.label, n)));
        for (Outcome o : List.of(Outcome.WE_REFUSE, Outcome.BOTH_REFUSE, Outcome.ONLY_WE_READ, Outcome.DISAGREE)) {
            Map<String, List<String>> byReason = new TreeMap<>();
            results.stream().filter(r -> r.outcome() == o).forEach(r -> byReason
                    .computeIfAbsent(r.detail(), k -> new ArrayList<>()).add(r.input().getFileName().toString()));
            if (!byReason.isEmpty()) {
                table.append(o.label).append(":\n");
                byReason.forEach((reason, names) -> table.append(String.format("  %3d  %s  [%s]%n", names.size(), reason,
                        String.join(", ", names))));
            }
        }
        System.out.println(table);
    }
}
