package org.genrelab.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * numpy's pairwise sum, bit for bit, on data whose sum depends on the order of the additions (non-integer values
     * of both signs over 16 binary orders of magnitude; a left-to-right sum differs for most of these n). Reference:
     * /usr/bin/python3, numpy 1.24.2, for each n: {@code i = np.arange(n, dtype=np.int64);
     * d = ((i*7919) % 10007 - 5003) / 97.0 * 2.0**(4*(i % 5))}, then {@code np.sum(d)} (float64) and
     * {@code np.sum(d.astype(np.float32))} (float32), written as IEEE bits.
     */
    @Test
    void pairwiseSumIsNumpysSum() {
        int[] ns = {0, 1, 7, 8, 9, 15, 16, 17, 127, 128, 129, 255, 256, 257, 300, 1000, 2584};
        int[] sum32 = {0x00000000, 0xc24e4f2d, 0xca0d1f30, 0xca0d0ee6, 0xca116bee, 0xcaf0498c, 0xcaf0493f, 0xcaf0472a,
            0xca1184c4, 0xca11845a, 0xca16df68, 0xcb02d723, 0xcb02d704, 0xcb02d678, 0x4b082126, 0x4acd2389, 0xcabf4e32};
        long[] sum64 = {0x0000000000000000L, 0xc049c9e59bb61a64L, 0xc141a3e5f02a3a10L, 0xc141a1dcb376c34cL,
            0xc1422d7db0d3224fL, 0xc15e093175717c0aL, 0xc15e0927e8e83f58L, 0xc15e08e53ab8be06L, 0xc1423099449e59bcL,
            0xc142308c127966eeL, 0xc142dbedb8be0548L, 0xc1605ae446449e58L, 0xc1605ae07e054744L, 0xc1605acf0741fab8L,
            0x41610424ca8e83f5L, 0x4159a4707f5717c2L, 0xc157e9c591d07eb2L};
        int orderSensitive32 = 0, orderSensitive64 = 0;
        for (int c = 0; c < ns.length; c++) {
            int n = ns[c];
            double[] a = new double[n];
            float[] b = new float[n];
            for (int i = 0; i < n; i++) {
                a[i] = ((i * 7919L) % 10007 - 5003) / 97.0 * Math.scalb(1.0, 4 * (i % 5));
                b[i] = (float) a[i];
            }
            assertEquals(Double.longBitsToDouble(sum64[c]), FeatureStatistics.pairwiseSum(a, 0, n), 0.0, "float64, n=" + n);
            assertEquals(Float.intBitsToFloat(sum32[c]), FeatureStatistics.pairwiseSum(b, 0, n), 0f, "float32, n=" + n);
            double seq64 = 0;
            float seq32 = 0;
            for (int i = 0; i < n; i++) {
                seq64 += a[i];
                seq32 += b[i];
            }
            if (seq64 != Double.longBitsToDouble(sum64[c])) orderSensitive64++;
            if (seq32 != Float.intBitsToFloat(sum32[c])) orderSensitive32++;
        }
        assertTrue(orderSensitive64 >= 10 && orderSensitive32 >= 10,
                "the data must tell summation orders apart: " + orderSensitive64 + ", " + orderSensitive32);
    }

    @Test
    void emptyRowIsAnErrorNamingTheRow() {
        var e64 = assertThrows(IllegalArgumentException.class, () -> FeatureStatistics.of(new double[][] {{1}, {}}));
        var e32 = assertThrows(IllegalArgumentException.class, () -> FeatureStatistics.of(new float[][] {{1}, {}}));
        assertEquals("feature row 1 has no frames", e64.getMessage());
        assertEquals(e64.getMessage(), e32.getMessage());
    }
}
