package org.genrelab.classic;

import java.util.Arrays;
import org.genrelab.eval.ClassificationMetrics;

/**
 * Multinomial logistic regression as scikit-learn's {@code LogisticRegression(multi_class='multinomial',
 * solver='lbfgs')} (version 1.2) fits it: k weight vectors and k intercepts, minimising
 * Σᵢ −log softmax(W·xᵢ + b)_{yᵢ} + ½λ‖W‖² with λ = 1/C (intercepts not penalised), by L-BFGS with 10
 * corrections, line search and stopping tests as SciPy's L-BFGS-B ({@link Lbfgs}).
 *
 * <p>Written here rather than taken from Smile's {@code LogisticRegression} for two reasons: Smile fixes
 * the last class's weights at 0, so its penalty acts on another parametrisation than scikit-learn's; and
 * its objective takes one dot product at a time, so a fit took about 5× scikit-learn's time.
 */
public final class MultinomialLogistic {

    /** Rows per block of the objective's work partition. */
    static final int BLOCK = 256;

    private final int p;
    private final int k;
    private final double[] w; // class c: weights w[c(p+1) .. c(p+1)+p−1], intercept w[c(p+1)+p]
    private final int evaluations;
    private final int iterations;
    private final Lbfgs.Stop stop;

    private MultinomialLogistic(int p, int k, double[] w, int evaluations, int iterations, Lbfgs.Stop stop) {
        this.p = p;
        this.k = k;
        this.w = w;
        this.evaluations = evaluations;
        this.iterations = iterations;
        this.stop = stop;
    }

    /**
     * Fits the model.
     *
     * @param x       rows
     * @param y       class indices in [0, k)
     * @param k       number of classes (≥ 2)
     * @param c       inverse penalty strength, as scikit-learn's C (&gt; 0)
     * @param gtol    stop when max|∂f/∂wᵢ| ≤ gtol (scikit-learn's tol, default 1e-4)
     * @param ftol    stop when f's relative reduction is at most ftol (SciPy's default: {@link Lbfgs#SCIPY_FTOL})
     * @param maxIter iteration cap (scikit-learn's max_iter)
     * @param threads threads the objective is computed on
     */
    public static MultinomialLogistic fit(double[][] x, int[] y, int k, double c, double gtol, double ftol, int maxIter,
            int threads) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException(x.length + " rows and " + y.length + " labels");
        }
        if (!(c > 0)) throw new IllegalArgumentException("C must be > 0, got " + c);
        if (k < 2) throw new IllegalArgumentException("need at least 2 classes, got " + k);
        for (int v : y) if (v < 0 || v >= k) throw new IllegalArgumentException("label " + v + " outside [0, " + k + ")");
        try (Objective f = new Objective(x, y, k, 1.0 / c, threads)) {
            Lbfgs.Result r = Lbfgs.minimize(f, new double[k * (x[0].length + 1)], 10, gtol, ftol, maxIter);
            return new MultinomialLogistic(x[0].length, k, r.x(), r.evaluations(), r.iterations(), r.stop());
        }
    }

    /** {@link #fit(double[][], int[], int, double, double, double, int, int)} with SciPy's default ftol. */
    public static MultinomialLogistic fit(double[][] x, int[] y, int k, double c, double gtol, int maxIter, int threads) {
        return fit(x, y, k, c, gtol, Lbfgs.SCIPY_FTOL, maxIter, threads);
    }

    /** Objective evaluations the fit took (each a pass over the data). */
    public int evaluations() {
        return evaluations;
    }

    /** L-BFGS iterations the fit took. */
    public int iterations() {
        return iterations;
    }

    /** Why the fit stopped (converged on the gradient or the relative reduction, or hit the cap). */
    public Lbfgs.Stop stop() {
        return stop;
    }

    /** Class c's weights (a copy). */
    public double[] weights(int c) {
        return Arrays.copyOfRange(w, c * (p + 1), c * (p + 1) + p);
    }

    /** Class c's intercept. */
    public double intercept(int c) {
        return w[c * (p + 1) + p];
    }

    /** The most probable class of each row. */
    public int[] predict(double[][] rows) {
        int[] out = new int[rows.length];
        double[] z = new double[k];
        for (int r = 0; r < rows.length; r++) out[r] = ClassificationMetrics.argmax(scores(w, p, k, rows[r], z));
        return out;
    }

    /** Class probabilities of a row (softmax of the scores) into {@code prob}; returns the most probable class. */
    public int predict(double[] row, double[] prob) {
        scores(w, p, k, row, prob);
        softmax(prob);
        return ClassificationMetrics.argmax(prob);
    }

    /** z_c = W_c·x + b_c for every class, four classes per pass over the row (four running sums). */
    static double[] scores(double[] w, int p, int k, double[] x, double[] z) {
        int q = p + 1;
        int c = 0;
        for (; c + 3 < k; c += 4) {
            int o = c * q;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int f = 0; f < p; f++) {
                double v = x[f];
                s0 += w[o + f] * v;
                s1 += w[o + q + f] * v;
                s2 += w[o + 2 * q + f] * v;
                s3 += w[o + 3 * q + f] * v;
            }
            z[c] = s0 + w[o + p];
            z[c + 1] = s1 + w[o + q + p];
            z[c + 2] = s2 + w[o + 2 * q + p];
            z[c + 3] = s3 + w[o + 3 * q + p];
        }
        for (; c < k; c++) {
            int o = c * q;
            double s = 0;
            for (int f = 0; f < p; f++) s += w[o + f] * x[f];
            z[c] = s + w[o + p];
        }
        return z;
    }

    /** In place; returns log Σ exp(z) of the input. */
    static double softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) max = Math.max(max, v);
        double sum = 0;
        for (int c = 0; c < z.length; c++) {
            z[c] = Math.exp(z[c] - max);
            sum += z[c];
        }
        for (int c = 0; c < z.length; c++) z[c] /= sum;
        return max + Math.log(sum);
    }

    /**
     * The penalised negative log-likelihood and its gradient. Row blocks go to the threads of a
     * {@link SpinningTeam} kept for the whole fit, and their partial sums are added in block order, so the
     * result does not depend on the number of threads.
     *
     * <p>Plain loops, not the Vector API: the JIT vectorises the scores' and the gradient's loops and compiles them
     * within the first evaluations, where Vector API code runs boxed until C2 has compiled it; a first fit takes
     * about a third of the time it takes with a Vector API block, warm fits the same.
     */
    static final class Objective implements Lbfgs.Objective, AutoCloseable {
        private final double[][] x;
        private final int[] y;
        private final int k;
        private final int p;
        private final double lambda;
        private final int blocks;
        private final SpinningTeam team;
        /** Each row block transposed, features × rows: the scores are summed a feature at a time over a block's rows. */
        private final double[][][] blockColumns;
        int evaluations;

        Objective(double[][] x, int[] y, int k, double lambda, int threads) {
            this.x = x;
            this.y = y;
            this.k = k;
            this.p = x[0].length;
            for (double[] row : x) {
                if (row.length != p) throw new IllegalArgumentException("rows of " + p + " and " + row.length + " values");
            }
            this.lambda = lambda;
            this.blocks = (x.length + BLOCK - 1) / BLOCK;
            this.blockColumns = new double[blocks][p][];
            for (int b = 0; b < blocks; b++) {
                int from = b * BLOCK;
                int to = Math.min(x.length, from + BLOCK);
                for (int f = 0; f < p; f++) {
                    double[] col = new double[to - from];
                    for (int i = from; i < to; i++) col[i - from] = x[i][f];
                    blockColumns[b][f] = col;
                }
            }
            this.team = new SpinningTeam(Math.max(1, Math.min(threads, blocks)), "genrelab-logistic");
        }

        @Override
        public void close() {
            team.close();
        }

        /** f(w) alone. */
        double f(double[] w) {
            return valueAndGradient(w, new double[w.length]);
        }

        @Override
        public double valueAndGradient(double[] w, double[] gradient) {
            evaluations++;
            int q = p + 1;
            double[][][] partial = new double[blocks][][];
            double[] loss = new double[blocks];
            team.forEach(blocks, b -> {
                double[][] g = new double[k][q];
                int from = b * BLOCK;
                int to = Math.min(x.length, (b + 1) * BLOCK);
                loss[b] = block(w, b, from, to, g);
                partial[b] = g;
            });
            Arrays.fill(gradient, 0);
            double f = 0;
            for (int b = 0; b < blocks; b++) { // in block order: the same sums on any number of threads
                f += loss[b];
                for (int c = 0; c < k; c++) add(partial[b][c], gradient, c * q);
            }
            for (int c = 0; c < k; c++) f = penalise(w, gradient, c * q, f);
            return f;
        }

        // The loops over weights are methods of their own, so that the JIT compiles them alone, quickly,
        // rather than the whole evaluation after it has run long (see Lbfgs).

        /** out[offset + j] += g[j]. */
        private static void add(double[] g, double[] out, int offset) {
            for (int j = 0; j < g.length; j++) out[offset + j] += g[j];
        }

        /** ½λ‖W_c‖² added to f (returned) and λ·W_c to the gradient, for the class at offset; intercepts unpenalised. */
        private double penalise(double[] w, double[] gradient, int offset, double f) {
            for (int j = offset; j < offset + p; j++) {
                f += 0.5 * lambda * w[j] * w[j];
                gradient[j] += lambda * w[j];
            }
            return f;
        }

        /**
         * Rows [from, to), block b: returns Σ (log Σ exp zᵢ − zᵢ,yᵢ) and adds
         * Σ (softmax(zᵢ) − onehot(yᵢ)) ⊗ [xᵢ, 1] to g (one row of p weights + intercept per class).
         */
        private double block(double[] w, int b, int from, int to, double[][] g) {
            int q = p + 1;
            double[][] z = new double[k][to - from]; // z[c][i − from]: class c's weight sum for row i
            double[][] columns = blockColumns[b];
            int c = 0;
            for (; c + 3 < k; c += 4) scores4(w, c * q, q, columns, z[c], z[c + 1], z[c + 2], z[c + 3]);
            for (; c < k; c++) scores1(w, c * q, columns, z[c]);
            double loss = 0;
            double[] zi = new double[k];
            for (int i = from; i < to; i++) {
                for (int cc = 0; cc < k; cc++) zi[cc] = z[cc][i - from] + w[cc * q + p];
                double[] xi = x[i];
                int label = y[i];
                double zy = zi[label];
                loss += softmax(zi) - zy;
                zi[label] -= 1; // zi is now the residual softmax(zᵢ) − onehot(yᵢ)
                for (int cc = 0; cc < k; cc++) {
                    double r = zi[cc];
                    double[] gc = g[cc];
                    for (int j = 0; j < p; j++) gc[j] += r * xi[j];
                    gc[p] += r;
                }
            }
            return loss;
        }

        /** {@link #scores4} for one class. */
        private static void scores1(double[] w, int o, double[][] columns, double[] d) {
            for (int f = 0; f < columns.length; f++) {
                double[] col = columns[f];
                double wf = w[o + f];
                for (int r = 0; r < d.length; r++) d[r] += wf * col[r];
            }
        }

        /**
         * The weight sums of four classes (weights at offsets o, o + step, o + 2·step, o + 3·step) for every row of a
         * block, a feature at a time: d[r] += w_f·x[r][f] in feature order, so each row's sum is the one
         * {@link #scores} takes (tested to the bit), in a loop over rows with independent lanes, which the JIT
         * vectorises (a dot product's own loop it would not: it keeps the sum's order); faster than the scores taken
         * row by row. {@code SvcTrainer.dots4} is the same loop over other arrays; one method shared by both made
         * SVC's fits slower, so each keeps its own.
         */
        private static void scores4(double[] w, int o, int step, double[][] columns, double[] d0, double[] d1, double[] d2,
                double[] d3) {
            int m = d0.length;
            for (int f = 0; f < columns.length; f++) {
                double[] col = columns[f];
                double w0 = w[o + f];
                double w1 = w[o + step + f];
                double w2 = w[o + 2 * step + f];
                double w3 = w[o + 3 * step + f];
                for (int r = 0; r < m; r++) {
                    double v = col[r];
                    d0[r] += w0 * v;
                    d1[r] += w1 * v;
                    d2[r] += w2 * v;
                    d3[r] += w3 * v;
                }
            }
        }
    }
}
