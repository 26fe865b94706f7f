package org.organdose.dosimetry;

import java.util.List;

/**
 * A fitted (or integrated) time-activity curve.
 *
 * @param model           the model used (never AUTO)
 * @param parameters      values in the order of {@link FitModel#parameterNames()}
 * @param standardErrors  one standard error per parameter (NaN when there are no residual degrees of freedom)
 * @param rSquared        1 - SS_res/SS_tot on the measured activities (NaN for the trapezoid)
 * @param aicc            corrected Akaike criterion of the weighted fit; NaN when n &lt;= k + 1
 * @param tiaMBqH         time-integrated activity from injection to infinity, MBq h
 * @param warnings        what a physicist should look at
 */
public record TimeActivityFit(FitModel model, double[] parameters, double[] standardErrors, double rSquared,
                              double aicc, double tiaMBqH, List<String> warnings) {
    public TimeActivityFit {
        parameters = parameters.clone();
        standardErrors = standardErrors.clone();
        warnings = List.copyOf(warnings);
    }

    /** The model's activity in MBq at {@code hours}; the trapezoid has no curve and returns NaN. */
    public double activityMBq(double hours) {
        double[] p = parameters;
        return switch (model) {
            case MONO_EXPONENTIAL -> p[0] * Math.exp(-p[1] * hours);
            case BI_EXPONENTIAL -> p[0] * Math.exp(-p[1] * hours) + p[2] * Math.exp(-p[3] * hours);
            case BI_EXPONENTIAL_UPTAKE -> p[0] * (Math.exp(-p[1] * hours) - Math.exp(-p[2] * hours));
            case TRAPEZOID, AUTO -> Double.NaN;
        };
    }
}
