package org.organdose.segment.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;
import org.organdose.image.Volume;
import org.organdose.segment.SegmentationException;
import org.organdose.segment.data.LabelledCase;
import org.organdose.segment.data.SyntheticCases;
import org.organdose.segment.data.TrainingCase;
import org.organdose.segment.eval.Evaluator;
import org.organdose.segment.eval.OrganMetrics;
import org.organdose.segment.infer.SegmentationRunner;
import org.organdose.segment.net.ModelSpec;

/** Self-training labels from the shipped model (skipped without it). */
class TeacherLabelsTest {
    private static final Path SHIPPED = Path.of("..", "models", SegmentationRunner.DEFAULT_MODEL);

    @TempDir
    Path dir;

    private static void assumeShippedModel() {
        assumeTrue(Files.isRegularFile(SHIPPED.resolve(ModelSpec.FILE_NAME)), "no shipped model at " + SHIPPED);
    }

    /** The digital patient {@code full} labelling its liver only. */
    private static LabelledCase liverOnly(LabelledCase full) {
        LabelMap liver = full.labels().copy();
        byte[] v = liver.labels();
        for (int i = 0; i < v.length; i++) {
            if (v[i] != Organ.LIVER.label()) {
                v[i] = 0;
            }
        }
        return new LabelledCase("patient-99", full.ct(), liver, Set.of(Organ.LIVER), 1.0);
    }

    /** A held-out case: its content does not matter, the teacher is refused before reading it. */
    private static LabelledCase heldOut(String id) {
        Geometry g = Geometry.axisAligned(4, 4, 4, new double[] {2, 2, 2}, new double[3]);
        return new LabelledCase(id, new Volume(g), new LabelMap(g), Set.of(Organ.LIVER), 1.0);
    }

    /** A folder {@code name} holding the shipped model's model.json after {@code edit}. */
    private Path shippedModelJsonEdited(String name, Consumer<ObjectNode> edit) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        ObjectMapper json = new ObjectMapper();
        ObjectNode spec = (ObjectNode) json.readTree(SHIPPED.resolve(ModelSpec.FILE_NAME).toFile());
        edit.accept(spec);
        json.writeValue(folder.resolve(ModelSpec.FILE_NAME).toFile(), spec);
        return folder;
    }

    @Test
    void theTeacherLabelsTheMissingOrgansAndLeavesTheCasesOwnLabelsAlone() throws Exception {
        assumeShippedModel();
        // a digital patient the shipped model never saw (its training used seed 42's)
        LabelledCase full = SyntheticCases.of(1, 1.0, 99).get(0).load();
        LabelledCase own = liverOnly(full);
        byte[] before = own.labels().labels().clone();
        TrainingRun.Split split = TeacherLabels.of(SHIPPED)
                .teach(new TrainingRun.Split(List.of(own), List.of(), null), TrainingListener.silent());

        TrainingCase taught = split.training().get(0);
        assertThat(taught.labelled()).containsExactlyInAnyOrder(Organ.values());
        assertThat(taught.note()).contains("kidney_right, kidney_left, spleen by teacher " + SHIPPED.getFileName());
        assertThat(own.labels().labels()).as("the case's own label map is not modified").isEqualTo(before);
        byte[] after = taught.load().labels().labels();
        for (int i = 0; i < before.length; i++) {
            if (before[i] != 0) {
                assertThat(after[i]).as("voxel %d keeps its own label", i).isEqualTo(before[i]);
            }
        }
        // the teacher's organs against the digital patient's true ones (which the teacher never saw)
        Map<Organ, OrganMetrics> m = Evaluator.evaluate(taught.load().labels(), full.labels(), full.labelled());
        m.values().forEach(System.out::println);
        assertThat(m.get(Organ.LIVER).dice()).as("liver is the case's own").isEqualTo(1.0);
        for (Organ o : List.of(Organ.KIDNEY_RIGHT, Organ.KIDNEY_LEFT, Organ.SPLEEN)) {
            assertThat(m.get(o).dice()).as(o.key()).isGreaterThan(0.75);
        }
        assertThat(split.teacher()).containsEntry("model", SHIPPED.toString());
        assertThat(split.teacher().get("trainedBy")).asList().singleElement().asString().startsWith("organdose train");
        assertThat(split.teacher().get("trainedOn")).asList().contains("totalseg-s0009", "synthetic-00");
    }

    @Test
    void aTeacherTrainedOnAHeldOutCaseIsRefused() throws Exception {
        assumeShippedModel();
        LabelledCase held = heldOut("totalseg-s0009");
        TeacherLabels teacher = TeacherLabels.of(SHIPPED);
        assertThatThrownBy(() -> teacher.teach(new TrainingRun.Split(List.of(), List.of(held), null), TrainingListener.silent()))
                .isInstanceOf(SegmentationException.class)
                .hasMessageContaining(SHIPPED.resolve(ModelSpec.FILE_NAME).toString())
                .hasMessageContaining("trained on totalseg-s0009");
    }

    @Test
    void whatTheTeachersOwnTeacherSawCountsAsSeen() throws Exception {
        assumeShippedModel();
        Path student = shippedModelJsonEdited("student", spec -> ((ObjectNode) spec.get("training"))
                .putObject(TeacherLabels.SETTINGS_KEY).putArray("trainedOn").add("case-of-the-teachers-teacher"));
        LabelledCase held = heldOut("case-of-the-teachers-teacher");
        assertThatThrownBy(() -> TeacherLabels.of(student).teach(new TrainingRun.Split(List.of(), List.of(held), null),
                TrainingListener.silent())).hasMessageContaining("trained on case-of-the-teachers-teacher");
    }

    @Test
    void aTeacherThatDoesNotSayWhatItWasTrainedOnIsRefused() throws Exception {
        assumeShippedModel();
        Path silent = shippedModelJsonEdited("silent", spec -> spec.remove("trainingData"));
        assertThatThrownBy(() -> TeacherLabels.of(silent)).isInstanceOf(SegmentationException.class)
                .hasMessageContaining(silent.resolve(ModelSpec.FILE_NAME).toString()).hasMessageContaining("trainingData");
    }
}
