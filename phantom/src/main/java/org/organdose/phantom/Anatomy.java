package org.organdose.phantom;

import java.util.Random;

/**
 * The seeded proportions of one digital patient: vertebral levels, body size, fat and muscle
 * thickness, diaphragm domes and organ positions, all in LPS millimetres (+x patient left,
 * +y posterior, +z superior) with the body's axial centre on x = 0, y = 0 and the middle of the
 * second lumbar vertebra at z = 0. Values are drawn from ranges typical of adults.
 */
final class Anatomy {
    /** Vertebral levels from T5 (index 0) to S1 (index 13). */
    static final int T5 = 0;
    static final int T9 = 4;
    static final int T10 = 5;
    static final int T11 = 6;
    static final int T12 = 7;
    static final int L1 = 8;
    static final int L2 = 9;
    static final int L3 = 10;
    static final int L4 = 11;
    static final int L5 = 12;
    static final int S1 = 13;

    final Random random;
    /** Height of one vertebra plus disc (mm). */
    final double levelMm;
    final double halfWidth;
    final double halfDepthFront;
    final double halfDepthBack;
    final double belly;
    final double fatFront;
    final double fatSide;
    final double fatBack;
    final double domeRightZ;
    final double domeLeftZ;
    final double topZ;
    final double iliacCrestZ;
    final double aortaBifurcationZ;

    Anatomy(long seed) {
        random = new Random(seed);
        double size = uniform(0.92, 1.08);
        levelMm = uniform(31, 35) * Math.sqrt(size);
        halfWidth = uniform(148, 168) * size;
        halfDepthFront = uniform(112, 130) * size;
        halfDepthBack = uniform(96, 106) * size;
        belly = uniform(0, 0.12);
        fatFront = uniform(14, 34);
        fatSide = uniform(14, 30);
        fatBack = uniform(10, 20);
        domeRightZ = levelZ(T10) + uniform(-10, 10);
        domeLeftZ = domeRightZ - uniform(8, 20);
        topZ = domeRightZ + uniform(30, 40);
        iliacCrestZ = levelZ(L4) + uniform(0, 0.5) * levelMm;
        aortaBifurcationZ = levelZ(L4) + uniform(-0.3, 0.3) * levelMm;
    }

    double uniform(double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    /** Centre (z, mm) of vertebral level n. */
    double levelZ(int n) {
        return (L2 - n) * levelMm;
    }

    /** Level index (fractional) at height z. */
    double levelAt(double z) {
        return L2 - z / levelMm;
    }

    /** Half-width of the body outline at height z: the chest widens a little, the hips more. */
    double halfWidthAt(double z) {
        return halfWidth * (1 + 0.05 * Shapes.smoothstep(levelZ(L1), levelZ(T10), z)
                + 0.10 * Shapes.smoothstep(levelZ(L3), levelZ(S1), z));
    }

    /** Anterior half-depth at height z, with the belly's forward bulge around the navel. */
    double halfDepthFrontAt(double z) {
        double navel = levelZ(L3);
        double d = (z - navel) / 90;
        return halfDepthFront * (1 + belly * Math.exp(-d * d)) * (1 - 0.06 * Shapes.smoothstep(levelZ(L2), levelZ(T9), z));
    }

    /** Posterior half-depth at height z. */
    double halfDepthBackAt(double z) {
        return halfDepthBack;
    }

    /** Antero-posterior position of the vertebral body centre: lumbar lordosis brings L3-L4 forward. */
    double spineY(double z) {
        double d = (z - levelZ(L3)) / 100;
        return halfDepthBack - fatBack - 64 - 12 * Math.exp(-d * d);
    }

    /** Half-width of the vertebral body at height z: lumbar bodies are larger than thoracic. */
    double vertebraHalfWidth(double z) {
        return 17 + 7 * Shapes.smoothstep(levelZ(T10), levelZ(L4), z);
    }

    /** Half-depth of the vertebral body at height z. */
    double vertebraHalfDepth(double z) {
        return 13 + 4 * Shapes.smoothstep(levelZ(T10), levelZ(L4), z);
    }

    /**
     * Height of the diaphragm above (x, y): two domes, the right one higher, falling steeply
     * towards the posterior and lateral costophrenic recesses.
     */
    double diaphragmZ(double x, double y) {
        double apexZ = domeRightZ + (domeLeftZ - domeRightZ) * Shapes.smoothstep(-20, 20, x);
        double dx = Math.abs(x) - 55;
        double dy = y + 10;
        double fall = 0.0075 * dx * dx + (dy > 0 ? 0.0062 : 0.0025) * dy * dy;
        // the central tendon between the domes sags a little over the heart
        double centre = Math.abs(x) < 55 ? 8 * (1 - Math.abs(x) / 55) * Shapes.smoothstep(40, -20, y) : 0;
        return apexZ - fall - centre;
    }

    /**
     * The diaphragm's height where the body cavity's wall is {@code cavityMm} away (negative
     * inside): the costophrenic recesses run down along the chest wall all round, so the lung
     * bases show as crescents against the ribs rather than as flat sheets.
     */
    double diaphragmZ(double x, double y, double cavityMm) {
        return diaphragmZ(x, y) - 30 * Math.exp(Math.min(cavityMm, 0) / 10);
    }
}
