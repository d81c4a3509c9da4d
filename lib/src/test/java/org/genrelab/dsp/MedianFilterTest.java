package org.genrelab.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class MedianFilterTest {

    /** scipy.ndimage 'reflect' = d c b a | a b c d | d c b a (edge sample repeated). */
    @Test
    void reflectIndexIsScipysHalfSampleSymmetric() {
        int[] expected = {3, 2, 1, 0, 0, 1, 2, 3, 3, 2, 1, 0};
        for (int j = -4; j < 8; j++) assertEquals(expected[j + 4], MedianFilter.reflect(j, 4), "j=" + j);
    }

    /** Known answer worked by hand: [5 1 4 2 3], width 3, reflect-padded [5 5 1 4 2 3 3]. */
    @Test
    void smallKnownAnswer() {
        double[][] out = MedianFilter.alongRows(new double[][] {{5, 1, 4, 2, 3}}, 3);
        assertArrayEquals(new double[] {5, 4, 2, 3, 3}, out[0], 0.0);
    }

    /**
     * The sliding structure equals a sort of every reflect-padded window, with many ties, widths up to longer
     * than the line; line by line and several lines per vector (enough rows and columns for whole groups of
     * lanes and a remainder).
     */
    @Test
    void equalsSortedWindowMedianOnRandomDataWithTies() {
        assertTrue(VectorApi.AVAILABLE, "the tests run with --add-modules jdk.incubator.vector");
        for (boolean vector : new boolean[] {false, true}) equalsSortedWindowMedian(vector);
    }

    private void equalsSortedWindowMedian(boolean vector) {
        Random rnd = new Random(42);
        for (int trial = 0; trial < 60; trial++) {
            int rows = 1 + rnd.nextInt(21), cols = 1 + rnd.nextInt(60);
            int size = 2 * rnd.nextInt(20) + 1;
            double[][] s = new double[rows][cols];
            for (double[] r : s) for (int j = 0; j < cols; j++) r[j] = rnd.nextInt(5) == 0 ? 0.0 : rnd.nextInt(8) * 0.25;
            double[][] byRows = MedianFilter.alongRows(s, size, vector);
            double[][] byCols = MedianFilter.alongColumns(s, size, vector);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    double[] w = new double[size], v = new double[size];
                    for (int k = -size / 2; k <= size / 2; k++) {
                        w[k + size / 2] = s[i][MedianFilter.reflect(j + k, cols)];
                        v[k + size / 2] = s[MedianFilter.reflect(i + k, rows)][j];
                    }
                    Arrays.sort(w);
                    Arrays.sort(v);
                    assertEquals(w[size / 2], byRows[i][j], 0.0, "vector " + vector + ", rows, trial " + trial + " cell " + i + "," + j);
                    assertEquals(v[size / 2], byCols[i][j], 0.0, "vector " + vector + ", columns, trial " + trial + " cell " + i + "," + j);
                }
            }
        }
    }

    @Test
    void rejectsEvenSize() {
        assertThrows(IllegalArgumentException.class, () -> MedianFilter.alongRows(new double[][] {{1, 2}}, 4));
    }
}
