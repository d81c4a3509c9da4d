package org.genrelab.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MultinomialLogisticTest {

    /** 3 Gaussian blobs in 5 dimensions (classes 0..k−1, shifted means) (9 classes: the four-class score passes and the single-class rest). */
    private static double[][] blobs(int n, int p, int k, long seed, int[] y) {
        Random rnd = new Random(seed);
        double[][] x = new double[n][p];
        for (int i = 0; i < n; i++) {
            y[i] = i % k;
            for (int j = 0; j < p; j++) x[i][j] = rnd.nextGaussian() + (j % k == y[i] ? 1.5 : 0);
        }
        return x;
    }

    @Test
    void gradientIsTheDerivativeOfTheObjective() {
        int n = 37; // an odd count: the last row takes the one-row path
        int p = 7;
        int k = 9; // two four-class passes and one single class
        int[] y = new int[n];
        double[][] x = blobs(n, p, k, 1, y);
        var f = new MultinomialLogistic.Objective(x, y, k, 0.7, 2);
        Random rnd = new Random(2);
        double[] w = new double[k * (p + 1)];
        for (int i = 0; i < w.length; i++) w[i] = 0.3 * rnd.nextGaussian();
        double[] g = new double[w.length];
        f.valueAndGradient(w, g);
        for (int i = 0; i < w.length; i++) {
            double h = 1e-6;
            double[] a = w.clone();
            double[] b = w.clone();
            a[i] += h;
            b[i] -= h;
            double numeric = (f.f(a) - f.f(b)) / (2 * h); // central difference
            assertEquals(numeric, g[i], 1e-5 * Math.max(1, Math.abs(numeric)), "component " + i);
        }
    }

    @Test
    void objectiveEqualsTheRowByRowSumsToTheBit() {
        // the reference: each row's scores, loss and gradient in row order within a block, the blocks' sums added
        // in block order, then the penalty; the objective spreads the blocks over two threads and must give the
        // same bits
        for (int k : new int[] {8, 5}) { // 5: one four-class pass and one single class
            int n = 3 * MultinomialLogistic.BLOCK + 44; // three full blocks and a short one
            int p = 19;
            int[] y = new int[n];
            double[][] x = blobs(n, p, k, 3, y);
            double lambda = 0.7;
            Random rnd = new Random(4);
            double[] w = new double[k * (p + 1)];
            for (int i = 0; i < w.length; i++) w[i] = 0.3 * rnd.nextGaussian();
            double[] g = new double[w.length];
            double f;
            try (var objective = new MultinomialLogistic.Objective(x, y, k, lambda, 2)) {
                f = objective.valueAndGradient(w, g);
            }
            int q = p + 1;
            double expectedF = 0;
            double[] expectedG = new double[w.length];
            for (int from = 0; from < n; from += MultinomialLogistic.BLOCK) {
                double loss = 0;
                double[] gb = new double[w.length];
                for (int i = from; i < Math.min(n, from + MultinomialLogistic.BLOCK); i++) {
                    double[] z = MultinomialLogistic.scores(w, p, k, x[i], new double[k]);
                    double zy = z[y[i]];
                    loss += MultinomialLogistic.softmax(z) - zy;
                    z[y[i]] -= 1;
                    for (int c = 0; c < k; c++) {
                        for (int j = 0; j < p; j++) gb[c * q + j] += z[c] * x[i][j];
                        gb[c * q + p] += z[c];
                    }
                }
                expectedF += loss;
                for (int j = 0; j < w.length; j++) expectedG[j] += gb[j];
            }
            for (int c = 0; c < k; c++) {
                for (int j = c * q; j < c * q + p; j++) {
                    expectedF += 0.5 * lambda * w[j] * w[j];
                    expectedG[j] += lambda * w[j];
                }
            }
            assertEquals(expectedF, f, 0.0, k + " classes: f");
            assertArrayEquals(expectedG, g, 0.0, k + " classes: gradient");
        }
    }

    @Test
    void solutionIsStationaryWithClassWeightsSummingToZero() {
        // at the optimum Σᵢ(pᵢ − yᵢ)xᵢ + λW_c = 0 for every c; summed over classes Σ_c(p − y) = 0 leaves
        // λ·Σ_c W_c = 0: the symmetric parametrisation scikit-learn uses (Smile's fixes W_k = 0 instead)
        int n = 300;
        int p = 5;
        int k = 3;
        int[] y = new int[n];
        double[][] x = blobs(n, p, k, 3, y);
        MultinomialLogistic m = MultinomialLogistic.fit(x, y, k, 0.1, 1e-6, 0, 1000, 2);
        double[] w = new double[k * (p + 1)];
        for (int c = 0; c < k; c++) {
            System.arraycopy(m.weights(c), 0, w, c * (p + 1), p);
            w[c * (p + 1) + p] = m.intercept(c);
        }
        double[] g = new double[w.length];
        new MultinomialLogistic.Objective(x, y, k, 10, 1).valueAndGradient(w, g);
        for (double v : g) assertEquals(0, v, 1e-4, "gradient at the solution");
        for (int j = 0; j < p; j++) {
            double sum = 0;
            for (int c = 0; c < k; c++) sum += m.weights(c)[j];
            assertEquals(0, sum, 1e-6, "feature " + j + ": class weights should sum to 0");
        }
        int right = 0;
        int[] pred = m.predict(x);
        for (int i = 0; i < n; i++) if (pred[i] == y[i]) right++;
        assertTrue(right > 0.7 * n, right + " of " + n + " training rows right");
    }

    @Test
    void sameModelOnAnyNumberOfThreads() {
        int n = 1100; // more than four 256-row blocks
        int[] y = new int[n];
        double[][] x = blobs(n, 12, 8, 4, y);
        MultinomialLogistic one = MultinomialLogistic.fit(x, y, 8, 0.01, 1e-5, 200, 1);
        MultinomialLogistic three = MultinomialLogistic.fit(x, y, 8, 0.01, 1e-5, 200, 3);
        for (int c = 0; c < 8; c++) {
            assertArrayEquals(one.weights(c), three.weights(c), 0.0);
            assertEquals(one.intercept(c), three.intercept(c), 0.0);
        }
    }

    @Test
    void badInputIsRefused() {
        double[][] x = {{1, 2}, {3, 4}};
        assertThrows(IllegalArgumentException.class, () -> MultinomialLogistic.fit(x, new int[] {0, 2}, 2, 1, 1e-5, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> MultinomialLogistic.fit(x, new int[] {0}, 2, 1, 1e-5, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> MultinomialLogistic.fit(x, new int[] {0, 1}, 2, 0, 1e-5, 10, 1));
    }
}
