package org.organdose.report;

/**
 * The three display planes in patient (LPS) coordinates, in radiological convention: the patient's
 * right on the viewer's left; anterior at the top of axial slices, superior at the top of coronal
 * and sagittal ones; anterior on the left of sagittal slices.
 */
enum Plane {
    AXIAL("Axial", new double[] {1, 0, 0}, new double[] {0, 1, 0}, "R", "L", "A", "P"),
    CORONAL("Coronal", new double[] {1, 0, 0}, new double[] {0, 0, -1}, "R", "L", "S", "I"),
    SAGITTAL("Sagittal", new double[] {0, 1, 0}, new double[] {0, 0, -1}, "A", "P", "S", "I");

    private final String title;
    private final double[] right;
    private final double[] down;
    private final String[] edges;

    Plane(String title, double[] right, double[] down, String left, String rightEdge, String top, String bottom) {
        this.title = title;
        this.right = right;
        this.down = down;
        this.edges = new String[] {left, rightEdge, top, bottom};
    }

    String title() { return title; }

    /** LPS unit vector along image columns (left to right). */
    double[] right() { return right.clone(); }

    /** LPS unit vector along image rows (top to bottom). */
    double[] down() { return down.clone(); }

    /** right x down: the slice normal, so that the three make a right-handed frame. */
    double[] normal() {
        return new double[] {right[1] * down[2] - right[2] * down[1], right[2] * down[0] - right[0] * down[2],
                right[0] * down[1] - right[1] * down[0]};
    }

    /** Orientation letters at the left, right, top and bottom edges. */
    String[] edges() { return edges.clone(); }

    /** The name of the LPS coordinate the slice is fixed in, for captions. */
    String fixedCoordinate() {
        return switch (this) {
            case AXIAL -> "z";
            case CORONAL -> "y";
            case SAGITTAL -> "x";
        };
    }

    /** The LPS axis (0 x, 1 y, 2 z) the slice is fixed in. */
    int fixedAxis() {
        return switch (this) {
            case AXIAL -> 2;
            case CORONAL -> 1;
            case SAGITTAL -> 0;
        };
    }
}
