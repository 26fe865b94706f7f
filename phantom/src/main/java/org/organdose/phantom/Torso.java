package org.organdose.phantom;

/**
 * The body wall and skeleton of the digital patient: scanner table, skin, subcutaneous fat,
 * abdominal and back muscles (abdominal wall split by the linea alba, paraspinal, psoas, quadratus lumborum, iliacus,
 * gluteal), lung bases, diaphragm and heart, vertebrae with discs and posterior elements, ribs
 * with costal cartilage, iliac wings and sacrum.
 */
final class Torso {
    private final Anatomy a;
    private final SmoothNoise wallNoise;
    private final SmoothNoise lungVesselsA;
    private final SmoothNoise lungVesselsB;
    private final double tableY;
    /** Per rib (T5..T12): head height, total drop to its anterior end, angular end, cartilage start. */
    private final double[] ribHeadZ = new double[8];
    private final double[] ribDrop = new double[8];
    private final double[] ribEnd = new double[8];
    private final double[] ribCartilage = new double[8];

    Torso(Anatomy a, double[] boxMin, double[] boxMax) {
        this.a = a;
        wallNoise = new SmoothNoise(a.random, boxMin, boxMax, 18);
        lungVesselsA = new SmoothNoise(a.random, boxMin, boxMax, 4);
        lungVesselsB = new SmoothNoise(a.random, boxMin, boxMax, 4);
        tableY = a.halfDepthBack + 1;
        for (int r = 0; r < 8; r++) {
            int level = Anatomy.T5 + r;
            ribHeadZ[r] = a.levelZ(level) + a.uniform(-3, 3);
            ribDrop[r] = a.uniform(95, 120) + 8 * Math.max(0, r - 4);
            ribEnd[r] = r <= 4 ? 2.75 : r == 5 ? 2.55 : r == 6 ? 2.0 : 1.45;
            ribCartilage[r] = r <= 4 ? 2.25 : r == 5 ? 2.15 : 9;
        }
    }

    /** Height of the table top's upper surface under (x): a shallow curved cradle. */
    private double tableTop(double x) {
        return tableY + 0.0004 * x * x;
    }

    /**
     * Paints the wall, thorax and skeleton at one point and returns the signed distance to the
     * inner surface of the muscle wall (negative inside the body cavity).
     */
    double paint(double x, double y, double z, Slice s, VoxelMix m) {
        paintTable(x, y, m);
        double body = Shapes.torso(x, y, s.halfWidth, s.halfDepthFront, s.halfDepthBack);
        if (body > m.edgeMm()) {
            return body;
        }
        double[] layers = new double[2];
        wallLayers(x, y, z, layers);
        double fat = layers[0];
        double muscle = layers[1];
        m.paint(body, Tissue.SKIN);
        m.paint(body + 2, Tissue.FAT);
        double wallOuter = body + 2 + fat;
        // the linea alba splits the rectus muscles
        double wall = y < -0.6 * Math.hypot(x, y) ? Math.max(wallOuter, 3.5 - Math.abs(x)) : wallOuter;
        m.paint(wall, Tissue.MUSCLE);
        double cavity = wallOuter + muscle;
        m.paint(cavity, Tissue.FAT);
        paintBackMuscles(x, y, z, s, m);
        paintThorax(x, y, z, s, m, cavity);
        paintSpine(x, y, s, m);
        paintRibs(x, y, z, s, m, body + 2 + fat + muscle * 0.5);
        paintPelvis(x, y, z, s, m);
        return cavity;
    }

    /** Signed distance (mm) to the inner surface of the muscle wall: negative inside the body cavity. */
    double cavity(double x, double y, double z, Slice s) {
        double[] layers = new double[2];
        wallLayers(x, y, z, layers);
        return Shapes.torso(x, y, s.halfWidth, s.halfDepthFront, s.halfDepthBack) + 2 + layers[0] + layers[1];
    }

    /** Subcutaneous fat and muscle wall thickness (mm) in the direction of (x, y) from the body axis. */
    private void wallLayers(double x, double y, double z, double[] out) {
        double len = Math.sqrt(x * x + y * y) + 1e-9;
        double ux = x / len;
        double uy = y / len;
        double paunch = 1 + 0.6 * a.belly / 0.12 * Shapes.smoothstep(a.levelZ(Anatomy.L1), a.levelZ(Anatomy.L4), z);
        double fat = (uy < 0 ? a.fatFront * uy * uy * paunch : a.fatBack * uy * uy) + a.fatSide * ux * ux;
        out[0] = fat * (1 + 0.22 * wallNoise.at(x, y, z));
        out[1] = uy < 0 ? 10 + 4 * ux * ux : 12;
    }

    private void paintTable(double x, double y, VoxelMix m) {
        double top = tableTop(x);
        if (y < top - 2 || Math.abs(x) > 260) {
            return;
        }
        double upper = Math.abs(y - top - 1.5) - 1.5;
        double lower = Math.abs(y - top - 38.5) - 1.5;
        double foam = Math.max(top + 3 - y, y - top - 37);
        m.paint(foam, Tissue.TABLE_FOAM);
        m.paint(Math.min(upper, lower), Tissue.TABLE_SHELL);
    }

    private void paintBackMuscles(double x, double y, double z, Slice s, VoxelMix m) {
        double ys = s.spineY;
        double rv = s.vertebraHalfWidth;
        double ax = Math.abs(x);
        if (ax > rv + 90 || y < ys - 40) {
            return;
        }
        // erector spinae and multifidus beside the spinous processes
        double paraX = rv * 0.5 + 19;
        double paraY = ys + s.vertebraHalfDepth + 36;
        m.paint(Shapes.ellipse(ax - paraX, y - paraY, 21 + 8 * s.lumbar, 18 + 5 * s.lumbar), Tissue.MUSCLE);
        double t12 = a.levelZ(Anatomy.T12);
        double l4 = a.levelZ(Anatomy.L4);
        if (z < t12 + 10) {
            double grow = Shapes.smoothstep(t12 + 10, l4, z);
            double r = 4 + 19 * grow;
            double below = Math.max(0, l4 - z);
            double cx = rv + r * 0.8 + 1 + 0.3 * below;
            double cy = ys - 1 - 0.35 * below;
            m.paint(Shapes.ellipse(ax - cx, y - cy, r, r * 0.95), Tissue.MUSCLE);
            if (z > a.iliacCrestZ - 5) {
                double q = Shapes.smoothstep(t12 + 10, a.levelZ(Anatomy.L2), z);
                m.paint(Shapes.ellipse(ax - (rv + 46 + 6 * q), y - (ys + 20), 8 + 8 * q, 14 + 6 * q), Tissue.MUSCLE);
            }
        }
    }

    private double wingCentreX(double z) {
        return 62 + 0.1 * (a.iliacCrestZ - z);
    }

    private double wingRadiusX(double z) {
        return Math.max(30, 68 - 0.22 * (a.iliacCrestZ - z));
    }

    private void paintThorax(double x, double y, double z, Slice s, VoxelMix m, double cavity) {
        double dia = a.diaphragmZ(x, y, cavity);
        if (z < dia - 8 || cavity > 10) {
            return;
        }
        double spineClear = Shapes.ellipse(x, y - s.spineY, s.vertebraHalfWidth + 6, s.vertebraHalfDepth + 8);
        double mediastinum = Shapes.ellipse(x - 10, y - (s.spineY - 55), 40, 72);
        double lung = Math.max(Math.max(cavity + 2, dia + 3 - z), Math.max(-mediastinum, -spineClear));
        m.paint(lung, Tissue.LUNG);
        if (m.tissue == Tissue.LUNG) {
            double va = lungVesselsA.at(x, y, z);
            double vb = lungVesselsB.at(x, y, z);
            double vessel = (Math.sqrt(va * va + vb * vb) - 0.16) * 5;
            double f = m.coverage(vessel);
            if (f > 0) {
                m.paintFraction(f * 0.85, Tissue.LUNG, 0, 30);
            }
        }
        // the diaphragm: a muscle sheet 4 mm thick below the lungs, dome-shaped
        m.paint(Math.max(cavity + 1, Math.abs(z - dia + 1) - 2.5), Tissue.MUSCLE);
        double heartZ = a.domeLeftZ + 28;
        double above = dia - z;
        m.paint(Math.max(Shapes.ellipsoid(x - 28, y - (s.spineY - 70), z - heartZ, 68, 52, 55), above), Tissue.FAT);
        m.paint(Math.max(Shapes.ellipsoid(x - 30, y - (s.spineY - 68), z - heartZ, 60, 45, 50), above + 1), Tissue.HEART);
    }

    private void paintSpine(double x, double y, Slice s, VoxelMix m) {
        double ys = s.spineY;
        if (Math.abs(x) > 80 || y < ys - 35 || y > ys + 95) {
            return;
        }
        double rx = s.vertebraHalfWidth;
        double ry = s.vertebraHalfDepth;
        double zz = s.levelOffset;
        double hb = s.vertebraHalfHeight;
        // the posterior border of the body is slightly concave towards the canal
        double section = Shapes.ellipse(x, y - ys, rx, ry) + 3 * Math.exp(-x * x / 90) * Shapes.smoothstep(ys, ys + ry, y);
        double body = Shapes.smoothIntersection(section, Math.abs(zz) - hb, 2.5);
        double disc = Math.max(section + 0.5, hb - Math.abs(zz));
        m.paint(disc, Tissue.DISC);
        m.paint(body, Tissue.CORTICAL_BONE);
        m.paint(body + 1.4, Tissue.CANCELLOUS_BONE);
        double lv = a.levelMm;
        double canalR = 8 + 2 * s.lumbar;
        double canalY = ys + ry + canalR + 1;
        double canal = Shapes.ellipse(x, y - canalY, canalR * 1.15, canalR);
        // pedicles (two short bars from the body backwards), laminae roofing the canal, facet joints
        double archBand = Math.abs(zz - 0.05 * lv) - 0.4 * lv;
        double pedicleX = canalR * 1.15 + 3.5;
        double pedicles = Math.max(Math.abs(Math.abs(x) - pedicleX) - 4,
                Math.max(ys + ry - 4 - y, y - canalY - 2));
        double roof = Math.max(Math.max(Shapes.ellipse(x, y - canalY - 1, canalR * 1.15 + 6, canalR + 6.5), -canal + 0.5),
                canalY - 1 - y);
        double facets = Shapes.ellipse(Math.abs(x) - pedicleX - 5, y - canalY - 5, 5.5, 7);
        double arch = Math.max(Math.min(Math.min(pedicles, roof), facets), archBand);
        // spinous process sloping down as it runs back
        double back = y - (canalY + canalR);
        double spinous = Math.max(Math.max(Math.abs(x) - 3.5, Math.abs(zz + 0.3 * Math.max(back, 0) + 0.02 * lv) - 0.2 * lv),
                Math.max(-back - 4, back - (30 + 8 * s.lumbar)));
        // transverse processes: long and lateral in the lumbar spine, short and backward in the thorax
        double tpLength = 12 + 12 * s.lumbar;
        double tpY = canalY - 2 + 10 * (1 - s.lumbar) * Math.max(0, Math.abs(x) - rx) / tpLength;
        double transverse = Math.max(Math.max(Math.abs(y - tpY) - 3.5, Math.abs(zz - 0.08 * lv) - 4),
                Math.max(Math.abs(x) - (rx + tpLength), -Math.abs(x) + 4));
        double posterior = Math.min(arch, Math.min(spinous, transverse));
        m.paint(posterior, Tissue.CORTICAL_BONE);
        m.paint(posterior + 1.5, Tissue.CANCELLOUS_BONE);
        m.paint(canal, Tissue.SPINAL_CANAL);
    }

    private void paintRibs(double x, double y, double z, Slice s, VoxelMix m, double ribRadial) {
        // ribs lie within 14 mm of their depth, which is at most 28 mm deeper near the spine
        if (z > ribHeadZ[0] + 20 || z < ribHeadZ[7] - ribDrop[7] - 20 || ribRadial > 14 || ribRadial < -42) {
            return;
        }
        double cy = s.spineY - 25;
        // 0 straight behind the centre, pi straight in front
        double theta = Math.atan2(Math.abs(x), y - cy);
        if (theta < 0.55) {
            return;
        }
        double deep = 28 * Shapes.smoothstep(1.25, 0.65, theta);
        double radial = ribRadial + deep;
        if (Math.abs(radial) > 14) {
            return;
        }
        double t = (theta - 0.55) / (Math.PI - 0.55);
        for (int r = 0; r < 8; r++) {
            if (theta > ribEnd[r]) {
                continue;
            }
            double ribZ = ribHeadZ[r] - ribDrop[r] * t;
            double dz = z - ribZ;
            if (Math.abs(dz) > 10) {
                continue;
            }
            double tip = (theta - ribEnd[r]) * 60;
            double rib = Math.max(Shapes.ellipse(radial, dz, 4.2, 6.0), tip);
            if (theta > ribCartilage[r]) {
                m.paint(rib, Tissue.CARTILAGE);
            } else {
                m.paint(rib, Tissue.CORTICAL_BONE);
                m.paint(rib + 1.3, Tissue.CANCELLOUS_BONE);
            }
        }
    }

    private void paintPelvis(double x, double y, double z, Slice s, VoxelMix m) {
        double crest = a.iliacCrestZ;
        if (z > crest + 5) {
            return;
        }
        double ax = Math.abs(x);
        double cx = wingCentreX(z);
        double cy = s.spineY - 20;
        double rx = wingRadiusX(z);
        double ry = 0.8 * rx;
        double dx = ax - cx;
        double dy = y - cy;
        // angle around the wing's centre: 0 lateral, negative anterior, positive posterior
        double psi = Math.atan2(dy, dx);
        double crestZ = crest - 14 * (psi < 0 ? psi * psi : 0.25 * psi * psi);
        double thickness = 2.5 + 3.5 * Shapes.smoothstep(crest - 60, crest - 110, z) + 2 * Math.max(0, psi - 1.5);
        double blade = Math.abs(Shapes.ellipse(dx, dy, rx, ry)) - thickness;
        double sector = Math.max(-1.0 - psi, psi - 1.9) * rx;
        double wing = Math.max(Math.max(blade, sector), z - crestZ);
        // gluteal muscles outside the blade, iliacus lining the iliac fossa inside it
        m.paint(Math.max(Math.max(Shapes.ellipse(dx, dy, rx + 22, ry + 18), -Shapes.ellipse(dx, dy, rx, ry)),
                Math.max(sector, z - crestZ + 8)), Tissue.MUSCLE);
        double iliacusDepth = 8 + 10 * Shapes.smoothstep(crest, crest - 60, z);
        m.paint(Math.max(Math.max(Shapes.ellipse(dx, dy, rx, ry), -Shapes.ellipse(dx, dy, rx - iliacusDepth, ry - iliacusDepth)),
                Math.max(sector + 5, z - crestZ + 6)), Tissue.MUSCLE);
        m.paint(wing, Tissue.CORTICAL_BONE);
        m.paint(wing + 1.2, Tissue.CANCELLOUS_BONE);
        double sacrumTop = a.levelZ(Anatomy.S1) + a.levelMm * 0.45;
        if (z < sacrumTop) {
            double ala = Math.max(Shapes.ellipse(x, y - (s.spineY + 12), cx + 8, 24), z - sacrumTop);
            m.paint(ala, Tissue.CORTICAL_BONE);
            m.paint(ala + 1.5, Tissue.CANCELLOUS_BONE);
        }
    }
}
