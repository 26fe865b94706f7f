package org.organdose.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.organdose.dosimetry.FitModel;
import org.organdose.image.Organ;
import org.organdose.dosimetry.SavedResults;

/**
 * Time-activity curves as inline SVG: each organ's measured activities as points and its fitted
 * curve (for the trapezoid: the integrated shape, first activity held back to injection and
 * physical decay after the last point, dashed), hours p.i. on x, MBq on a linear or log y axis.
 */
final class TimeActivityPlot {
    private static final int CURVE_SAMPLES = 240;

    private TimeActivityPlot() {
    }

    static String svg(List<SavedResults.OrganValues> organs, double halfLifeHours, boolean logarithmic) {
        double lastHours = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (SavedResults.OrganValues o : organs) {
            for (Map.Entry<Double, Double> e : o.activityMBqByHours().entrySet()) {
                lastHours = Math.max(lastHours, e.getKey());
                if (e.getValue() > 0) {
                    lo = Math.min(lo, e.getValue());
                }
                hi = Math.max(hi, e.getValue());
            }
        }
        Axis x = Axis.linear(0, lastHours * 1.1, PlotFrame.plotLeft(), PlotFrame.plotRight());
        for (SavedResults.OrganValues o : organs) {
            for (int s = 0; s <= CURVE_SAMPLES; s++) {
                double a = activity(o, x.max() * s / CURVE_SAMPLES, halfLifeHours);
                if (Double.isFinite(a)) {
                    hi = Math.max(hi, a);
                }
            }
            double end = activity(o, x.max(), halfLifeHours);
            if (end > 0) {
                lo = Math.min(lo, end);
            }
        }
        if (!(hi > 0)) {
            hi = 1;
        }
        if (!Double.isFinite(lo)) {
            lo = hi / 10;
        }
        Axis y = logarithmic ? Axis.logarithmic(lo * 0.8, hi * 1.1, PlotFrame.plotBottom(), PlotFrame.plotTop())
                : Axis.linear(0, hi * 1.05, PlotFrame.plotBottom(), PlotFrame.plotTop());
        StringBuilder svg = new StringBuilder();
        PlotFrame.open(svg, "tac " + (logarithmic ? "log" : "linear"), "time-activity curves, "
                + (logarithmic ? "logarithmic" : "linear") + " activity axis", x, y, "time after injection (h)", "activity (MBq)");
        boolean anyTrapezoid = false;
        for (SavedResults.OrganValues o : organs) {
            anyTrapezoid |= o.fit().model() == FitModel.TRAPEZOID;
            svg.append("<path class=\"fit\" data-organ=\"").append(o.organ().key()).append("\" stroke=\"")
                    .append(OrganStyle.css(o.organ())).append('"')
                    .append(o.fit().model() == FitModel.TRAPEZOID ? " stroke-dasharray=\"5 3\"" : "").append(" d=\"")
                    .append(curvePath(o, x, y, halfLifeHours)).append("\"/>\n");
        }
        for (SavedResults.OrganValues o : organs) {
            for (Map.Entry<Double, Double> e : o.activityMBqByHours().entrySet()) {
                if (y.contains(e.getValue())) {
                    svg.append("<circle class=\"point\" data-organ=\"").append(o.organ().key()).append("\" cx=\"")
                            .append(Format.px(x.toPixel(e.getKey()))).append("\" cy=\"").append(Format.px(y.toPixel(e.getValue())))
                            .append("\" r=\"3.5\" fill=\"").append(OrganStyle.css(o.organ())).append("\"/>\n");
                }
            }
        }
        List<Organ> keys = new ArrayList<>();
        organs.forEach(o -> keys.add(o.organ()));
        PlotFrame.close(svg, keys, anyTrapezoid ? "dashed: trapezoid" : "points: measured");
        return svg.toString();
    }

    /** The fitted (or, for the trapezoid, integrated) activity in MBq at {@code hours}. */
    static double activity(SavedResults.OrganValues o, double hours, double halfLifeHours) {
        if (o.fit().model() != FitModel.TRAPEZOID) {
            return o.fit().activityMBq(hours);
        }
        Map.Entry<Double, Double> previous = null;
        for (Map.Entry<Double, Double> e : o.activityMBqByHours().entrySet()) {
            if (hours <= e.getKey()) {
                if (previous == null) {
                    return e.getValue();
                }
                double f = (hours - previous.getKey()) / (e.getKey() - previous.getKey());
                return previous.getValue() + f * (e.getValue() - previous.getValue());
            }
            previous = e;
        }
        return previous == null ? Double.NaN
                : previous.getValue() * Math.exp(-Math.log(2) / halfLifeHours * (hours - previous.getKey()));
    }

    /** Path segments through the samples that lie on the axes (a log axis drops values at or below its minimum). */
    private static String curvePath(SavedResults.OrganValues o, Axis x, Axis y, double halfLifeHours) {
        StringBuilder d = new StringBuilder();
        boolean drawing = false;
        for (int s = 0; s <= CURVE_SAMPLES; s++) {
            double t = x.max() * s / CURVE_SAMPLES;
            double a = activity(o, t, halfLifeHours);
            if (Double.isFinite(a) && y.contains(a)) {
                d.append(drawing ? " L" : (d.length() == 0 ? "M" : " M")).append(Format.px(x.toPixel(t))).append(' ')
                        .append(Format.px(y.toPixel(a)));
                drawing = true;
            } else {
                drawing = false;
            }
        }
        return d.toString();
    }
}
