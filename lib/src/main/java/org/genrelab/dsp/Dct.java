package org.genrelab.dsp;

import java.util.Arrays;
import org.jtransforms.dct.DoubleDCT_1D;

/**
 * Orthonormal DCT-II along the rows of a matrix, the transform of librosa 0.5.0
 * {@code filters.dct(n_filters, n_input)} applied as {@code np.dot(dct_basis, S)} in {@code mfcc}:
 * {@code X[k] = sqrt((k == 0 ? 1 : 2) / N) · Σ_n x[n] cos(πk(2n + 1) / 2N)}. The matrix form computes it as
 * librosa 0.5.0 did, with the basis built in numpy's order of operations, and only the rows asked for: MFCC's 20
 * of 128 in a loop over frames that the JIT vectorises, faster than a JTransforms DCT of every frame's 128 values.
 * {@link #dct(double[])} keeps JTransforms' fast transform.
 */
public final class Dct {

    private Dct() {
    }

    /**
     * The first {@code nOut} orthonormal DCT-II coefficients of every column of {@code s}
     * ([N][T] → [nOut][T]): {@code np.dot(filters.dct(nOut, N), s)}, each sum over n in ascending order.
     */
    public static double[][] dct(double[][] s, int nOut) {
        int n = s.length;
        if (n < 1) throw new IllegalArgumentException("DCT input has no rows");
        if (nOut < 1 || nOut > n) throw new IllegalArgumentException("nOut must be in 1.." + n + ", got " + nOut);
        int nFrames = s[0].length;
        double[][] basis = basis(nOut, n);
        double[][] out = new double[nOut][nFrames];
        for (int k = 0; k < nOut; k++) {
            double[] o = out[k];
            for (int i = 0; i < n; i++) {
                double b = basis[k][i];
                double[] row = s[i];
                for (int t = 0; t < nFrames; t++) o[t] += b * row[t];
            }
        }
        return out;
    }

    /**
     * librosa 0.5.0 {@code filters.dct(n_filters, n_input)}: row 0 is {@code 1/√N}, row k is
     * {@code cos(k · samples) · √(2/N)} with {@code samples = arange(1, 2N, 2) · π / (2N)}.
     */
    public static double[][] basis(int nFilters, int nInput) {
        double[][] b = new double[nFilters][nInput];
        Arrays.fill(b[0], 1.0 / Math.sqrt(nInput));
        double scale = Math.sqrt(2.0 / nInput);
        for (int k = 1; k < nFilters; k++) {
            for (int j = 0; j < nInput; j++) {
                double sample = (2 * j + 1) * Math.PI / (2.0 * nInput);
                b[k][j] = Math.cos(k * sample) * scale;
            }
        }
        return b;
    }

    /** The one-dimensional orthonormal DCT-II of {@code x} (all N coefficients), a new array. */
    public static double[] dct(double[] x) {
        double[] c = x.clone();
        new DoubleDCT_1D(c.length).forward(c, true);
        return c;
    }
}
