package org.organdose.dosimetry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.util.Pair;

/**
 * Fits time-activity curves and integrates them from injection to infinity.
 *
 * <p>Weighted least squares with relative weights 1/A_i²: each measurement is taken to carry
 * the same relative error, so that the late, low activities that set the effective half-life
 * count as much as the early, high ones. Exponential models are fitted in two steps: a grid
 * search over the decay rates (log-spaced from 1e-4 to 20 per hour) with the amplitudes solved
 * linearly for each rate combination, which finds the global minimum without a starting guess,
 * then Levenberg-Marquardt (Apache Commons Math) on all parameters, rates as logarithms so that
 * they stay positive. Parameter standard errors come from the Jacobian at the optimum scaled by
 * the reduced chi-square, since the size of the relative error is not known in advance.
 */
public final class TimeActivityFitter {
    private static final double MIN_RATE_PER_H = 1e-4;
    private static final double MAX_RATE_PER_H = 20;
    private static final int RATE_GRID = 100;

    private TimeActivityFitter() {
    }

    /**
     * Fits {@code model} (AUTO: the lowest AICc among the models that {@code hours.length > k + 1}
     * allows; the trapezoid when none does). A model with more parameters than points, or whose
     * integral is not positive, falls back to the trapezoid with a warning.
     */
    public static TimeActivityFit fit(double[] hours, double[] activityMBq, FitModel model, Radionuclide nuclide) {
        validate(hours, activityMBq);
        if (model == FitModel.AUTO) {
            return fitAuto(hours, activityMBq, nuclide);
        }
        if (model == FitModel.TRAPEZOID) {
            return trapezoid(hours, activityMBq, nuclide, List.of());
        }
        int n = hours.length;
        int k = model.parameterCount();
        if (n < k) {
            return trapezoid(hours, activityMBq, nuclide, List.of(String.format(Locale.ROOT,
                    "fewer points (%d) than parameters of %s (%d): trapezoid used instead", n, model, k)));
        }
        TimeActivityFit fitted = exponential(hours, activityMBq, model, nuclide);
        if (!(fitted.tiaMBqH() > 0) || Double.isInfinite(fitted.tiaMBqH())) {
            List<String> warnings = new ArrayList<>(fitted.warnings());
            warnings.add(String.format(Locale.ROOT, "%s fit integrates to %.4g MBq h: trapezoid used instead",
                    model, fitted.tiaMBqH()));
            return trapezoid(hours, activityMBq, nuclide, warnings);
        }
        return fitted;
    }

    private static TimeActivityFit fitAuto(double[] hours, double[] activityMBq, Radionuclide nuclide) {
        TimeActivityFit best = null;
        for (FitModel candidate : List.of(FitModel.MONO_EXPONENTIAL, FitModel.BI_EXPONENTIAL_UPTAKE, FitModel.BI_EXPONENTIAL)) {
            if (hours.length <= candidate.parameterCount() + 1) {
                continue;
            }
            TimeActivityFit f = exponential(hours, activityMBq, candidate, nuclide);
            if (f.tiaMBqH() > 0 && Double.isFinite(f.tiaMBqH()) && (best == null || f.aicc() < best.aicc())) {
                best = f;
            }
        }
        if (best == null) {
            return trapezoid(hours, activityMBq, nuclide, List.of(String.format(Locale.ROOT,
                    "%d points are too few to choose a model by AICc: trapezoid used", hours.length)));
        }
        return best;
    }

    private static void validate(double[] hours, double[] activityMBq) {
        if (hours.length == 0 || hours.length != activityMBq.length) {
            throw new IllegalArgumentException("need as many activities as times, at least one");
        }
        for (int i = 0; i < hours.length; i++) {
            if (!(hours[i] > 0) || (i > 0 && !(hours[i] > hours[i - 1])) || !Double.isFinite(activityMBq[i])) {
                throw new IllegalArgumentException("times must be positive and increasing, activities finite");
            }
        }
    }

    /**
     * Constant back-extrapolation of the first activity to injection (the curve's early shape is
     * unknown; this neither assumes uptake nor washout), trapezoids between points, and physical
     * decay only after the last point (no biological clearance assumed: conservative).
     */
    static TimeActivityFit trapezoid(double[] hours, double[] activityMBq, Radionuclide nuclide, List<String> warnings) {
        int n = hours.length;
        double area = activityMBq[0] * hours[0];
        for (int i = 1; i < n; i++) {
            area += 0.5 * (activityMBq[i] + activityMBq[i - 1]) * (hours[i] - hours[i - 1]);
        }
        area += activityMBq[n - 1] / nuclide.decayConstantPerHour();
        return new TimeActivityFit(FitModel.TRAPEZOID, new double[0], new double[0], Double.NaN, Double.NaN, area, warnings);
    }

    /** Basis functions whose linear combination is the model for fixed rates. */
    private static double[][] basis(FitModel model, double[] hours, double[] rates) {
        int n = hours.length;
        return switch (model) {
            case MONO_EXPONENTIAL -> new double[][] {exps(hours, rates[0])};
            case BI_EXPONENTIAL -> new double[][] {exps(hours, rates[0]), exps(hours, rates[1])};
            case BI_EXPONENTIAL_UPTAKE -> {
                double[] a = exps(hours, rates[0]);
                double[] b = exps(hours, rates[1]);
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                    d[i] = a[i] - b[i];
                }
                yield new double[][] {d};
            }
            default -> throw new IllegalArgumentException(model + " has no basis");
        };
    }

    private static double[] exps(double[] hours, double rate) {
        double[] e = new double[hours.length];
        for (int i = 0; i < hours.length; i++) {
            e[i] = Math.exp(-rate * hours[i]);
        }
        return e;
    }

    private static double[] sigmas(double[] activityMBq) {
        double max = 0;
        for (double a : activityMBq) {
            max = Math.max(max, Math.abs(a));
        }
        double floor = max > 0 ? 1e-3 * max : 1;
        double[] s = new double[activityMBq.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.max(Math.abs(activityMBq[i]), floor);
        }
        return s;
    }

    /** Weighted linear least squares for the amplitudes; null when the basis is degenerate. */
    private static double[] amplitudes(double[][] basis, double[] y, double[] sigma) {
        int m = basis.length;
        double[][] ata = new double[m][m];
        double[] aty = new double[m];
        for (int i = 0; i < y.length; i++) {
            double w = 1 / (sigma[i] * sigma[i]);
            for (int a = 0; a < m; a++) {
                aty[a] += w * basis[a][i] * y[i];
                for (int b = 0; b < m; b++) {
                    ata[a][b] += w * basis[a][i] * basis[b][i];
                }
            }
        }
        if (m == 1) {
            return ata[0][0] > 0 ? new double[] {aty[0] / ata[0][0]} : null;
        }
        double det = ata[0][0] * ata[1][1] - ata[0][1] * ata[1][0];
        if (!(Math.abs(det) > 1e-12 * Math.abs(ata[0][0] * ata[1][1]))) {
            return null;
        }
        return new double[] {(aty[0] * ata[1][1] - aty[1] * ata[0][1]) / det, (ata[0][0] * aty[1] - ata[1][0] * aty[0]) / det};
    }

    private static double weightedRss(double[] y, double[] f, double[] sigma) {
        double rss = 0;
        for (int i = 0; i < y.length; i++) {
            double r = (y[i] - f[i]) / sigma[i];
            rss += r * r;
        }
        return rss;
    }

    /** Parameters in model order from amplitudes and rates. */
    private static double[] parameters(FitModel model, double[] amps, double[] rates) {
        return switch (model) {
            case MONO_EXPONENTIAL -> new double[] {amps[0], rates[0]};
            case BI_EXPONENTIAL -> new double[] {amps[0], rates[0], amps[1], rates[1]};
            case BI_EXPONENTIAL_UPTAKE -> new double[] {amps[0], rates[0], rates[1]};
            default -> throw new IllegalArgumentException(model.toString());
        };
    }

    private static TimeActivityFit exponential(double[] hours, double[] y, FitModel model, Radionuclide nuclide) {
        double[] sigma = sigmas(y);
        double[] grid = new double[RATE_GRID];
        for (int g = 0; g < RATE_GRID; g++) {
            grid[g] = MIN_RATE_PER_H * Math.pow(MAX_RATE_PER_H / MIN_RATE_PER_H, g / (RATE_GRID - 1.0));
        }
        double bestRss = Double.POSITIVE_INFINITY;
        double[] best = null;
        int rateCount = model == FitModel.MONO_EXPONENTIAL ? 1 : 2;
        for (int a = 0; a < RATE_GRID; a++) {
            for (int b = rateCount == 1 ? a : a + 1; b < (rateCount == 1 ? a + 1 : RATE_GRID); b++) {
                double[] rates = rateCount == 1 ? new double[] {grid[a]} : new double[] {grid[a], grid[b]};
                double[][] basis = basis(model, hours, rates);
                double[] amps = amplitudes(basis, y, sigma);
                if (amps == null) {
                    continue;
                }
                double[] p = parameters(model, amps, rates);
                double rss = weightedRss(y, curve(model, p, hours), sigma);
                if (rss < bestRss) {
                    bestRss = rss;
                    best = p;
                }
            }
        }
        List<String> warnings = new ArrayList<>();
        double[] p = best;
        double[] se = new double[p.length];
        Arrays.fill(se, Double.NaN);
        try {
            Pair<double[], double[]> polished = levenbergMarquardt(model, hours, y, sigma, p);
            p = polished.getFirst();
            se = polished.getSecond();
        } catch (TooManyEvaluationsException | ConvergenceException e) {
            warnings.add(model + ": Levenberg-Marquardt did not converge; the best grid-search parameters are reported");
        }
        if (model == FitModel.BI_EXPONENTIAL && p[1] > p[3]) {
            // keep the slower component first
            p = new double[] {p[2], p[3], p[0], p[1]};
            se = new double[] {se[2], se[3], se[0], se[1]};
        }
        int n = hours.length;
        int k = model.parameterCount();
        double[] f = curve(model, p, hours);
        double rss = weightedRss(y, f, sigma);
        double aicc = n > k + 1
                ? n * Math.log(Math.max(rss / n, 1e-300)) + 2 * k + 2.0 * k * (k + 1) / (n - k - 1)
                : Double.NaN;
        if (n == k) {
            warnings.add(String.format(Locale.ROOT, "%s has as many parameters as points (%d): the curve passes"
                    + " through every point and its uncertainty is unknown", model, n));
        }
        addPhysicsWarnings(model, p, nuclide, warnings);
        return new TimeActivityFit(model, p, se, rSquared(y, f), aicc, integral(model, p), warnings);
    }

    private static void addPhysicsWarnings(FitModel model, double[] p, Radionuclide nuclide, List<String> warnings) {
        double physical = nuclide.decayConstantPerHour();
        List<String> names = model.parameterNames();
        for (int i = 0; i < p.length; i++) {
            String name = names.get(i);
            boolean decayRate = name.startsWith("lambda") && !name.equals("lambda_uptake_per_h");
            if (decayRate && p[i] < physical) {
                warnings.add(String.format(Locale.ROOT, "%s: effective half-life %.1f h (%s) is longer than the"
                        + " physical half-life %.1f h of %s", model, Math.log(2) / p[i], name,
                        nuclide.halfLifeHours(), nuclide.name()));
            }
            if (name.endsWith("_MBq") && p[i] < 0) {
                warnings.add(String.format(Locale.ROOT, "%s: negative amplitude %s = %.4g", model, name, p[i]));
            }
        }
    }

    static double[] curve(FitModel model, double[] p, double[] hours) {
        TimeActivityFit shape = new TimeActivityFit(model, p, new double[p.length], 0, 0, 0, List.of());
        double[] f = new double[hours.length];
        for (int i = 0; i < hours.length; i++) {
            f[i] = shape.activityMBq(hours[i]);
        }
        return f;
    }

    private static double integral(FitModel model, double[] p) {
        return switch (model) {
            case MONO_EXPONENTIAL -> p[0] / p[1];
            case BI_EXPONENTIAL -> p[0] / p[1] + p[2] / p[3];
            case BI_EXPONENTIAL_UPTAKE -> p[0] * (1 / p[1] - 1 / p[2]);
            default -> throw new IllegalArgumentException(model.toString());
        };
    }

    private static double rSquared(double[] y, double[] f) {
        if (y.length < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (double v : y) {
            mean += v / y.length;
        }
        double res = 0;
        double tot = 0;
        for (int i = 0; i < y.length; i++) {
            res += (y[i] - f[i]) * (y[i] - f[i]);
            tot += (y[i] - mean) * (y[i] - mean);
        }
        return tot > 0 ? 1 - res / tot : Double.NaN;
    }

    /** Which parameters are rates, fitted as logarithms. */
    private static boolean[] rateMask(FitModel model) {
        List<String> names = model.parameterNames();
        boolean[] m = new boolean[names.size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = names.get(i).startsWith("lambda");
        }
        return m;
    }

    /** Polishes parameters; returns them with their standard errors. */
    private static Pair<double[], double[]> levenbergMarquardt(FitModel model, double[] hours, double[] y,
                                                               double[] sigma, double[] start) {
        boolean[] isRate = rateMask(model);
        int k = start.length;
        int n = hours.length;
        double[] q0 = new double[k];
        for (int i = 0; i < k; i++) {
            q0[i] = isRate[i] ? Math.log(start[i]) : start[i];
        }
        MultivariateJacobianFunction fn = point -> {
            double[] q = point.toArray();
            double[] p = new double[k];
            for (int i = 0; i < k; i++) {
                p[i] = isRate[i] ? Math.exp(q[i]) : q[i];
            }
            double[] f = curve(model, p, hours);
            RealMatrix jac = new Array2DRowRealMatrix(n, k);
            for (int r = 0; r < n; r++) {
                double[] d = derivatives(model, p, hours[r]);
                for (int c = 0; c < k; c++) {
                    // chain rule for rates fitted as logarithms
                    jac.setEntry(r, c, d[c] * (isRate[c] ? p[c] : 1) / sigma[r]);
                }
                f[r] /= sigma[r];
            }
            return new Pair<>(new ArrayRealVector(f, false), jac);
        };
        double[] target = new double[n];
        for (int i = 0; i < n; i++) {
            target[i] = y[i] / sigma[i];
        }
        LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                .start(q0).model(fn).target(target).maxEvaluations(2000).maxIterations(2000).build());
        RealVector q = opt.getPoint();
        double[] p = new double[k];
        for (int i = 0; i < k; i++) {
            p[i] = isRate[i] ? Math.exp(q.getEntry(i)) : q.getEntry(i);
        }
        double[] se = new double[k];
        Arrays.fill(se, Double.NaN);
        if (n > k) {
            try {
                RealMatrix cov = opt.getCovariances(1e-14);
                double chi2 = opt.getCost() * opt.getCost() / (n - k);
                for (int i = 0; i < k; i++) {
                    double sd = Math.sqrt(cov.getEntry(i, i) * chi2);
                    se[i] = isRate[i] ? p[i] * sd : sd;
                }
            } catch (SingularMatrixException e) {
                // parameters not identifiable from these points: errors stay unknown (NaN)
            }
        }
        return new Pair<>(p, se);
    }

    /** Partial derivatives of the model at t with respect to each parameter. */
    private static double[] derivatives(FitModel model, double[] p, double t) {
        return switch (model) {
            case MONO_EXPONENTIAL -> {
                double e = Math.exp(-p[1] * t);
                yield new double[] {e, -t * p[0] * e};
            }
            case BI_EXPONENTIAL -> {
                double e1 = Math.exp(-p[1] * t);
                double e2 = Math.exp(-p[3] * t);
                yield new double[] {e1, -t * p[0] * e1, e2, -t * p[2] * e2};
            }
            case BI_EXPONENTIAL_UPTAKE -> {
                double e1 = Math.exp(-p[1] * t);
                double e2 = Math.exp(-p[2] * t);
                yield new double[] {e1 - e2, -t * p[0] * e1, t * p[0] * e2};
            }
            default -> throw new IllegalArgumentException(model.toString());
        };
    }
}
