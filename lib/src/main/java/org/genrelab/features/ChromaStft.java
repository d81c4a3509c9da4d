package org.genrelab.features;

import org.genrelab.dsp.ChromaFilterbank;
import org.genrelab.dsp.Tuning;
import org.genrelab.dsp.VectorApi;
import org.genrelab.dsp.VectorFilterbank;

/**
 * librosa 0.5.0 {@code chroma_stft(S=power)} as FMA calls it: sr defaults to 22050 whatever the real
 * rate (oracle pitfall 2), tuning estimated from the power spectrogram, then
 * {@code filters.chroma(22050, n_fft, A440 = 440·2^(tuning/12)) · S} and a per-frame inf-norm.
 */
public final class ChromaStft {

    /** librosa's default sample rate, which FMA's call leaves in place. */
    public static final double SR = 22050;

    private ChromaStft() {
    }

    /** The tuning chroma_stft uses: {@code estimate_tuning(S=power, sr)}. */
    public static double tuning(float[][] power, double sr) {
        return Tuning.estimateTuning(power, sr);
    }

    /** {@code chroma_stft(S=power, sr=sr)}; {@code power} is float32 |STFT|² [1 + nFft/2][frames]. */
    public static double[][] chromaStft(float[][] power, double sr) {
        return chromaStft(power, sr, tuning(power, sr));
    }

    /** As {@link #chromaStft(float[][], double)} with {@code tuning(power, sr)} already computed. */
    public static double[][] chromaStft(float[][] power, double sr, double tuning) {
        int nFft = 2 * (power.length - 1);
        double[][] fb = ChromaFilterbank.chroma(sr, nFft, 440.0 * Math.pow(2.0, tuning / 12));
        int nFrames = power[0].length;
        double[][] raw = new double[fb.length][nFrames];
        if (VectorApi.AVAILABLE) {
            VectorFilterbank.apply(fb, power, raw); // the same sums, in registers
            return ChromaNorm.normalizeInf(raw);
        }
        for (int c = 0; c < fb.length; c++) {
            for (int k = 0; k < power.length; k++) {
                double w = fb[c][k];
                float[] row = power[k];
                double[] out = raw[c];
                for (int t = 0; t < nFrames; t++) out[t] += w * row[t];
            }
        }
        return ChromaNorm.normalizeInf(raw);
    }

    /** FMA's power input {@code stft**2}: the float32 squares of its float32 magnitude ({@link org.genrelab.dsp.Stft#magnitude32}). */
    public static float[][] powerOf(float[][] stft) {
        float[][] p = new float[stft.length][];
        for (int k = 0; k < stft.length; k++) {
            float[] row = stft[k];
            float[] out = new float[row.length];
            for (int t = 0; t < row.length; t++) out[t] = row[t] * row[t];
            p[k] = out;
        }
        return p;
    }
}
