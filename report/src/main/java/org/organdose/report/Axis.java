package org.organdose.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A plot axis: a data range mapped onto a pixel range, linear or logarithmic, with round tick
 * values (1, 2 or 5 times a power of ten on a linear axis; decades, and 2 and 5 within a span of
 * less than two decades, on a logarithmic one).
 */
final class Axis {
    private final double min;
    private final double max;
    private final boolean log;
    private final double pixelAtMin;
    private final double pixelAtMax;
    private final List<Double> ticks;

    private Axis(double min, double max, boolean log, double pixelAtMin, double pixelAtMax, List<Double> ticks) {
        this.min = min;
        this.max = max;
        this.log = log;
        this.pixelAtMin = pixelAtMin;
        this.pixelAtMax = pixelAtMax;
        this.ticks = List.copyOf(ticks);
    }

    /** From 0 (or a negative {@code dataMin}) to a round value at or above {@code dataMax}. */
    static Axis linear(double dataMin, double dataMax, double pixelAtMin, double pixelAtMax) {
        double lo = Math.min(0, dataMin);
        double hi = dataMax > lo ? dataMax : lo + 1;
        double step = niceStep((hi - lo) / 5);
        double min = Math.floor(lo / step) * step;
        double max = Math.ceil(hi / step - 1e-9) * step;
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; min + i * step <= max + step * 1e-9; i++) {
            ticks.add(clean(min + i * step, step));
        }
        return new Axis(min, max, false, pixelAtMin, pixelAtMax, ticks);
    }

    /** Whole decades around the positive data range. */
    static Axis logarithmic(double dataMin, double dataMax, double pixelAtMin, double pixelAtMax) {
        int lo = (int) Math.floor(Math.log10(dataMin));
        int hi = (int) Math.ceil(Math.log10(dataMax));
        if (hi <= lo) {
            hi = lo + 1;
        }
        List<Double> ticks = new ArrayList<>();
        for (int e = lo; e <= hi; e++) {
            double decade = Math.pow(10, e);
            ticks.add(clean(decade, decade));
            if (hi - lo <= 2 && e < hi) {
                ticks.add(clean(2 * decade, decade));
                ticks.add(clean(5 * decade, decade));
            }
        }
        return new Axis(Math.pow(10, lo), Math.pow(10, hi), true, pixelAtMin, pixelAtMax, ticks);
    }

    double toPixel(double v) {
        double f = log ? (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min)) : (v - min) / (max - min);
        return pixelAtMin + f * (pixelAtMax - pixelAtMin);
    }

    boolean contains(double v) {
        return v >= min && v <= max && (!log || v > 0);
    }

    double min() { return min; }
    double max() { return max; }
    List<Double> ticks() { return ticks; }

    /** A tick value as a label: no trailing zeros, no exponent. */
    static String label(double v) {
        String s = java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    private static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
    }

    /** Removes binary rounding noise (0.30000000000000004) from a multiple of {@code step}. */
    private static double clean(double v, double step) {
        int decimals = Math.max(0, 1 - (int) Math.floor(Math.log10(step)));
        return java.math.BigDecimal.valueOf(v).setScale(decimals + 2, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
