package org.organdose.simulation;

import java.util.List;

/**
 * The true activity concentration of one compartment over time, a sum of exponentials with
 * effective half-lives: c(t) = sum_k a_k 2^(-t / T_k), in MBq/mL with t in hours p.i. An uptake
 * phase is a term with a negative amplitude and a short half-life.
 *
 * @param terms the (amplitude MBq/mL, effective half-life h) pairs
 */
public record CompartmentKinetics(List<Term> terms) {
    /** One exponential term. */
    public record Term(double amplitudeMBqPerMl, double halfLifeHours) {
        public Term {
            if (!(halfLifeHours > 0)) {
                throw new IllegalArgumentException("half-life must be positive, got " + halfLifeHours);
            }
        }
    }

    public CompartmentKinetics {
        terms = List.copyOf(terms);
    }

    public static CompartmentKinetics of(double a1, double t1, double a2, double t2) {
        return new CompartmentKinetics(List.of(new Term(a1, t1), new Term(a2, t2)));
    }

    /** Concentration at {@code hours} p.i., MBq/mL. */
    public double concentrationMBqPerMl(double hours) {
        double c = 0;
        for (Term t : terms) {
            c += t.amplitudeMBqPerMl() * Math.pow(2, -hours / t.halfLifeHours());
        }
        return c;
    }

    /** Integral of the concentration from injection to infinity, MBq h/mL (analytic). */
    public double integralMBqHPerMl() {
        double sum = 0;
        for (Term t : terms) {
            sum += t.amplitudeMBqPerMl() * t.halfLifeHours() / Math.log(2);
        }
        return sum;
    }

    /** Integral between two times, MBq h/mL (analytic). */
    public double integralMBqHPerMl(double fromHours, double toHours) {
        double sum = 0;
        for (Term t : terms) {
            double lambda = Math.log(2) / t.halfLifeHours();
            sum += t.amplitudeMBqPerMl() / lambda * (Math.exp(-lambda * fromHours) - Math.exp(-lambda * toHours));
        }
        return sum;
    }
}
