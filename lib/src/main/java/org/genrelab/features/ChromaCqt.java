package org.genrelab.features;

/**
 * librosa 0.5.0 {@code chroma_cqt(C=cqt_mag)}, {@code chroma_cens(C=cqt_mag)} and
 * {@code tonnetz(chroma)} with 12 bins per octave (oracle pitfalls 8 and 9: FMA computes tonnetz
 * from chroma_cens). {@code cq_to_chroma(84, 12)} from C1 folds bin b to class b mod 12.
 */
public final class ChromaCqt {

    private static final double[] CENS_STEPS = {0.4, 0.2, 0.1, 0.05};

    private ChromaCqt() {
    }

    /** {@code cq_to_chroma(n, 12) · C} (fmin C1, so bin b is pitch class b mod 12), negatives set to 0. */
    static double[][] fold(double[][] cqtMag) {
        int nFrames = cqtMag[0].length;
        double[][] chroma = new double[12][nFrames];
        for (int b = 0; b < cqtMag.length; b++) {
            double[] row = cqtMag[b], out = chroma[b % 12];
            for (int t = 0; t < nFrames; t++) out[t] += row[t];
        }
        for (double[] r : chroma) for (int t = 0; t < nFrames; t++) if (r[t] < 0) r[t] = 0.0;
        return chroma;
    }

    /** {@code chroma_cqt(C=cqtMag, bins_per_octave=12)}: folded, per-frame inf-norm. */
    public static double[][] chromaCqt(double[][] cqtMag) {
        return ChromaNorm.normalizeInf(fold(cqtMag));
    }

    /**
     * {@code chroma_cens(C=cqtMag)}: folded, L1 per frame, quantised (+0.25 per threshold 0.4, 0.2, 0.1,
     * 0.05 exceeded), smoothed along time by {@code convolve2d(·, hann(43, sym=False)/sum, 'same')},
     * L2 per frame.
     */
    public static double[][] chromaCens(double[][] cqtMag) {
        double[][] c = ChromaNorm.normalize(fold(cqtMag), 1);
        int nFrames = c[0].length;
        int winLen = 43; // win_len_smooth 41 + 2
        double[] win = new double[winLen];
        double sum = 0;
        for (int n = 0; n < winLen; n++) {
            win[n] = 0.5 - 0.5 * Math.cos(2 * Math.PI * n / winLen); // scipy hanning(43, sym=False)
            sum += win[n];
        }
        for (int n = 0; n < winLen; n++) win[n] /= sum;
        int centre = (winLen - 1) / 2;
        double[][] cens = new double[12][nFrames];
        for (int r = 0; r < 12; r++) {
            double[] q = new double[nFrames];
            for (int t = 0; t < nFrames; t++) {
                for (double step : CENS_STEPS) if (c[r][t] > step) q[t] += 0.25;
            }
            for (int t = 0; t < nFrames; t++) {
                double acc = 0;
                for (int j = 0; j < winLen; j++) {
                    int i = t + centre - j; // full[t + centre] = Σ_j q[t + centre − j]·win[j]
                    if (i >= 0 && i < nFrames) acc += q[i] * win[j];
                }
                cens[r][t] = acc;
            }
        }
        return ChromaNorm.normalize(cens, 2);
    }

    /** {@code tonnetz(chroma=chroma)}: the 6 tonal-centroid coordinates of the L1-normalised chroma. */
    public static double[][] tonnetz(double[][] chroma) {
        int n = chroma.length;
        double[] scale = {7.0 / 6, 7.0 / 6, 3.0 / 2, 3.0 / 2, 2.0 / 3, 2.0 / 3};
        double[] radius = {1, 1, 1, 1, 0.5, 0.5};
        double[][] phi = new double[6][n];
        for (int d = 0; d < 6; d++) {
            for (int c = 0; c < n; c++) {
                double v = scale[d] * (12.0 * c / n);
                if (d % 2 == 0) v -= 0.5;
                phi[d][c] = radius[d] * Math.cos(Math.PI * v);
            }
        }
        double[][] norm = ChromaNorm.normalize(chroma, 1);
        int nFrames = chroma[0].length;
        double[][] out = new double[6][nFrames];
        for (int d = 0; d < 6; d++) {
            for (int c = 0; c < n; c++) {
                double w = phi[d][c];
                for (int t = 0; t < nFrames; t++) out[d][t] += w * norm[c][t];
            }
        }
        return out;
    }
}
