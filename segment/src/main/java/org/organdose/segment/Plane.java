package org.organdose.segment;

/**
 * A slicing plane of the working grid (axis-aligned LPS: x to the patient's left, y posterior,
 * z superior). Each plane names the axis its slices are normal to and the two in-plane axes,
 * rows first; rows run from superior to inferior for the coronal and sagittal planes so that the
 * network sees the body upright in both.
 */
public enum Plane {
    /** Slices normal to z; rows along y (anterior to posterior), columns along x (right to left). */
    AXIAL(2, 1, 0),
    /** Slices normal to y; rows along z, columns along x. */
    CORONAL(1, 2, 0),
    /** Slices normal to x; rows along z, columns along y. */
    SAGITTAL(0, 2, 1);

    private final int normalAxis;
    private final int rowAxis;
    private final int columnAxis;

    Plane(int normalAxis, int rowAxis, int columnAxis) {
        this.normalAxis = normalAxis;
        this.rowAxis = rowAxis;
        this.columnAxis = columnAxis;
    }

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
}
