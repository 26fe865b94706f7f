package org.organdose.image.io.dicom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.organdose.image.Geometry;
import org.organdose.image.Matrix3;
import org.organdose.image.io.ImageIoException;

/**
 * Orders the planes of a series into a volume: by position along the slice normal
 * cross(row, column), never by file name or instance number. The slice spacing is the mean
 * distance between consecutive positions (SliceThickness says nothing about it); irregular
 * spacing and gantry tilt, which a regular grid cannot represent, become warnings.
 *
 * @param geometry the volume's grid
 * @param planes   the planes in slice order (index k)
 * @param warnings what the user should know about the approximation
 */
record SliceStack(Geometry geometry, List<ImagePlane> planes, List<String> warnings) {
    /** Positions closer than this along the normal are the same slice twice. */
    private static final double DUPLICATE_MM = 1e-3;
    private static final double SAME_ORIENTATION = 1e-4;
    private static final double SAME_PIXEL_SPACING_MM = 1e-4;
    /** Uneven spacing is reported beyond 1% of the mean or 0.05 mm, whichever is smaller. */
    private static final double UNEVEN_FRACTION = 0.01;
    private static final double UNEVEN_MM = 0.05;
    /** In-plane drift between consecutive slices tolerated as header rounding. */
    private static final double SHEAR_MM = 0.01;
    private static final double SHEAR_FRACTION = 1e-3;

    static SliceStack of(Path series, List<ImagePlane> unordered) throws ImageIoException {
        if (unordered.isEmpty()) {
            throw new ImageIoException(series, "no image planes");
        }
        ImagePlane first = unordered.get(0);
        for (ImagePlane p : unordered) {
            requireSameGrid(series, first, p);
        }
        double[] normal = Matrix3.cross(first.rowCosine(), first.columnCosine());
        List<ImagePlane> planes = new ArrayList<>(unordered);
        planes.sort(Comparator.comparingDouble(p -> Matrix3.dot(normal, p.position())));
        double[] along = new double[planes.size()];
        for (int k = 0; k < along.length; k++) {
            along[k] = Matrix3.dot(normal, planes.get(k).position());
        }
        for (int k = 1; k < along.length; k++) {
            if (along[k] - along[k - 1] < DUPLICATE_MM) {
                throw new ImageIoException(series, planes.get(k - 1).describe() + " and " + planes.get(k).describe()
                        + " have the same slice position (" + mm(along[k]) + " mm along the slice normal): duplicate slices");
            }
        }
        List<String> warnings = new ArrayList<>();
        double dz;
        if (planes.size() == 1) {
            double thickness = first.sliceThickness();
            if (thickness > 0) {
                dz = thickness;
            } else {
                dz = 1;
                warnings.add("single slice without SliceThickness: its thickness is taken as 1 mm");
            }
        } else {
            dz = (along[along.length - 1] - along[0]) / (along.length - 1);
            unevenSpacing(along, dz, warnings);
            tilt(planes, normal, along, warnings);
        }
        double[] direction = new double[9];
        for (int r = 0; r < 3; r++) {
            direction[3 * r] = first.rowCosine()[r];
            direction[3 * r + 1] = first.columnCosine()[r];
            direction[3 * r + 2] = normal[r];
        }
        double[] spacing = {first.columnSpacing(), first.rowSpacing(), dz};
        try {
            Geometry geometry = new Geometry(first.columns(), first.rows(), planes.size(), spacing,
                    planes.get(0).position(), direction);
            return new SliceStack(geometry, List.copyOf(planes), warnings);
        } catch (IllegalArgumentException e) {
            throw new ImageIoException(series, "cannot build the image grid: " + e.getMessage());
        }
    }

    private static void requireSameGrid(Path series, ImagePlane a, ImagePlane b) throws ImageIoException {
        String difference = null;
        if (a.rows() != b.rows() || a.columns() != b.columns()) {
            difference = "sizes differ: " + a.columns() + "x" + a.rows() + " and " + b.columns() + "x" + b.rows();
        } else if (!close(a.rowCosine(), b.rowCosine(), SAME_ORIENTATION) || !close(a.columnCosine(), b.columnCosine(), SAME_ORIENTATION)) {
            difference = "orientations differ: " + Arrays.toString(a.rowCosine()) + Arrays.toString(a.columnCosine())
                    + " and " + Arrays.toString(b.rowCosine()) + Arrays.toString(b.columnCosine());
        } else if (Math.abs(a.rowSpacing() - b.rowSpacing()) > SAME_PIXEL_SPACING_MM
                || Math.abs(a.columnSpacing() - b.columnSpacing()) > SAME_PIXEL_SPACING_MM) {
            difference = "pixel spacings differ: " + a.rowSpacing() + "\\" + a.columnSpacing() + " and "
                    + b.rowSpacing() + "\\" + b.columnSpacing() + " mm";
        } else if (!a.format().equals(b.format())) {
            difference = "pixel formats differ: " + a.format() + " and " + b.format();
        }
        if (difference != null) {
            throw new ImageIoException(series, "slices of one series do not form a volume, " + a.describe() + " and "
                    + b.describe() + " " + difference);
        }
    }

    private static void unevenSpacing(double[] along, double mean, List<String> warnings) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int k = 1; k < along.length; k++) {
            double d = along[k] - along[k - 1];
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        double deviation = Math.max(max - mean, mean - min);
        if (deviation > UNEVEN_FRACTION * mean || deviation > UNEVEN_MM) {
            warnings.add("uneven slice spacing: from " + mm(min) + " to " + mm(max) + " mm; the volume uses the mean "
                    + mm(mean) + " mm, so slice positions are off by up to " + mm(maxOffset(along, mean)) + " mm");
        }
    }

    /** Largest distance between a slice's true position and its place on the regular grid. */
    private static double maxOffset(double[] along, double mean) {
        double worst = 0;
        for (int k = 0; k < along.length; k++) {
            worst = Math.max(worst, Math.abs(along[k] - (along[0] + k * mean)));
        }
        return worst;
    }

    /**
     * Tilted gantries shift each slice within its plane; the regular grid stacks them straight
     * along the normal, so voxels of later slices are displaced by the accumulated shift.
     */
    private static void tilt(List<ImagePlane> planes, double[] normal, double[] along, List<String> warnings) {
        boolean sheared = false;
        for (int k = 1; k < planes.size(); k++) {
            double step = along[k] - along[k - 1];
            if (inPlaneOffset(planes.get(k - 1).position(), planes.get(k).position(), normal)
                    > SHEAR_MM + SHEAR_FRACTION * step) {
                sheared = true;
            }
        }
        double headerTilt = planes.get(0).tiltDegrees();
        if (!sheared && Math.abs(headerTilt) < 1e-3) {
            return;
        }
        double shift = inPlaneOffset(planes.get(0).position(), planes.get(planes.size() - 1).position(), normal);
        double angle = Math.toDegrees(Math.atan2(shift, along[along.length - 1] - along[0]));
        warnings.add("gantry tilt: GantryDetectorTilt " + mm(headerTilt) + " deg, slice positions drift "
                + mm(angle) + " deg off the slice normal; the volume stacks slices along the normal, so the last slice is "
                + mm(shift) + " mm from where the scanner put it");
    }

    private static double inPlaneOffset(double[] from, double[] to, double[] normal) {
        double[] d = {to[0] - from[0], to[1] - from[1], to[2] - from[2]};
        double along = Matrix3.dot(d, normal);
        double sum = 0;
        for (int r = 0; r < 3; r++) {
            double c = d[r] - along * normal[r];
            sum += c * c;
        }
        return Math.sqrt(sum);
    }

    private static boolean close(double[] a, double[] b, double tolerance) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > tolerance) {
                return false;
            }
        }
        return true;
    }

    private static String mm(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
