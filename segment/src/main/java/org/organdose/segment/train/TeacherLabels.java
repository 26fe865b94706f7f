package org.organdose.segment.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;
import org.organdose.segment.Mode;
import org.organdose.segment.Segmentation;
import org.organdose.segment.SegmentationException;
import org.organdose.segment.Segmenter;
import org.organdose.segment.data.LabelledCase;
import org.organdose.segment.data.TrainingCase;
import org.organdose.segment.infer.SegmentationRunner;
import org.organdose.segment.net.EnsembleSpec;
import org.organdose.segment.net.ModelSpec;
import org.organdose.segment.preprocess.WorkingGrid;

/**
 * Labels from a trained model (the teacher) for the organs a training case leaves unlabelled:
 * self-training. Why: ircad-1.17 labels only its liver, yet shows two contrast-enhanced kidneys and
 * a spleen; with the teacher's consensus segmentation of them, a second real CT with enhanced
 * kidneys joins the training cases. The case's own labels always win: the teacher fills only organs
 * the case does not label, only in voxels the case calls background, and only organs it finds.
 * A teacher that was trained on a held-out case, directly or through its own teacher, is refused:
 * its labels would carry that case's reference into training and make the held-out score optimistic.
 */
final class TeacherLabels {
    static final String SETTINGS_KEY = "teacher";
    private static final String TRAINED_ON = "trainedOn";

    private final Path modelDir;
    private final List<String> commands;
    private final Set<String> trainedOn;

    private TeacherLabels(Path modelDir, List<String> commands, Set<String> trainedOn) {
        this.modelDir = modelDir;
        this.commands = commands;
        this.trainedOn = trainedOn;
    }

    /** Reads the teacher's model.json (each member's, for an ensemble) to learn which cases it was trained on. */
    static TeacherLabels of(Path modelDir) throws SegmentationException {
        List<Path> networks = new ArrayList<>();
        if (EnsembleSpec.isEnsemble(modelDir)) {
            for (String member : EnsembleSpec.read(modelDir).members()) {
                networks.add(modelDir.resolve(member));
            }
        } else {
            networks.add(modelDir);
        }
        Set<String> seen = new TreeSet<>();
        List<String> commands = new ArrayList<>();
        for (Path network : networks) {
            ModelSpec spec = ModelSpec.read(network);
            if (spec.training() != null && spec.training().get("command") instanceof String command) {
                commands.add(command);
            }
            if (spec.trainingData() == null) {
                throw new SegmentationException(network.resolve(ModelSpec.FILE_NAME)
                        + ": says nothing of the cases it was trained on; a teacher must (model.json \"trainingData\")");
            }
            spec.trainingData().forEach(c -> seen.add(String.valueOf(c.get("case"))));
            if (spec.training() != null && spec.training().get(SETTINGS_KEY) instanceof Map<?, ?> teacher
                    && teacher.get(TRAINED_ON) instanceof List<?> earlier) {
                earlier.forEach(id -> seen.add(String.valueOf(id)));
            }
        }
        return new TeacherLabels(modelDir, List.copyOf(commands), seen);
    }

    /**
     * The split with the teacher's labels added to every training case that lacks an organ.
     *
     * @throws SegmentationException if the teacher was trained on a held-out case
     */
    TrainingRun.Split teach(TrainingRun.Split split, TrainingListener listener) throws SegmentationException {
        for (TrainingCase held : split.validation()) {
            if (trainedOn.contains(held.id())) {
                throw new SegmentationException(modelDir.resolve(ModelSpec.FILE_NAME) + ": the teacher was trained on "
                        + held.id() + ", which this run holds out; use a teacher trained without it");
            }
        }
        List<TrainingCase> training = new ArrayList<>(split.training());
        if (training.stream().allMatch(TeacherLabels::labelsEveryOrgan)) {
            return new TrainingRun.Split(training, split.validation(), record());
        }
        // the network is loaded once for all the cases it labels
        try (SegmentationRunner.LoadedModel teacher = SegmentationRunner.load(modelDir)) {
            Segmenter segmenter = teacher.segmenter(Mode.CONSENSUS);
            for (int i = 0; i < training.size(); i++) {
                if (!labelsEveryOrgan(training.get(i))) {
                    training.set(i, taught(training.get(i), segmenter, listener));
                }
            }
        }
        return new TrainingRun.Split(training, split.validation(), record());
    }

    private static boolean labelsEveryOrgan(TrainingCase c) {
        return c.labelled().containsAll(EnumSet.allOf(Organ.class));
    }

    /**
     * What model.json records: the teacher, the command(s) that trained it (the folder may later hold
     * another model) and every case whose labels reached it.
     */
    private Map<String, Object> record() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", modelDir.toString());
        m.put("trainedBy", commands);
        m.put("mode", Mode.CONSENSUS.name());
        m.put(TRAINED_ON, List.copyOf(trainedOn));
        return m;
    }

    private TrainingCase taught(TrainingCase source, Segmenter segmenter, TrainingListener listener) throws SegmentationException {
        long start = System.nanoTime();
        LabelledCase own;
        try {
            own = source.load();
        } catch (IOException e) {
            throw new SegmentationException("cannot read training case " + source.id() + ": " + e.getMessage(), e);
        }
        Segmentation s = segmenter.segment(own.ct());
        LabelMap teacher = WorkingGrid.labelsOnto(s.labels(), own.labels().geometry());
        LabelMap labels = own.labels().copy();
        Set<Organ> filled = EnumSet.noneOf(Organ.class);
        for (Organ organ : Organ.values()) {
            if (!own.labelled().contains(organ) && fill(labels, teacher, organ) > 0) {
                filled.add(organ);
            }
        }
        Set<Organ> labelled = EnumSet.copyOf(own.labelled());
        labelled.addAll(filled);
        List<String> names = filled.stream().map(Organ::key).toList();
        listener.message(String.format(Locale.ROOT, "teacher %s labelled %s of %s (%.1f s)", modelDir.getFileName(),
                names, source.id(), (System.nanoTime() - start) / 1e9));
        return new Taught(new LabelledCase(own.id(), own.ct(), labels, labelled, own.weight()),
                source.note() + "; " + String.join(", ", names) + " by teacher " + modelDir.getFileName());
    }

    /** Writes the teacher's {@code organ} into the case's background voxels; returns how many it wrote. */
    private static int fill(LabelMap labels, LabelMap teacher, Organ organ) {
        byte[] own = labels.labels();
        byte[] theirs = teacher.labels();
        int written = 0;
        for (int i = 0; i < own.length; i++) {
            if (theirs[i] == organ.label() && own[i] == 0) {
                own[i] = (byte) organ.label();
                written++;
            }
        }
        return written;
    }

    /** A case whose labels the teacher completed, held in memory, with where its labels came from. */
    private record Taught(LabelledCase taught, String note) implements TrainingCase {
        @Override
        public String id() {
            return taught.id();
        }

        @Override
        public Set<Organ> labelled() {
            return taught.labelled();
        }

        @Override
        public double weight() {
            return taught.weight();
        }

        @Override
        public LabelledCase load() {
            return taught;
        }
    }
}
