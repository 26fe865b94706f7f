package org.organdose.phantom;

/** Quantities of an {@link Anatomy} that depend on height only, computed once per axial slice. */
final class Slice {
    final double z;
    final double halfWidth;
    final double halfDepthFront;
    final double halfDepthBack;
    final double spineY;
    final double vertebraHalfWidth;
    final double vertebraHalfDepth;
    /** Height relative to the centre of the nearest vertebral level. */
    final double levelOffset;
    /** Half-height of the vertebral body (the rest of the level is disc). */
    final double vertebraHalfHeight;
    /** Lumbar weight: 0 in the thorax, 1 from L2 down. */
    final double lumbar;

    Slice(Anatomy a, double z) {
        this.z = z;
        halfWidth = a.halfWidthAt(z);
        halfDepthFront = a.halfDepthFrontAt(z);
        halfDepthBack = a.halfDepthBackAt(z);
        spineY = a.spineY(z);
        vertebraHalfWidth = a.vertebraHalfWidth(z);
        vertebraHalfDepth = a.vertebraHalfDepth(z);
        int level = (int) Math.round(a.levelAt(z));
        levelOffset = z - a.levelZ(level);
        lumbar = Shapes.smoothstep(a.levelZ(Anatomy.T11), a.levelZ(Anatomy.L2), z);
        double disc = 6 + 4 * lumbar;
        vertebraHalfHeight = (a.levelMm - disc) / 2;
    }
}
