package org.genrelab.features;

/** Shared checks and column norms of the spectral features (librosa 0.5.0 {@code util.normalize(S, norm=1)}). */
final class SpectralInput {

    private static final long MAX_FINITE_BITS = Double.doubleToRawLongBits(Double.MAX_VALUE);

    private SpectralInput() {
    }

    /** librosa refuses negative or non-finite energies; so do we, naming the feature and the cell. */
    static void check(double[][] s, String feature) {
        if (s.length < 2 || s[0].length < 1) {
            throw new IllegalArgumentException(feature + ": spectrogram must have >= 2 bins and >= 1 frame");
        }
        for (int k = 0; k < s.length; k++) {
            double[] row = s[k];
            if (row.length != s[0].length) throw new IllegalArgumentException(feature + ": ragged spectrogram at bin " + k);
            // a finite non-negative double's bits x lie in [0, MAX_VALUE's bits]: then neither x nor MAX − x has the
            // sign bit; one OR over the row (a reduction the JIT vectorises) flags NaN, ±∞, negatives and −0.0,
            // and the exact test below clears −0.0
            long flags = 0;
            for (double v : row) {
                long x = Double.doubleToRawLongBits(v);
                flags |= x | (MAX_FINITE_BITS - x);
            }
            if (flags >= 0) continue;
            for (int t = 0; t < row.length; t++) {
                if (!(row[t] >= 0) || row[t] == Double.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException(feature + " is only defined with finite non-negative energies: S["
                            + k + "][" + t + "] = " + row[t]);
                }
            }
        }
    }

    /**
     * L1 norm of every column; a column whose norm is below {@code tiny(S)} gets 1 (librosa's
     * fill=None). FMA's S is float32, so tiny is the smallest normal float32.
     */
    static double[] columnSums(double[][] s) {
        double[] norm = new double[s[0].length];
        for (double[] row : s) {
            for (int t = 0; t < row.length; t++) norm[t] += row[t];
        }
        for (int t = 0; t < norm.length; t++) if (norm[t] < Float.MIN_NORMAL) norm[t] = 1.0;
        return norm;
    }
}
