package org.organdose.image.registration;

import java.util.Locale;
import org.organdose.image.Geometry;
import org.organdose.image.Interpolation;
import org.organdose.image.LabelInterpolation;
import org.organdose.image.LabelMap;
import org.organdose.image.Matrix3;
import org.organdose.image.Resampler;
import org.organdose.image.Volume;

/**
 * A rigid motion of patient space (LPS, mm): {@code T(x) = R (x - c) + c + t}, a rotation R about
 * a centre c followed by a translation t. Immutable.
 *
 * <p><b>Direction convention</b> (as in ITK and elastix): a registration of a <i>moving</i> image
 * (e.g. a session's low-dose CT) to a <i>fixed</i> image (the reference, e.g. the diagnostic CT)
 * gives the transform that maps <i>fixed</i> points to <i>moving</i> points: the anatomy at
 * {@code x} in the fixed image lies at {@code T(x)} in the moving one. Bringing a moving image
 * into the fixed frame is therefore {@code moving(T(x))} for every fixed voxel centre x
 * ({@link #resample}); carrying fixed-frame labels onto a moving image's grid uses the inverse,
 * {@code inverse().resampleLabels(labels, movingGrid, ...)}.
 *
 * <p>Euler angles (radians) follow {@code R = Rz(rz) Ry(ry) Rx(rx)}: rotate about the x (L) axis
 * first, then y (P), then z (S), each counter-clockwise looking down the positive axis.
 */
public final class RigidTransform {
    private final double[] rotation;
    private final double[] centre;
    private final double[] translation;

    private RigidTransform(double[] rotation, double[] centre, double[] translation) {
        this.rotation = rotation;
        this.centre = centre;
        this.translation = translation;
    }

    /** The identity, with rotations (if composed later) about {@code centre}. */
    public static RigidTransform identity(double[] centre) {
        return new RigidTransform(Matrix3.identity(), vector(centre), new double[3]);
    }

    /** A pure translation (mm, LPS). */
    public static RigidTransform translation(double[] translationMm) {
        return new RigidTransform(Matrix3.identity(), new double[3], vector(translationMm));
    }

    /**
     * From Euler angles (radians, {@code R = Rz Ry Rx}), a translation (mm) and the rotation centre
     * (mm, LPS).
     */
    public static RigidTransform fromEuler(double rx, double ry, double rz, double[] translationMm, double[] centreMm) {
        return new RigidTransform(eulerMatrix(rx, ry, rz), vector(centreMm), vector(translationMm));
    }

    /**
     * From a rotation matrix (row-major 3x3, orthonormal with determinant +1 within 1e-6), a
     * centre and a translation.
     */
    public static RigidTransform of(double[] rotation, double[] centreMm, double[] translationMm) {
        if (rotation.length != 9) {
            throw new IllegalArgumentException("a rotation needs 9 values, got " + rotation.length);
        }
        double[] rrt = Matrix3.multiply(rotation, transpose(rotation));
        double[] id = Matrix3.identity();
        for (int e = 0; e < 9; e++) {
            if (!(Math.abs(rrt[e] - id[e]) < 1e-6)) {
                throw new IllegalArgumentException("not a rotation matrix (R R^T != I)");
            }
        }
        if (!(Math.abs(Matrix3.determinant(rotation) - 1) < 1e-6)) {
            throw new IllegalArgumentException("not a rotation matrix (determinant != +1: a reflection)");
        }
        return new RigidTransform(rotation.clone(), vector(centreMm), vector(translationMm));
    }

    static double[] eulerMatrix(double rx, double ry, double rz) {
        double cx = Math.cos(rx);
        double sx = Math.sin(rx);
        double cy = Math.cos(ry);
        double sy = Math.sin(ry);
        double cz = Math.cos(rz);
        double sz = Math.sin(rz);
        double[] mx = {1, 0, 0, 0, cx, -sx, 0, sx, cx};
        double[] my = {cy, 0, sy, 0, 1, 0, -sy, 0, cy};
        double[] mz = {cz, -sz, 0, sz, cz, 0, 0, 0, 1};
        return Matrix3.multiply(mz, Matrix3.multiply(my, mx));
    }

    private static double[] vector(double[] v) {
        if (v.length != 3) {
            throw new IllegalArgumentException("need 3 coordinates, got " + v.length);
        }
        for (double x : v) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("coordinates must be finite");
            }
        }
        return v.clone();
    }

    static double[] transpose(double[] m) {
        return new double[] {m[0], m[3], m[6], m[1], m[4], m[7], m[2], m[5], m[8]};
    }

    /** Row-major 3x3 rotation. */
    public double[] rotation() { return rotation.clone(); }

    /** Rotation centre, mm LPS. */
    public double[] centre() { return centre.clone(); }

    /** Translation applied after the rotation about the centre, mm LPS. */
    public double[] translation() { return translation.clone(); }

    /** T(point). */
    public double[] apply(double[] point) {
        double[] d = {point[0] - centre[0], point[1] - centre[1], point[2] - centre[2]};
        double[] r = Matrix3.apply(rotation, d);
        return new double[] {r[0] + centre[0] + translation[0], r[1] + centre[1] + translation[1],
            r[2] + centre[2] + translation[2]};
    }

    /** T(point) - point: how far the anatomy at {@code point} moved, mm. */
    public double[] displacementAt(double[] point) {
        double[] y = apply(point);
        return new double[] {y[0] - point[0], y[1] - point[1], y[2] - point[2]};
    }

    /** {@code this ∘ first}: x goes through {@code first}, then through this. Centred at {@code first}'s centre. */
    public RigidTransform compose(RigidTransform first) {
        double[] r = Matrix3.multiply(rotation, first.rotation);
        double[] c = first.centre;
        // T(first(c)) - c, since first(c) = c + first.t
        double[] y = apply(new double[] {c[0] + first.translation[0], c[1] + first.translation[1], c[2] + first.translation[2]});
        return new RigidTransform(r, c.clone(), new double[] {y[0] - c[0], y[1] - c[1], y[2] - c[2]});
    }

    /** T⁻¹, about the same centre: {@code x = R^T (y - c) + c - R^T t}. */
    public RigidTransform inverse() {
        double[] rt = transpose(rotation);
        double[] t = Matrix3.apply(rt, translation);
        return new RigidTransform(rt, centre.clone(), new double[] {-t[0], -t[1], -t[2]});
    }

    /** The same motion with rotations written about another centre (the translation changes, T does not). */
    public RigidTransform withCentre(double[] newCentre) {
        double[] c = vector(newCentre);
        double[] y = apply(c);
        return new RigidTransform(rotation.clone(), c, new double[] {y[0] - c[0], y[1] - c[1], y[2] - c[2]});
    }

    /** Euler angles (rx, ry, rz) in radians with {@code R = Rz Ry Rx}, ry in [-π/2, π/2]. */
    public double[] eulerAngles() {
        double ry = Math.asin(Math.max(-1, Math.min(1, -rotation[6])));
        double rx = Math.atan2(rotation[7], rotation[8]);
        double rz = Math.atan2(rotation[3], rotation[0]);
        return new double[] {rx, ry, rz};
    }

    /** The angle of the rotation about its axis, degrees (0 to 180). */
    public double rotationAngleDegrees() {
        double cos = (rotation[0] + rotation[4] + rotation[8] - 1) / 2;
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos))));
    }

    /** The 4x4 affine (row-major) mapping fixed LPS points to moving LPS points. */
    public double[] matrix4() {
        double[] origin = apply(new double[3]);
        double[] a = new double[16];
        for (int r = 0; r < 3; r++) {
            System.arraycopy(rotation, 3 * r, a, 4 * r, 3);
            a[4 * r + 3] = origin[r];
        }
        a[15] = 1;
        return a;
    }

    /**
     * {@code image} brought through T onto {@code target}: each target voxel centre x gets
     * {@code image(T(x))}. With T from a registration of image (moving) to the fixed image, this
     * puts the moving image, or any image of its session (its SPECT), into the fixed frame.
     * Target voxels whose T(x) falls outside the image get {@code outsideValue}.
     */
    public Volume resample(Volume image, Geometry target, Interpolation mode, float outsideValue) {
        return Resampler.resample(new Volume(seenThrough(image.geometry()), image.voxels()), target, mode, outsideValue);
    }

    /** Labels brought through T onto {@code target}: each target voxel centre x gets {@code labels(T(x))}, 0 outside. */
    public LabelMap resampleLabels(LabelMap labels, Geometry target, LabelInterpolation mode) {
        return Resampler.resampleLabels(new LabelMap(seenThrough(labels.geometry()), labels.labels()), target, mode);
    }

    /**
     * The grid g carried by T: every voxel that lay at x now lies at T(x). An image on g put on
     * the carried grid, same voxels, is the image moved with the patient, without any
     * resampling: e.g. the diagnostic labels placed in a session's frame, to be mapped onto that
     * session's SPECT by world coordinates. Rigid motions keep the direction orthonormal.
     */
    public Geometry carry(Geometry g) {
        double[] origin = apply(g.origin());
        double[] direction = Matrix3.multiply(rotation, g.direction());
        return new Geometry(g.nx(), g.ny(), g.nz(), g.spacing(), origin, direction);
    }

    /**
     * The grid g carried by T⁻¹: resampling an image lying on it by world coordinates reads the
     * original at T(x), so the shared {@link Resampler} does the work.
     */
    private Geometry seenThrough(Geometry g) {
        return inverse().carry(g);
    }

    @Override
    public String toString() {
        double[] e = eulerAngles();
        return String.format(Locale.ROOT, "RigidTransform[rotation (%.3f, %.3f, %.3f) deg about (%.2f, %.2f, %.2f) mm,"
                + " translation (%.3f, %.3f, %.3f) mm]", Math.toDegrees(e[0]), Math.toDegrees(e[1]), Math.toDegrees(e[2]),
                centre[0], centre[1], centre[2], translation[0], translation[1], translation[2]);
    }
}
