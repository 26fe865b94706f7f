package org.organdose.report;

import java.util.List;
import org.organdose.image.Organ;

/**
 * The frame of an inline SVG plot: plot area, grid, ticks with labels and axis titles, and a
 * legend of organs. Each tick is a {@code <g class="tick" data-value=... data-pixel=...>} inside
 * {@code <g class="x-axis">} or {@code <g class="y-axis">}, its grid line drawn at that pixel, so
 * a reader (or a test) can map pixels back to data.
 */
final class PlotFrame {
    static final double WIDTH = 560;
    static final double HEIGHT = 340;
    static final double LEFT = 66;
    static final double RIGHT = 14;
    static final double TOP = 14;
    static final double BOTTOM = 50;

    private PlotFrame() {
    }

    static double plotLeft() { return LEFT; }
    static double plotRight() { return WIDTH - RIGHT; }
    static double plotTop() { return TOP; }
    static double plotBottom() { return HEIGHT - BOTTOM; }

    /** The opening of the SVG with its frame; the caller appends the data and then {@link #close}. */
    static void open(StringBuilder svg, String cssClass, String ariaLabel, Axis x, Axis y, String xTitle, String yTitle) {
        svg.append("<svg class=\"plot ").append(cssClass).append("\" viewBox=\"0 0 ").append(Format.px(WIDTH)).append(' ')
                .append(Format.px(HEIGHT)).append("\" role=\"img\" aria-label=\"").append(Format.html(ariaLabel)).append("\">\n");
        svg.append("<rect class=\"area\" x=\"").append(Format.px(LEFT)).append("\" y=\"").append(Format.px(TOP))
                .append("\" width=\"").append(Format.px(plotRight() - LEFT)).append("\" height=\"")
                .append(Format.px(plotBottom() - TOP)).append("\"/>\n");
        svg.append("<g class=\"x-axis\">\n");
        for (double t : x.ticks()) {
            String p = Format.px(x.toPixel(t));
            svg.append("<g class=\"tick\" data-value=\"").append(Axis.label(t)).append("\" data-pixel=\"").append(p).append("\">")
                    .append("<line class=\"grid\" x1=\"").append(p).append("\" y1=\"").append(Format.px(TOP)).append("\" x2=\"")
                    .append(p).append("\" y2=\"").append(Format.px(plotBottom())).append("\"/><text x=\"").append(p)
                    .append("\" y=\"").append(Format.px(plotBottom() + 16)).append("\" text-anchor=\"middle\">")
                    .append(Axis.label(t)).append("</text></g>\n");
        }
        svg.append("<text class=\"title\" x=\"").append(Format.px((LEFT + plotRight()) / 2)).append("\" y=\"")
                .append(Format.px(HEIGHT - 10)).append("\" text-anchor=\"middle\">").append(Format.html(xTitle)).append("</text>\n");
        svg.append("</g>\n<g class=\"y-axis\">\n");
        for (double t : y.ticks()) {
            double p = y.toPixel(t);
            svg.append("<g class=\"tick\" data-value=\"").append(Axis.label(t)).append("\" data-pixel=\"").append(Format.px(p))
                    .append("\"><line class=\"grid\" x1=\"").append(Format.px(LEFT)).append("\" y1=\"").append(Format.px(p))
                    .append("\" x2=\"").append(Format.px(plotRight())).append("\" y2=\"").append(Format.px(p))
                    .append("\"/><text x=\"").append(Format.px(LEFT - 6)).append("\" y=\"").append(Format.px(p + 4))
                    .append("\" text-anchor=\"end\">").append(Axis.label(t)).append("</text></g>\n");
        }
        double cy = (TOP + plotBottom()) / 2;
        svg.append("<text class=\"title\" x=\"16\" y=\"").append(Format.px(cy)).append("\" text-anchor=\"middle\" transform=\"rotate(-90 16 ")
                .append(Format.px(cy)).append(")\">").append(Format.html(yTitle)).append("</text>\n");
        svg.append("</g>\n");
    }

    /** The legend in the plot's upper right corner, then the end of the SVG. */
    static void close(StringBuilder svg, List<Organ> organs, String extraLegend) {
        double w = 128;
        int rows = organs.size() + (extraLegend == null ? 0 : 1);
        double x = plotRight() - w - 8;
        double y = TOP + 8;
        svg.append("<g class=\"legend\"><rect x=\"").append(Format.px(x)).append("\" y=\"").append(Format.px(y))
                .append("\" width=\"").append(Format.px(w)).append("\" height=\"").append(Format.px(8 + 16 * rows)).append("\"/>\n");
        for (int i = 0; i < organs.size(); i++) {
            double ly = y + 14 + 16 * i;
            svg.append("<line x1=\"").append(Format.px(x + 8)).append("\" y1=\"").append(Format.px(ly - 4)).append("\" x2=\"")
                    .append(Format.px(x + 28)).append("\" y2=\"").append(Format.px(ly - 4)).append("\" stroke=\"")
                    .append(OrganStyle.css(organs.get(i))).append("\" stroke-width=\"2.5\"/>");
            svg.append("<text x=\"").append(Format.px(x + 34)).append("\" y=\"").append(Format.px(ly)).append("\">")
                    .append(OrganStyle.name(organs.get(i))).append("</text>\n");
        }
        if (extraLegend != null) {
            svg.append("<text class=\"note\" x=\"").append(Format.px(x + 8)).append("\" y=\"")
                    .append(Format.px(y + 14 + 16 * organs.size())).append("\">").append(Format.html(extraLegend)).append("</text>\n");
        }
        svg.append("</g>\n</svg>\n");
    }
}
