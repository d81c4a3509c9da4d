package org.genrelab.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * {@link Lbfgs} against MINPACK-2 and SciPy. Reference values: SciPy 1.10.1 (Debian's python3-scipy),
 * {@code scipy.optimize._minpack2.dcsrch} for the line search and
 * {@code minimize(rosen, x0, jac=rosen_der, method='L-BFGS-B')} for the whole method.
 */
class LbfgsTest {

    /** Runs one search from φ(0), φ′(0); returns {accepted step, evaluations}. */
    private static double[] search(DoubleUnaryOperator phi, DoubleUnaryOperator dphi, double stp0, double ftol, double gtol) {
        var ls = new Lbfgs.LineSearch(phi.applyAsDouble(0), dphi.applyAsDouble(0), stp0, 1e10, ftol, gtol, 0.1);
        for (int n = 1; n <= 100; n++) {
            if (ls.next(phi.applyAsDouble(ls.stp), dphi.applyAsDouble(ls.stp))) return new double[] {ls.stp, n};
        }
        throw new AssertionError("no step accepted in 100 evaluations");
    }

    // Moré & Thuente (1994) function (5.1), φ(α) = −α/(α² + 2), μ = 0.001, η = 0.1: their Table 1
    // (steps 1.4, 1.4, 10, 37 after 6, 3, 1, 4 evaluations), here to full precision from dcsrch
    @ParameterizedTest
    @CsvSource({"1e-3, 1.365, 6", "1e-1, 1.4413720790892741, 3", "1e1, 10.0, 1", "1e3, 36.88760696396662, 4"})
    void lineSearchOnMoreThuenteFunction1(double stp0, double step, int evaluations) {
        double[] r = search(a -> -a / (a * a + 2), a -> (a * a - 2) / Math.pow(a * a + 2, 2), stp0, 1e-3, 0.1);
        assertEquals(step, r[0], 1e-9 * step);
        assertEquals(evaluations, (int) r[1]);
    }

    // function (5.2), φ(α) = (α + 0.004)⁵ − 2(α + 0.004)⁴, μ = η = 0.1: dcsrch stops on its interval test
    @ParameterizedTest
    @CsvSource({"1e-3, 1.5975830448985595, 11", "1e-1, 1.6024085266778738, 7", "1e1, 1.6123738059384738, 6",
            "1e3, 1.5950402760316598, 10"})
    void lineSearchOnMoreThuenteFunction2(double stp0, double step, int evaluations) {
        double b = 0.004;
        double[] r = search(a -> Math.pow(a + b, 5) - 2 * Math.pow(a + b, 4),
                a -> 5 * Math.pow(a + b, 4) - 8 * Math.pow(a + b, 3), stp0, 0.1, 0.1);
        assertEquals(step, r[0], 1e-9 * step);
        assertEquals(evaluations, (int) r[1]);
    }

    /** SciPy's chained Rosenbrock function and its gradient. */
    private static double rosen(double[] x, double[] g) {
        java.util.Arrays.fill(g, 0);
        double f = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            f += 100 * a * a + b * b;
            g[i] += -400 * x[i] * a - 2 * b;
            g[i + 1] += 200 * a;
        }
        return f;
    }

    // SciPy 1.10.1 L-BFGS-B from (−1.2, 1, −1.2, 1, …): 2-d nit 36, nfev 44; 10-d nit 71, nfev 88; both stop on
    // the relative reduction of f
    @ParameterizedTest
    @CsvSource({"2, 36, 44", "10, 71, 88"})
    void rosenbrockAsScipyMinimisesIt(int n, int iterations, int evaluations) {
        double[] x0 = new double[n];
        for (int i = 0; i < n; i++) x0[i] = i % 2 == 0 ? -1.2 : 1;
        Lbfgs.Result r = Lbfgs.minimize(LbfgsTest::rosen, x0, 10, 1e-5, Lbfgs.SCIPY_FTOL, 15000);
        for (double v : r.x()) assertEquals(1, v, 1e-4, "the minimiser is (1, …, 1)");
        assertEquals(Lbfgs.Stop.REL_REDUCTION, r.stop());
        assertEquals(iterations, r.iterations(), "iterations");
        assertEquals(evaluations, r.evaluations(), "evaluations");
    }

    @Test
    void quadraticStopsOnTheGradientAtItsMinimiser() {
        // f(x) = Σ dᵢ(xᵢ − i)²/2 with d from 1 to 100: minimiser x = (0, 1, …), f = 0
        int n = 20;
        Lbfgs.Result r = Lbfgs.minimize((x, g) -> {
            double f = 0;
            for (int i = 0; i < n; i++) {
                double d = 1 + 99.0 * i / (n - 1);
                g[i] = d * (x[i] - i);
                f += 0.5 * d * (x[i] - i) * (x[i] - i);
            }
            return f;
        }, new double[n], 5, 1e-8, 0, 1000);
        assertEquals(Lbfgs.Stop.GRADIENT, r.stop());
        for (int i = 0; i < n; i++) assertEquals(i, r.x()[i], 1e-8);
        assertTrue(r.iterations() < 100, r.iterations() + " iterations");
    }

    @Test
    void iterationCapAndBadStartAreReported() {
        double[] x0 = {-1.2, 1};
        assertEquals(Lbfgs.Stop.MAX_ITER, Lbfgs.minimize(LbfgsTest::rosen, x0, 10, 1e-5, 0, 5).stop());
        assertEquals(5, Lbfgs.minimize(LbfgsTest::rosen, x0, 10, 1e-5, 0, 5).iterations());
        assertThrows(IllegalArgumentException.class, () -> Lbfgs.minimize((x, g) -> Double.NaN, x0, 10, 1e-5, 0, 5));
    }
}
