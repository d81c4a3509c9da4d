package org.genrelab.features;

/**
 * librosa 0.5.0 {@code feature.rmse(S=S)}: per frame {@code sqrt(mean_k |S_kt|²)} over all bins
 * (not librosa 0.10's Parseval-weighted {@code rms}, oracle pitfall 10). librosa's result is float32
 * because FMA's S is: {@code np.abs(S)**2} is float32 (each square rounded to float32, as here); numpy then
 * averages in float32, where this port sums the float32 squares in double and rounds the result to float32.
 */
public final class Rmse {

    private Rmse() {
    }

    /** {@code rmse(S=S)}: [1][T] float32 from a float32 magnitude spectrogram [bins][T]. */
    public static float[][] rmse(float[][] s) {
        if (s.length < 1 || s[0].length < 1) throw new IllegalArgumentException("rmse: empty spectrogram");
        int nFrames = s[0].length;
        double[] sum = new double[nFrames];
        for (float[] row : s) {
            for (int t = 0; t < nFrames; t++) sum[t] += row[t] * row[t]; // float32 square
        }
        float[] out = new float[nFrames];
        for (int t = 0; t < nFrames; t++) out[t] = (float) Math.sqrt(sum[t] / s.length);
        return new float[][] {out};
    }
}
