package org.genrelab.features;

/**
 * librosa 0.5.0 {@code util.normalize(S, norm, axis=0)} for the chroma features: per-frame (column)
 * inf-, L1- or L2-norm; a column whose norm is below float64 tiny is left unscaled.
 */
final class ChromaNorm {

    private ChromaNorm() {
    }

    static double[][] normalizeInf(double[][] s) {
        return normalize(s, Double.POSITIVE_INFINITY);
    }

    /** norm ∈ {1, 2, +inf}. */
    static double[][] normalize(double[][] s, double norm) {
        int rows = s.length, cols = s[0].length;
        double[][] out = new double[rows][cols];
        for (int t = 0; t < cols; t++) {
            double len = 0;
            for (int r = 0; r < rows; r++) {
                double a = Math.abs(s[r][t]);
                if (norm == Double.POSITIVE_INFINITY) len = Math.max(len, a);
                else if (norm == 1) len += a;
                else if (norm == 2) len += a * a;
                else throw new IllegalArgumentException("unsupported norm " + norm);
            }
            if (norm == 2) len = Math.sqrt(len);
            if (len < Double.MIN_NORMAL) len = 1.0;
            for (int r = 0; r < rows; r++) out[r][t] = s[r][t] / len;
        }
        return out;
    }
}
