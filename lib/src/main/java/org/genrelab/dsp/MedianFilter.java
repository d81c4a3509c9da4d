package org.genrelab.dsp;

import java.util.Arrays;

/**
 * One-dimensional median filters along the rows or the columns of a matrix, as
 * {@code scipy.ndimage.median_filter(S, size=(1, k))} / {@code size=(k, 1)} with
 * {@code mode='reflect'} (the edge sample is repeated: {@code d c b a | a b c d | d c b a}) and a
 * centred window of odd length {@code k}. Hand-written because no library in the build has a
 * sliding median: each line keeps its current window in a sorted array, so a step is one binary
 * search plus an {@code arraycopy} of at most {@code k} values instead of a sort (HPSS filters
 * 2.6 million cells twice per clip).
 */
public final class MedianFilter {

    private MedianFilter() {
    }

    /** Median of width {@code size} along each row (axis 1, time for a spectrogram). */
    public static double[][] alongRows(double[][] s, int size) {
        return alongRows(s, size, VectorApi.AVAILABLE);
    }

    /** Median of width {@code size} along each column (axis 0, frequency for a spectrogram). */
    public static double[][] alongColumns(double[][] s, int size) {
        return alongColumns(s, size, VectorApi.AVAILABLE);
    }

    /** @param vector false to filter line by line even when the Vector API is there (tests compare them) */
    static double[][] alongRows(double[][] s, int size, boolean vector) {
        checkSize(size);
        double[][] out = new double[s.length][];
        for (int i = 0; i < s.length; i++) out[i] = new double[s[i].length];
        int i = 0;
        if (vector && s.length > 0) {
            int n = s[0].length;
            int lanes = VectorMedianFilter.LANES;
            double[] in = new double[n * lanes];
            double[] filtered = new double[n * lanes];
            for (; i + lanes <= s.length && n > 0; i += lanes) { // lanes rows at once, interleaved
                for (int l = 0; l < lanes; l++) {
                    if (s[i + l].length != n) throw new IllegalArgumentException("ragged matrix at row " + (i + l));
                    double[] row = s[i + l];
                    for (int t = 0; t < n; t++) in[t * lanes + l] = row[t];
                }
                VectorMedianFilter.filterInterleaved(in, filtered, n, size);
                for (int l = 0; l < lanes; l++) {
                    double[] row = out[i + l];
                    for (int t = 0; t < n; t++) row[t] = filtered[t * lanes + l];
                }
            }
        }
        for (; i < s.length; i++) filterLine(s[i], out[i], size);
        return out;
    }

    /** @param vector false to filter line by line even when the Vector API is there (tests compare them) */
    static double[][] alongColumns(double[][] s, int size, boolean vector) {
        checkSize(size);
        int rows = s.length;
        int cols = rows == 0 ? 0 : s[0].length;
        double[][] out = new double[rows][cols];
        int j = 0;
        if (vector && rows > 0) {
            int lanes = VectorMedianFilter.LANES;
            double[] in = new double[rows * lanes];
            double[] filtered = new double[rows * lanes];
            for (; j + lanes <= cols; j += lanes) { // lanes columns at once: each row's slice is contiguous
                for (int i = 0; i < rows; i++) System.arraycopy(s[i], j, in, i * lanes, lanes);
                VectorMedianFilter.filterInterleaved(in, filtered, rows, size);
                for (int i = 0; i < rows; i++) System.arraycopy(filtered, i * lanes, out[i], j, lanes);
            }
        }
        double[] line = new double[rows];
        double[] filtered = new double[rows];
        for (; j < cols; j++) {
            for (int i = 0; i < rows; i++) line[i] = s[i][j];
            filterLine(line, filtered, size);
            for (int i = 0; i < rows; i++) out[i][j] = filtered[i];
        }
        return out;
    }

    /** Sliding median of one line with scipy's 'reflect' boundary. */
    static void filterLine(double[] x, double[] out, int size) {
        int n = x.length;
        if (n == 0) return;
        int half = size / 2;
        double[] window = new double[size];
        for (int k = -half; k <= half; k++) window[k + half] = x[reflect(k, n)];
        Arrays.sort(window);
        out[0] = window[half];
        for (int i = 1; i < n; i++) {
            double leaving = x[reflect(i - 1 - half, n)];
            double entering = x[reflect(i + half, n)];
            replace(window, leaving, entering);
            out[i] = window[half];
        }
    }

    /** Removes one occurrence of {@code leaving} from the sorted window and inserts {@code entering}. */
    private static void replace(double[] w, double leaving, double entering) {
        if (Double.compare(leaving, entering) == 0) return;
        int pos = Arrays.binarySearch(w, leaving);
        if (pos < 0) throw new IllegalStateException("median window lost a value (NaN input?)");
        if (entering > leaving) {
            // shift left the values in (leaving, entering] and put entering after them
            int j = pos;
            while (j + 1 < w.length && w[j + 1] < entering) {
                w[j] = w[j + 1];
                j++;
            }
            w[j] = entering;
        } else {
            int j = pos;
            while (j > 0 && w[j - 1] > entering) {
                w[j] = w[j - 1];
                j--;
            }
            w[j] = entering;
        }
    }

    /** scipy.ndimage 'reflect' index (half-sample symmetric: the edge sample is repeated). */
    static int reflect(int j, int n) {
        int period = 2 * n;
        int m = Math.floorMod(j, period);
        return m < n ? m : period - 1 - m;
    }

    private static void checkSize(int size) {
        if (size < 1 || size % 2 == 0) throw new IllegalArgumentException("median filter size must be odd and >= 1, got " + size);
    }
}
