package org.organdose.image;

/**
 * The three axis-aligned slicing planes of an LPS grid (x to the patient's left, y posterior, z
 * superior), in radiological convention: the patient's right on the viewer's left, anterior at the
 * top of axial slices, superior at the top of coronal and sagittal ones, anterior on the left of
 * sagittal ones. The networks see their 2.5D stacks this way (the body upright in coronal and
 * sagittal slices) and the report draws its slices this way, so both take the plane from here.
 */
public enum Plane {
    /** Slices normal to z; rows along y (anterior to posterior), columns along x (right to left). */
    AXIAL("Axial", 2, 1, 0, "R", "L", "A", "P"),
    /** Slices normal to y; rows along z (superior at the top), columns along x. */
    CORONAL("Coronal", 1, 2, 0, "R", "L", "S", "I"),
    /** Slices normal to x; rows along z (superior at the top), columns along y. */
    SAGITTAL("Sagittal", 0, 2, 1, "A", "P", "S", "I");

    private final String title;
    private final int normalAxis;
    private final int rowAxis;
    private final int columnAxis;
    private final String[] edges;

    Plane(String title, int normalAxis, int rowAxis, int columnAxis, String left, String right, String top, String bottom) {
        this.title = title;
        this.normalAxis = normalAxis;
        this.rowAxis = rowAxis;
        this.columnAxis = columnAxis;
        this.edges = new String[] {left, right, top, bottom};
    }

    public String title() {
        return title;
    }

    /** The LPS axis (0 x, 1 y, 2 z) the slices are normal to, i.e. fixed in. */
    public int normalAxis() {
        return normalAxis;
    }

    public int rowAxis() {
        return rowAxis;
    }

    public int columnAxis() {
        return columnAxis;
    }

    /** Whether rows run against their axis (superior at the top for coronal and sagittal). */
    public boolean rowsReversed() {
        return rowAxis == 2;
    }

    /** The name of the LPS coordinate the slice is fixed in ("z" for axial), for captions. */
    public String fixedCoordinate() {
        return String.valueOf("xyz".charAt(normalAxis));
    }

    /** LPS unit vector along image columns (left to right on screen). */
    public double[] right() {
        return unit(columnAxis, 1);
    }

    /** LPS unit vector along image rows (top to bottom on screen). */
    public double[] down() {
        return unit(rowAxis, rowsReversed() ? -1 : 1);
    }

    /** right x down: the slice normal, so that the three make a right-handed frame. */
    public double[] normal() {
        double[] r = right();
        double[] d = down();
        return new double[] {r[1] * d[2] - r[2] * d[1], r[2] * d[0] - r[0] * d[2], r[0] * d[1] - r[1] * d[0]};
    }

    /** Orientation letters at the left, right, top and bottom edges. */
    public String[] edges() {
        return edges.clone();
    }

    private static double[] unit(int axis, double sign) {
        double[] v = new double[3];
        v[axis] = sign;
        return v;
    }
}
