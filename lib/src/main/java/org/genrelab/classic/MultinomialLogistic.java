package org.genrelab.classic;

import java.util.Arrays;

import smile.math.BFGS;
import smile.util.function.DifferentiableMultivariateFunction;

/**
 * Multinomial logistic regression as scikit-learn's {@code LogisticRegression(multi_class='multinomial',
 * solver='lbfgs')} (version 1.2) fits it: k weight vectors and k intercepts, minimising
 * Σᵢ −log softmax(W·xᵢ + b)_{yᵢ} + ½λ‖W‖² with λ = 1/C (intercepts not penalised), by L-BFGS with 10
 * corrections (Smile's {@link BFGS}).
 *
 * <p>Written here rather than taken from Smile's {@code LogisticRegression} for two reasons: Smile fixes
 * the last class's weights at 0, so its penalty acts on another parametrisation than scikit-learn's; and
 * its objective takes one dot product at a time, so a fit took about 5× scikit-learn's time. Here the
 * objective reads each row once per four classes, keeps four running sums, and shares the rows out to
 * threads (a fixed partition, summed in order, so the result does not depend on timing).
 */
public final class MultinomialLogistic {

    /** Rows per block of the objective's work partition. */
    private static final int BLOCK = 256;

    private final int p;
    private final int k;
    private final double[] w; // class c: weights w[c(p+1) .. c(p+1)+p−1], intercept w[c(p+1)+p]
    private final int evaluations;

    private MultinomialLogistic(int p, int k, double[] w, int evaluations) {
        this.p = p;
        this.k = k;
        this.w = w;
        this.evaluations = evaluations;
    }

    /**
     * Fits the model.
     *
     * @param x       rows
     * @param y       class indices in [0, k)
     * @param k       number of classes (≥ 2)
     * @param c       inverse penalty strength, as scikit-learn's C (&gt; 0)
     * @param gtol    Smile's L-BFGS convergence test on max|gᵢ|·max(|wᵢ|, 1) / max(f, 1)
     * @param maxIter iteration cap (scikit-learn's max_iter)
     * @param threads threads the objective is computed on
     */
    public static MultinomialLogistic fit(double[][] x, int[] y, int k, double c, double gtol, int maxIter, int threads) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException(x.length + " rows and " + y.length + " labels");
        }
        if (!(c > 0)) throw new IllegalArgumentException("C must be > 0, got " + c);
        if (k < 2) throw new IllegalArgumentException("need at least 2 classes, got " + k);
        for (int v : y) if (v < 0 || v >= k) throw new IllegalArgumentException("label " + v + " outside [0, " + k + ")");
        Objective f = new Objective(x, y, k, 1.0 / c, threads);
        double[] w = new double[k * (x[0].length + 1)];
        BFGS.minimize(f, 10, w, gtol, maxIter);
        return new MultinomialLogistic(x[0].length, k, w, f.evaluations);
    }

    /** Objective evaluations the fit took (each a pass over the data). */
    public int evaluations() {
        return evaluations;
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
        for (int r = 0; r < rows.length; r++) out[r] = argmax(scores(w, p, k, rows[r], z));
        return out;
    }

    /** Class probabilities of a row (softmax of the scores) into {@code prob}; returns the most probable class. */
    public int predict(double[] row, double[] prob) {
        scores(w, p, k, row, prob);
        softmax(prob);
        return argmax(prob);
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int c = 1; c < v.length; c++) if (v[c] > v[best]) best = c;
        return best;
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

    /** The penalised negative log-likelihood and its gradient. */
    static final class Objective implements DifferentiableMultivariateFunction {
        private final double[][] x;
        private final int[] y;
        private final int k;
        private final int p;
        private final double lambda;
        private final int threads;
        private final int blocks;
        int evaluations;

        Objective(double[][] x, int[] y, int k, double lambda, int threads) {
            this.x = x;
            this.y = y;
            this.k = k;
            this.p = x[0].length;
            this.lambda = lambda;
            this.threads = threads;
            this.blocks = (x.length + BLOCK - 1) / BLOCK;
        }

        @Override
        public double f(double[] w) {
            return g(w, new double[w.length]);
        }

        @Override
        public double g(double[] w, double[] gradient) {
            evaluations++;
            double[][] partial = new double[blocks][];
            double[] loss = new double[blocks];
            ParallelRange.forEach(blocks, threads, b -> {
                double[] g = new double[w.length];
                loss[b] = block(w, b * BLOCK, Math.min(x.length, (b + 1) * BLOCK), g);
                partial[b] = g;
            });
            Arrays.fill(gradient, 0);
            double f = 0;
            for (int b = 0; b < blocks; b++) { // in block order: the same sums on any number of threads
                f += loss[b];
                double[] g = partial[b];
                for (int i = 0; i < g.length; i++) gradient[i] += g[i];
            }
            for (int c = 0; c < k; c++) {
                int o = c * (p + 1);
                for (int j = 0; j < p; j++) {
                    f += 0.5 * lambda * w[o + j] * w[o + j];
                    gradient[o + j] += lambda * w[o + j]; // ∂/∂W of ½λ‖W‖²; intercepts unpenalised
                }
            }
            return f;
        }

        /**
         * Rows [from, to): Σ (log Σ exp zᵢ − zᵢ,yᵢ), and Σ (softmax(zᵢ) − onehot(yᵢ)) ⊗ [xᵢ, 1] into g, two
         * rows per update of g (g is read and written half as often).
         */
        private double block(double[] w, int from, int to, double[] g) {
            double loss = 0;
            double[] z0 = new double[k];
            double[] z1 = new double[k];
            int i = from;
            for (; i + 1 < to; i += 2) {
                loss += residual(w, i, z0) + residual(w, i + 1, z1);
                double[] x0 = x[i];
                double[] x1 = x[i + 1];
                for (int c = 0; c < k; c++) {
                    double r0 = z0[c];
                    double r1 = z1[c];
                    int o = c * (p + 1);
                    for (int j = 0; j < p; j++) g[o + j] += r0 * x0[j] + r1 * x1[j];
                    g[o + p] += r0 + r1;
                }
            }
            for (; i < to; i++) {
                loss += residual(w, i, z0);
                for (int c = 0; c < k; c++) {
                    double r = z0[c];
                    int o = c * (p + 1);
                    for (int j = 0; j < p; j++) g[o + j] += r * x[i][j];
                    g[o + p] += r;
                }
            }
            return loss;
        }

        /** Row i's loss; z becomes softmax(zᵢ) − onehot(yᵢ). */
        private double residual(double[] w, int i, double[] z) {
            scores(w, p, k, x[i], z);
            double zy = z[y[i]];
            double loss = softmax(z) - zy;
            z[y[i]] -= 1;
            return loss;
        }
    }
}
