package org.organdose.segment.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.Geometry;
import org.organdose.image.Plane;
import org.organdose.image.Volume;
import org.organdose.segment.Mode;
import org.organdose.segment.Phantom;
import org.organdose.segment.Segmentation;
import org.organdose.segment.SegmentationException;
import org.organdose.segment.infer.SegmentationRunner;
import org.organdose.segment.infer.SliceSegmenter;
import org.organdose.segment.train.CrossValidation;

/** Ensembles: the average of the members' probabilities, built from model folders, refused when members disagree. */
class EnsembleNetworkTest {
    private static final int H = 16;
    private static final int W = 32;
    private static final int PIXELS = H * W;

    @TempDir
    Path dir;

    @Test
    void probabilitiesAreASoftmaxWhoseMostProbableClassIsTheNetworksClass() {
        try (SegmentationNetwork net = SegmentationNetwork.create(spec("a", 3), 5)) {
            float[] stacks = randomStacks(2, 7);
            float[] p = net.predictProbabilities(stacks, 2, H, W);
            assertThat(p).hasSize(2 * NetworkClasses.COUNT * PIXELS);
            for (int s = 0; s < 2; s++) {
                for (int i = 0; i < PIXELS; i++) {
                    double sum = 0;
                    for (int c = 0; c < NetworkClasses.COUNT; c++) {
                        float v = p[at(s, c, i)];
                        assertThat(v).isBetween(0f, 1f);
                        sum += v;
                    }
                    assertThat(sum).isCloseTo(1.0, offset(1e-5));
                }
            }
            assertThat(EnsembleNetwork.mostProbable(p, 2, NetworkClasses.COUNT, PIXELS))
                    .isEqualTo(net.predictClasses(stacks, 2, H, W));
        }
    }

    @Test
    void anEnsembleTakesTheMostProbableClassOfTheMembersMeanProbability() throws Exception {
        Path a = saveModel("seed-a", 3, 11);
        Path b = saveModel("seed-b", 3, 12);
        Path ensembleDir = dir.resolve("ensemble");
        EnsembleSpec spec = EnsembleSpec.assemble(List.of(a, b), ensembleDir);
        assertThat(spec.members()).containsExactly("seed-a", "seed-b");
        assertThat(ensembleDir.resolve("seed-a/training.log")).hasContent("trained in a test");
        assertThat(ensembleDir.resolve("seed-b/weights.params")).hasSameBinaryContentAs(b.resolve("weights.params"));
        float[] stacks = randomStacks(3, 8);
        try (SegmentationNetwork na = SegmentationNetwork.load(a); SegmentationNetwork nb = SegmentationNetwork.load(b);
                EnsembleNetwork ensemble = EnsembleNetwork.load(ensembleDir)) {
            float[] pa = na.predictProbabilities(stacks, 3, H, W);
            float[] pb = nb.predictProbabilities(stacks, 3, H, W);
            byte[] expected = new byte[3 * PIXELS];
            for (int s = 0; s < 3; s++) {
                for (int i = 0; i < PIXELS; i++) {
                    double best = -1;
                    for (int c = 0; c < NetworkClasses.COUNT; c++) {
                        double mean = (pa[at(s, c, i)] + pb[at(s, c, i)]) / 2.0;
                        if (mean > best) {
                            best = mean;
                            expected[s * PIXELS + i] = (byte) c;
                        }
                    }
                }
            }
            byte[] ca = na.predictClasses(stacks, 3, H, W);
            byte[] cb = nb.predictClasses(stacks, 3, H, W);
            int disagreements = 0;
            for (int i = 0; i < ca.length; i++) {
                disagreements += ca[i] != cb[i] ? 1 : 0;
            }
            assertThat(disagreements).as("two seeds must disagree somewhere, or the test shows nothing").isPositive();
            assertThat(ensemble.predictClasses(stacks, 3, H, W)).isEqualTo(expected);
            assertThat(ensemble.spec().name()).isEqualTo("ensemble");
            assertThat(ensemble.size()).isEqualTo(2);
        }
    }

    @Test
    void anEnsembleOfOneSegmentsExactlyAsItsMember() throws Exception {
        Path a = saveModel("only", 3, 21);
        Path ensembleDir = dir.resolve("one");
        EnsembleSpec.assemble(List.of(a), ensembleDir);
        Geometry grid = Geometry.axisAligned(40, 36, 9, new double[] {4, 4, 5}, new double[] {-80, -70, -20});
        Volume ct = Phantom.ct(grid, 5, 4);
        Segmentation viaEnsemble = SegmentationRunner.segment(ct, Mode.CONSENSUS, ensembleDir);
        try (SegmentationNetwork member = SegmentationNetwork.load(a)) {
            Segmentation direct = new SliceSegmenter(member, Mode.CONSENSUS).segment(ct);
            assertThat(viaEnsemble.labels().labels()).isEqualTo(direct.labels().labels());
        }
    }

    @Test
    void membersThatSeeTheCtDifferentlyAreRefusedAndNothingIsLeft() throws Exception {
        Path a = saveModel("three", 3, 1);
        Path b = saveModel("five", 5, 2);
        Path out = dir.resolve("mixed");
        assertThatThrownBy(() -> EnsembleSpec.assemble(List.of(a, b), out))
                .isInstanceOf(SegmentationException.class)
                .hasMessageContaining("five")
                .hasMessageContaining("stack size 5");
        assertThat(out).doesNotExist();
        assertThat(dir.resolve("mixed.partial")).doesNotExist();
    }

    @Test
    void aFolderInUseOrAnEnsembleWhereOneNetworkIsNeededIsAClearError() throws Exception {
        Path a = saveModel("a", 3, 1);
        Path used = Files.createDirectories(dir.resolve("used"));
        Files.writeString(used.resolve("notes.txt"), "keep me");
        assertThatThrownBy(() -> EnsembleSpec.assemble(List.of(a), used))
                .hasMessageContaining("already exists and is not empty");
        assertThat(used.resolve("notes.txt")).hasContent("keep me");

        Path ensembleDir = dir.resolve("e");
        EnsembleSpec.assemble(List.of(a, a), ensembleDir);
        assertThat(EnsembleSpec.read(ensembleDir).members()).containsExactly("a", "a-2");
        assertThatThrownBy(() -> SegmentationNetwork.load(ensembleDir))
                .hasMessageContaining("an ensemble of models, not one network");

        Files.writeString(ensembleDir.resolve("model.json"),
                "{\"name\":\"e\",\"architecture\":\"ensemble\",\"members\":[\"../a\"]}");
        assertThatThrownBy(() -> EnsembleNetwork.load(ensembleDir))
                .hasMessageContaining("member '../a' is not a folder inside");
    }

    @Test
    void measuredAccuracyIsKeptInTheEnsemblesModelJson() throws Exception {
        Path ensembleDir = dir.resolve("rec");
        EnsembleSpec.assemble(List.of(saveModel("a", 3, 1)), ensembleDir);
        EnsembleSpec.read(ensembleDir).withAccuracy(Map.of("trainingNote", "kept")).write(ensembleDir);
        CrossValidation.recordInModel(ensembleDir, List.of());
        EnsembleSpec reread = EnsembleSpec.read(ensembleDir);
        assertThat(reread.accuracy()).containsEntry("trainingNote", "kept").containsEntry("heldOut", List.of());
        assertThat(reread.members()).containsExactly("a");
        assertThat(reread.combination()).isEqualTo(EnsembleSpec.MEAN_OF_PROBABILITIES);
        assertThat(EnsembleSpec.isEnsemble(ensembleDir)).isTrue();
        assertThat(EnsembleSpec.isEnsemble(ensembleDir.resolve("a"))).isFalse();
    }

    private static int at(int stack, int cls, int pixel) {
        return (stack * NetworkClasses.COUNT + cls) * PIXELS + pixel;
    }

    private static ModelSpec spec(String name, int slices) {
        return new ModelSpec(name, ModelSpec.UNET, 4, 2, 8, new double[] {-100, 200}, slices, List.of(Plane.values()),
                NetworkClasses.NAMES, "weights.params", null, null, null);
    }

    /** A model folder as {@code train} leaves it: model.json, weights and a training log. */
    private Path saveModel(String name, int slices, long seed) throws IOException {
        Path modelDir = Files.createDirectories(dir.resolve(name));
        ModelSpec spec = spec(name, slices);
        try (SegmentationNetwork net = SegmentationNetwork.create(spec, seed)) {
            net.saveWeights(modelDir.resolve(spec.weightsFile()));
        }
        spec.write(modelDir);
        Files.writeString(modelDir.resolve("training.log"), "trained in a test");
        return modelDir;
    }

    /** Three-slice stacks of random values in [0, 1]. */
    private static float[] randomStacks(int n, long seed) {
        Random rng = new Random(seed);
        float[] v = new float[n * 3 * PIXELS];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextFloat();
        }
        return v;
    }
}
