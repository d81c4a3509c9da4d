package org.genrelab.features;

/** Shared checks and column norms of the spectral features (librosa 0.5.0 {@code util.normalize(S, norm=1)}). */
final class SpectralInput {

    private static final long MAX_FINITE_BITS = Double.doubleToRawLongBits(Double.MAX_VALUE);
    private static final int MAX_FINITE_FLOAT_BITS = Float.floatToRawIntBits(Float.MAX_VALUE);

    private SpectralInput() {
    }

    /**
     * A spectrogram read a row at a time as doubles, whether it is stored as float64 or as float32 (FMA's STFT
     * magnitude, whose values are then the same doubles): the features that read it whole do so through a row buffer
     * instead of a float64 copy of the whole spectrogram (21 MB a clip, and one more pass over memory).
     */
    interface Rows {
        int bins();

        /** Values in row k (every row must have {@code frames(0)}; {@link #check} says so). */
        int frames(int k);

        /** Row k's values into {@code to} (of length frames(k)). */
        void copy(int k, double[] to);

        /**
         * False if row k holds only finite non-negative values, by a fast test on the stored bits: a finite
         * non-negative value's bits x lie in [0, the largest finite value's bits], so neither x nor MAX − x has the
         * sign bit, and one OR over the row (a reduction the JIT vectorises) flags NaN, ±∞, negatives and −0.0.
         */
        boolean suspect(int k);

        static Rows of(double[][] s) {
            return new Rows() {
                public int bins() { return s.length; }
                public int frames(int k) { return s[k].length; }
                public void copy(int k, double[] to) { System.arraycopy(s[k], 0, to, 0, to.length); }
                public boolean suspect(int k) {
                    long flags = 0;
                    for (double v : s[k]) {
                        long x = Double.doubleToRawLongBits(v);
                        flags |= x | (MAX_FINITE_BITS - x);
                    }
                    return flags < 0;
                }
            };
        }

        static Rows of(float[][] s) {
            return new Rows() {
                public int bins() { return s.length; }
                public int frames(int k) { return s[k].length; }
                public void copy(int k, double[] to) {
                    float[] row = s[k];
                    for (int t = 0; t < to.length; t++) to[t] = row[t];
                }
                public boolean suspect(int k) {
                    int flags = 0;
                    for (float v : s[k]) {
                        int x = Float.floatToRawIntBits(v);
                        flags |= x | (MAX_FINITE_FLOAT_BITS - x);
                    }
                    return flags < 0;
                }
            };
        }
    }

    /** The spectrogram rounded to float32, the dtype of FMA's STFT magnitude (for features that work in float32). */
    static float[][] float32(double[][] s) {
        float[][] s32 = new float[s.length][];
        for (int k = 0; k < s.length; k++) {
            s32[k] = new float[s[k].length];
            for (int t = 0; t < s32[k].length; t++) s32[k][t] = (float) s[k][t];
        }
        return s32;
    }

    /** librosa refuses negative or non-finite energies; so do we, naming the feature and the cell. */
    static void check(double[][] s, String feature) {
        check(Rows.of(s), feature);
    }

    /** As {@link #check(double[][], String)}, for a spectrogram read by rows. */
    static void check(Rows s, String feature) {
        if (s.bins() < 2 || s.frames(0) < 1) {
            throw new IllegalArgumentException(feature + ": spectrogram must have >= 2 bins and >= 1 frame");
        }
        int nFrames = s.frames(0);
        double[] row = new double[nFrames];
        for (int k = 0; k < s.bins(); k++) {
            if (s.frames(k) != nFrames) throw new IllegalArgumentException(feature + ": ragged spectrogram at bin " + k);
            if (!s.suspect(k)) continue;
            s.copy(k, row); // the exact test, which clears −0.0
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
    static double[] columnSums(Rows s) {
        double[] norm = new double[s.frames(0)];
        double[] row = new double[norm.length];
        for (int k = 0; k < s.bins(); k++) {
            s.copy(k, row);
            for (int t = 0; t < row.length; t++) norm[t] += row[t];
        }
        for (int t = 0; t < norm.length; t++) if (norm[t] < Float.MIN_NORMAL) norm[t] = 1.0;
        return norm;
    }
}
