package org.organdose.phantom;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.Plane;
import org.organdose.image.Volume;

/**
 * Renders axial, coronal and sagittal CT slices to PNG in a soft-tissue window, with organ label
 * outlines optionally drawn in colour, for looking at phantoms next to real CT. Display follows
 * radiological convention: patient right on the image left, anterior up (axial), superior up.
 */
final class SlicePng {
    private static final int[] COLOURS = {0, 0xff5050, 0x50ff50, 0x5090ff, 0xffd040};

    private SlicePng() {
    }

    /** Plane 2 = axial at index k, 1 = coronal at index j, 0 = sagittal at index i. */
    static void write(Volume ct, LabelMap labels, int plane, int index, double lo, double hi, Path png) throws IOException {
        Geometry g = ct.geometry();
        int w = plane == 0 ? g.ny() : g.nx();
        int h = plane == 2 ? g.ny() : g.nz();
        double aspect = plane == 2 ? g.spacing(1) / g.spacing(0) : g.spacing(2) / g.spacing(plane == 0 ? 1 : 0);
        int outH = (int) Math.round(h * aspect);
        BufferedImage img = new BufferedImage(w, outH, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < outH; r++) {
            int row = Math.min(h - 1, (int) (r / aspect));
            for (int c = 0; c < w; c++) {
                int i;
                int j;
                int k;
                if (plane == 2) {
                    i = c;
                    j = row;
                    k = index;
                } else if (plane == 1) {
                    i = c;
                    j = index;
                    k = g.nz() - 1 - row;
                } else {
                    i = index;
                    j = c;
                    k = g.nz() - 1 - row;
                }
                double v = (ct.get(i, j, k) - lo) / (hi - lo);
                int grey = (int) Math.round(255 * Math.max(0, Math.min(1, v)));
                int rgb = grey * 0x010101;
                if (labels != null) {
                    int l = labels.get(i, j, k);
                    if (l > 0 && l < COLOURS.length && isEdge(labels, plane, i, j, k, l)) {
                        rgb = COLOURS[l];
                    }
                }
                img.setRGB(c, r, rgb);
            }
        }
        ImageIO.write(img, "png", png.toFile());
    }

    private static boolean isEdge(LabelMap labels, int plane, int i, int j, int k, int l) {
        Geometry g = labels.geometry();
        int[][] steps = plane == 2 ? new int[][] {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}}
                : plane == 1 ? new int[][] {{1, 0, 0}, {-1, 0, 0}, {0, 0, 1}, {0, 0, -1}}
                : new int[][] {{0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
        for (int[] s : steps) {
            int a = i + s[0];
            int b = j + s[1];
            int c = k + s[2];
            if (!g.contains(a, b, c) || labels.get(a, b, c) != l) {
                return true;
            }
        }
        return false;
    }
}
