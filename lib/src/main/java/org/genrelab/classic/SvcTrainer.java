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
        OneVersusOne<double[]> m = oneVersusOne(x, y, seed, Runtime.getRuntime().availableProcessors());
        return rows -> IntStream.range(0, rows.length).parallel().map(i -> m.predict(rows[i])).toArray();
    }

    /**
     * libsvm's one-vs-one: one RBF machine per pair of classes (the higher-indexed class +1, the lower −1, as
     * Smile's {@link OneVersusOne#fit} lays them out), prediction by votes. Smile's own {@code fit} trains the
     * pairs on worker threads whose random generators nobody seeds, so a seed did not give the same model twice;
     * here each pair's LASVM draws from a generator seeded with (seed, pair) on whatever thread trains it, so the
     * pairs train on {@code threads} threads and the model is the same for any number of threads.
     */
    public OneVersusOne<double[]> oneVersusOne(double[][] x, int[] y, long seed, int threads) {
        if (x.length != y.length) throw new IllegalArgumentException(x.length + " rows but " + y.length + " labels");
        int[] labels = IntStream.of(y).distinct().sorted().toArray();
        int k = labels.length;
        if (k < 2) throw new IllegalArgumentException("SVC needs at least two classes in the training part, got " + k);
        int[] yi = new int[y.length];
        for (int r = 0; r < y.length; r++) yi[r] = java.util.Arrays.binarySearch(labels, y[r]);
        GaussianKernel kernel = rbf(gammaScale(x));
        SVM.Options opts = new SVM.Options(c, tol, 1);
        @SuppressWarnings("unchecked")
        smile.classification.Classifier<double[]>[][] machines = new smile.classification.Classifier[k][];
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            java.util.List<java.util.concurrent.Future<smile.classification.Classifier<double[]>>> futures = new java.util.ArrayList<>();
            int pair = 0;
            for (int i = 1; i < k; i++) {
                machines[i] = new smile.classification.Classifier[i];
                for (int j = 0; j < i; j++) {
                    final int a = i;
                    final int b = j;
                    final long pairSeed = seed * 1_000_003L + pair++;
                    futures.add(pool.submit(() -> {
                        int n = 0;
                        for (int v : yi) if (v == a || v == b) n++;
                        double[][] xs = new double[n][];
                        int[] ys = new int[n];
                        for (int r = 0, q = 0; r < yi.length; r++) {
                            if (yi[r] == a || yi[r] == b) {
                                xs[q] = x[r];
                                ys[q++] = yi[r] == a ? +1 : -1;
                            }
                        }
                        smile.math.MathEx.setSeed(pairSeed); // this thread's generator, for this pair
                        return SVM.fit(xs, ys, kernel, opts);
                    }));
                }
            }
            int f = 0;
            for (int i = 1; i < k; i++) for (int j = 0; j < i; j++) machines[i][j] = futures.get(f++).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("SVC training failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new OneVersusOne<>(machines, null, new smile.util.IntSet(labels));
    }
}
