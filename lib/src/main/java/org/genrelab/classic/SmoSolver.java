package org.genrelab.classic;

import java.util.Arrays;

/**
 * libsvm's C-SVC solver, step for step, over a precomputed dense kernel: SMO with second-order working-set
 * selection (Fan, Chen &amp; Lin, JMLR 6 (2005) 1889–1918; libsvm 3.31's {@code Solver} with {@code shrinking=0}).
 * It solves min ½αᵀQα − eᵀα subject to yᵀα = 0 and 0 ≤ α ≤ C, with Q_ab = y_a·y_b·K_ab, from α = 0.
 *
 * <p>Why not libsvm's own Java port: for a precomputed kernel it takes every row as a list of {@code svm_node}
 * objects (the pair's size squared of them), copies each kernel column through its LRU cache, and its solver's large
 * methods take a process's first SVC fit to compile. Here Q's rows are read straight from the float Gram matrix,
 * the arithmetic is libsvm's in libsvm's order (Q as float, as libsvm caches it; gradients and α as double), and the
 * result, α, ρ and the iteration count, equals libsvm's with {@code shrinking=0} to the bit (tested against the jar).
 * Shrinking (scikit-learn's default) is a speed heuristic that leaves out variables at a bound for a while; it
 * ends at the same optimality test (the maximal violation below {@code eps}) and so at the same optimum to within
 * that tolerance, not to the bit.
 */
final class SmoSolver {

    /** libsvm's TAU: a quadratic coefficient that is not positive is replaced by it. */
    static final double TAU = 1e-12;

    private static final byte LOWER_BOUND = 0;
    private static final byte UPPER_BOUND = 1;
    private static final byte FREE = 2;

    /**
     * The solution.
     *
     * @param coef y_a·α_a for every variable (libsvm's {@code sv_coef}; zero where a is not a support vector)
     * @param rho the decision function's offset: f(x) = Σ coef_a·K(a, x) − rho
     * @param iterations SMO steps taken (libsvm's "#iter")
     * @param converged whether the maximal violation fell below the tolerance before the iteration cap (where it did
     *                  not, libsvm prints a warning and keeps the solution, as this does)
     */
    record Solution(double[] coef, double rho, int iterations, boolean converged) {
    }

    private final float[][] gram;
    private final int[] rows;
    private final byte[] y;
    private final double c;
    private final double[] alpha;
    private final double[] g;
    private final byte[] status;
    private final double[] qd;
    /** Rows of Q, made when the solver first needs them (libsvm's kernel cache, which here holds every row). */
    private final float[][] q;

    private SmoSolver(float[][] gram, int[] rows, byte[] y, double c) {
        this.gram = gram;
        this.rows = rows;
        this.y = y;
        this.c = c;
        int l = rows.length;
        alpha = new double[l];
        g = new double[l];
        Arrays.fill(g, -1.0); // the gradient Qα − e at α = 0
        status = new byte[l]; // every α at its lower bound
        qd = new double[l];
        for (int a = 0; a < l; a++) qd[a] = gram[rows[a]][rows[a]];
        q = new float[l][];
    }

    /**
     * Solves the two-class problem on the given rows of a kernel matrix.
     *
     * @param gram the kernel matrix of all rows (symmetric), as float as libsvm's cache holds it
     * @param rows the problem's rows in it, in the problem's order
     * @param y +1 or −1 for each of the problem's rows
     * @param c the bound C (the same for both classes: no class weights)
     * @param eps the stopping tolerance on the maximal violation (libsvm's {@code -e}, scikit-learn's {@code tol})
     * @throws IllegalArgumentException if y is not ±1 or differs in length from rows
     */
    static Solution solve(float[][] gram, int[] rows, byte[] y, double c, double eps) {
        return solve(gram, rows, y, c, eps, maxIterations(rows.length));
    }

    /** {@link #solve(float[][], int[], byte[], double, double)} stopping after at most {@code maxIter} steps. */
    static Solution solve(float[][] gram, int[] rows, byte[] y, double c, double eps, int maxIter) {
        if (y.length != rows.length) throw new IllegalArgumentException(rows.length + " rows but " + y.length + " labels");
        for (byte v : y) if (v != 1 && v != -1) throw new IllegalArgumentException("labels must be +1 or -1, got " + v);
        return new SmoSolver(gram, rows, y, c).run(eps, maxIter);
    }

    /** libsvm's iteration cap for a problem of l variables: max(10⁷, 100·l). */
    static int maxIterations(int l) {
        return Math.max(10_000_000, l > Integer.MAX_VALUE / 100 ? Integer.MAX_VALUE : 100 * l);
    }

    private Solution run(double eps, int maxIter) {
        int l = rows.length;
        int iter = 0;
        int[] pair = new int[2];
        boolean optimal = false;
        while (iter < maxIter && !(optimal = selectWorkingSet(eps, pair))) {
            iter++;
            step(pair[0], pair[1]);
        }
        double[] coef = new double[l];
        for (int a = 0; a < l; a++) coef[a] = alpha[a] * y[a];
        return new Solution(coef, rho(), iter, optimal);
    }

    /** Row a of Q: y_a·y_b·K_ab for every b (libsvm's {@code (float)(y[i]*y[j]*kernel)}, exact for a float kernel). */
    private float[] row(int a) {
        float[] r = q[a];
        if (r == null) {
            r = new float[rows.length];
            float[] k = gram[rows[a]];
            for (int b = 0; b < r.length; b++) r[b] = y[a] == y[b] ? k[rows[b]] : -k[rows[b]];
            q[a] = r;
        }
        return r;
    }

    /**
     * libsvm's working-set selection 3: i maximises −y_i·∇f_i over I_up; j, among the violating b of I_low, minimises
     * the second-order decrease −(grad_diff²)/quad_coef. True when the maximal violation is below eps (optimal).
     */
    private boolean selectWorkingSet(double eps, int[] pair) {
        double gmax = Double.NEGATIVE_INFINITY;
        int gmaxIdx = -1;
        for (int t = 0; t < g.length; t++) {
            if (y[t] == +1) {
                if (status[t] != UPPER_BOUND && -g[t] >= gmax) {
                    gmax = -g[t];
                    gmaxIdx = t;
                }
            } else if (status[t] != LOWER_BOUND && g[t] >= gmax) {
                gmax = g[t];
                gmaxIdx = t;
            }
        }
        int i = gmaxIdx;
        float[] qi = i == -1 ? null : row(i); // not read when i = −1: then gmax = −∞ and no grad_diff is positive
        double yi2 = i == -1 ? 0 : 2.0 * y[i];
        double qdi = i == -1 ? 0 : qd[i];
        double gmax2 = Double.NEGATIVE_INFINITY;
        int gminIdx = -1;
        double objDiffMin = Double.POSITIVE_INFINITY;
        for (int j = 0; j < g.length; j++) {
            double gradDiff;
            double quadCoef;
            if (y[j] == +1) {
                if (status[j] == LOWER_BOUND) continue;
                gradDiff = gmax + g[j];
                if (g[j] >= gmax2) gmax2 = g[j];
                if (!(gradDiff > 0)) continue;
                quadCoef = qdi + qd[j] - yi2 * qi[j];
            } else {
                if (status[j] == UPPER_BOUND) continue;
                gradDiff = gmax - g[j];
                if (-g[j] >= gmax2) gmax2 = -g[j];
                if (!(gradDiff > 0)) continue;
                quadCoef = qdi + qd[j] + yi2 * qi[j];
            }
            double objDiff = -(gradDiff * gradDiff) / (quadCoef > 0 ? quadCoef : TAU);
            if (objDiff <= objDiffMin) {
                gminIdx = j;
                objDiffMin = objDiff;
            }
        }
        if (gmax + gmax2 < eps) return true;
        pair[0] = gmaxIdx;
        pair[1] = gminIdx;
        return false;
    }

    /** One SMO step on α_i, α_j: the two-variable subproblem solved, clipped to the box as libsvm does; then ∇f. */
    private void step(int i, int j) {
        float[] qi = row(i);
        float[] qj = row(j);
        double oldI = alpha[i];
        double oldJ = alpha[j];
        if (y[i] != y[j]) {
            double quadCoef = qd[i] + qd[j] + 2 * qi[j];
            if (quadCoef <= 0) quadCoef = TAU;
            double delta = (-g[i] - g[j]) / quadCoef;
            double diff = alpha[i] - alpha[j];
            alpha[i] += delta;
            alpha[j] += delta;
            if (diff > 0) {
                if (alpha[j] < 0) {
                    alpha[j] = 0;
                    alpha[i] = diff;
                }
            } else if (alpha[i] < 0) {
                alpha[i] = 0;
                alpha[j] = -diff;
            }
            if (diff > 0) { // libsvm's test is diff > C_i − C_j, and C_i = C_j here
                if (alpha[i] > c) {
                    alpha[i] = c;
                    alpha[j] = c - diff;
                }
            } else if (alpha[j] > c) {
                alpha[j] = c;
                alpha[i] = c + diff;
            }
        } else {
            double quadCoef = qd[i] + qd[j] - 2 * qi[j];
            if (quadCoef <= 0) quadCoef = TAU;
            double delta = (g[i] - g[j]) / quadCoef;
            double sum = alpha[i] + alpha[j];
            alpha[i] -= delta;
            alpha[j] += delta;
            if (sum > c) {
                if (alpha[i] > c) {
                    alpha[i] = c;
                    alpha[j] = sum - c;
                }
            } else if (alpha[j] < 0) {
                alpha[j] = 0;
                alpha[i] = sum;
            }
            if (sum > c) {
                if (alpha[j] > c) {
                    alpha[j] = c;
                    alpha[i] = sum - c;
                }
            } else if (alpha[i] < 0) {
                alpha[i] = 0;
                alpha[j] = sum;
            }
        }
        updateGradient(qi, alpha[i] - oldI, qj, alpha[j] - oldJ);
        status[i] = status(alpha[i]);
        status[j] = status(alpha[j]);
    }

    /** ∇f += Q_i·Δα_i + Q_j·Δα_j, each term as libsvm sums it. */
    private void updateGradient(float[] qi, double deltaI, float[] qj, double deltaJ) {
        for (int k = 0; k < g.length; k++) g[k] += qi[k] * deltaI + qj[k] * deltaJ;
    }

    private byte status(double a) {
        return a >= c ? UPPER_BOUND : a <= 0 ? LOWER_BOUND : FREE;
    }

    /** libsvm's ρ: the mean of y·∇f over the free variables, or the middle of its bounds when none is free. */
    private double rho() {
        int nrFree = 0;
        double ub = Double.POSITIVE_INFINITY;
        double lb = Double.NEGATIVE_INFINITY;
        double sumFree = 0;
        for (int a = 0; a < g.length; a++) {
            double yg = y[a] * g[a];
            if (status[a] == LOWER_BOUND) {
                if (y[a] > 0) ub = Math.min(ub, yg);
                else lb = Math.max(lb, yg);
            } else if (status[a] == UPPER_BOUND) {
                if (y[a] < 0) ub = Math.min(ub, yg);
                else lb = Math.max(lb, yg);
            } else {
                nrFree++;
                sumFree += yg;
            }
        }
        return nrFree > 0 ? sumFree / nrFree : (ub + lb) / 2;
    }
}
