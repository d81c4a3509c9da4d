package org.genrelab.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;

class DctTest {

    /** Against the definition X[k] = sqrt((k==0 ? 1 : 2)/N) Σ x[n] cos(πk(2n+1)/2N) (librosa filters.dct). */
    @Test
    void matchesOrthonormalDctIIDefinition() {
        Random rnd = new Random(42);
        int n = 128, t = 5;
        double[][] s = new double[n][t];
        for (double[] row : s) for (int j = 0; j < t; j++) row[j] = rnd.nextGaussian() * 30 - 40;
        double[][] c = Dct.dct(s, 20);
        for (int k = 0; k < 20; k++) {
            for (int j = 0; j < t; j++) {
                double sum = 0;
                for (int i = 0; i < n; i++) sum += s[i][j] * Math.cos(Math.PI * k * (2 * i + 1) / (2.0 * n));
                double expected = sum * Math.sqrt((k == 0 ? 1.0 : 2.0) / n);
                assertEquals(expected, c[k][j], 1e-10, "k=" + k + " t=" + j);
            }
        }
    }

    /** Orthonormal: energy is preserved (Parseval) and a constant maps to sqrt(N)·c in X[0] only. */
    @Test
    void isOrthonormal() {
        Random rnd = new Random(7);
        double[] x = new double[128];
        double e = 0;
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextDouble() - 0.5;
            e += x[i] * x[i];
        }
        double[] c = Dct.dct(x);
        double ec = 0;
        for (double v : c) ec += v * v;
        assertEquals(e, ec, 1e-12);
        double[] k = Dct.dct(new double[] {2, 2, 2, 2, 2, 2, 2, 2, 2});
        assertEquals(2 * Math.sqrt(9), k[0], 1e-12);
        for (int i = 1; i < k.length; i++) assertEquals(0.0, k[i], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Dct.dct(new double[4][3], 5));
    }
}
