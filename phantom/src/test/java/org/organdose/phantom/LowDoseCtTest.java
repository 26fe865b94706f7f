package org.organdose.phantom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.organdose.image.registration.RigidTransform;

import org.organdose.image.Organ;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.Volume;

class LowDoseCtTest {
    private static Phantom phantom;

    @BeforeAll
    static void generate() {
        phantom = PhantomGenerator.generate(11, PhantomOptions.small().withGrid(192, 1.9, 2.5));
    }

    @Test
    void coarserSlicesMoreNoiseSameExtent() {
        LowDoseCt ldct = LowDoseCt.simulate(phantom.ct(), phantom.organs(), RigidTransform.identity(new double[3]), LowDoseCt.Options.defaults(), 1);
        var g = ldct.ct().geometry();
        assertThat(g.spacing(2)).isEqualTo(5.0);
        assertThat(g.nz()).isEqualTo((int) Math.round(phantom.ct().geometry().nz() * 2.5 / 5));
        assertThat(g.spacing(0)).isEqualTo(phantom.ct().geometry().spacing(0));
        for (Organ o : Organ.values()) {
            double original = phantom.ct().meanWhere(phantom.organs(), o.label());
            assertThat(ldct.ct().meanWhere(ldct.organs(), o.label())).as(o.key()).isCloseTo(original, within(8.0));
            assertThat(ldct.organs().volumeMl(o.label())).as(o.key()).isCloseTo(phantom.organVolumesMl().get(o.key()),
                    within(0.06 * phantom.organVolumesMl().get(o.key())));
        }
    }

    @Test
    void movedLabelsLineUpWithTheMovedCt() {
        RigidTransform motion = RigidTransform.fromEuler(Math.toRadians(1.5), Math.toRadians(-1), Math.toRadians(3),
                new double[] {7, -5, 9}, new double[] {0, 0, 0});
        LowDoseCt still = LowDoseCt.simulate(phantom.ct(), phantom.organs(), RigidTransform.identity(new double[3]), LowDoseCt.Options.defaults(), 2);
        LowDoseCt moved = LowDoseCt.simulate(phantom.ct(), phantom.organs(), motion, LowDoseCt.Options.defaults(), 2);
        for (Organ o : Organ.values()) {
            double expected = still.ct().meanWhere(still.organs(), o.label());
            assertThat(moved.ct().meanWhere(moved.organs(), o.label())).as(o.key()).isCloseTo(expected, within(8.0));
            // the organ moved as a rigid body: its centroid followed the motion
            double[] before = PhantomGeneratorTest.centroid(phantom.organs(), o.label());
            double[] after = PhantomGeneratorTest.centroid(moved.organs(), o.label());
            double[] predicted = motion.apply(before);
            for (int a = 0; a < 3; a++) {
                assertThat(after[a]).as("%s axis %d", o.key(), a).isCloseTo(predicted[a], within(2.0));
            }
        }
        // the CT moved too: the unmoved labels no longer fit it as well
        LabelMap stale = still.organs();
        double stillLiver = still.ct().meanWhere(stale, Organ.LIVER.label());
        double misaligned = moved.ct().meanWhere(stale, Organ.LIVER.label());
        assertThat(Math.abs(misaligned - stillLiver)).isGreaterThan(3);
    }

    @Test
    void coarserPixelsOnRequestAndTheRequestedNoise() {
        Geometry fine = Geometry.axisAligned(100, 100, 60, new double[] {0.6, 0.6, 1.0}, new double[] {0, 0, 0});
        Volume ct = new Volume(fine);
        java.util.Arrays.fill(ct.voxels(), 40f);
        LowDoseCt low = LowDoseCt.simulate(ct, new LabelMap(fine), RigidTransform.identity(new double[3]),
                new LowDoseCt.Options(1.2, 5, 30, 0), 1);
        Geometry g = low.ct().geometry();
        assertThat(g.spacing()).containsExactly(1.2, 1.2, 5.0);
        assertThat(low.organs().geometry()).isEqualTo(g);
        double sum = 0;
        double sq = 0;
        float[] v = low.ct().voxels();
        for (float x : v) {
            sum += x;
            sq += x * x;
        }
        double mean = sum / v.length;
        assertThat(mean).isCloseTo(40, within(0.5));
        assertThat(Math.sqrt(sq / v.length - mean * mean)).isCloseTo(30, within(0.5));
    }

    @Test
    void rejectsLabelsOnAnotherGrid() {
        LabelMap other = new LabelMap(phantom.ct().geometry().resampledTo(new double[] {4, 4, 4}));
        assertThatThrownBy(() -> LowDoseCt.simulate(phantom.ct(), other, RigidTransform.identity(new double[3]), LowDoseCt.Options.defaults(), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different grids");
    }
}
