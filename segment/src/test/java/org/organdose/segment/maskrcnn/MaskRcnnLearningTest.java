package org.organdose.segment.maskrcnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.index.NDIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.Geometry;
import org.organdose.image.Organ;
import org.organdose.image.Volume;
import org.organdose.segment.Mode;
import org.organdose.segment.Segmentation;
import org.organdose.segment.SegmentationException;
import org.organdose.segment.infer.SegmentationRunner;
import org.organdose.segment.net.ModelSpec;
import org.organdose.segment.net.NetworkClasses;
import org.organdose.segment.net.SegmentationNetwork;

/**
 * A tiny light Mask R-CNN (base width 4) learns eight synthetic abdominal slices; the trained
 * model then serves the inference tests: pasted detections, save and load, the segmenter on a
 * volume made of those slices, and the architecture dispatch from a model folder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaskRcnnLearningTest {
    private static final int SIZE = 64;
    private static final int SLICES = 8;
    private static final int BATCH = 4;
    private static final int STEPS = 250;
    private static final double SPACING_MM = 4;

    @TempDir
    static Path dir;
    private Path modelDir;
    private SyntheticSlices data;
    private MaskRcnnNetwork network;

    @BeforeAll
    void train() throws IOException {
        SegmentationNetwork.useOfflineEngine();
        data = new SyntheticSlices(SLICES, SIZE, 1, 5);
        ModelSpec spec = SyntheticSlices.tinySpec("tiny-maskrcnn", 4, 1);
        network = MaskRcnnNetwork.create(spec, 11);
        // few organs per slice: small samples keep the steps fast
        network.net().setSampling(new MaskRcnn.Sampling(new BalancedSampler(64, 0.5), new BalancedSampler(32, 0.25),
                Proposals.forTraining()), 11);
        try (MaskRcnnOptimiser opt = new MaskRcnnOptimiser(network, false, 1e-3)) {
            for (int step = 0; step < STEPS; step++) {
                int first = (step * BATCH) % SLICES;
                opt.step(data.inputs(first, BATCH), data.classes(first, BATCH), SyntheticSlices.allLabelled(BATCH),
                        BATCH, SIZE, SIZE);
            }
        }
        modelDir = dir.resolve("tiny-maskrcnn");
        spec.write(modelDir);
        network.saveWeights(modelDir.resolve(spec.weightsFile()));
    }

    @AfterAll
    void close() {
        network.close();
    }

    @Test
    void segmentsItsTrainingSlices() {
        byte[] predicted = network.predictClasses(data.inputs(0, SLICES), SLICES, SIZE, SIZE);
        for (int c = 1; c < NetworkClasses.COUNT; c++) {
            assertThat(SyntheticSlices.dice(predicted, data.classes, c)).as(NetworkClasses.NAMES.get(c)).isGreaterThan(0.8);
        }
    }

    @Test
    void aNetworkThatProposesNothingDetectsNothing() {
        try (MaskRcnnNetwork broken = MaskRcnnNetwork.create(SyntheticSlices.tinySpec("broken", 4, 1), 3)) {
            // NaN in the first convolution makes every objectness and box NaN, so no proposal survives
            broken.net().getParameters().get(0).getValue().getArray().set(new NDIndex("..."), Float.NaN);
            List<Detections> found = broken.detect(data.inputs(0, SLICES), SLICES, SIZE, SIZE);
            assertThat(found).hasSize(SLICES).allMatch(d -> d.count() == 0);
            assertThat(broken.predictClasses(data.inputs(0, SLICES), SLICES, SIZE, SIZE)).containsOnly((byte) 0);
        }
    }

    @Test
    void savedAndLoadedWeightsGiveIdenticalDetections() throws SegmentationException {
        try (MaskRcnnNetwork loaded = MaskRcnnNetwork.load(modelDir)) {
            List<Detections> a = network.detect(data.inputs(0, SLICES), SLICES, SIZE, SIZE);
            List<Detections> b = loaded.detect(data.inputs(0, SLICES), SLICES, SIZE, SIZE);
            assertThat(a.stream().mapToInt(Detections::count).sum()).isGreaterThanOrEqualTo(4 * SLICES);
            for (int s = 0; s < SLICES; s++) {
                assertThat(b.get(s).boxes()).containsExactly(a.get(s).boxes());
                assertThat(b.get(s).scores()).containsExactly(a.get(s).scores());
                assertThat(b.get(s).classes()).containsExactly(a.get(s).classes());
                assertThat(b.get(s).masks()).isDeepEqualTo(a.get(s).masks());
            }
        }
    }

    @Test
    void theModelsScoreThresholdDecidesWhichDetectionsStay(@TempDir Path other) throws Exception {
        ModelSpec spec = ModelSpec.read(modelDir);
        assertThat(network.scoreThreshold()).isEqualTo(MaskRcnn.SCORE_THRESHOLD);
        List<Detections> paper = network.detect(data.inputs(0, SLICES), SLICES, SIZE, SIZE);
        double lowest = paper.stream().flatMapToDouble(d -> IntStream.range(0, d.count()).mapToDouble(i -> d.scores()[i]))
                .min().orElseThrow();
        assertThat(lowest).isGreaterThanOrEqualTo(MaskRcnn.SCORE_THRESHOLD);

        Files.copy(modelDir.resolve(spec.weightsFile()), other.resolve(spec.weightsFile()));
        // above every possible probability: nothing may stay
        spec.withTraining(List.of(), Map.of(MaskRcnnNetwork.SCORE_THRESHOLD_KEY, 1.0 + 1e-6)).write(other);
        try (MaskRcnnNetwork loaded = MaskRcnnNetwork.load(other)) {
            assertThat(loaded.detect(data.inputs(0, SLICES), SLICES, SIZE, SIZE)).allMatch(d -> d.count() == 0);
        }
        // a lower threshold keeps the paper's detections and may add less certain ones
        spec.withTraining(List.of(), Map.of(MaskRcnnNetwork.SCORE_THRESHOLD_KEY, 0.5)).write(other);
        try (MaskRcnnNetwork loaded = MaskRcnnNetwork.load(other)) {
            List<Detections> lenient = loaded.detect(data.inputs(0, SLICES), SLICES, SIZE, SIZE);
            assertThat(lenient.stream().mapToInt(Detections::count).sum())
                    .isGreaterThanOrEqualTo(paper.stream().mapToInt(Detections::count).sum());
        }
    }

    /** The slices as a CT in HU (inverting the model's window), slice s at k = s, axis-aligned. */
    private Volume volume() {
        Geometry g = Geometry.axisAligned(SIZE, SIZE, SLICES, new double[] {SPACING_MM, SPACING_MM, SPACING_MM},
                new double[] {-130, -140, 20});
        Volume ct = new Volume(g);
        float[] v = ct.voxels();
        for (int p = 0; p < v.length; p++) {
            float x = data.inputs[p];
            v[p] = x <= 0 ? -1000 : -100 + 300 * x;
        }
        return ct;
    }

    @Test
    void segmentsAVolumeOnItsOwnGridAndCountsMissedSlices() throws SegmentationException {
        Volume ct = volume();
        float[] before = ct.voxels().clone();
        MaskRcnnSegmenter.Result axial = new MaskRcnnSegmenter(network, Mode.AXIAL).segmentCounting(ct);
        Segmentation s = axial.segmentation();
        assertThat(s.labels().geometry().sameGrid(ct.geometry(), 1e-9)).isTrue();
        assertThat(ct.voxels()).containsExactly(before);
        byte[] classes = new byte[s.labels().labels().length];
        for (int p = 0; p < classes.length; p++) {
            classes[p] = NetworkClasses.ofLabel(s.labels().labels()[p]);
        }
        for (int c = 1; c < NetworkClasses.COUNT; c++) {
            assertThat(SyntheticSlices.dice(classes, data.classes, c)).as(NetworkClasses.NAMES.get(c)).isGreaterThan(0.8);
        }
        assertThat(s.labels().count(Organ.KIDNEY_RIGHT.label())).isPositive();
        assertThat(s.labels().count(Organ.KIDNEY_LEFT.label())).isPositive();
        for (Map.Entry<Organ, MaskRcnnSegmenter.SliceCount> e : axial.missedSlices().entrySet()) {
            assertThat(e.getValue().extent()).as(e.getKey().key()).isEqualTo(SLICES);
            assertThat(e.getValue().missed()).as(e.getKey().key()).isZero();
        }

        Segmentation consensus = new MaskRcnnSegmenter(network, Mode.CONSENSUS).segment(ct);
        assertThat(consensus.labels().geometry().sameGrid(ct.geometry(), 1e-9)).isTrue();
    }

    @Test
    void aMissedSliceInsideTheExtentIsCounted() {
        Geometry g = Geometry.axisAligned(4, 4, 5, new double[] {1, 1, 1}, new double[] {0, 0, 0});
        org.organdose.image.LabelMap organs = new org.organdose.image.LabelMap(g);
        byte[] axial = new byte[4 * 4 * 5];
        for (int k = 1; k <= 3; k++) {
            organs.set(1, 1, k, Organ.SPLEEN.label());
            if (k != 2) {
                axial[g.offset(1, 1, k)] = NetworkClasses.SPLEEN;
            }
        }
        axial[g.offset(3, 3, 2)] = NetworkClasses.SPLEEN; // a detection of the class elsewhere does not count
        Map<Organ, MaskRcnnSegmenter.SliceCount> missed = MaskRcnnSegmenter.missedSlices(organs, axial);
        assertThat(missed.get(Organ.SPLEEN)).isEqualTo(new MaskRcnnSegmenter.SliceCount(1, 3));
        assertThat(missed.get(Organ.LIVER)).isEqualTo(new MaskRcnnSegmenter.SliceCount(0, 0));
    }

    @Test
    void aModelFolderIsSegmentedByTheArchitectureItsModelJsonNames() throws SegmentationException {
        Volume ct = volume();
        Segmentation viaFolder = SegmentationRunner.segment(ct, Mode.AXIAL, modelDir);
        Segmentation direct = new MaskRcnnSegmenter(network, Mode.AXIAL).segment(ct);
        assertThat(viaFolder.labels().labels()).containsExactly(direct.labels().labels());
        assertThat(ModelSpec.read(modelDir).architecture()).isEqualTo(ModelSpec.MASKRCNN);
        assertThatThrownBy(() -> SegmentationNetwork.load(modelDir))
                .isInstanceOf(SegmentationException.class).hasMessageContaining("not a U-Net");
    }
}
