package org.genrelab.dsp;

import org.jtransforms.dct.DoubleDCT_1D;

/**
 * Orthonormal DCT-II along the rows of a matrix, the transform of librosa 0.5.0
 * {@code filters.dct(n_filters, n_input)} applied as {@code np.dot(dct_basis, S)} in {@code mfcc}:
 * {@code X[k] = sqrt((k == 0 ? 1 : 2) / N) · Σ_n x[n] cos(πk(2n + 1) / 2N)}. Computed per column with
 * JTransforms' scaled {@link DoubleDCT_1D}.
 */
public final class Dct {

    private Dct() {
    }

    /**
     * The first {@code nOut} orthonormal DCT-II coefficients of every column of {@code s}
     * ([N][T] → [nOut][T]).
     */
    public static double[][] dct(double[][] s, int nOut) {
        int n = s.length;
        if (n < 1) throw new IllegalArgumentException("DCT input has no rows");
        if (nOut < 1 || nOut > n) throw new IllegalArgumentException("nOut must be in 1.." + n + ", got " + nOut);
        int nFrames = s[0].length;
        double[][] out = new double[nOut][nFrames];
        DoubleDCT_1D dct = new DoubleDCT_1D(n);
        double[] col = new double[n];
        for (int t = 0; t < nFrames; t++) {
            for (int i = 0; i < n; i++) col[i] = s[i][t];
            dct.forward(col, true); // scale=true: orthonormal (X0·sqrt(1/N), Xk·sqrt(2/N))
            for (int k = 0; k < nOut; k++) out[k][t] = col[k];
        }
        return out;
    }

    /** The one-dimensional orthonormal DCT-II of {@code x} (all N coefficients), a new array. */
    public static double[] dct(double[] x) {
        double[] c = x.clone();
        new DoubleDCT_1D(c.length).forward(c, true);
        return c;
    }
}
