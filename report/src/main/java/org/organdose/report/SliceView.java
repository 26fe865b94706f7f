package org.organdose.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Collection;
import javax.imageio.ImageIO;
import org.organdose.image.Geometry;
import org.organdose.image.Interpolation;
import org.organdose.image.LabelInterpolation;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;
import org.organdose.image.Plane;
import org.organdose.image.Resampler;
import org.organdose.image.Volume;

/**
 * One slice through an organ's centroid: the CT in a soft-tissue window, the dose as a colour
 * wash and every organ's contour, resampled by geometry onto a slice plane in patient
 * coordinates, drawn into a PNG and wrapped in an SVG whose units are millimetres (for the
 * orientation letters and the scale bar).
 */
final class SliceView {
    /** Soft-tissue window, HU. */
    static final double WINDOW_LOW_HU = -160;
    static final double WINDOW_HIGH_HU = 240;
    /** Tissue shown around the organ's bounding box, mm. */
    private static final double MARGIN_MM = 40;
    private static final int MAX_PIXELS = 320;
    private static final double MIN_PIXEL_MM = 0.5;

    private SliceView() {
    }

    /**
     * @param doseScaleGy the dose at the top of the colour scale
     * @param organs      the organs whose contours are drawn
     */
    static String svg(Plane plane, Organ focus, OrganExtent extent, Volume ct, LabelMap labels, Volume doseGy,
                      double doseScaleGy, Collection<Organ> organs) {
        Geometry slice = sliceGeometry(plane, extent);
        float[] hu = Resampler.resample(ct, slice, Interpolation.TRILINEAR, -1024f).voxels();
        float[] dose = Resampler.resample(doseGy, slice, Interpolation.TRILINEAR, 0f).voxels();
        byte[] lab = Resampler.resampleLabels(labels, slice, LabelInterpolation.NEAREST).labels();
        int w = slice.nx();
        int h = slice.ny();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                int p = i + w * j;
                double grey = 255 * Math.max(0, Math.min(1, (hu[p] - WINDOW_LOW_HU) / (WINDOW_HIGH_HU - WINDOW_LOW_HU)));
                double r = grey;
                double g = grey;
                double b = grey;
                double f = dose[p] / doseScaleGy;
                if (f >= DoseColours.THRESHOLD) {
                    int c = DoseColours.rgb(f);
                    r = (1 - DoseColours.ALPHA) * r + DoseColours.ALPHA * (c >> 16 & 0xFF);
                    g = (1 - DoseColours.ALPHA) * g + DoseColours.ALPHA * (c >> 8 & 0xFF);
                    b = (1 - DoseColours.ALPHA) * b + DoseColours.ALPHA * (c & 0xFF);
                }
                img.setRGB(i, j, ((int) Math.round(r) << 16) | ((int) Math.round(g) << 8) | (int) Math.round(b));
            }
        }
        for (Organ o : organs) {
            drawContour(img, lab, w, h, (byte) o.label(), OrganStyle.rgb(o), o == focus);
        }
        double px = slice.spacing(0);
        double wmm = w * px;
        double hmm = h * px;
        double font = Math.max(wmm, hmm) * 0.07;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"slice\" data-plane=\"").append(plane.name().toLowerCase()).append("\" data-organ=\"")
                .append(focus.key()).append("\" viewBox=\"0 0 ").append(Format.px(wmm)).append(' ').append(Format.px(hmm))
                .append("\" role=\"img\" aria-label=\"").append(plane.title()).append(" slice through the ")
                .append(OrganStyle.name(focus).toLowerCase()).append("\">\n");
        svg.append("<image width=\"").append(Format.px(wmm)).append("\" height=\"").append(Format.px(hmm))
                .append("\" preserveAspectRatio=\"none\" href=\"data:image/png;base64,").append(png(img)).append("\"/>\n");
        String[] e = plane.edges();
        svg.append("<g class=\"orientation\" font-size=\"").append(Format.px(font)).append("\">");
        svg.append(letter(e[0], font * 0.4, hmm / 2 + font * 0.35, "start"));
        svg.append(letter(e[1], wmm - font * 0.4, hmm / 2 + font * 0.35, "end"));
        svg.append(letter(e[2], wmm / 2, font * 1.1, "middle"));
        svg.append(letter(e[3], wmm / 2, hmm - font * 0.4, "middle"));
        svg.append("</g>\n");
        double bar = wmm >= 250 ? 50 : wmm >= 120 ? 20 : 10;
        double y = hmm - font * 0.8;
        svg.append("<g class=\"scale-bar\"><line x1=\"").append(Format.px(font * 0.6)).append("\" y1=\"").append(Format.px(y))
                .append("\" x2=\"").append(Format.px(font * 0.6 + bar)).append("\" y2=\"").append(Format.px(y))
                .append("\" stroke-width=\"").append(Format.px(Math.max(0.6, font * 0.12))).append("\"/>");
        svg.append("<text x=\"").append(Format.px(font * 0.6 + bar / 2)).append("\" y=\"").append(Format.px(y - font * 0.3))
                .append("\" font-size=\"").append(Format.px(font * 0.7)).append("\" text-anchor=\"middle\">")
                .append(Format.fixed(bar / 10, 0)).append(" cm</text></g>\n</svg>\n");
        return svg.toString();
    }

    /** The slice plane's position along its normal, mm, for captions. */
    static double position(Plane plane, OrganExtent extent) {
        return extent.centroidLps()[plane.normalAxis()];
    }

    /**
     * A one-voxel-thick grid in the plane through the organ's centroid: a square field of view,
     * the same for all three planes, centred on the organ's bounding box and holding it with a
     * margin. What lies outside the CT shows black.
     */
    static Geometry sliceGeometry(Plane plane, OrganExtent extent) {
        double[] u = plane.right();
        double[] v = plane.down();
        double[] n = plane.normal();
        double[] min = extent.minLps();
        double[] max = extent.maxLps();
        double side = 0;
        double[] centre = new double[3];
        for (int a = 0; a < 3; a++) {
            side = Math.max(side, max[a] - min[a] + 2 * MARGIN_MM);
            centre[a] = (min[a] + max[a]) / 2;
        }
        int pixels = (int) Math.ceil(side / Math.max(MIN_PIXEL_MM, side / MAX_PIXELS));
        double px = side / pixels;
        double[] c = extent.centroidLps();
        double along = c[0] * n[0] + c[1] * n[1] + c[2] * n[2];
        double cu = centre[0] * u[0] + centre[1] * u[1] + centre[2] * u[2];
        double cv = centre[0] * v[0] + centre[1] * v[1] + centre[2] * v[2];
        double first = -side / 2 + px / 2;
        double[] origin = new double[3];
        for (int a = 0; a < 3; a++) {
            origin[a] = u[a] * (cu + first) + v[a] * (cv + first) + n[a] * along;
        }
        double[] direction = {u[0], v[0], n[0], u[1], v[1], n[1], u[2], v[2], n[2]};
        return new Geometry(pixels, pixels, 1, new double[] {px, px, px}, origin, direction);
    }

    /** Pixels of the organ with a 4-neighbour outside it; the focus organ's contour two pixels wide. */
    private static void drawContour(BufferedImage img, byte[] lab, int w, int h, byte label, int rgb, boolean thick) {
        boolean[] edge = new boolean[w * h];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                int p = i + w * j;
                if (lab[p] == label && (i == 0 || j == 0 || i == w - 1 || j == h - 1 || lab[p - 1] != label
                        || lab[p + 1] != label || lab[p - w] != label || lab[p + w] != label)) {
                    edge[p] = true;
                }
            }
        }
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                if (!edge[i + w * j]) {
                    continue;
                }
                img.setRGB(i, j, rgb);
                if (thick) {
                    // widen inwards only, so the contour does not cover the neighbouring tissue
                    for (int[] d : new int[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
                        int x = i + d[0];
                        int y = j + d[1];
                        if (x >= 0 && y >= 0 && x < w && y < h && lab[x + w * y] == label) {
                            img.setRGB(x, y, rgb);
                        }
                    }
                }
            }
        }
    }

    private static String letter(String text, double x, double y, String anchor) {
        return "<text x=\"" + Format.px(x) + "\" y=\"" + Format.px(y) + "\" text-anchor=\"" + anchor + "\">" + text + "</text>";
    }

    private static String png(BufferedImage img) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding in memory failed", e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** A vertical colour bar of the dose scale with its ticks in Gy. */
    static String colourBar(String id, double doseScaleGy) {
        double top = 10;
        double bottom = 250;
        Axis axis = Axis.linear(0, doseScaleGy, bottom, top);
        double thresholdY = axis.toPixel(DoseColours.THRESHOLD * doseScaleGy);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"colour-bar\" viewBox=\"0 0 74 275\" role=\"img\" aria-label=\"dose colour scale in Gy\">\n");
        svg.append("<defs><linearGradient id=\"").append(id).append("\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">")
                .append(DoseColours.gradientStops()).append("</linearGradient></defs>\n");
        svg.append("<rect x=\"8\" y=\"").append(Format.px(top)).append("\" width=\"16\" height=\"")
                .append(Format.px(thresholdY - top)).append("\" fill=\"url(#").append(id).append(")\"/>\n");
        svg.append("<rect class=\"below-threshold\" x=\"8\" y=\"").append(Format.px(thresholdY)).append("\" width=\"16\" height=\"")
                .append(Format.px(bottom - thresholdY)).append("\"/>\n");
        svg.append("<rect class=\"outline\" x=\"8\" y=\"").append(Format.px(top)).append("\" width=\"16\" height=\"")
                .append(Format.px(bottom - top)).append("\"/>\n<g class=\"y-axis\">");
        for (double t : axis.ticks()) {
            double y = axis.toPixel(t);
            svg.append("<line x1=\"24\" x2=\"28\" y1=\"").append(Format.px(y)).append("\" y2=\"").append(Format.px(y)).append("\"/>");
            svg.append("<text x=\"31\" y=\"").append(Format.px(y + 4)).append("\">").append(Axis.label(t)).append("</text>");
        }
        svg.append("</g>\n<text class=\"title\" x=\"16\" y=\"270\" text-anchor=\"middle\">Gy</text>\n</svg>\n");
        return svg.toString();
    }

    /**
     * The top of the colour scale for an organ: a round dose above its D2 by a quarter, so that
     * the dose inside the organ spans the colours while a hotter neighbour saturates.
     */
    static double doseScale(double d2Gy) {
        return Axis.linear(0, 1.25 * d2Gy, 0, 1).max();
    }
}
