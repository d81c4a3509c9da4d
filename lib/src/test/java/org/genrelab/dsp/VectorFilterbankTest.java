package org.genrelab.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class VectorFilterbankTest {

    @Test
    void sameBitsAsThePlainLoop() {
        assertTrue(VectorApi.AVAILABLE, "the tests run with --add-modules jdk.incubator.vector");
        Random r = new Random(11);
        for (int[] size : new int[][] {{12, 1025, 300}, {7, 50, 37}, {1, 3, 1}, {5, 9, 64}}) {
            int filters = size[0], bins = size[1], frames = size[2];
            double[][] w = new double[filters][bins];
            for (double[] row : w) for (int k = 0; k < bins; k++) row[k] = r.nextDouble() * Math.exp(-10 * r.nextDouble());
            float[][] s = new float[bins][frames];
            for (float[] row : s) for (int t = 0; t < frames; t++) row[t] = (float) (r.nextGaussian() * r.nextGaussian() * 1e3);
            double[][] plain = new double[filters][frames];
            for (int c = 0; c < filters; c++) {
                for (int k = 0; k < bins; k++) {
                    for (int t = 0; t < frames; t++) plain[c][t] += w[c][k] * s[k][t];
                }
            }
            double[][] out = new double[filters][frames];
            VectorFilterbank.apply(w, s, out);
            for (int c = 0; c < filters; c++) assertArrayEquals(plain[c], out[c], 0.0, filters + "×" + bins + "×" + frames + ", filter " + c);
        }
    }

    @Test
    void mismatchedSizesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> VectorFilterbank.apply(new double[2][5], new float[4][8], new double[2][8]));
    }
}
