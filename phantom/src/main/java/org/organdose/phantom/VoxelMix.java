package org.organdose.phantom;

/**
 * The running content of one voxel while the anatomy is painted structure by structure, back to
 * front. Each structure covers the voxel by a fraction taken from its signed distance (a linear
 * ramp one edge width wide), which blends its CT number over what lies below: this is the
 * partial-volume effect at boundaries. The voxel's tissue and organ label are those of the last
 * structure covering at least half of it, so labels and partial volumes agree.
 */
final class VoxelMix {
    private final float[] huByTissue;
    private final float[] textureByTissue;
    private final double edgeMm;
    double hu;
    Tissue tissue;
    int organ;
    private SmoothNoise field;
    private double x;
    private double y;
    private double z;
    private boolean textureRead;
    /** Unit-variance texture value at this voxel, scaled per tissue. */
    private double texture;

    VoxelMix(float[] huByTissue, float[] textureByTissue, double edgeMm) {
        this.huByTissue = huByTissue;
        this.textureByTissue = textureByTissue;
        this.edgeMm = edgeMm;
    }

    /** Starts a voxel at (x, y, z) as air; the texture field is read only when a tissue needs it. */
    void reset(SmoothNoise textureField, double x, double y, double z) {
        this.hu = huByTissue[Tissue.AIR.ordinal()];
        this.tissue = Tissue.AIR;
        this.organ = 0;
        this.field = textureField;
        this.x = x;
        this.y = y;
        this.z = z;
        this.textureRead = false;
    }

    /** Fraction (0..1) of the voxel inside a structure at signed distance {@code sdfMm}. */
    double coverage(double sdfMm) {
        double f = 0.5 - sdfMm / edgeMm;
        return f <= 0 ? 0 : f >= 1 ? 1 : f;
    }

    /** Paints an unlabelled structure. */
    void paint(double sdfMm, Tissue t) {
        paint(sdfMm, t, 0);
    }

    /** Paints a structure of tissue {@code t} belonging to organ label {@code label} (0: none). */
    void paint(double sdfMm, Tissue t, int label) {
        double f = coverage(sdfMm);
        if (f <= 0) {
            return;
        }
        paintFraction(f, t, label, huOf(t));
    }

    /** Paints with an explicit CT number (for tissues whose value varies inside, e.g. mottled faeces). */
    void paintFraction(double f, Tissue t, int label, double value) {
        hu += f * (value - hu);
        if (f >= 0.5) {
            tissue = t;
            organ = label;
        }
    }

    /** CT number of a tissue at this voxel including its texture. */
    double huOf(Tissue t) {
        int o = t.ordinal();
        if (!textureRead) {
            texture = field.at(x, y, z);
            textureRead = true;
        }
        return huByTissue[o] + textureByTissue[o] * texture;
    }

    double edgeMm() {
        return edgeMm;
    }
}
