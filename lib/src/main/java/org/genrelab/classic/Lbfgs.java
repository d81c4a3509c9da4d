package org.genrelab.classic;

/**
 * Unconstrained L-BFGS as SciPy's {@code minimize(method='L-BFGS-B')} runs it without bounds (the solver
 * scikit-learn's {@code LogisticRegression(solver='lbfgs')} calls): m correction pairs, H₀ = (sᵀy / yᵀy)·I,
 * the Moré–Thuente line search of MINPACK-2's {@code dcsrch} with L-BFGS-B's constants (sufficient
 * decrease 1e-3, curvature 0.9, interval tolerance 0.1, at most 20 evaluations per search, first step
 * 1/‖g₀‖ and then 1), and L-BFGS-B's two stopping tests: max|gᵢ| ≤ gtol, or a relative reduction
 * (f_k − f_{k+1}) / max(|f_k|, |f_{k+1}|, 1) ≤ ftol.
 *
 * <p>Written here because the L-BFGS on Maven Central that resolves here (Smile's {@code BFGS}) searches
 * along a direction by backtracking (Numerical Recipes' {@code lnsrch}), which took about twice SciPy's
 * evaluations on the Part 1 logistic regression (about 180 against 93), and stops on a different test.
 * Moré &amp; Thuente, "Line search algorithms with guaranteed sufficient decrease", ACM TOMS 20 (1994).
 *
 * <p>Every loop over the n variables is a small method of its own, so that the JIT compiles each early and
 * alone rather than {@code minimize} whole, line search inlined, during a process's first fits.
 */
public final class Lbfgs {

    /** f(x), with the gradient written into {@code gradient}. */
    @FunctionalInterface
    public interface Objective {
        double valueAndGradient(double[] x, double[] gradient);
    }

    /** Why the minimisation stopped. */
    public enum Stop {
        /** max|gᵢ| ≤ gtol. */
        GRADIENT,
        /** the relative reduction of f fell to ftol or below. */
        REL_REDUCTION,
        /** the iteration cap was reached. */
        MAX_ITER,
        /** a line search found no decrease even from a steepest-descent restart. */
        LINE_SEARCH
    }

    /** The minimiser found, f there, iterations and evaluations taken, and why it stopped. */
    public record Result(double[] x, double f, int iterations, int evaluations, Stop stop) {
    }

    /** SciPy's default ftol (factr 1e7 times machine epsilon). */
    public static final double SCIPY_FTOL = 1e7 * Math.ulp(1.0);

    private static final double FTOL_LS = 1e-3;
    private static final double GTOL_LS = 0.9;
    private static final double XTOL_LS = 0.1;
    private static final int MAX_LS = 20;
    private static final double STPMAX = 1e10;
    private static final double EPS = Math.ulp(1.0);

    private Lbfgs() {
    }

    /**
     * Minimises f from x0.
     *
     * @param m       correction pairs kept (SciPy's maxcor, 10)
     * @param gtol    stop when max|gᵢ| ≤ gtol
     * @param ftol    stop when the relative reduction of f is at most ftol ({@link #SCIPY_FTOL})
     * @param maxIter iteration cap (SciPy's maxiter)
     */
    public static Result minimize(Objective f, double[] x0, int m, double gtol, double ftol, int maxIter) {
        if (m < 1) throw new IllegalArgumentException("m must be >= 1, got " + m);
        if (maxIter < 0) throw new IllegalArgumentException("maxIter must be >= 0, got " + maxIter);
        int n = x0.length;
        double[] x = x0.clone();
        double[] g = new double[n];
        double fx = f.valueAndGradient(x, g);
        int evaluations = 1;
        if (!Double.isFinite(fx)) throw new IllegalArgumentException("the objective is not finite at the start: " + fx);
        double[][] s = new double[m][n];
        double[][] y = new double[m][n];
        double[] rho = new double[m];
        double[] alpha = new double[m];
        int stored = 0;
        int newest = -1;
        double[] d = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        if (maxAbs(g) <= gtol) return new Result(x, fx, 0, evaluations, Stop.GRADIENT);
        for (int iter = 0; iter < maxIter; ) {
            // d = −H·g by the two-loop recursion
            negate(g, d);
            for (int j = 0; j < stored; j++) {
                int c = Math.floorMod(newest - j, m);
                alpha[c] = rho[c] * dot(s[c], d);
                axpy(-alpha[c], y[c], d);
            }
            if (stored > 0) {
                double gamma = 1 / (rho[newest] * dot(y[newest], y[newest])); // sᵀy / yᵀy
                scale(gamma, d);
            }
            for (int j = stored - 1; j >= 0; j--) {
                int c = Math.floorMod(newest - j, m);
                double beta = rho[c] * dot(y[c], d);
                axpy(alpha[c] - beta, s[c], d);
            }
            double gd = dot(g, d);
            if (!(gd < 0)) { // not a descent direction (rounding): restart from steepest descent
                if (stored == 0) return new Result(x, fx, iter, evaluations, Stop.LINE_SEARCH);
                stored = 0;
                continue;
            }
            double stp = stored == 0 ? Math.min(1 / norm(d), STPMAX) : 1;
            LineSearch ls = new LineSearch(fx, gd, stp, STPMAX, FTOL_LS, GTOL_LS, XTOL_LS);
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int trial = 0; trial < MAX_LS; trial++) {
                along(x, ls.stp, d, xNew);
                fNew = f.valueAndGradient(xNew, gNew);
                evaluations++;
                double gdNew = dot(gNew, d);
                if (!Double.isFinite(fNew) || !Double.isFinite(gdNew)) { // overshot into overflow: shorten
                    ls.shrink();
                    continue;
                }
                if (ls.next(fNew, gdNew)) {
                    accepted = true;
                    break;
                }
            }
            if (!accepted && !(Double.isFinite(fNew) && fNew < fx)) { // no usable step: forget the curvature pairs
                if (stored == 0) return new Result(x, fx, iter, evaluations, Stop.LINE_SEARCH);
                stored = 0;
                continue;
            }
            iter++;
            // s = x_{k+1} − x_k, y = g_{k+1} − g_k; kept when the curvature sᵀy is clearly positive
            int slot = (newest + 1) % m;
            difference(xNew, x, s[slot]);
            difference(gNew, g, y[slot]);
            double sy = dot(s[slot], y[slot]);
            double yy = dot(y[slot], y[slot]);
            if (sy > EPS * yy) {
                rho[slot] = 1 / sy;
                newest = slot;
                stored = Math.min(stored + 1, m);
            }
            double fOld = fx;
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = fNew;
            if (maxAbs(g) <= gtol) return new Result(x, fx, iter, evaluations, Stop.GRADIENT);
            if (fOld - fx <= ftol * Math.max(Math.max(Math.abs(fOld), Math.abs(fx)), 1)) {
                return new Result(x, fx, iter, evaluations, Stop.REL_REDUCTION);
            }
            if (iter == maxIter) return new Result(x, fx, iter, evaluations, Stop.MAX_ITER);
        }
        return new Result(x, fx, maxIter, evaluations, Stop.MAX_ITER);
    }

    /**
     * One Moré–Thuente search along a descent direction (MINPACK-2 {@code dcsrch}): {@link #stp} is the
     * step to evaluate next; {@link #next} takes f and f′ there and says whether the step is accepted.
     */
    static final class LineSearch {
        private static final double XTRAPL = 1.1;
        private static final double XTRAPU = 4.0;

        double stp;
        private final double ftol;
        private final double gtol;
        private final double xtol;
        private final double finit;
        private final double ginit;
        private final double gtest;
        private final double stpmax;
        private boolean brackt;
        private int stage = 1;
        private double width;
        private double width1;
        private double stmin;
        private double stmax;
        // the step with the least f so far (x) and the other end of the interval (y), with f and f′
        private final double[] xs = new double[3];
        private final double[] ys = new double[3];

        /** From f(0) = f0 and f′(0) = g0 &lt; 0, first trying stp; sufficient decrease ftol, curvature gtol. */
        LineSearch(double f0, double g0, double stp, double stpmax, double ftol, double gtol, double xtol) {
            if (!(g0 < 0)) throw new IllegalArgumentException("not a descent direction: f'(0) = " + g0);
            this.ftol = ftol;
            this.gtol = gtol;
            this.xtol = xtol;
            this.finit = f0;
            this.ginit = g0;
            this.gtest = ftol * g0;
            this.stpmax = stpmax;
            this.stp = Math.min(stp, stpmax);
            this.width = stpmax;
            this.width1 = 2 * width;
            xs[0] = 0; xs[1] = f0; xs[2] = g0;
            ys[0] = 0; ys[1] = f0; ys[2] = g0;
            stmin = 0;
            stmax = this.stp + XTRAPU * this.stp;
        }

        /** After a non-finite f: try a step a tenth as long (the interval is then bracketed by it). */
        void shrink() {
            stmax = stp;
            stp = xs[0] + 0.1 * (stp - xs[0]);
        }

        /** f and f′ at {@link #stp}: true when the step satisfies the strong Wolfe conditions (or cannot improve). */
        boolean next(double f, double g) {
            double ftest = finit + stp * gtest;
            if (stage == 1 && f <= ftest && g >= 0) stage = 2;
            if (brackt && (stp <= stmin || stp >= stmax)) return true; // rounding errors prevent progress
            if (brackt && stmax - stmin <= xtol * stmax) return true; // interval within xtol
            if (stp == stpmax && f <= ftest && g <= gtest) return true;
            if (f <= ftest && Math.abs(g) <= gtol * -ginit) return true; // sufficient decrease and curvature
            if (stage == 1 && f <= xs[1] && f > ftest) {
                // the modified function ψ(α) = f(α) − f(0) − α·gtest, until a step is found with ψ ≤ 0 and f′ ≥ 0
                double[] mx = {xs[0], xs[1] - xs[0] * gtest, xs[2] - gtest};
                double[] my = {ys[0], ys[1] - ys[0] * gtest, ys[2] - gtest};
                step(mx, my, f - stp * gtest, g - gtest);
                xs[0] = mx[0]; xs[1] = mx[1] + mx[0] * gtest; xs[2] = mx[2] + gtest;
                ys[0] = my[0]; ys[1] = my[1] + my[0] * gtest; ys[2] = my[2] + gtest;
            } else {
                step(xs, ys, f, g);
            }
            if (brackt) { // force a sufficient shrink of the interval
                if (Math.abs(ys[0] - xs[0]) >= 0.66 * width1) stp = xs[0] + 0.5 * (ys[0] - xs[0]);
                width1 = width;
                width = Math.abs(ys[0] - xs[0]);
                stmin = Math.min(xs[0], ys[0]);
                stmax = Math.max(xs[0], ys[0]);
            } else {
                stmin = stp + XTRAPL * (stp - xs[0]);
                stmax = stp + XTRAPU * (stp - xs[0]);
            }
            stp = Math.min(Math.max(stp, 0), stpmax);
            if (brackt && (stp <= stmin || stp >= stmax) || brackt && stmax - stmin <= xtol * stmax) stp = xs[0];
            return false;
        }

        /**
         * MINPACK-2 {@code dcstep}: the safeguarded cubic/quadratic step from the interval ends sx, sy
         * (each {step, f, f′}) and the trial (stp, fp, dp); updates the ends and sets the next {@link #stp}.
         */
        private void step(double[] sx, double[] sy, double fp, double dp) {
            double stx = sx[0], fx = sx[1], dx = sx[2];
            double sty = sy[0], fy = sy[1], dy = sy[2];
            double sgnd = dp * Math.signum(dx);
            double stpf;
            if (fp > fx) { // 1: higher f; the minimum is bracketed
                double theta = 3 * (fx - fp) / (stp - stx) + dx + dp;
                double gamma = cubicGamma(theta, dx, dp, false);
                if (stp < stx) gamma = -gamma;
                double p = (gamma - dx) + theta;
                double q = ((gamma - dx) + gamma) + dp;
                double stpc = stx + p / q * (stp - stx);
                double stpq = stx + ((dx / ((fx - fp) / (stp - stx) + dx)) / 2) * (stp - stx);
                stpf = Math.abs(stpc - stx) < Math.abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2;
                brackt = true;
            } else if (sgnd < 0) { // 2: lower f, derivatives of opposite sign; bracketed
                double theta = 3 * (fx - fp) / (stp - stx) + dx + dp;
                double gamma = cubicGamma(theta, dx, dp, false);
                if (stp > stx) gamma = -gamma;
                double p = (gamma - dp) + theta;
                double q = ((gamma - dp) + gamma) + dx;
                double stpc = stp + p / q * (stx - stp);
                double stpq = stp + (dp / (dp - dx)) * (stx - stp);
                stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
                brackt = true;
            } else if (Math.abs(dp) < Math.abs(dx)) { // 3: lower f, same sign, |f′| decreasing
                double theta = 3 * (fx - fp) / (stp - stx) + dx + dp;
                double gamma = cubicGamma(theta, dx, dp, true);
                if (stp > stx) gamma = -gamma;
                double p = (gamma - dp) + theta;
                double q = (gamma + (dx - dp)) + gamma;
                double r = p / q;
                double stpc = r < 0 && gamma != 0 ? stp + r * (stx - stp) : stp > stx ? stmax : stmin;
                double stpq = stp + (dp / (dp - dx)) * (stx - stp);
                if (brackt) {
                    stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
                    stpf = stp > stx ? Math.min(stp + 0.66 * (sty - stp), stpf) : Math.max(stp + 0.66 * (sty - stp), stpf);
                } else {
                    stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
                    stpf = Math.max(stmin, Math.min(stmax, stpf));
                }
            } else { // 4: lower f, same sign, |f′| not decreasing
                if (brackt) {
                    double theta = 3 * (fp - fy) / (sty - stp) + dy + dp;
                    double gamma = cubicGamma(theta, dy, dp, false);
                    if (stp > sty) gamma = -gamma;
                    double p = (gamma - dp) + theta;
                    double q = ((gamma - dp) + gamma) + dy;
                    stpf = stp + p / q * (sty - stp);
                } else {
                    stpf = stp > stx ? stmax : stmin;
                }
            }
            if (fp > fx) {
                sy[0] = stp; sy[1] = fp; sy[2] = dp;
            } else {
                if (sgnd < 0) {
                    sy[0] = stx; sy[1] = fx; sy[2] = dx;
                }
                sx[0] = stp; sx[1] = fp; sx[2] = dp;
            }
            stp = stpf;
        }

        /**
         * γ = s·√((θ/s)² − (a/s)(b/s)), s = max(|θ|, |a|, |b|): the square root of the cubic interpolant's
         * discriminant, scaled against overflow; {@code clampAtZero} where dcstep's case 3 allows a
         * negative discriminant (the cubic has no minimiser in that direction).
         */
        private static double cubicGamma(double theta, double a, double b, boolean clampAtZero) {
            double s = Math.max(Math.abs(theta), Math.max(Math.abs(a), Math.abs(b)));
            double d = (theta / s) * (theta / s) - (a / s) * (b / s);
            return s * Math.sqrt(clampAtZero ? Math.max(0, d) : d);
        }
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static void negate(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) out[i] = -a[i];
    }

    private static void scale(double a, double[] v) {
        for (int i = 0; i < v.length; i++) v[i] *= a;
    }

    /** out = x + stp·d. */
    private static void along(double[] x, double stp, double[] d, double[] out) {
        for (int i = 0; i < x.length; i++) out[i] = x[i] + stp * d[i];
    }

    /** out = a − b. */
    private static void difference(double[] a, double[] b, double[] out) {
        for (int i = 0; i < a.length; i++) out[i] = a[i] - b[i];
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) y[i] += a * x[i];
    }

    private static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double e : v) m = Math.max(m, Math.abs(e));
        return m;
    }
}
