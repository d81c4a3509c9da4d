package org.genrelab.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;

class FeatureStatisticsTest {

    private static final int K = FeatureStatistics.KURTOSIS, MX = FeatureStatistics.MAX, ME = FeatureStatistics.MEAN,
            MD = FeatureStatistics.MEDIAN, MN = FeatureStatistics.MIN, SK = FeatureStatistics.SKEW, SD = FeatureStatistics.STD;

    /** Known answers: [1,2,3,4] and a Bernoulli(1/4) sample [0,0,0,1]. */
    @Test
    void knownAnswers() {
        float[][] s = FeatureStatistics.of(new double[][] {{4, 1, 3, 2}, {0, 0, 1, 0}});
        assertEquals(2.5f, s[ME][0]);
        assertEquals(2.5f, s[MD][0]);
        assertEquals(1f, s[MN][0]);
        assertEquals(4f, s[MX][0]);
        assertEquals((float) Math.sqrt(1.25), s[SD][0]);
        assertEquals(0f, s[SK][0], 1e-7);
        assertEquals(2.5625 / 1.5625 - 3, s[K][0], 1e-6); // m4/m2² − 3 = −1.36
        // Bernoulli p = 1/4: skew (1−2p)/sqrt(p(1−p)) = 2/sqrt(3), excess kurtosis (1−6p(1−p))/(p(1−p)) = −2/3
        assertEquals(2 / Math.sqrt(3), s[SK][1], 1e-6);
        assertEquals(-2.0 / 3, s[K][1], 1e-6);
        assertEquals(0f, s[MD][1]);
        assertEquals((float) Math.sqrt(0.1875), s[SD][1]);
    }

    /** scipy 0.19: a constant row (m2 = 0) gives skew 0 and kurtosis −3, in both precisions. */
    @Test
    void constantRowGivesSkewZeroKurtosisMinusThree() {
        float[][] d = FeatureStatistics.of(new double[][] {{0.5, 0.5, 0.5, 0.5, 0.5}});
        float[][] f = FeatureStatistics.of(new float[][] {new float[300]});
        for (float[][] s : new float[][][] {d, f}) {
            assertEquals(0f, s[SK][0]);
            assertEquals(-3f, s[K][0]);
            assertEquals(0f, s[SD][0]);
        }
    }

    /** The float32 path agrees with the float64 one to float32 accuracy on a long seeded row. */
    @Test
    void float32PathAgreesWithDouble() {
        Random rnd = new Random(3);
        int n = 2584;
        float[] x = new float[n];
        double[] xd = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) Math.exp(rnd.nextGaussian());
            xd[i] = x[i];
        }
        float[][] f = FeatureStatistics.of(new float[][] {x});
        float[][] d = FeatureStatistics.of(new double[][] {xd});
        for (int s = 0; s < 7; s++) {
            assertEquals(d[s][0], f[s][0], 1e-4 * Math.abs(d[s][0]) + 1e-6, FeatureStatistics.STATISTICS.get(s));
        }
        assertEquals(d[MD][0], f[MD][0]); // even n: mean of the two middle values
    }

    /** numpy's pairwise sum equals the exact sum for integers and handles every block boundary. */
    @Test
    void pairwiseSumIsASum() {
        for (int n : new int[] {0, 1, 7, 8, 9, 127, 128, 129, 300, 2584}) {
            double[] a = new double[n];
            float[] b = new float[n];
            for (int i = 0; i < n; i++) {
                a[i] = i % 13;
                b[i] = i % 13;
            }
            double exact = 0;
            for (double v : a) exact += v;
            assertEquals(exact, FeatureStatistics.pairwiseSum(a, 0, n), "n=" + n);
            assertEquals((float) exact, FeatureStatistics.pairwiseSum(b, 0, n), "n=" + n);
        }
    }

    @Test
    void emptyRowIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> FeatureStatistics.of(new double[][] {{}}));
    }
}
