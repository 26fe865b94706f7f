package org.organdose.segment;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;
import org.organdose.image.Volume;
import org.organdose.segment.infer.PostProcessing;
import org.organdose.segment.net.NetworkClasses;
import static org.assertj.core.api.Assertions.assertThat;
import org.organdose.segment.net.NetworkClasses;

/**
 * Kidneys are named from the patient side in world coordinates: the same phantom sampled on
 * grids whose arrays run the other way, or are rotated, must give the same names.
 */
class KidneySidesTest {

    static Stream<Arguments> grids() {
        double[] spacing = {4, 4, 5};
        return Stream.of(
                Arguments.of("LPS axis-aligned", direction(1, 0, 0, 0, 1, 0, 0, 0, 1)),
                Arguments.of("x flipped (RPS)", direction(-1, 0, 0, 0, 1, 0, 0, 0, 1)),
                Arguments.of("x and y flipped (RAS arrays)", direction(-1, 0, 0, 0, -1, 0, 0, 0, 1)),
                Arguments.of("rotated 90 degrees about z", direction(0, -1, 0, 1, 0, 0, 0, 0, 1)),
                Arguments.of("upside down (x and z flipped)", direction(-1, 0, 0, 0, 1, 0, 0, 0, -1)),
                Arguments.of("oblique 30 degrees about z", rotationZ(30)))
                .map(a -> Arguments.of(a.get()[0], grid((double[]) a.get()[1], spacing)));
    }

    private static double[] direction(double... d) {
        return d;
    }

    private static double[] rotationZ(double degrees) {
        double c = Math.cos(Math.toRadians(degrees));
        double s = Math.sin(Math.toRadians(degrees));
        return new double[] {c, -s, 0, s, c, 0, 0, 0, 1};
    }

    /** A grid of the given orientation centred on the phantom. */
    private static Geometry grid(double[] direction, double[] spacing) {
        int nxy = 80;
        int nz = 30;
        Geometry g = new Geometry(nxy, nxy, nz, spacing, new double[] {0, 0, 0}, direction);
        double[] centre = g.centre();
        return new Geometry(nxy, nxy, nz, spacing, new double[] {-centre[0], -centre[1], -centre[2]}, direction);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grids")
    void namesKidneysByPatientSide(String name, Geometry grid) {
        LabelMap truth = Phantom.labels(grid);
        Volume ct = Phantom.ct(grid, 0, 1);
        // both kidneys given as one label, as the network and KiTS give them
        LabelMap merged = truth.copy();
        byte[] v = merged.labels();
        for (int p = 0; p < v.length; p++) {
            if (v[p] == Organ.KIDNEY_LEFT.label()) {
                v[p] = (byte) Organ.KIDNEY_RIGHT.label();
            }
        }
        LabelMap named = KidneySides.name(merged, ct);
        assertThat(named.labels()).as(name).isEqualTo(truth.labels());
        // and without a CT, from the kidneys alone
        assertThat(KidneySides.name(merged, null).labels()).as(name + " without CT").isEqualTo(truth.labels());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grids")
    void postProcessingNamesKidneysTheSameWay(String name, Geometry grid) {
        LabelMap truth = Phantom.labels(grid);
        LabelMap classes = new LabelMap(grid);
        byte[] t = truth.labels();
        byte[] c = classes.labels();
        for (int p = 0; p < t.length; p++) {
            c[p] = NetworkClasses.ofLabel(t[p]);
        }
        PostProcessing.Result r = PostProcessing.apply(classes, Phantom.ct(grid, 0, 1));
        assertThat(r.labels().count(Organ.KIDNEY_RIGHT.label())).as(name).isEqualTo(truth.count(Organ.KIDNEY_RIGHT.label()));
        assertThat(r.labels().count(Organ.KIDNEY_LEFT.label())).as(name).isEqualTo(truth.count(Organ.KIDNEY_LEFT.label()));
        assertThat(r.labels().labels()).as(name).isEqualTo(truth.labels());
    }
}
