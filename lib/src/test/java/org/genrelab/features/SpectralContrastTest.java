package org.genrelab.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SpectralContrastTest {

    /** The selection gives exactly the ends of a full sort, ties and all. */
    @Test
    void extremesEqualSortedEnds() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            int m = 1 + rnd.nextInt(60);
            int q = 1 + rnd.nextInt(m);
            double[] x = new double[m];
            for (int i = 0; i < m; i++) x[i] = rnd.nextInt(7); // many ties
            double[] low = new double[q], high = new double[q];
            SpectralContrast.extremes(x, m, low, high);
            double[] sorted = x.clone();
            Arrays.sort(sorted);
            assertArrayEquals(Arrays.copyOfRange(sorted, 0, q), low, "low m=" + m + " q=" + q);
            assertArrayEquals(Arrays.copyOfRange(sorted, m - q, m), high, "high m=" + m + " q=" + q);
        }
    }
}
