package org.genrelab.features;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.descriptive.Max;
import org.apache.commons.statistics.descriptive.Median;
import org.apache.commons.statistics.descriptive.Min;

/**
 * FMA's seven statistics per feature row ({@code features.py: feature_stats}), as numpy 1.x and
 * scipy 0.19 compute them: {@code kurtosis} (Fisher, biased), {@code max}, {@code mean},
 * {@code median}, {@code min}, {@code skew} (biased), {@code std} (ddof 0), each cast to float32.
 * A row with zero second central moment gets skew 0 and kurtosis −3 (scipy 0.19).
 *
 * <p>median, min and max come from commons-statistics (exact order statistics, the same as numpy's).
 * mean, std, skew and kurtosis are written here because they must follow numpy's arithmetic,
 * not just its formulas: two passes ({@code d = x − mean}, then {@code mean(d²)}, {@code mean(d²·d)},
 * {@code mean((d²)²)} as scipy's {@code moment}) with numpy's pairwise summation, and, for float32
 * rows (rmse), every step in float32. commons-statistics' biased Skewness/Kurtosis agree in
 * exact arithmetic but accumulate in one pass and give NaN, not 0 / −3, for a constant row.
 */
public final class FeatureStatistics {

    /** The statistics in FMA's (lexicographic) column order. */
    public static final List<String> STATISTICS = List.of("kurtosis", "max", "mean", "median", "min", "skew", "std");
    public static final int KURTOSIS = 0, MAX = 1, MEAN = 2, MEDIAN = 3, MIN = 4, SKEW = 5, STD = 6;

    private static final int PW_BLOCKSIZE = 128; // numpy's pairwise-summation block

    private FeatureStatistics() {
    }

    /** Statistics of float64 rows: result [7][rows] in {@link #STATISTICS} order, float32 values. */
    public static float[][] of(double[][] rows) {
        float[][] out = new float[STATISTICS.size()][rows.length];
        for (int r = 0; r < rows.length; r++) {
            double[] x = rows[r];
            requireFrames(x.length, r);
            int n = x.length;
            double mean = pairwiseSum(x, 0, n) / n;
            double[] d = new double[n], d2 = new double[n], d3 = new double[n], d4 = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = x[i] - mean;
                d2[i] = d[i] * d[i];
                d3[i] = d2[i] * d[i];
                d4[i] = d2[i] * d2[i];
            }
            double m2 = pairwiseSum(d2, 0, n) / n;
            double m3 = pairwiseSum(d3, 0, n) / n;
            double m4 = pairwiseSum(d4, 0, n) / n;
            boolean zero = m2 == 0;
            out[MEAN][r] = (float) mean;
            out[STD][r] = (float) Math.sqrt(m2);
            out[SKEW][r] = (float) (zero ? 0.0 : m3 / Math.pow(m2, 1.5));
            out[KURTOSIS][r] = (float) ((zero ? 0.0 : m4 / (m2 * m2)) - 3.0);
            out[MEDIAN][r] = (float) Median.withDefaults().evaluate(x);
            out[MIN][r] = (float) Min.of(x).getAsDouble();
            out[MAX][r] = (float) Max.of(x).getAsDouble();
        }
        return out;
    }

    /** Statistics of float32 rows (FMA's rmse), every step in float32: result [7][rows]. */
    public static float[][] of(float[][] rows) {
        float[][] out = new float[STATISTICS.size()][rows.length];
        for (int r = 0; r < rows.length; r++) {
            float[] x = rows[r];
            requireFrames(x.length, r);
            int n = x.length;
            float mean = pairwiseSum(x, 0, n) / n;
            float[] d = new float[n], d2 = new float[n], d3 = new float[n], d4 = new float[n];
            for (int i = 0; i < n; i++) {
                d[i] = x[i] - mean;
                d2[i] = d[i] * d[i];
                d3[i] = d2[i] * d[i];
                d4[i] = d2[i] * d2[i];
            }
            float m2 = pairwiseSum(d2, 0, n) / n;
            float m3 = pairwiseSum(d3, 0, n) / n;
            float m4 = pairwiseSum(d4, 0, n) / n;
            boolean zero = m2 == 0f;
            // np.std: sqrt of the float32 mean of squared deviations
            out[MEAN][r] = mean;
            out[STD][r] = (float) Math.sqrt(m2);
            out[SKEW][r] = zero ? 0f : m3 / (float) Math.pow(m2, 1.5);
            out[KURTOSIS][r] = (zero ? 0f : m4 / (m2 * m2)) - 3f;
            double[] xd = new double[n];
            for (int i = 0; i < n; i++) xd[i] = x[i];
            // np.median of float32: the mean of the two middle values, computed in float32
            double[] sorted = xd.clone();
            Arrays.sort(sorted);
            out[MEDIAN][r] = n % 2 == 1 ? (float) sorted[n / 2]
                    : ((float) sorted[n / 2 - 1] + (float) sorted[n / 2]) / 2f;
            out[MIN][r] = (float) Min.of(xd).getAsDouble();
            out[MAX][r] = (float) Max.of(xd).getAsDouble();
        }
        return out;
    }

    private static void requireFrames(int frames, int r) {
        if (frames == 0) throw new IllegalArgumentException("feature row " + r + " has no frames");
    }

    /** numpy's pairwise summation (8 accumulators up to 128 values, then halving). */
    static double pairwiseSum(double[] a, int off, int n) {
        if (n < 8) {
            double res = 0.;
            for (int i = 0; i < n; i++) res += a[off + i];
            return res;
        } else if (n <= PW_BLOCKSIZE) {
            double r0 = a[off], r1 = a[off + 1], r2 = a[off + 2], r3 = a[off + 3];
            double r4 = a[off + 4], r5 = a[off + 5], r6 = a[off + 6], r7 = a[off + 7];
            int i;
            for (i = 8; i < n - (n % 8); i += 8) {
                r0 += a[off + i]; r1 += a[off + i + 1]; r2 += a[off + i + 2]; r3 += a[off + i + 3];
                r4 += a[off + i + 4]; r5 += a[off + i + 5]; r6 += a[off + i + 6]; r7 += a[off + i + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) res += a[off + i];
            return res;
        } else {
            int n2 = n / 2;
            n2 -= n2 % 8;
            return pairwiseSum(a, off, n2) + pairwiseSum(a, off + n2, n - n2);
        }
    }

    /** numpy's pairwise summation in float32. */
    static float pairwiseSum(float[] a, int off, int n) {
        if (n < 8) {
            float res = 0f;
            for (int i = 0; i < n; i++) res += a[off + i];
            return res;
        } else if (n <= PW_BLOCKSIZE) {
            float r0 = a[off], r1 = a[off + 1], r2 = a[off + 2], r3 = a[off + 3];
            float r4 = a[off + 4], r5 = a[off + 5], r6 = a[off + 6], r7 = a[off + 7];
            int i;
            for (i = 8; i < n - (n % 8); i += 8) {
                r0 += a[off + i]; r1 += a[off + i + 1]; r2 += a[off + i + 2]; r3 += a[off + i + 3];
                r4 += a[off + i + 4]; r5 += a[off + i + 5]; r6 += a[off + i + 6]; r7 += a[off + i + 7];
            }
            float res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) res += a[off + i];
            return res;
        } else {
            int n2 = n / 2;
            n2 -= n2 % 8;
            return pairwiseSum(a, off, n2) + pairwiseSum(a, off + n2, n - n2);
        }
    }
}
