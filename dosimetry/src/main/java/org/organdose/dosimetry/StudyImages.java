package org.organdose.dosimetry;

import java.nio.file.Path;
import java.util.Locale;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.io.ImageFiles;
import org.organdose.image.io.ImageIoException;
import org.organdose.image.io.MedicalImage;

/** Reads the images a manifest names, turning IO problems into errors that name the manifest field. */
final class StudyImages {
    /** Grids closer than this at every corner are the same grid (header rounding). */
    static final double SAME_GRID_TOLERANCE_MM = 0.05;

    private final Path manifest;

    StudyImages(Path manifest) {
        this.manifest = manifest;
    }

    /** Any format the image module reads (DICOM, NIfTI, NRRD, MetaImage, Interfile), chosen by the path. */
    MedicalImage read(ImageLocation image, String field) throws DosimetryInputException {
        try {
            return ImageFiles.read(image.path(), image.readOptions());
        } catch (ImageIoException e) {
            throw new DosimetryInputException(manifest + ": " + field + ": " + e.getMessage(), e);
        }
    }

    /** A label map that must lie on {@code ctGrid}. */
    LabelMap readLabels(Path file, String field, Geometry ctGrid, String ctField) throws DosimetryInputException {
        LabelMap labels;
        try {
            labels = ImageFiles.readLabels(file);
        } catch (ImageIoException e) {
            throw new DosimetryInputException(manifest + ": " + field + ": " + e.getMessage(), e);
        }
        if (!labels.geometry().sameGrid(ctGrid, SAME_GRID_TOLERANCE_MM)) {
            throw new DosimetryInputException(manifest + ": " + field + ": its grid (" + describe(labels.geometry())
                    + ") does not match " + ctField + " (" + describe(ctGrid) + ")");
        }
        return labels;
    }

    static String describe(Geometry g) {
        double[] s = g.spacing();
        return String.format(Locale.ROOT, "%dx%dx%d voxels of %.3gx%.3gx%.3g mm", g.nx(), g.ny(), g.nz(), s[0], s[1], s[2]);
    }

    /** World-space (LPS) bounding boxes of the two grids, voxel edge to voxel edge, intersect. */
    static boolean overlap(Geometry a, Geometry b) {
        double[][] ba = bounds(a);
        double[][] bb = bounds(b);
        for (int r = 0; r < 3; r++) {
            if (ba[1][r] <= bb[0][r] || bb[1][r] <= ba[0][r]) {
                return false;
            }
        }
        return true;
    }

    private static double[][] bounds(Geometry g) {
        double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] max = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int c = 0; c < 8; c++) {
            double[] w = g.indexToWorld((c & 1) == 0 ? -0.5 : g.nx() - 0.5, (c & 2) == 0 ? -0.5 : g.ny() - 0.5,
                    (c & 4) == 0 ? -0.5 : g.nz() - 0.5);
            for (int r = 0; r < 3; r++) {
                min[r] = Math.min(min[r], w[r]);
                max[r] = Math.max(max[r], w[r]);
            }
        }
        return new double[][] {min, max};
    }
}
