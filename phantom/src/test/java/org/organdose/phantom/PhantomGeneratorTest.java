package org.organdose.phantom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.organdose.image.Organ;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.LabelMap;
import org.organdose.image.io.ImageFiles;

class PhantomGeneratorTest {
    private static final long[] SEEDS = {1, 2, 3, 4, 5};
    private static final Map<Long, Phantom> PHANTOMS = new HashMap<>();

    @BeforeAll
    static void generate() {
        for (long seed : SEEDS) {
            PHANTOMS.put(seed, PhantomGenerator.generate(seed, PhantomOptions.small()));
        }
    }

    @Test
    void sameSeedGivesIdenticalVoxelsAndOtherSeedsDiffer() {
        Phantom again = PhantomGenerator.generate(3, PhantomOptions.small());
        Phantom first = PHANTOMS.get(3L);
        assertThat(again.ct().voxels()).isEqualTo(first.ct().voxels());
        assertThat(again.organs().labels()).isEqualTo(first.organs().labels());
        assertThat(again.tissues().labels()).isEqualTo(first.tissues().labels());
        assertThat(PHANTOMS.get(4L).organs().labels()).isNotEqualTo(first.organs().labels());
    }

    @Test
    void organVolumesAreInHumanRanges() {
        for (long seed : SEEDS) {
            Map<String, Double> v = PHANTOMS.get(seed).organVolumesMl();
            assertThat(v.get("liver")).as("liver mL, seed %d", seed).isBetween(1200.0, 2200.0);
            assertThat(v.get("kidney_right")).as("right kidney mL, seed %d", seed).isBetween(100.0, 250.0);
            assertThat(v.get("kidney_left")).as("left kidney mL, seed %d", seed).isBetween(100.0, 250.0);
            assertThat(v.get("spleen")).as("spleen mL, seed %d", seed).isBetween(100.0, 300.0);
        }
    }

    @Test
    void organsLieOnTheirAnatomicalSides() {
        for (long seed : SEEDS) {
            LabelMap organs = PHANTOMS.get(seed).organs();
            double[] liver = centroid(organs, Organ.LIVER.label());
            double[] right = centroid(organs, Organ.KIDNEY_RIGHT.label());
            double[] left = centroid(organs, Organ.KIDNEY_LEFT.label());
            double[] spleen = centroid(organs, Organ.SPLEEN.label());
            // LPS: +x is the patient's left, +y posterior, +z superior
            assertThat(liver[0]).as("liver on the right, seed %d", seed).isLessThan(-20);
            assertThat(right[0]).as("right kidney on the right").isLessThan(-30);
            assertThat(left[0]).as("left kidney on the left").isGreaterThan(30);
            assertThat(spleen[0]).as("spleen on the left").isGreaterThan(50);
            assertThat(right[2]).as("right kidney lower than left, seed %d", seed).isLessThan(left[2] - 5);
            assertThat(spleen[1]).as("spleen posterior to the liver centre").isGreaterThan(liver[1]);
            assertThat(liver[2]).as("liver above the kidneys").isGreaterThan(right[2]);
        }
    }

    @Test
    void organCtNumbersMatchTheirTissues() {
        Phantom p = PHANTOMS.get(1L);
        assertThat(p.ct().meanWhere(p.organs(), Organ.LIVER.label())).isBetween(50.0, 70.0);
        assertThat(p.ct().meanWhere(p.organs(), Organ.KIDNEY_RIGHT.label())).isBetween(20.0, 45.0);
        assertThat(p.ct().meanWhere(p.organs(), Organ.KIDNEY_LEFT.label())).isBetween(20.0, 45.0);
        assertThat(p.ct().meanWhere(p.organs(), Organ.SPLEEN.label())).isBetween(40.0, 56.0);
    }

    @Test
    void portalVenousPhaseEnhancesLiverSpleenAndKidneys() {
        Phantom p = PhantomGenerator.generate(2, PhantomOptions.small().withPhase(ContrastPhase.PORTAL_VENOUS).withTumours(2));
        assertThat(p.ct().meanWhere(p.organs(), Organ.LIVER.label())).isBetween(95.0, 125.0);
        assertThat(p.ct().meanWhere(p.organs(), Organ.SPLEEN.label())).isBetween(105.0, 130.0);
        assertThat(p.ct().meanWhere(p.organs(), Organ.KIDNEY_LEFT.label())).isBetween(120.0, 180.0);
        assertThat(p.tissues().count(Tissue.TUMOUR.code())).as("tumour voxels").isPositive();
        // tumours belong to the liver label
        byte[] tissues = p.tissues().labels();
        byte[] organs = p.organs().labels();
        for (int i = 0; i < tissues.length; i++) {
            if (tissues[i] == Tissue.TUMOUR.code()) {
                assertThat(organs[i]).isEqualTo((byte) Organ.LIVER.label());
            }
        }
    }

    @Test
    void arterialPhaseShowsCorticomedullaryDifferenceAndBrightAorta() {
        Phantom p = PhantomGenerator.generate(3, PhantomOptions.small().withGrid(128, 2.8, 4).withPhase(ContrastPhase.ARTERIAL).withNoise(0));
        double cortex = p.ct().meanWhere(p.tissues(), Tissue.KIDNEY_CORTEX.code());
        double medulla = p.ct().meanWhere(p.tissues(), Tissue.KIDNEY_MEDULLA.code());
        double aorta = p.ct().meanWhere(p.tissues(), Tissue.ARTERIAL_BLOOD.code());
        assertThat(cortex).isBetween(150.0, 200.0);
        assertThat(medulla).isLessThan(cortex - 60);
        assertThat(aorta).isBetween(230.0, 300.0);
        // every kidney tissue voxel carries a kidney label
        byte[] tissues = p.tissues().labels();
        byte[] organs = p.organs().labels();
        for (int i = 0; i < tissues.length; i++) {
            if (tissues[i] == Tissue.KIDNEY_CORTEX.code() || tissues[i] == Tissue.KIDNEY_MEDULLA.code()) {
                assertThat(organs[i]).isIn((byte) Organ.KIDNEY_RIGHT.label(), (byte) Organ.KIDNEY_LEFT.label());
            }
        }
    }

    @Test
    void noiseHasTheRequestedStandardDeviation() {
        PhantomOptions quiet = PhantomOptions.small().withGrid(128, 2.8, 5).withNoise(0);
        Phantom clean = PhantomGenerator.generate(5, quiet);
        Phantom noisy = PhantomGenerator.generate(5, quiet.withNoise(40));
        double sum2 = 0;
        int n = 0;
        float[] a = clean.ct().voxels();
        float[] b = noisy.ct().voxels();
        for (int i = 0; i < a.length; i++) {
            if (a[i] > -500) {
                double d = b[i] - a[i];
                sum2 += d * d;
                n++;
            }
        }
        assertThat(Math.sqrt(sum2 / n)).isCloseTo(40, within(2.0));
    }

    @Test
    void writesCtLabelsAndTruth(@TempDir Path dir) throws Exception {
        Phantom p = PHANTOMS.get(5L);
        p.write(dir);
        LabelMap labels = ImageFiles.readLabels(dir.resolve("labels.nii.gz"));
        assertThat(labels.labels()).isEqualTo(p.organs().labels());
        assertThat(labels.geometry().sameGrid(p.ct().geometry(), 1e-3)).isTrue();
        float[] ct = ImageFiles.read(dir.resolve("ct.nii.gz")).volume().voxels();
        assertThat(ct[ct.length / 2]).isCloseTo(Math.round(p.ct().voxels()[ct.length / 2]), within(0.5f));
        String truth = Files.readString(dir.resolve("truth.json"));
        assertThat(truth).contains("\"seed\": 5", "\"kidney_right\"", "\"mass_g\"", "\"volume_mL\"", "\"contrast_phase\": \"NONE\"");
        double liverMl = p.organVolumesMl().get("liver");
        assertThat(p.organMassesG().get("liver")).isCloseTo(liverMl * 1.06, within(1e-9));
    }

    static double[] centroid(LabelMap map, int label) {
        var g = map.geometry();
        double[] sum = new double[3];
        long n = 0;
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    if (map.get(i, j, k) == label) {
                        double[] w = g.indexToWorld(i, j, k);
                        for (int a = 0; a < 3; a++) {
                            sum[a] += w[a];
                        }
                        n++;
                    }
                }
            }
        }
        return new double[] {sum[0] / n, sum[1] / n, sum[2] / n};
    }
}
