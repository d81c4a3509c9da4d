package org.genrelab.dsp;

/**
 * Mel filterbank of librosa 0.5.0 {@code filters.mel(sr, n_fft, n_mels=128, fmin=0, fmax=sr/2,
 * htk=False)}: triangles between adjacent mel-spaced frequencies (Slaney scale), evaluated on
 * the FFT bin frequencies, each scaled by {@code 2 / (f[i+2] - f[i])} so that every band has
 * roughly constant energy ("area-normalised"). Hand-written: librosa's exact definition, not
 * found in a Java library.
 */
public final class MelFilterbank {

    /** librosa's default number of mel bands. */
    public static final int N_MELS = 128;

    private MelFilterbank() {
    }

    /** {@code filters.mel(sr, nFft)} with librosa's defaults: 128 bands, 0 Hz to sr/2, Slaney scale. */
    public static double[][] mel(double sr, int nFft) {
        return mel(sr, nFft, N_MELS, 0.0, sr / 2.0, false);
    }

    /**
     * {@code filters.mel(sr, n_fft, n_mels, fmin, fmax, htk)}: the weights [nMels][1 + nFft/2].
     *
     * @param fmax highest frequency in Hz; librosa's default is {@code sr / 2}
     */
    public static double[][] mel(double sr, int nFft, int nMels, double fmin, double fmax, boolean htk) {
        if (sr <= 0) throw new IllegalArgumentException("sr must be positive, got " + sr);
        if (nMels < 1) throw new IllegalArgumentException("nMels must be >= 1, got " + nMels);
        if (!(fmin >= 0 && fmax > fmin)) {
            throw new IllegalArgumentException("need 0 <= fmin < fmax, got fmin=" + fmin + ", fmax=" + fmax);
        }
        double[] fftFreqs = Frequencies.fftFrequencies(sr, nFft);
        double[] melF = Frequencies.melFrequencies(nMels + 2, fmin, fmax, htk);
        double[][] weights = new double[nMels][fftFreqs.length];
        for (int i = 0; i < nMels; i++) {
            double fdiffLo = melF[i + 1] - melF[i];
            double fdiffHi = melF[i + 2] - melF[i + 1];
            double enorm = 2.0 / (melF[i + 2] - melF[i]); // Slaney: constant energy per channel
            for (int k = 0; k < fftFreqs.length; k++) {
                // lower = -(f[i] - fk)/fdiff[i], upper = (f[i+2] - fk)/fdiff[i+1]; weight = max(0, min(lower, upper))
                double lower = -(melF[i] - fftFreqs[k]) / fdiffLo;
                double upper = (melF[i + 2] - fftFreqs[k]) / fdiffHi;
                weights[i][k] = Math.max(0.0, Math.min(lower, upper)) * enorm;
            }
        }
        return weights;
    }

    /** {@code np.dot(basis, S)}: apply a filterbank [nMels][bins] to a spectrogram [bins][T]. */
    public static double[][] apply(double[][] basis, double[][] s) {
        requireBins(basis, s.length);
        int nFrames = s[0].length;
        double[][] out = new double[basis.length][nFrames];
        for (int m = 0; m < basis.length; m++) {
            double[] w = basis[m];
            double[] o = out[m];
            for (int k = 0; k < s.length; k++) {
                double wk = w[k];
                if (wk == 0.0) continue; // mel triangles are sparse
                double[] row = s[k];
                for (int t = 0; t < nFrames; t++) o[t] += wk * row[t];
            }
        }
        return out;
    }

    /**
     * {@code np.dot(basis, S**2)} for a float32 magnitude spectrogram S, as numpy computes it: {@code S**2} is a
     * float32 array (each square rounded to float32), then the float64 basis times it in float64.
     */
    public static double[][] applyToFloat32Squares(double[][] basis, float[][] s) {
        int bins = s.length;
        requireBins(basis, bins);
        int nFrames = s[0].length;
        double[][] out = new double[basis.length][nFrames];
        for (int m = 0; m < basis.length; m++) {
            double[] w = basis[m];
            double[] o = out[m];
            for (int k = 0; k < bins; k++) {
                double wk = w[k];
                if (wk == 0.0) continue; // mel triangles are sparse
                float[] row = s[k];
                for (int t = 0; t < nFrames; t++) o[t] += wk * (row[t] * row[t]); // float32 square, then float64
            }
        }
        return out;
    }

    private static void requireBins(double[][] basis, int bins) {
        if (basis.length == 0 || basis[0].length != bins) {
            throw new IllegalArgumentException("filterbank has " + (basis.length == 0 ? 0 : basis[0].length)
                    + " columns but the spectrogram has " + bins + " bins");
        }
    }
}
