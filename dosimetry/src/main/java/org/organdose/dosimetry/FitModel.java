package org.organdose.dosimetry;

import java.util.List;

/** Time-activity curve models; A in MBq, t in hours p.i., rates in 1/h. */
public enum FitModel {
    /** A(t) = A1 e^(-l1 t). */
    MONO_EXPONENTIAL(List.of("A1_MBq", "lambda1_per_h")),
    /** A(t) = A1 e^(-l1 t) + A2 e^(-l2 t), l1 &lt; l2, amplitudes of either sign. */
    BI_EXPONENTIAL(List.of("A1_MBq", "lambda1_per_h", "A2_MBq", "lambda2_per_h")),
    /** A(t) = A0 (e^(-l1 t) - e^(-l2 t)), l1 (washout) &lt; l2 (uptake): zero at injection. */
    BI_EXPONENTIAL_UPTAKE(List.of("A0_MBq", "lambda_washout_per_h", "lambda_uptake_per_h")),
    /**
     * Trapezoids between the points, the first point's activity held constant back to injection,
     * and physical decay after the last point.
     */
    TRAPEZOID(List.of()),
    /** The model with the lowest AICc among those the number of points allows (n &gt; k + 1). */
    AUTO(List.of());

    private final List<String> parameterNames;

    FitModel(List<String> parameterNames) {
        this.parameterNames = parameterNames;
    }

    public List<String> parameterNames() {
        return parameterNames;
    }

    public int parameterCount() {
        return parameterNames.size();
    }
}
