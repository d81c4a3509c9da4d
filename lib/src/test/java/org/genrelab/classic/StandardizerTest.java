package org.genrelab.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class StandardizerTest {

    /**
     * Known answer from scikit-learn 1.2 (Debian's python3-sklearn):
     * {@code StandardScaler().fit(X)} with X = seven rows of [0.1, i, 5.0], i = 1..7, gives mean_ [0.1, 4, 5],
     * scale_ [1, 2, 1] and transforms [0.2, 8, 5] to [0.1, 2, 0]. The first column is constant up to rounding
     * (its computed variance is ~2e-34, not 0): a plain "sd > 0" test would divide by ~1e-17.
     */
    @Test
    void columnsConstantUpToRoundingGetScaleOneAsInScikitLearn() {
        double[][] x = new double[7][];
        for (int i = 0; i < 7; i++) x[i] = new double[] {0.1, i + 1, 5.0};
        Standardizer s = Standardizer.fit(x);
        assertArrayEquals(new double[] {0.1, 4, 5}, s.mean(), 1e-15);
        assertArrayEquals(new double[] {1, 2, 1}, s.scale(), 1e-15);
        assertArrayEquals(new double[] {0.1, 2, 0}, s.transform(new double[][] {{0.2, 8, 5.0}})[0], 1e-12);
    }
}
