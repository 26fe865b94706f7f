package org.organdose.phantom;

import org.organdose.image.Geometry;
import org.organdose.image.Matrix3;

/**
 * A rigid patient movement: rotation by small angles about the LPS axes through a centre point,
 * then a translation. A point p of the patient moves to {@code R (p - c) + c + t}, with
 * {@code R = Rz * Ry * Rx}.
 *
 * @param translationMm    translation (x, y, z) in mm
 * @param rotationDegrees  rotation about the x, y and z axes in degrees
 * @param centreMm         centre of rotation (LPS, mm)
 */
public record RigidMotion(double[] translationMm, double[] rotationDegrees, double[] centreMm) {

    public RigidMotion {
        if (translationMm.length != 3 || rotationDegrees.length != 3 || centreMm.length != 3) {
            throw new IllegalArgumentException("translation, rotation and centre need 3 values each");
        }
        translationMm = translationMm.clone();
        rotationDegrees = rotationDegrees.clone();
        centreMm = centreMm.clone();
    }

    /** No movement. */
    public static RigidMotion none() {
        return new RigidMotion(new double[3], new double[3], new double[3]);
    }

    /** Row-major 3x3 rotation matrix R. */
    public double[] rotation() {
        double ax = Math.toRadians(rotationDegrees[0]);
        double ay = Math.toRadians(rotationDegrees[1]);
        double az = Math.toRadians(rotationDegrees[2]);
        double[] rx = {1, 0, 0, 0, Math.cos(ax), -Math.sin(ax), 0, Math.sin(ax), Math.cos(ax)};
        double[] ry = {Math.cos(ay), 0, Math.sin(ay), 0, 1, 0, -Math.sin(ay), 0, Math.cos(ay)};
        double[] rz = {Math.cos(az), -Math.sin(az), 0, Math.sin(az), Math.cos(az), 0, 0, 0, 1};
        return Matrix3.multiply(rz, Matrix3.multiply(ry, rx));
    }

    /** Where the patient point {@code p} (LPS, mm) lies after the movement. */
    public double[] apply(double[] p) {
        double[] r = rotation();
        double[] out = new double[3];
        for (int row = 0; row < 3; row++) {
            double v = centreMm[row] + translationMm[row];
            for (int c = 0; c < 3; c++) {
                v += r[3 * row + c] * (p[c] - centreMm[c]);
            }
            out[row] = v;
        }
        return out;
    }

    /**
     * The grid an image would have if the patient moved with its voxels: the same voxel array
     * then shows the moved patient, so resampling it onto any fixed grid gives the moved image.
     */
    public Geometry moved(Geometry g) {
        double[] newOrigin = apply(g.origin());
        double[] direction = Matrix3.multiply(rotation(), g.direction());
        return new Geometry(g.nx(), g.ny(), g.nz(), g.spacing(), newOrigin, direction);
    }
}
