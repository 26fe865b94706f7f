package org.organdose.phantom;

import java.util.Locale;
import java.util.Random;
import org.organdose.image.Geometry;
import org.organdose.image.Matrix3;

/**
 * A rigid movement of the patient between sessions: a rotation about the body (z) axis through
 * {@code centreMm}, then a translation. A point of the patient at x (diagnostic session) lies at
 * R (x - c) + c + t in the later session.
 *
 * @param translationMm    shift in LPS mm
 * @param rotationDegrees  rotation about the z axis
 * @param centreMm         centre of rotation in LPS mm
 */
public record PatientMotion(double[] translationMm, double rotationDegrees, double[] centreMm) {
    public PatientMotion {
        translationMm = translationMm.clone();
        centreMm = centreMm.clone();
    }

    public static PatientMotion none(double[] centreMm) {
        return new PatientMotion(new double[3], 0, centreMm);
    }

    /** Shifts up to {@code maxMm} per axis and a rotation up to maxMm / 2 degrees, uniformly. */
    public static PatientMotion random(Random random, double maxMm, double[] centreMm) {
        double[] t = new double[3];
        for (int a = 0; a < 3; a++) {
            t[a] = (2 * random.nextDouble() - 1) * maxMm;
        }
        return new PatientMotion(t, (2 * random.nextDouble() - 1) * maxMm / 2, centreMm);
    }

    private double[] rotation() {
        double r = Math.toRadians(rotationDegrees);
        double c = Math.cos(r);
        double s = Math.sin(r);
        return new double[] {c, -s, 0, s, c, 0, 0, 0, 1};
    }

    /** Where the patient point at {@code x} lies after the movement. */
    public double[] apply(double[] x) {
        double[] d = {x[0] - centreMm[0], x[1] - centreMm[1], x[2] - centreMm[2]};
        double[] r = Matrix3.apply(rotation(), d);
        return new double[] {r[0] + centreMm[0] + translationMm[0], r[1] + centreMm[1] + translationMm[1],
            r[2] + centreMm[2] + translationMm[2]};
    }

    /**
     * The grid of an image that moved with the patient: the same voxels, now lying where the
     * movement put them. Resampling it onto a scanner grid gives the moved image.
     */
    public Geometry moved(Geometry g) {
        double[] origin = apply(g.origin());
        double[] direction = Matrix3.multiply(rotation(), g.direction());
        return new Geometry(g.nx(), g.ny(), g.nz(), g.spacing(), origin, direction);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "shift (%.2f, %.2f, %.2f) mm, rotation %.2f deg about z",
                translationMm[0], translationMm[1], translationMm[2], rotationDegrees);
    }
}
