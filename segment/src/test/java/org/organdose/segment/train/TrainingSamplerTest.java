package org.organdose.segment.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;
import org.organdose.image.Plane;
import org.organdose.image.Volume;
import org.organdose.segment.data.LabelledCase;
import org.organdose.segment.net.NetworkClasses;
import org.organdose.segment.preprocess.HuWindow;

class TrainingSamplerTest {
    private static final float BODY_HU = 50;
    private static final int CROP = 16;

    /** A uniform 50 HU body on a 2 mm grid with a block of right kidney and one of liver. */
    private static LabelledCase uniformCase(Set<Organ> labelled) {
        Geometry g = Geometry.axisAligned(24, 24, 8, new double[] {2, 2, 2}, new double[] {0, 0, 0});
        Volume ct = new Volume(g);
        java.util.Arrays.fill(ct.voxels(), BODY_HU);
        LabelMap labels = new LabelMap(g);
        for (int k = 0; k < 8; k++) {
            for (int j = 6; j < 18; j++) {
                for (int i = 4; i < 10; i++) {
                    labels.set(i, j, k, Organ.KIDNEY_RIGHT.label());
                }
                for (int i = 14; i < 20; i++) {
                    labels.set(i, j, k, Organ.LIVER.label());
                }
            }
        }
        return new LabelledCase("uniform", ct, labels, labelled, 1);
    }

    private static Augmentation organShiftOnly(double shiftHu) {
        return new Augmentation(0, 0, 0, 0, 0, 0, 0, 0, 0, 1, shiftHu, shiftHu, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 5, 0, 0, 0);
    }

    private static TrainingSampler.Batch draw(LabelledCase c, Augmentation aug) {
        WorkingCase w = WorkingCase.of(c, 2.0);
        return new TrainingSampler(List.of(w), List.of(Plane.AXIAL), 3, CROP, HuWindow.PAPER, aug, 3).next(20);
    }

    /** The middle slice of sample s at pixel p. */
    private static float input(TrainingSampler.Batch b, int s, int p) {
        return b.inputs()[(s * 3 + 1) * CROP * CROP + p];
    }

    @Test
    void labelledOrgansAreShiftedByTheirAmountAndNothingElseIs() {
        TrainingSampler.Batch b = draw(uniformCase(EnumSet.allOf(Organ.class)), organShiftOnly(100));
        float body = HuWindow.PAPER.apply(BODY_HU);
        float organ = HuWindow.PAPER.apply(BODY_HU + 100);
        int organPixels = 0;
        for (int s = 0; s < b.size(); s++) {
            for (int p = 0; p < CROP * CROP; p++) {
                float v = input(b, s, p);
                if (b.targets()[s * CROP * CROP + p] != NetworkClasses.BACKGROUND) {
                    assertEquals(organ, v, 1e-6);
                    organPixels++;
                } else if (v > 0) {
                    assertEquals(body, v, 1e-6);
                }
            }
        }
        assertTrue(organPixels > 100, "samples centred on organs");
    }

    @Test
    void aTruncatedFieldOfViewLeavesAirAndNoOrganOutsideASquareAroundTheCentre() {
        // a 20 mm field of view is 10 voxels of 2 mm: a 16-pixel crop always reaches outside it
        Augmentation fov = Augmentation.NONE.withFieldOfView(1, 20, 20);
        TrainingSampler.Batch b = draw(uniformCase(EnumSet.allOf(Organ.class)), fov);
        float air = HuWindow.PAPER.apply(-1024);
        for (int s = 0; s < b.size(); s++) {
            int r0 = CROP;
            int r1 = -1;
            int c0 = CROP;
            int c1 = -1;
            for (int p = 0; p < CROP * CROP; p++) {
                if (input(b, s, p) != air) {
                    r0 = Math.min(r0, p / CROP);
                    r1 = Math.max(r1, p / CROP);
                    c0 = Math.min(c0, p % CROP);
                    c1 = Math.max(c1, p % CROP);
                } else {
                    assertEquals(NetworkClasses.BACKGROUND, b.targets()[s * CROP * CROP + p], "no organ where nothing is seen");
                }
            }
            assertTrue(input(b, s, CROP / 2 * CROP + CROP / 2) > air, "the sample's centre is inside the field of view");
            assertTrue(r1 - r0 < 11 && c1 - c0 < 11, "the body is seen in a square of 10 voxels at most");
        }
    }

    @Test
    void organTargetsMoveEachOrganToItsTargetWhateverItsOwnIntensity() {
        // the kidney and liver of the uniform case sit at BODY_HU; a target range of 1 HU around 150
        Augmentation targets = new Augmentation(0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 149.5, 150.5, 0, 0, 0, 0, 0, 0, 0, 3, 5, 0, 0, 0);
        assertTrue(targets.organTargets());
        TrainingSampler.Batch b = draw(uniformCase(EnumSet.allOf(Organ.class)), targets);
        int organPixels = 0;
        for (int s = 0; s < b.size(); s++) {
            for (int p = 0; p < CROP * CROP; p++) {
                if (b.targets()[s * CROP * CROP + p] != NetworkClasses.BACKGROUND) {
                    assertEquals(HuWindow.PAPER.apply(150), input(b, s, p), HuWindow.PAPER.apply(150.5f) - HuWindow.PAPER.apply(150));
                    organPixels++;
                }
            }
        }
        assertTrue(organPixels > 100, "samples centred on organs");
        assertFalse(Augmentation.DEFAULT.organTargets());
    }

    @Test
    void withBothRangesEachOrganGetsATargetOrAShift() {
        // shift 100 +- 0.5 (organ at 150) or target 199.5..200.5 HU
        Augmentation either = new Augmentation(0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 99.5, 100.5, 0, 199.5, 200.5, 0, 0, 0, 0, 0, 0, 0, 3, 5, 0, 0, 0);
        assertTrue(either.organTargetsOrShifts());
        assertFalse(Augmentation.ORGAN_TARGETS.organTargetsOrShifts());
        TrainingSampler.Batch b = draw(uniformCase(EnumSet.allOf(Organ.class)), either);
        float tolerance = HuWindow.PAPER.apply(BODY_HU + 100.5f) - HuWindow.PAPER.apply(BODY_HU + 100);
        int shifted = 0;
        int moved = 0;
        for (int s = 0; s < b.size(); s++) {
            for (int p = 0; p < CROP * CROP; p++) {
                if (b.targets()[s * CROP * CROP + p] != NetworkClasses.BACKGROUND) {
                    float v = input(b, s, p);
                    boolean isShifted = Math.abs(v - HuWindow.PAPER.apply(BODY_HU + 100)) <= tolerance;
                    boolean isMoved = Math.abs(v - HuWindow.PAPER.apply(200)) <= tolerance;
                    assertTrue(isShifted || isMoved, "organ pixel at " + v);
                    shifted += isShifted ? 1 : 0;
                    moved += isMoved ? 1 : 0;
                }
            }
        }
        assertTrue(shifted > 0 && moved > 0, "both kinds occur: " + shifted + " shifted, " + moved + " moved");
    }

    @Test
    void unlabelledOrgansKeepTheirIntensity() {
        TrainingSampler.Batch b = draw(uniformCase(Set.of(Organ.LIVER)), organShiftOnly(100));
        float body = HuWindow.PAPER.apply(BODY_HU);
        float liver = HuWindow.PAPER.apply(BODY_HU + 100);
        for (int s = 0; s < b.size(); s++) {
            for (int p = 0; p < CROP * CROP; p++) {
                float v = input(b, s, p);
                if (b.targets()[s * CROP * CROP + p] == NetworkClasses.LIVER) {
                    assertEquals(liver, v, 1e-6);
                } else if (v > 0) {
                    assertEquals(body, v, 1e-6, "the kidney is not labelled in this case: not shifted");
                }
            }
        }
    }

    @Test
    void softEdgesBlendTheShiftIntoTheSurroundings() {
        Augmentation soft = new Augmentation(0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 100, 100, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 5, 0, 0, 0);
        TrainingSampler.Batch b = draw(uniformCase(EnumSet.allOf(Organ.class)), soft);
        float body = HuWindow.PAPER.apply(BODY_HU);
        float organ = HuWindow.PAPER.apply(BODY_HU + 100);
        int between = 0;
        for (int s = 0; s < b.size(); s++) {
            for (int p = 0; p < CROP * CROP; p++) {
                float v = input(b, s, p);
                if (v > 0) {
                    assertTrue(v >= body - 1e-6 && v <= organ + 1e-6, "shift weights stay within 0..1");
                    between += v > body + 1e-3 && v < organ - 1e-3 ? 1 : 0;
                }
            }
        }
        assertTrue(between > 50, "intermediate values at the organ edges: " + between);
    }

    @Test
    void gammaMapsEveryPixelThroughOneCurve() {
        Augmentation gamma = new Augmentation(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0.4, 0, 0, 0, 0, 0, 3, 5, 0, 0, 0);
        TrainingSampler.Batch b = draw(uniformCase(EnumSet.allOf(Organ.class)), gamma);
        double body = HuWindow.PAPER.apply(BODY_HU);
        for (int s = 0; s < b.size(); s++) {
            float first = -1;
            for (int p = 0; p < CROP * CROP; p++) {
                float v = input(b, s, p);
                if (v > 0) {
                    if (first < 0) {
                        first = v;
                    }
                    assertEquals(first, v, 1e-6, "a uniform body stays uniform");
                }
            }
            double g = Math.log(first) / Math.log(body);
            assertTrue(g >= Math.exp(-0.4) - 1e-6 && g <= Math.exp(0.4) + 1e-6, "gamma " + g);
        }
    }
}
