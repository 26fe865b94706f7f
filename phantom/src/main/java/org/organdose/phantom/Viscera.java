package org.organdose.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.organdose.image.Organ;

/**
 * The abdominal organs of the digital patient: liver (with its vessels, gallbladder and optional
 * lesions), kidneys (cortex, medulla, sinus fat and pelvis), spleen, pancreas, stomach, duodenum,
 * colon and small bowel with gas and contents, and the great vessels. Organs are smooth implicit
 * shapes deformed by low-frequency noise and clipped against the body wall, the diaphragm and
 * each other in a fixed order of precedence (kidneys, liver, spleen, stomach, colon, pancreas),
 * so that they touch but never overlap.
 */
final class Viscera {
    private final Anatomy a;
    private final ContrastPhase phase;
    private final SmoothNoise liverShape;
    private final SmoothNoise spleenShape;
    private final SmoothNoise gutShape;
    private final SmoothNoise lumpShape;
    /** Shape fields at the organ centres: deformations are relative to them so that they change shape, not size. */
    private final double liverShapeAtCentre;
    private final double spleenShapeAtCentre;
    private final SmoothNoise vesselsA;
    private final SmoothNoise vesselsB;
    private final SmoothNoise loopsA;
    private final Cells loops;
    private static final ThreadLocal<Cells.Hit> CELL_HITS = ThreadLocal.withInitial(Cells.Hit::new);
    private final SmoothNoise contents;

    private final double[] liverC;
    private final double[] liverR;
    private final double liverSlope;
    private double[] liverBox;
    private final Kidney right;
    private final Kidney left;
    private final double[] spleenC;
    private final double[] spleenAxes;
    private final double[] spleenR;
    private double[] spleenBox;
    private final double[] gallbladder;
    private final double[] gallbladderBox;
    private final double[] stomach;
    private final double[] stomachBox;
    private final double stomachGasY;
    private final double[] duodenum;
    private final double[] duodenumBox;
    private final double[] colon;
    private final double[] colonBox;
    private final double[] pancreas;
    private final double[] pancreasBox;
    private final double smallBowelTop;
    private final List<double[]> vessels = new ArrayList<>();
    private final List<Tissue> vesselTissues = new ArrayList<>();
    private final List<double[]> vesselBoxes = new ArrayList<>();
    private final List<double[]> tumours = new ArrayList<>();

    Viscera(Anatomy a, Torso torso, ContrastPhase phase, int tumourCount, double[] boxMin, double[] boxMax) {
        this.a = a;
        this.phase = phase;
        liverShape = new SmoothNoise(a.random, boxMin, boxMax, 22);
        spleenShape = new SmoothNoise(a.random, boxMin, boxMax, 14);
        gutShape = new SmoothNoise(a.random, boxMin, boxMax, 14);
        lumpShape = new SmoothNoise(a.random, boxMin, boxMax, 5);
        vesselsA = new SmoothNoise(a.random, boxMin, boxMax, 6);
        vesselsB = new SmoothNoise(a.random, boxMin, boxMax, 6);
        loopsA = new SmoothNoise(a.random, boxMin, boxMax, 8);
        loops = new Cells(a.random.nextLong(), 30, 0.85);
        contents = new SmoothNoise(a.random, boxMin, boxMax, 3);

        double l1 = a.levelZ(Anatomy.L1);
        double l2 = a.levelZ(Anatomy.L2);
        double l3 = a.levelZ(Anatomy.L3);
        double t12 = a.levelZ(Anatomy.T12);
        double t11 = a.levelZ(Anatomy.T11);
        double spineAt = a.spineY(l1);
        double front = -a.halfDepthFront;
        double cavityX = a.halfWidth - a.fatSide - 14;

        liverC = new double[] {-a.uniform(45, 60), a.uniform(-20, -5), a.domeRightZ - a.uniform(70, 82)};
        liverR = new double[] {a.uniform(100, 110), a.uniform(92, 104), a.uniform(84, 93)};
        liverSlope = a.uniform(0.45, 0.65);
        liverBox = box(liverC, liverR, 10);
        liverShapeAtCentre = liverShape.at(liverC[0], liverC[1], liverC[2]);

        double leftZ = l1 - a.uniform(0, 0.6) * a.levelMm;
        double rightZ = leftZ - a.uniform(10, 20);
        left = new Kidney(a, +1, leftZ, boxMin, boxMax);
        right = new Kidney(a, -1, rightZ, boxMin, boxMax);

        spleenC = new double[] {cavityX - a.uniform(30, 38), a.spineY(t11) + a.uniform(15, 35), a.domeLeftZ - a.uniform(60, 72)};
        spleenR = new double[] {a.uniform(26, 31), a.uniform(44, 50), a.uniform(52, 58)};
        // long axis along the ribs: from postero-superior to antero-inferior, tipped outwards
        spleenAxes = frame(new double[] {0.15, -0.45, 1}, new double[] {-0.75, -0.65, 0});
        spleenBox = box(spleenC, new double[] {spleenR[2], spleenR[2], spleenR[2]}, 8);
        spleenShapeAtCentre = spleenShape.at(spleenC[0], spleenC[1], spleenC[2]);

        gallbladder = new double[] {liverC[0] + a.uniform(5, 20), front + a.fatFront + a.uniform(40, 55), liverC[2] - a.uniform(45, 60),
                a.uniform(14, 20), a.uniform(15, 21), a.uniform(30, 40)};
        gallbladderBox = box(gallbladder, new double[] {45, 45, 45}, 0);

        double dome = a.domeLeftZ;
        stomach = new double[] {
                cavityX * 0.45, a.spineY(t11) - 15, dome - 30, a.uniform(32, 42),
                cavityX * 0.52, front * 0.35, dome - 65, a.uniform(28, 36),
                cavityX * 0.35, front * 0.62, t12 - 25, a.uniform(24, 32),
                0, front * 0.62, l1 - 5, a.uniform(17, 22),
                -30, front * 0.45, l1, 11};
        stomachBox = Shapes.tubeBounds(stomach);
        stomachGasY = front * a.uniform(0.45, 0.6);
        duodenum = new double[] {
                -30, front * 0.45, l1, 11,
                -48, front * 0.2, l1 - 5, 12,
                -52, front * 0.15, l2 - 15, 12,
                -30, spineAt - 45, l3 + 5, 11,
                8, spineAt - 45, l3 + 8, 10,
                28, spineAt - 45, l2 - 5, 10};
        duodenumBox = Shapes.tubeBounds(duodenum);

        double bottom = a.topZ - PhantomOptions.MAX_LENGTH_MM - 30;
        double ascX = -(cavityX - 32);
        double descX = cavityX - 30;
        colon = new double[] {
                ascX + 8, front * 0.15, bottom, 24,
                ascX, front * 0.1, l3, a.uniform(22, 28),
                ascX + 12, front * 0.3, l1 + a.uniform(-10, 10), 24,
                -45, front * 0.7, l2 + a.uniform(-10, 10), a.uniform(20, 26),
                10, front * 0.78, l3 + a.uniform(-15, 15), a.uniform(20, 26),
                55, front * 0.65, l2, 22,
                descX - 8, front * 0.2, t12 + a.uniform(-10, 10), 20,
                descX, 0, l2, a.uniform(17, 22),
                descX - 5, 5, bottom, 18};
        colonBox = Shapes.tubeBounds(colon);

        double pancreasY = a.spineY(l1) - 50;
        pancreas = new double[] {
                -35, pancreasY + 5, l2 + 5, a.uniform(15, 19),
                -5, pancreasY - 8, l1 - 5, 12,
                35, pancreasY, l1 + 5, a.uniform(10, 13),
                spleenC[0] - 35, spleenC[1] - 30, spleenC[2] - 25, 9};
        pancreasBox = Shapes.tubeBounds(pancreas);
        smallBowelTop = l1 + a.uniform(-15, 5);

        // organ sizes: scale each shape until its volume, clipped by its neighbours, hits a size drawn from adult ranges
        double[] liverBase = liverR.clone();
        calibrate(a.uniform(1350, 1950), liverR, liverBase, () -> liverBox = box(liverC, liverR, 10),
                (x, y, z, s) -> liver(x, y, z, s, torso.cavity(x, y, z, s), kidneyOutline(right, x, y, z)));
        double[] spleenBase = spleenR.clone();
        calibrate(a.uniform(130, 240), spleenR, spleenBase, () -> spleenBox = box(spleenC, new double[] {spleenR[2], spleenR[2], spleenR[2]}, 8),
                (x, y, z, s) -> spleen(x, y, z, torso.cavity(x, y, z, s), kidneyOutline(left, x, y, z)));
        addVessels(l1, l2, l3, t12);
        for (int n = 0; n < tumourCount; n++) {
            placeTumour();
        }
    }

    private void addVessels(double l1, double l2, double l3, double t12) {
        double top = a.topZ + 20;
        double bif = a.aortaBifurcationZ;
        double aortaY = a.spineY(l1) - a.vertebraHalfDepth(l1) - 14;
        double[] aorta = {
                22, a.spineY(top) - a.vertebraHalfDepth(top) - 4, top, 12.5,
                14, a.spineY(t12) - a.vertebraHalfDepth(t12) - 8, t12, 12,
                12, aortaY, l2, 10.5,
                8, a.spineY(bif) - a.vertebraHalfDepth(bif) - 10, bif, 9.5};
        addVessel(aorta, Tissue.ARTERIAL_BLOOD);
        double bottom = a.topZ - PhantomOptions.MAX_LENGTH_MM - 30;
        double iliacY = a.spineY(bif) - a.vertebraHalfDepth(bif) - 18;
        addVessel(new double[] {8, iliacY + 8, bif, 7, 45, iliacY, bif - 60, 6.5, 62, iliacY, bottom, 6}, Tissue.ARTERIAL_BLOOD);
        addVessel(new double[] {8, iliacY + 8, bif, 7, -35, iliacY, bif - 60, 6.5, -55, iliacY, bottom, 6}, Tissue.ARTERIAL_BLOOD);
        double sma = aortaY - 10;
        addVessel(new double[] {12, aortaY, l1, 4, 10, sma - 18, l2, 4, 6, sma - 30, l3 - 20, 3}, Tissue.ARTERIAL_BLOOD);

        double conf = a.levelZ(Anatomy.L5);
        double ivcY = a.spineY(l1) - a.vertebraHalfDepth(l1) - 12;
        addVessel(new double[] {
                -18, a.spineY(conf) - a.vertebraHalfDepth(conf) - 6, conf, 10,
                -26, ivcY, l1, 11,
                -30, ivcY - 12, t12 + 10, 12,
                -24, ivcY - 22, a.domeRightZ - 8, 13}, Tissue.VENOUS_BLOOD);
        double veinY = a.spineY(conf) - a.vertebraHalfDepth(conf) - 2;
        addVessel(new double[] {-18, veinY, conf, 9, 25, veinY + 4, conf - 50, 8, 48, veinY + 4, bottom, 7.5}, Tissue.VENOUS_BLOOD);
        addVessel(new double[] {-18, veinY, conf, 9, -40, veinY + 4, conf - 50, 8, -60, veinY + 4, bottom, 7.5}, Tissue.VENOUS_BLOOD);
        addVessel(new double[] {left.hilum[0], left.hilum[1], left.hilum[2], 5.5, 20, aortaY - 15, left.hilum[2] - 3, 5,
                -20, ivcY, left.hilum[2] - 5, 6}, Tissue.VENOUS_BLOOD);
        addVessel(new double[] {right.hilum[0], right.hilum[1], right.hilum[2], 5.5, -24, ivcY, right.hilum[2] + 5, 6}, Tissue.VENOUS_BLOOD);

        double[] confluence = {0, pancreas[1] + 14, l1 - 8};
        double[] porta = {liverC[0] + 15, liverC[1] + 10, liverC[2] - 15};
        addVessel(new double[] {confluence[0], confluence[1], confluence[2], 7,
                -25, confluence[1] + 5, t12, 7.5, porta[0], porta[1], porta[2], 7}, Tissue.PORTAL_BLOOD);
        addVessel(new double[] {confluence[0], confluence[1], confluence[2], 6, 8, sma - 28, l3 - 20, 4.5}, Tissue.PORTAL_BLOOD);
        addVessel(new double[] {confluence[0], confluence[1], confluence[2], 5, 35, pancreas[9] + 14, pancreas[10], 5,
                spleenC[0] - 25, spleenC[1] - 15, spleenC[2] - 10, 5}, Tissue.PORTAL_BLOOD);
    }

    /** A signed distance field that may use the per-slice quantities. */
    @FunctionalInterface
    private interface Field {
        double at(double x, double y, double z, Slice s);
    }

    /**
     * Scales {@code radii} (from {@code base}) so that the volume inside {@code field} comes close
     * to {@code targetMl}: three fixed-point steps on the cube root of the volume ratio, each
     * volume counted on a 3 mm grid over the shape's box as returned by {@code rebox}.
     */
    private void calibrate(double targetMl, double[] radii, double[] base, Supplier<double[]> rebox, Field field) {
        double scale = 1;
        for (int step = 0; step < 4; step++) {
            for (int i = 0; i < radii.length; i++) {
                radii[i] = base[i] * scale;
            }
            double[] bounds = rebox.get();
            if (step == 3) {
                return;
            }
            double ml = volumeMl(field, bounds);
            if (ml <= 0) {
                return;
            }
            scale *= Math.cbrt(targetMl / ml);
        }
    }

    private double volumeMl(Field field, double[] bounds) {
        double h = 3;
        long inside = 0;
        for (double z = bounds[2] + h / 2; z < bounds[5]; z += h) {
            Slice s = new Slice(a, z);
            for (double y = bounds[1] + h / 2; y < bounds[4]; y += h) {
                for (double x = bounds[0] + h / 2; x < bounds[3]; x += h) {
                    if (field.at(x, y, z, s) < 0) {
                        inside++;
                    }
                }
            }
        }
        return inside * h * h * h / 1000;
    }

    private void addVessel(double[] path, Tissue t) {
        vessels.add(path);
        vesselTissues.add(t);
        vesselBoxes.add(Shapes.tubeBounds(path));
    }

    /** Places one lesion well inside the liver by rejection sampling. */
    private void placeTumour() {
        for (int attempt = 0; attempt < 500; attempt++) {
            double r = a.uniform(7, 22);
            double x = liverC[0] + a.uniform(-1, 1) * liverR[0];
            double y = liverC[1] + a.uniform(-1, 1) * liverR[1];
            double z = liverC[2] + a.uniform(-1, 1) * liverR[2];
            Slice s = new Slice(a, z);
            double cavity = Shapes.torso(x, y, s.halfWidth, s.halfDepthFront, s.halfDepthBack) + a.fatSide + 25;
            if (liver(x, y, z, s, cavity, kidneyOutline(right, x, y, z)) < -r - 6) {
                tumours.add(new double[] {x, y, z, r});
                return;
            }
        }
    }

    private static double[] box(double[] c, double[] r, double margin) {
        return new double[] {c[0] - r[0] - margin, c[1] - r[1] - margin, c[2] - r[2] - margin,
                c[0] + r[0] + margin, c[1] + r[1] + margin, c[2] + r[2] + margin};
    }

    /** Orthonormal frame {u, v, w} (row-major) with w along {@code long} and u close to {@code across}. */
    static double[] frame(double[] longAxis, double[] across) {
        double[] w = normalised(longAxis);
        double d = across[0] * w[0] + across[1] * w[1] + across[2] * w[2];
        double[] u = normalised(new double[] {across[0] - d * w[0], across[1] - d * w[1], across[2] - d * w[2]});
        double[] v = {w[1] * u[2] - w[2] * u[1], w[2] * u[0] - w[0] * u[2], w[0] * u[1] - w[1] * u[0]};
        return new double[] {u[0], u[1], u[2], v[0], v[1], v[2], w[0], w[1], w[2]};
    }

    private static double[] normalised(double[] v) {
        double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[] {v[0] / n, v[1] / n, v[2] / n};
    }

    /** Signed distance to the liver: a deformed ellipsoid cut into a wedge, under the right dome. */
    private double liver(double x, double y, double z, Slice s, double cavity, double kidneyRight) {
        if (!Shapes.inBox(liverBox, x, y, z, 0)) {
            return 50;
        }
        double dx = x - liverC[0];
        double dy = y - liverC[1];
        double dz = z - liverC[2];
        // the right lobe is deep, the left lobe thin and anterior
        double leftward = Math.max(0, dx);
        double ry = liverR[1] * (1 - 0.35 * Math.min(1, leftward / liverR[0]));
        double body = Shapes.ellipsoid(dx, dy + 0.25 * leftward, dz, liverR[0], ry, liverR[2])
                + 7 * (liverShape.at(x, y, z) - liverShapeAtCentre);
        // inferior surface rising towards the left: the wedge
        double inferior = (liverC[2] - 0.8 * liverR[2] + liverSlope * dx - z) / Math.sqrt(1 + liverSlope * liverSlope);
        double posteriorLeft = (dy - (0.9 * liverR[1] - 0.9 * leftward)) * 0.7;
        double d = Shapes.smoothIntersection(body, inferior, 12);
        d = Shapes.smoothIntersection(d, posteriorLeft, 10);
        d = Math.max(d, z - (a.diaphragmZ(x, y, cavity) - 4));
        d = Math.max(d, cavity + 1.5);
        d = Math.max(d, 2.5 - kidneyRight);
        double spine = Shapes.ellipse(x, y - s.spineY, s.vertebraHalfWidth + 14, s.vertebraHalfDepth + 12);
        return Math.max(d, -spine);
    }

    private double spleen(double x, double y, double z, double cavity, double kidneyLeft) {
        if (!Shapes.inBox(spleenBox, x, y, z, 0)) {
            return 50;
        }
        double dx = x - spleenC[0];
        double dy = y - spleenC[1];
        double dz = z - spleenC[2];
        double[] f = spleenAxes;
        double u = f[0] * dx + f[1] * dy + f[2] * dz;
        double v = f[3] * dx + f[4] * dy + f[5] * dz;
        double w = f[6] * dx + f[7] * dy + f[8] * dz;
        double d = Shapes.ellipsoid(u, v, w, spleenR[0], spleenR[1], spleenR[2])
                + 3 * (spleenShape.at(x, y, z) - spleenShapeAtCentre);
        // concave visceral surface facing the stomach and kidney
        double hollow = Shapes.ellipsoid(u - spleenR[0] * 2.2, v, w, spleenR[0] * 1.6, spleenR[1] * 1.3, spleenR[2] * 1.3);
        d = Shapes.smoothIntersection(d, -hollow, 8);
        d = Math.max(d, z - (a.diaphragmZ(x, y, cavity) - 4));
        d = Math.max(d, cavity + 1.5);
        return Math.max(d, 2.5 - kidneyLeft);
    }

    private double kidneyOutline(Kidney k, double x, double y, double z) {
        return Shapes.inBox(k.box, x, y, z, 0) ? k.outline(x, y, z) : 50;
    }

    /** Paints the viscera at one point; {@code cavity} is the signed distance to the body cavity's wall. */
    void paint(double x, double y, double z, Slice s, VoxelMix m, double cavity) {
        if (cavity > 6) {
            return;
        }
        double kr = kidneyOutline(right, x, y, z);
        double kl = kidneyOutline(left, x, y, z);
        double liver = liver(x, y, z, s, cavity, kr);
        double spleen = spleen(x, y, z, cavity, kl);
        if (kr < 5) {
            right.paint(x, y, z, kr, m, Organ.KIDNEY_RIGHT.label());
        }
        if (kl < 5) {
            left.paint(x, y, z, kl, m, Organ.KIDNEY_LEFT.label());
        }
        if (liver < 5) {
            paintLiver(x, y, z, liver, m);
        }
        if (spleen < 5) {
            m.paint(spleen, Tissue.SPLEEN, Organ.SPLEEN.label());
        }
        double organs = Math.min(Math.min(kr, kl), Math.min(liver, spleen));
        double stomachD = 50;
        if (Shapes.inBox(stomachBox, x, y, z, 5)) {
            stomachD = Math.max(Math.max(Shapes.tube(stomach, x, y, z) + 3 * gutShape.at(x, y, z), 2 - organs), cavity + 1.5);
            stomachD = Math.max(stomachD, z - (a.diaphragmZ(x, y, cavity) - 4));
            paintGut(x, y, z, stomachD, 4, stomachGasY, m, false);
        }
        double colonD = 50;
        if (Shapes.inBox(colonBox, x, y, z, 5)) {
            double haustra = 2.5 * Math.sin(z * 0.25 + x * 0.2);
            colonD = Math.max(Math.max(Shapes.tube(colon, x, y, z) + 3 * gutShape.at(x, y, z) + haustra, 2 - Math.min(organs, stomachD)), cavity + 1.5);
            paintGut(x, y, z, colonD, 3, Double.NaN, m, true);
        }
        double gut = Math.min(stomachD, colonD);
        if (Shapes.inBox(pancreasBox, x, y, z, 5)) {
            double d = Math.max(Shapes.tube(pancreas, x, y, z) + 3 * gutShape.at(x, y, z), 2 - Math.min(organs, gut));
            m.paint(d, Tissue.PANCREAS);
            double lobules = contents.at(x, y, z);
            if (lobules > 1.2 && m.tissue == Tissue.PANCREAS) {
                m.paintFraction(Math.min(1, lobules - 1.2), Tissue.PANCREAS, 0, m.huOf(Tissue.FAT));
            }
        }
        if (Shapes.inBox(duodenumBox, x, y, z, 5)) {
            double d = Math.max(Shapes.tube(duodenum, x, y, z), 2 - Math.min(organs, gut));
            paintGut(x, y, z, d, 3, stomachGasY, m, false);
        }
        if (z < smallBowelTop && m.tissue == Tissue.FAT && y < s.spineY - 10) {
            paintSmallBowel(x, y, z, m);
        }
        if (Shapes.inBox(gallbladderBox, x, y, z, 0)) {
            double d = Shapes.ellipsoid(x - gallbladder[0], y - gallbladder[1] + 0.3 * (z - gallbladder[2]), z - gallbladder[2],
                    gallbladder[3], gallbladder[4], gallbladder[5]);
            m.paint(Math.max(d, cavity + 1.5), Tissue.GUT_WALL);
            m.paint(Math.max(d, cavity + 1.5) + 2, Tissue.GALLBLADDER);
        }
        for (int v = 0; v < vessels.size(); v++) {
            if (Shapes.inBox(vesselBoxes.get(v), x, y, z, 3)) {
                m.paint(Shapes.tube(vessels.get(v), x, y, z), vesselTissues.get(v));
            }
        }
        for (double[] t : tumours) {
            double dx = x - t[0];
            double dy = y - t[1];
            double dz = z - t[2];
            if (Math.abs(dx) < t[3] + 8 && Math.abs(dy) < t[3] + 8 && Math.abs(dz) < t[3] + 8) {
                double d = Math.sqrt(dx * dx + dy * dy + dz * dz) - t[3] + 2 * lumpShape.at(x, y, z);
                m.paint(d, Tissue.TUMOUR, Organ.LIVER.label());
            }
        }
    }

    private void paintLiver(double x, double y, double z, double d, VoxelMix m) {
        m.paint(d, Tissue.LIVER, Organ.LIVER.label());
        if (m.organ != Organ.LIVER.label()) {
            return;
        }
        // portal and hepatic vein branches: thicker towards the hilum
        double va = vesselsA.at(x, y, z);
        double vb = vesselsB.at(x, y, z);
        double hx = x - (liverC[0] + 15);
        double hy = y - (liverC[1] + 10);
        double hz = z - (liverC[2] - 5);
        double near = Math.exp(-Math.sqrt(hx * hx + hy * hy + hz * hz) / 45);
        double vessel = (Math.sqrt(va * va + vb * vb) - (0.1 + 0.25 * near)) * 9;
        double f = m.coverage(vessel);
        if (f > 0) {
            m.paintFraction(f, Tissue.LIVER_VESSEL, Organ.LIVER.label(), m.huOf(Tissue.LIVER_VESSEL));
        }
    }

    /** Gut with a wall, contents (fluid or faeces) and gas in the non-dependent (anterior) part. */
    private void paintGut(double x, double y, double z, double d, double wall, double gasY, VoxelMix m, boolean faeces) {
        if (d > 3) {
            return;
        }
        m.paint(d, Tissue.GUT_WALL);
        double lumen = d + wall;
        double f = m.coverage(lumen);
        if (f <= 0) {
            return;
        }
        double c = contents.at(x, y, z);
        boolean gas;
        if (faeces) {
            gas = c > 0.9 || lumpShape.at(x, y, z) > 1.1;
        } else {
            gas = y < gasY;
        }
        if (gas) {
            m.paintFraction(f, Tissue.GAS, 0, m.huOf(Tissue.GAS));
        } else if (faeces) {
            m.paintFraction(f, Tissue.FECES, 0, Tissue.FECES.hu(phase) + 90 * c);
        } else {
            m.paintFraction(f, Tissue.GUT_FLUID, 0, m.huOf(Tissue.GUT_FLUID) + 12 * c);
        }
    }

    /**
     * Small-bowel loops: cells of a cellular noise, rounded and separated by thin mesenteric
     * fat, each with a wall and its own content: fluid, fluid with a gas bubble in front, or
     * collapsed (wall only).
     */
    private void paintSmallBowel(double x, double y, double z, VoxelMix m) {
        Cells.Hit hit = CELL_HITS.get();
        double wobble = 2.5 * lumpShape.at(x, y, z);
        loops.evaluate(x + wobble, y - wobble, z + wobble, hit);
        double d = Shapes.smoothIntersection(1.2 - hit.boundary, hit.nearest - 17, 5) + 1.5 * loopsA.at(x, y, z);
        if (d > 3) {
            return;
        }
        m.paint(d, Tissue.GUT_WALL);
        double cell = hit.cellValue;
        if (cell < 0.15) {
            return;
        }
        double f = m.coverage(d + 2.5);
        if (f <= 0) {
            return;
        }
        double c = contents.at(x, y, z);
        if (cell > 0.9 && y < hit.centreY - 4) {
            m.paintFraction(f, Tissue.GAS, 0, m.huOf(Tissue.GAS));
        } else {
            m.paintFraction(f, Tissue.GUT_FLUID, 0, m.huOf(Tissue.GUT_FLUID) + 10 * c);
        }
    }

    /** A kidney: bean-shaped, tilted, with cortex, medullary pyramids, sinus fat and pelvis. */
    private static final class Kidney {
        final double[] c;
        final double[] axes;
        final double ra;
        final double rb;
        final double rc;
        final double[] box;
        final double[] hilum;
        final double cortex;
        private final SmoothNoise shape;
        private final double centreShape;

        Kidney(Anatomy an, int side, double z, double[] boxMin, double[] boxMax) {
            double y = an.spineY(z) + an.uniform(8, 16);
            double x = side * (an.vertebraHalfWidth(z) + an.uniform(44, 52));
            c = new double[] {x, y, z};
            ra = an.uniform(28, 33);
            rb = an.uniform(20, 24);
            rc = an.uniform(50, 58);
            cortex = an.uniform(6, 8);
            double medial = -side;
            // upper pole medial and posterior; hilum facing antero-medially
            double[] longAxis = {medial * Math.tan(Math.toRadians(an.uniform(5, 12))), Math.tan(Math.toRadians(an.uniform(15, 30))), 1};
            double hilumTurn = Math.toRadians(an.uniform(25, 45));
            axes = frame(longAxis, new double[] {medial * Math.cos(hilumTurn), -Math.sin(hilumTurn), 0});
            box = new double[] {x - rc, y - rc, z - rc - 5, x + rc, y + rc, z + rc + 5};
            hilum = new double[] {x + axes[0] * ra * 1.1, y + axes[1] * ra * 1.1, z + axes[2] * ra * 1.1};
            shape = new SmoothNoise(an.random, boxMin, boxMax, 12);
            centreShape = shape.at(x, y, z);
        }

        /** Local coordinate along axis row 0 (u: towards the hilum), 1 (v: across) or 2 (w: long axis). */
        private double local(int row, double x, double y, double z) {
            return axes[3 * row] * (x - c[0]) + axes[3 * row + 1] * (y - c[1]) + axes[3 * row + 2] * (z - c[2]);
        }

        double outline(double x, double y, double z) {
            double pu = local(0, x, y, z);
            double pv = local(1, x, y, z);
            double pw = local(2, x, y, z);
            // bean: the poles bend towards the hilum and a notch opens the sinus
            double u = pu - 0.25 * ra * (pw / rc) * (pw / rc);
            double d = Shapes.ellipsoid(u, pv, pw, ra, rb, rc) + 1.5 * (shape.at(x, y, z) - centreShape);
            double notch = Shapes.ellipsoid(pu - 1.05 * ra, pv, pw, 0.38 * ra, 0.42 * rb, 0.26 * rc);
            return Shapes.smoothIntersection(d, -notch, 4);
        }

        void paint(double x, double y, double z, double d, VoxelMix m, int label) {
            m.paint(d, Tissue.KIDNEY_CORTEX, label);
            double pu = local(0, x, y, z);
            double pv = local(1, x, y, z);
            double pw = local(2, x, y, z);
            double sinus = Shapes.ellipsoid(pu - 0.7 * ra, pv, pw, 0.45 * ra, 0.38 * rb, 0.5 * rc);
            // pyramids: the medulla between the cortex and the sinus, split by columns of cortex
            double phi = Math.atan2(pw / rc, pv / rb);
            double columns = (0.3 - Math.abs(Math.sin(3.5 * phi))) * 8;
            double medulla = Math.max(Math.max(d + cortex, -sinus + 1), columns);
            m.paint(Math.max(medulla, d), Tissue.KIDNEY_MEDULLA, label);
            m.paint(Math.max(sinus, d), Tissue.FAT);
            double pelvis = Shapes.ellipsoid(pu - 0.6 * ra, pv, pw + 0.1 * rc, 0.42 * ra, 0.28 * rb, 0.3 * rc);
            m.paint(Math.max(pelvis, d - 3), Tissue.RENAL_PELVIS, label);
        }
    }
}
