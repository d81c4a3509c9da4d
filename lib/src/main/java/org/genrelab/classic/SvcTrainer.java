package org.genrelab.classic;

import java.util.stream.IntStream;

import smile.classification.OneVersusOne;
import smile.classification.SVM;
import smile.math.kernel.GaussianKernel;

/**
 * Support vector classifier with an RBF kernel, one-vs-one over the classes as libsvm does, through
 * Smile's {@link SVM} and {@link OneVersusOne}. scikit-learn's {@code SVC(C, gamma='scale')}: gamma =
 * 1 / (n_features · Var(X)) over every entry of the training matrix. Smile's Gaussian kernel is
 * exp(−‖x−y‖² / (2σ²)), so σ = 1 / √(2·gamma) gives sklearn's exp(−gamma·‖x−y‖²).
 */
public final class SvcTrainer implements ModelTrainer {

    private final double c;
    private final double tol;

    /** The study's SVC: C = 3, gamma 'scale', tolerance 1e-3 (libsvm's). */
    public SvcTrainer() {
        this(3.0, 1e-3);
    }

    public SvcTrainer(double c, double tol) {
        this.c = c;
        this.tol = tol;
    }

    @Override
    public String name() {
        return "SVC";
    }

    @Override
    public String settings() {
        return "RBF, C=" + c + ", gamma=scale, one-vs-one (Smile)";
    }

    /** scikit-learn's gamma='scale': 1 / (n_features · variance of all entries of x). */
    public static double gammaScale(double[][] x) {
        int p = x[0].length;
        double s = 0;
        double s2 = 0;
        for (double[] r : x) {
            for (double v : r) {
                s += v;
                s2 += v * v;
            }
        }
        double n = (double) x.length * p;
        double var = s2 / n - (s / n) * (s / n);
        return var > 0 ? 1.0 / (p * var) : 1.0;
    }

    /** Smile's Gaussian kernel equal to exp(−gamma·‖x−y‖²). */
    public static GaussianKernel rbf(double gamma) {
        return new GaussianKernel(1.0 / Math.sqrt(2 * gamma));
    }

    @Override
    public TrainedModel fit(double[][] x, int[] y, int nClasses, long seed) {
        GaussianKernel k = rbf(gammaScale(x));
        SVM.Options opts = new SVM.Options(c, tol, 1);
        // Smile's OneVersusOne trains the class pairs in a parallel stream, and each LASVM draws a random
        // permutation from the worker thread's own, unseeded generator: results changed from run to run.
        // A one-thread pool keeps every pair on one thread, seeded here, in a fixed order.
        java.util.concurrent.ForkJoinPool one = new java.util.concurrent.ForkJoinPool(1);
        OneVersusOne<double[]> m;
        try {
            m = one.submit(() -> {
                smile.math.MathEx.setSeed(seed);
                return OneVersusOne.fit(x, y, (xs, ys) -> SVM.fit(xs, ys, k, opts));
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            one.shutdown();
        }
        return rows -> IntStream.range(0, rows.length).parallel().map(i -> m.predict(rows[i])).toArray();
    }
}
