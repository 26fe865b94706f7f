package org.organdose.segment.net;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.organdose.segment.SegmentationException;

/**
 * The {@code model.json} of an ensemble: several trained pixel networks (U-Nets, semantic FPNs)
 * whose class probabilities are averaged pixel by pixel ({@link EnsembleNetwork}). Each member
 * is a complete model folder inside the ensemble's folder, kept exactly as {@code train} wrote it
 * (its own model.json with data, settings and seed, weights and training.log), so that every
 * member's provenance stays readable.
 *
 * @param name ensemble name (its folder name)
 * @param architecture always {@value #ARCHITECTURE}
 * @param members member folder names, inside the ensemble's folder
 * @param combination how the members' outputs are combined, in words
 * @param accuracy measured accuracy of the ensemble, as in {@link ModelSpec#accuracy()}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnsembleSpec(String name, String architecture, List<String> members, String combination,
        Map<String, Object> accuracy) {

    public static final String ARCHITECTURE = "ensemble";
    public static final String MEAN_OF_PROBABILITIES = "mean of the members' softmax class probabilities, then the most probable class";
    private static final String TRAINING_LOG = "training.log";

    /** Whether the model folder {@code dir} holds an ensemble rather than a single network. */
    public static boolean isEnsemble(Path dir) throws SegmentationException {
        return ARCHITECTURE.equals(ModelSpec.readJson(dir, JsonNode.class).path("architecture").asText());
    }

    /** Reads {@code dir/model.json} and checks that it names member folders that exist. */
    public static EnsembleSpec read(Path dir) throws SegmentationException {
        Path file = dir.resolve(ModelSpec.FILE_NAME);
        EnsembleSpec spec = ModelSpec.readJson(dir, EnsembleSpec.class);
        if (!ARCHITECTURE.equals(spec.architecture()) || spec.members() == null || spec.members().isEmpty()) {
            throw new SegmentationException(file + ": not an ensemble with members");
        }
        for (String member : spec.members()) {
            if (!isPlainName(member) || !Files.isDirectory(dir.resolve(member))) {
                throw new SegmentationException(file + ": member '" + member + "' is not a folder inside " + dir);
            }
        }
        return spec;
    }

    /**
     * Builds an ensemble folder {@code out} from trained models: each model folder's model.json,
     * weights and training.log are copied into {@code out/<its folder name>} and the members are
     * checked to load and agree ({@link EnsembleNetwork#load}). It is built beside {@code out} and
     * renamed into place at the end, so a failed build leaves nothing behind.
     *
     * @param out a folder that does not exist yet (or is empty)
     */
    public static EnsembleSpec assemble(List<Path> models, Path out) throws SegmentationException, IOException {
        if (models.isEmpty()) {
            throw new SegmentationException("an ensemble needs at least one model folder");
        }
        if (Files.exists(out) && !isEmptyFolder(out)) {
            throw new SegmentationException(out + ": already exists and is not empty; choose a new folder");
        }
        Path target = out.toAbsolutePath().normalize();
        Path building = target.resolveSibling(target.getFileName() + ".partial");
        deleteTree(building);
        try {
            List<String> members = new ArrayList<>();
            Set<String> used = new HashSet<>();
            for (Path model : models) {
                String member = memberName(model, used);
                copyModel(model, building.resolve(member));
                members.add(member);
            }
            EnsembleSpec spec = new EnsembleSpec(target.getFileName().toString(), ARCHITECTURE, members,
                    MEAN_OF_PROBABILITIES, null);
            try (EnsembleNetwork check = EnsembleNetwork.of(building, spec)) {
                spec.write(building);
            }
            Files.deleteIfExists(target);
            Files.move(building, target, StandardCopyOption.ATOMIC_MOVE);
            return spec;
        } finally {
            deleteTree(building);
        }
    }

    /** Copies a trained model's description, weights and training log (not its checkpoints). */
    private static void copyModel(Path model, Path into) throws SegmentationException, IOException {
        ModelSpec spec = ModelSpec.read(model);
        Files.createDirectories(into);
        Files.copy(model.resolve(ModelSpec.FILE_NAME), into.resolve(ModelSpec.FILE_NAME));
        Path weights = model.resolve(spec.weightsFile());
        if (!Files.isRegularFile(weights)) {
            throw new SegmentationException(weights + ": the weights model.json names are missing");
        }
        Files.copy(weights, into.resolve(spec.weightsFile()));
        if (Files.isRegularFile(model.resolve(TRAINING_LOG))) {
            Files.copy(model.resolve(TRAINING_LOG), into.resolve(TRAINING_LOG));
        }
    }

    private static boolean isEmptyFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    public EnsembleSpec withAccuracy(Map<String, Object> measured) {
        return new EnsembleSpec(name, architecture, members, combination, measured);
    }

    /** Writes {@code dir/model.json} atomically. */
    public void write(Path dir) throws IOException {
        ModelSpec.writeJson(dir, this);
    }

    /** The model's folder name, made unique among the members with a numeric suffix. */
    private static String memberName(Path model, Set<String> used) {
        String base = model.toAbsolutePath().normalize().getFileName().toString();
        String name = base;
        for (int i = 2; !used.add(name); i++) {
            name = base + "-" + i;
        }
        return name;
    }

    private static boolean isPlainName(String member) {
        return !member.isEmpty() && !member.equals(".") && !member.equals("..") && !member.contains("/")
                && !member.contains("\\");
    }
}
