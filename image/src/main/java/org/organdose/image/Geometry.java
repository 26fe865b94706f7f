package org.organdose.image;

import java.util.Arrays;

/**
 * The sampling grid of a 3D image in patient coordinates (DICOM LPS, millimetres).
 *
 * <p>Voxel index (i, j, k) maps to world position {@code origin + D * diag(spacing) * (i, j, k)},
 * where the columns of the 3x3 direction matrix D are the unit vectors of the i, j and k axes in
 * LPS. The origin is the centre of voxel (0, 0, 0). Immutable.
 */
public final class Geometry {
    private final int nx;
    private final int ny;
    private final int nz;
    private final double[] spacing;
    private final double[] origin;
    /** Row-major 3x3: direction[3 * row + column]; column c is the direction of index axis c. */
    private final double[] direction;
    /** Row-major 3x3 index-to-world matrix D * diag(spacing) and its inverse. */
    private final double[] indexToWorld;
    private final double[] worldToIndex;

    public Geometry(int nx, int ny, int nz, double[] spacing, double[] origin, double[] direction) {
        if (nx <= 0 || ny <= 0 || nz <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + nx + "x" + ny + "x" + nz);
        }
        if ((long) nx * ny * nz > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("image too large: " + nx + "x" + ny + "x" + nz);
        }
        if (spacing.length != 3 || origin.length != 3 || direction.length != 9) {
            throw new IllegalArgumentException("spacing and origin need 3 values, direction 9");
        }
        for (double s : spacing) {
            if (!(s > 0) || !Double.isFinite(s)) {
                throw new IllegalArgumentException("voxel spacing must be positive and finite, got " + Arrays.toString(spacing));
            }
        }
        for (double o : origin) {
            if (!Double.isFinite(o)) {
                throw new IllegalArgumentException("origin must be finite, got " + Arrays.toString(origin));
            }
        }
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.spacing = spacing.clone();
        this.origin = origin.clone();
        this.direction = orthonormalised(direction);
        this.indexToWorld = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                indexToWorld[3 * r + c] = this.direction[3 * r + c] * spacing[c];
            }
        }
        this.worldToIndex = Matrix3.inverse(indexToWorld);
    }

    /** An axis-aligned grid (identity direction) in LPS. */
    public static Geometry axisAligned(int nx, int ny, int nz, double[] spacing, double[] origin) {
        return new Geometry(nx, ny, nz, spacing, origin, Matrix3.identity());
    }

    /**
     * The direction columns must be unit length and mutually orthogonal; headers carry rounding
     * noise, so we accept small deviations and re-orthonormalise (Gram-Schmidt), refusing
     * matrices that are clearly not rotations or reflections.
     */
    private static double[] orthonormalised(double[] d) {
        double[][] cols = new double[3][3];
        for (int c = 0; c < 3; c++) {
            for (int r = 0; r < 3; r++) {
                cols[c][r] = d[3 * r + c];
            }
        }
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < c; p++) {
                double dot = Matrix3.dot(cols[c], cols[p]);
                if (Math.abs(dot) > 1e-3) {
                    throw new IllegalArgumentException("direction axes are not orthogonal: " + Arrays.toString(d));
                }
                for (int r = 0; r < 3; r++) {
                    cols[c][r] -= dot * cols[p][r];
                }
            }
            double norm = Math.sqrt(Matrix3.dot(cols[c], cols[c]));
            if (!(Math.abs(norm - 1) < 1e-3)) {
                throw new IllegalArgumentException("direction axes must have unit length: " + Arrays.toString(d));
            }
            for (int r = 0; r < 3; r++) {
                cols[c][r] /= norm;
            }
        }
        double[] out = new double[9];
        for (int c = 0; c < 3; c++) {
            for (int r = 0; r < 3; r++) {
                out[3 * r + c] = cols[c][r];
            }
        }
        return out;
    }

    public int nx() { return nx; }
    public int ny() { return ny; }
    public int nz() { return nz; }

    /** Size along index axis 0, 1 or 2. */
    public int size(int axis) {
        return axis == 0 ? nx : axis == 1 ? ny : nz;
    }

    public int[] sizes() { return new int[] {nx, ny, nz}; }
    public int voxelCount() { return nx * ny * nz; }
    public double[] spacing() { return spacing.clone(); }
    public double spacing(int axis) { return spacing[axis]; }
    public double[] origin() { return origin.clone(); }
    /** Row-major 3x3; column c is the LPS unit vector of index axis c. */
    public double[] direction() { return direction.clone(); }
    public double voxelVolumeMm3() { return spacing[0] * spacing[1] * spacing[2]; }

    /** Linear offset of voxel (i, j, k) in the x-fastest storage of {@link Volume} and {@link LabelMap}. */
    public int offset(int i, int j, int k) {
        return i + nx * (j + ny * k);
    }

    public boolean contains(int i, int j, int k) {
        return i >= 0 && j >= 0 && k >= 0 && i < nx && j < ny && k < nz;
    }

    /** World (LPS, mm) position of a possibly fractional index. */
    public double[] indexToWorld(double i, double j, double k) {
        double[] w = new double[3];
        for (int r = 0; r < 3; r++) {
            w[r] = origin[r] + indexToWorld[3 * r] * i + indexToWorld[3 * r + 1] * j + indexToWorld[3 * r + 2] * k;
        }
        return w;
    }

    /** Continuous index of a world (LPS, mm) position. */
    public double[] worldToIndex(double x, double y, double z) {
        double dx = x - origin[0];
        double dy = y - origin[1];
        double dz = z - origin[2];
        double[] idx = new double[3];
        for (int r = 0; r < 3; r++) {
            idx[r] = worldToIndex[3 * r] * dx + worldToIndex[3 * r + 1] * dy + worldToIndex[3 * r + 2] * dz;
        }
        return idx;
    }

    /**
     * The 4x4 affine (row-major, 16 values) from index to world in LPS; handy for formats that
     * store affines and for comparing with other tools.
     */
    public double[] affineLps() {
        double[] a = new double[16];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                a[4 * r + c] = indexToWorld[3 * r + c];
            }
            a[4 * r + 3] = origin[r];
        }
        a[15] = 1;
        return a;
    }

    /** The same affine in RAS (NIfTI, nibabel): x and y negated. */
    public double[] affineRas() {
        double[] a = affineLps();
        for (int c = 0; c < 4; c++) {
            a[c] = -a[c];
            a[4 + c] = -a[4 + c];
        }
        return a;
    }

    /** World position of the centre of the grid. */
    public double[] centre() {
        return indexToWorld((nx - 1) / 2.0, (ny - 1) / 2.0, (nz - 1) / 2.0);
    }

    /** The same grid orientation with another size, spacing and origin. */
    public Geometry with(int nx, int ny, int nz, double[] spacing, double[] origin) {
        return new Geometry(nx, ny, nz, spacing, origin, direction);
    }

    /**
     * A grid with the same orientation covering the same physical extent (voxel edge to voxel
     * edge) at a new spacing.
     */
    public Geometry resampledTo(double[] newSpacing) {
        int[] n = new int[3];
        double[] shift = new double[3];
        for (int a = 0; a < 3; a++) {
            double extent = size(a) * spacing[a];
            n[a] = Math.max(1, (int) Math.round(extent / newSpacing[a]));
            // keep the extent centred: first new voxel centre relative to old index 0, in old index units
            shift[a] = (-0.5 * spacing[a] + 0.5 * newSpacing[a] + (extent - n[a] * newSpacing[a]) / 2) / spacing[a];
        }
        double[] newOrigin = indexToWorld(shift[0], shift[1], shift[2]);
        return with(n[0], n[1], n[2], newSpacing, newOrigin);
    }

    /** Normal of the slices (the k axis direction). */
    public double[] sliceNormal() {
        return new double[] {direction[2], direction[5], direction[8]};
    }

    /** Same grid within {@code tolMm} at every voxel corner of the grid's bounding box. */
    public boolean sameGrid(Geometry other, double tolMm) {
        if (nx != other.nx || ny != other.ny || nz != other.nz) {
            return false;
        }
        for (int corner = 0; corner < 8; corner++) {
            double i = (corner & 1) == 0 ? 0 : nx - 1;
            double j = (corner & 2) == 0 ? 0 : ny - 1;
            double k = (corner & 4) == 0 ? 0 : nz - 1;
            double[] a = indexToWorld(i, j, k);
            double[] b = other.indexToWorld(i, j, k);
            for (int r = 0; r < 3; r++) {
                if (Math.abs(a[r] - b[r]) > tolMm) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Three-letter orientation code of the index axes in LPS terms, e.g. "LPS" or "RAI". */
    public String orientationCode() {
        StringBuilder sb = new StringBuilder();
        String pos = "LPS";
        String neg = "RAI";
        for (int c = 0; c < 3; c++) {
            int best = 0;
            for (int r = 1; r < 3; r++) {
                if (Math.abs(direction[3 * r + c]) > Math.abs(direction[3 * best + c])) {
                    best = r;
                }
            }
            sb.append(direction[3 * best + c] >= 0 ? pos.charAt(best) : neg.charAt(best));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return String.format("Geometry[%dx%dx%d, spacing %s mm, origin %s mm, direction %s]",
                nx, ny, nz, Arrays.toString(spacing), Arrays.toString(origin), Arrays.toString(direction));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Geometry g)) {
            return false;
        }
        return nx == g.nx && ny == g.ny && nz == g.nz && Arrays.equals(spacing, g.spacing)
                && Arrays.equals(origin, g.origin) && Arrays.equals(direction, g.direction);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * nx + ny) + nz) + Arrays.hashCode(spacing) * 7 + Arrays.hashCode(origin);
    }
}
