package org.genrelab.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SpectralContrastTest {

    /**
     * Every frame's band means equal those of a full sort (np.sort, then the first and last q values summed in order):
     * on many ties, and on values that fall as a spectrum's usually do.
     */
    @Test
    void bandMeansEqualThoseOfAFullSort() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 120; trial++) {
            int m = 1 + rnd.nextInt(trial < 60 ? 60 : 500);
            int q = 1 + rnd.nextInt(trial % 3 == 0 ? m : Math.min(m, 10));
            int nFrames = 1 + rnd.nextInt(40), lo = rnd.nextInt(3);
            float[][] s = new float[lo + m][nFrames];
            for (int i = 0; i < m; i++) {
                for (int t = 0; t < nFrames; t++) s[lo + i][t] = trial % 2 == 0 ? rnd.nextInt(7) : (m - i) * rnd.nextFloat();
            }
            double[] valley = new double[nFrames], peak = new double[nFrames];
            SpectralContrast.bandMeans(s, lo, m, q, valley, peak);
            for (int t = 0; t < nFrames; t++) {
                float[] x = new float[m];
                for (int i = 0; i < m; i++) x[i] = s[lo + i][t];
                Arrays.sort(x);
                double v = 0, p = 0;
                for (int i = 0; i < q; i++) {
                    v += x[i];
                    p += x[m - q + i];
                }
                assertEquals(v / q, valley[t], 0.0, "valley m=" + m + " q=" + q + " frame " + t);
                assertEquals(p / q, peak[t], 0.0, "peak m=" + m + " q=" + q + " frame " + t);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> SpectralContrast.bandMeans(new float[2][3], 0, 2, 3, new double[3], new double[3]));
    }
}
