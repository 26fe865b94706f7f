package org.organdose.report;

import java.util.Locale;

/** Number formatting and HTML escaping shared by the report's tables and plots. */
final class Format {
    private Format() {
    }

    /** {@code v} with {@code digits} significant digits in plain notation; "–" for NaN. */
    static String sig(double v, int digits) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        if (v == 0) {
            return "0";
        }
        int decimals = Math.max(0, digits - 1 - (int) Math.floor(Math.log10(Math.abs(v))));
        return fixed(v, decimals);
    }

    /** {@code v} with {@code decimals} decimals; "–" for NaN. */
    static String fixed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return s.startsWith("-") && Double.parseDouble(s) == 0 ? s.substring(1) : s;
    }

    /** A signed percentage difference of {@code value} against {@code reference}, e.g. "+0.5 %"; "–" without reference. */
    static String percentDifference(double value, double reference) {
        if (!Double.isFinite(value) || !Double.isFinite(reference) || reference == 0) {
            return "–";
        }
        double d = 100 * (value - reference) / reference;
        String s = fixed(d, 1);
        return (d > 0 && !s.equals("0.0") ? "+" : "") + s.replace('-', '−') + " %";
    }

    /** A plot coordinate: 0.1 px is finer than any screen or print shows. */
    static String px(double v) {
        return fixed(v, 1);
    }

    /** Text safe inside HTML elements and attribute values. */
    static String html(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
