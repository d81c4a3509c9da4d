package org.genrelab.features;

import org.genrelab.dsp.Frequencies;

/**
 * librosa 0.5.0 {@code feature.spectral_rolloff(S=S, sr=sr, roll_percent=0.85)}: per frame the
 * lowest bin frequency at which the cumulative sum over bins reaches {@code roll_percent} of the
 * total. FMA passes no sr, so 22050 applies. librosa's S there is float32 and {@code np.cumsum}
 * runs in float32; this class rounds S to float32 and accumulates in float32 likewise, so that
 * the bin where the threshold is crossed is the one librosa finds.
 */
public final class SpectralRolloff {

    /** librosa's default roll-off fraction. */
    public static final double ROLL_PERCENT = 0.85;

    private SpectralRolloff() {
    }

    /** {@code spectral_rolloff(S=S)} with sr 22050 and roll_percent 0.85: [1][T]. */
    public static double[][] spectralRolloff(double[][] s) {
        return spectralRolloff(s, SpectralCentroid.SR, ROLL_PERCENT);
    }

    /** {@code spectral_rolloff(S=S, sr=sr, roll_percent=rollPercent)}: [1][T]. */
    public static double[][] spectralRolloff(double[][] s, double sr, double rollPercent) {
        SpectralInput.check(s, "spectral_rolloff");
        return rolloff(s, sr, rollPercent);
    }

    /** The roll-off of a spectrogram that has passed {@link SpectralInput#check}. */
    static double[][] rolloff(double[][] s, double sr, double rollPercent) {
        if (!(rollPercent > 0 && rollPercent < 1)) {
            throw new IllegalArgumentException("roll_percent must lie in (0, 1), got " + rollPercent);
        }
        double[] freq = Frequencies.fftFrequencies(sr, 2 * (s.length - 1));
        int nBins = s.length, nFrames = s[0].length;
        float roll = (float) rollPercent; // numpy: float32 array × python float stays float32
        float[] total = new float[nFrames];
        for (double[] row : s) {
            for (int t = 0; t < nFrames; t++) total[t] += (float) row[t];
        }
        double[] out = new double[nFrames];
        float[] threshold = new float[nFrames];
        float[] cum = new float[nFrames];
        boolean[] found = new boolean[nFrames];
        for (int t = 0; t < nFrames; t++) {
            threshold[t] = roll * total[t];
            out[t] = freq[nBins - 1];
        }
        // bin by bin (row-major, cache-friendly): the first bin whose cumulative energy is >= threshold
        for (int k = 0; k < nBins; k++) {
            double[] row = s[k];
            for (int t = 0; t < nFrames; t++) {
                cum[t] += (float) row[t];
                if (!found[t] && !(cum[t] < threshold[t])) {
                    found[t] = true;
                    out[t] = freq[k];
                }
            }
        }
        return new double[][] {out};
    }
}
