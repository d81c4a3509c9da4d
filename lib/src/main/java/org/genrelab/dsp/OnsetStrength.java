package org.genrelab.dsp;

import java.util.Arrays;

/**
 * Spectral-flux onset strength envelope of librosa 0.5.0 {@code onset.onset_strength(y, sr,
 * hop_length, aggregate=np.median)} with its defaults {@code lag=1, max_size=1, detrend=False,
 * center=True}: the log-power mel spectrogram ({@code melspectrogram(y, sr, n_fft=2048,
 * hop_length, n_mels=128, fmax=11025)}, then {@code power_to_db} with ref 1, amin 1e-10,
 * top_db 80), the positive first difference along time, the median across the mel bands, and a
 * shift of {@code lag + n_fft / (2·hop_length)} frames (zeros in front) trimmed back to the
 * spectrogram's length. Hand-written: librosa's exact recipe exists in no Java library; the STFT,
 * mel filterbank and dB conversion are this package's.
 */
public final class OnsetStrength {

    /** The mel upper frequency onset_strength passes to melspectrogram ({@code fmax=11025.0}). */
    public static final double FMAX = 11025.0;

    private OnsetStrength() {
    }

    /** {@code onset_strength(y, sr, hop_length=512, aggregate=np.median)} of float32 PCM. */
    public static double[] onsetStrength(float[] y, double sr) {
        double[] d = new double[y.length];
        for (int i = 0; i < y.length; i++) d[i] = y[i];
        return onsetStrength(d, sr, Stft.N_FFT, Stft.HOP_LENGTH);
    }

    /**
     * {@code onset_strength(y, sr, n_fft=nFft, hop_length=hopLength, aggregate=np.median)}: one value
     * per STFT frame, {@code 1 + n / hopLength} values.
     */
    public static double[] onsetStrength(double[] y, double sr, int nFft, int hopLength) {
        if (!(sr > 0)) throw new IllegalArgumentException("sr must be positive, got " + sr);
        // melspectrogram(y=y): S = np.abs(stft(y))**2.0, float32 squares of the complex64 STFT's float32 magnitude
        float[][] magnitude = Stft.magnitude32(y, nFft, hopLength);
        double[][] mel = MelFilterbank.applyToFloat32Squares(
                MelFilterbank.mel(sr, nFft, MelFilterbank.N_MELS, 0.0, FMAX, false), magnitude);
        return fromLogSpectrogram(PowerToDb.powerToDb(mel), 1, nFft, hopLength);
    }

    /**
     * The envelope of a precomputed log spectrogram {@code S} [bands][T] ({@code onset_strength(S=S,
     * lag=lag, aggregate=np.median)}): {@code env[t] = median_f max(0, S[f][t'] − S[f][t' − lag])}
     * with {@code t' = t − n_fft/(2·hop)}, zero for the first {@code lag + n_fft/(2·hop)} frames.
     */
    public static double[] fromLogSpectrogram(double[][] s, int lag, int nFft, int hopLength) {
        if (lag < 1) throw new IllegalArgumentException("lag must be a positive integer, got " + lag);
        if (s.length == 0 || s[0].length == 0) throw new IllegalArgumentException("spectrogram is empty");
        int bands = s.length;
        int nFrames = s[0].length;
        int padWidth = lag + nFft / (2 * hopLength); // lag compensation + centering shift
        double[] env = new double[nFrames];
        double[] column = new double[bands];
        for (int t = lag; t < nFrames; t++) {
            int out = t - lag + padWidth;
            if (out >= nFrames) break; // trimmed to the input length
            for (int f = 0; f < bands; f++) column[f] = Math.max(0.0, s[f][t] - s[f][t - lag]);
            env[out] = median(column);
        }
        return env;
    }

    /** np.median: the middle value, or the mean of the two middle values for an even count. */
    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
    }
}
