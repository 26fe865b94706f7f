package org.organdose.image.io;

import java.nio.file.Path;
import org.organdose.image.Geometry;

/**
 * Turns an index-to-world matrix read from a file (LPS, mm) into a {@link Geometry}: the column
 * norms are the voxel spacings and the normalised columns the axis directions. Files whose
 * matrix has a zero, non-finite or sheared axis are refused with a one-line error.
 */
final class AffineGeometry {
    private AffineGeometry() {
    }

    /**
     * @param matrix row-major 3x3, column c = step in LPS mm along index axis c
     * @param origin LPS position of the centre of voxel (0, 0, 0)
     * @param source what the matrix came from, for the error message (e.g. "sform")
     */
    static Geometry of(Path file, int[] size, double[] matrix, double[] origin, String source)
            throws ImageIoException {
        for (double v : matrix) {
            if (!Double.isFinite(v)) {
                throw new ImageIoException(file, source + " holds a non-finite value");
            }
        }
        for (double v : origin) {
            if (!Double.isFinite(v)) {
                throw new ImageIoException(file, source + " origin holds a non-finite value");
            }
        }
        double[] spacing = new double[3];
        double[] direction = new double[9];
        for (int c = 0; c < 3; c++) {
            spacing[c] = Math.sqrt(matrix[c] * matrix[c] + matrix[3 + c] * matrix[3 + c] + matrix[6 + c] * matrix[6 + c]);
            if (!(spacing[c] > 0) || !Double.isFinite(spacing[c])) {
                throw new ImageIoException(file, source + " gives index axis " + c + " a zero or infinite length");
            }
            for (int r = 0; r < 3; r++) {
                direction[3 * r + c] = matrix[3 * r + c] / spacing[c];
            }
        }
        try {
            return new Geometry(size[0], size[1], size[2], spacing, origin, direction);
        } catch (IllegalArgumentException e) {
            throw new ImageIoException(file, source + ": " + e.getMessage(), e);
        }
    }
}
