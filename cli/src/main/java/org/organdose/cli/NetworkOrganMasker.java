package org.organdose.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.organdose.dosimetry.DosimetryInputException;
import org.organdose.dosimetry.MaskSource;
import org.organdose.dosimetry.OrganMasker;
import org.organdose.image.Volume;
import org.organdose.image.io.ImageFiles;
import org.organdose.segment.Mode;
import org.organdose.segment.Segmentation;
import org.organdose.segment.SegmentationException;
import org.organdose.segment.infer.OrgansJson;
import org.organdose.segment.infer.SegmentationRunner;

/**
 * The dosimetry's {@link OrganMasker} made of a segmentation model: the model is loaded once
 * (so that a missing or broken model folder is refused before any work), each CT is segmented,
 * and its labels and {@code organs.json} are written into a folder for the user to review.
 */
final class NetworkOrganMasker implements OrganMasker, AutoCloseable {
    static final String LABELS_SUFFIX = "_labels.nii.gz";
    static final String ORGANS_SUFFIX = "_organs.json";

    private final Path modelDir;
    private final Mode mode;
    private final Path labelsDir;
    private final String version;
    private final SegmentationRunner.LoadedModel model;

    /**
     * @param labelsDir where each segmentation's labels and organs.json go (created when needed)
     */
    NetworkOrganMasker(Path modelDir, Mode mode, Path labelsDir) throws SegmentationException {
        this.modelDir = modelDir;
        this.mode = mode;
        this.labelsDir = labelsDir;
        this.model = SegmentationRunner.load(modelDir);
        this.version = weightsDigest(modelDir);
    }

    @Override
    public Masks mask(Volume ct, String name) throws DosimetryInputException {
        long start = System.nanoTime();
        Segmentation s;
        try {
            s = model.segmenter(mode).segment(ct);
        } catch (SegmentationException e) {
            throw new DosimetryInputException(name + ": segmentation failed: " + e.getMessage(), e);
        }
        // "timepoints[2].ct" becomes timepoints_2_ct: no brackets for shells to expand
        String fileName = name.replaceAll("[^A-Za-z0-9_-]+", "_").replaceAll("_+$", "");
        Path labels = labelsDir.resolve(fileName + LABELS_SUFFIX);
        try {
            Files.createDirectories(labelsDir);
            ImageFiles.writeLabels(s.labels(), labels);
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("ct", name);
            settings.put("mode", mode.name());
            settings.put("model", modelDir.toString());
            settings.put("model_version", version);
            settings.put("seconds", (System.nanoTime() - start) / 1e9);
            OrgansJson.write(s, settings, labelsDir.resolve(fileName + ORGANS_SUFFIX));
        } catch (IOException e) {
            throw new DosimetryInputException(labels + ": cannot write the segmentation: " + e.getMessage(), e);
        }
        List<String> warnings = s.allWarnings();
        return new Masks(s.labels(), MaskSource.model(modelDir.getFileName().toString(), mode.name(), version, labels),
                warnings);
    }

    @Override
    public void close() {
        model.close();
    }

    /**
     * What identifies the model: the SHA-256 of its weight files (an ensemble's members included),
     * first 12 hex digits; two folders with the same weights segment alike.
     */
    private static String weightsDigest(Path modelDir) throws SegmentationException {
        try (Stream<Path> files = Files.walk(modelDir)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".params")).sorted().toList()) {
                try (InputStream in = new DigestInputStream(Files.newInputStream(f), sha)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new SegmentationException(modelDir + ": cannot read the model's weights: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
