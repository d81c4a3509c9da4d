package org.genrelab.eval;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

import org.apache.commons.statistics.descriptive.Quantile;

/**
 * How far a test score could move on another test set of the same size: the percentile bootstrap over
 * the test items (Efron and Tibshirani, <i>An Introduction to the Bootstrap</i>, 1993, ch. 13). Each
 * resample draws n items with replacement; a statistic is computed on every resample; the interval at
 * level L is the (1 − L)/2 and (1 + L)/2 quantiles of those values, interpolated as numpy's default
 * percentile (Hyndman and Fan's definition 7, through Commons Statistics).
 *
 * <p>Two models scored on the same resamples give the interval of their difference (a paired bootstrap):
 * it is narrower than either model's own interval, since a track that is hard for one model is mostly hard
 * for the other. The resampling is written here because no library on Maven Central bootstraps a
 * classification metric over test items (Smile's {@code Bootstrap} resamples training data).
 */
public final class TestSetBootstrap {

    /**
     * A statistic and its bootstrap interval.
     *
     * @param estimate the statistic on the test set itself
     * @param lower    the (1 − level)/2 quantile of the resampled values
     * @param upper    the (1 + level)/2 quantile
     */
    public record Interval(double estimate, double lower, double upper) {

        /** Whether the interval leaves out 0 (for a difference: the sign holds at this level). */
        public boolean excludesZero() {
            return lower > 0 || upper < 0;
        }
    }

    private final int[][] resamples;

    /**
     * {@code count} resamples of {@code n} items.
     *
     * @param seed seed of the draws: the same seed gives the same resamples
     */
    public TestSetBootstrap(int n, int count, long seed) {
        if (n < 1) throw new IllegalArgumentException("no test items to resample");
        if (count < 1) throw new IllegalArgumentException("resamples must be >= 1, got " + count);
        SplittableRandom rnd = new SplittableRandom(seed);
        resamples = new int[count][n];
        for (int[] r : resamples) for (int i = 0; i < n; i++) r[i] = rnd.nextInt(n);
    }

    /** Items per resample (the test set's size). */
    public int items() {
        return resamples[0].length;
    }

    /** Number of resamples. */
    public int count() {
        return resamples.length;
    }

    /** The statistic on every resample, given the resample's item indices (an item may appear several times). */
    public double[] replicates(ToDoubleFunction<int[]> statistic) {
        double[] out = new double[resamples.length];
        for (int b = 0; b < out.length; b++) out[b] = statistic.applyAsDouble(resamples[b]);
        return out;
    }

    /**
     * The mean over runs of the macro-F1 ({@link ClassificationMetrics#macroF1}) on every resample: each run
     * predicts the same test items, so all runs are scored on the same resampled items.
     */
    public double[] resampledMeanMacroF1(int[] truth, List<int[]> runs, int nClasses) {
        if (truth.length != items()) {
            throw new IllegalArgumentException(truth.length + " test labels for resamples of " + items() + " items");
        }
        if (runs.isEmpty()) throw new IllegalArgumentException("no runs to score");
        for (int[] p : runs) {
            if (p.length != truth.length) throw new IllegalArgumentException(p.length + " predictions for " + truth.length + " test items");
        }
        return replicates(idx -> {
            int[] t = new int[idx.length];
            int[] p = new int[idx.length];
            for (int i = 0; i < idx.length; i++) t[i] = truth[idx[i]];
            double sum = 0;
            for (int[] run : runs) {
                for (int i = 0; i < idx.length; i++) p[i] = run[idx[i]];
                sum += ClassificationMetrics.macroF1(t, p, nClasses);
            }
            return sum / runs.size();
        });
    }

    /** The mean over runs of the macro-F1 on the test set itself. */
    public static double meanMacroF1(int[] truth, List<int[]> runs, int nClasses) {
        double sum = 0;
        for (int[] run : runs) sum += ClassificationMetrics.macroF1(truth, run, nClasses);
        return sum / runs.size();
    }

    /** {@code a[b] − b[b]} for every resample b: the paired difference of two statistics. */
    public static double[] difference(double[] a, double[] b) {
        if (a.length != b.length) throw new IllegalArgumentException(a.length + " and " + b.length + " replicates");
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) d[i] = a[i] - b[i];
        return d;
    }

    /**
     * The percentile interval of {@code replicates} at {@code level} (e.g. 0.95), around {@code estimate}. The
     * replicates stay in resample order (Commons Statistics' {@code Quantile} sorts its input in place unless told
     * to copy it, which would break the pairing of a later {@link #difference}).
     */
    public static Interval interval(double estimate, double[] replicates, double level) {
        if (!(level > 0 && level < 1)) throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        double[] q = Quantile.withDefaults().withCopy(true).with(Quantile.EstimationMethod.HF7)
                .evaluate(replicates, (1 - level) / 2, (1 + level) / 2);
        return new Interval(estimate, q[0], q[1]);
    }
}
