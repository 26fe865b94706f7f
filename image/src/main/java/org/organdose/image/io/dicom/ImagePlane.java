package org.organdose.image.io.dicom;

import java.nio.file.Path;

/**
 * One 2D image (a single-frame file or one frame of a multi-frame file) with its place in the
 * patient (LPS, mm) and the modality rescale of its stored values.
 *
 * @param file           the file holding its pixels
 * @param frame          the frame number in that file, 0 for single-frame files
 * @param rowCosine      LPS direction along a row (increasing column index)
 * @param columnCosine   LPS direction down a column (increasing row index)
 * @param position       LPS centre of the first transmitted pixel
 * @param rowSpacing     distance between rows, mm (PixelSpacing[0])
 * @param columnSpacing  distance between columns, mm (PixelSpacing[1])
 * @param sliceThickness nominal thickness, NaN when unknown; used only for single slices
 * @param tiltDegrees    gantry/detector tilt from the header, 0 when absent
 */
record ImagePlane(Path file, int frame, int rows, int columns, double[] rowCosine, double[] columnCosine,
                  double[] position, double rowSpacing, double columnSpacing, double sliceThickness,
                  double tiltDegrees, double slope, double intercept, PixelFormat format) {

    /** "file" or "frame N of file", for messages. */
    String describe() {
        return frame == 0 && file.getFileName() != null ? file.getFileName().toString()
                : "frame " + (frame + 1) + " of " + file.getFileName();
    }
}
