package org.genrelab.features;

import org.genrelab.dsp.Frequencies;

/**
 * librosa 0.5.0 {@code feature.spectral_rolloff(S=S, sr=sr, roll_percent=0.85)}: per frame the
 * lowest bin frequency at which the cumulative sum over bins reaches {@code roll_percent} of the
 * total. FMA passes no sr, so 22050 applies. librosa's S there is float32 and {@code np.cumsum}
 * runs in float32; this class rounds S to float32 and accumulates in float32 likewise, so that
 * the bin where the threshold is crossed is the one librosa finds (a spectrogram given as doubles is rounded to
 * float32 first).
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
        return rolloff(SpectralInput.float32(s), sr, rollPercent);
    }

    /** Bins per chunk of the search below. */
    private static final int CHUNK = 32;

    /**
     * The roll-off of a float32 spectrogram whose values have passed {@link SpectralInput#check}. The cumulative
     * sums run bin by bin over all frames (row-major, a loop the JIT vectorises); after every {@value #CHUNK} bins the
     * frames whose sum has reached the threshold within the chunk are found, and only those are summed again from
     * the chunk's start, one bin at a time, for the first bin that reaches it (the same float32 sums in the same
     * order). Each frame crosses once, so the search adds about {@value #CHUNK} additions per frame.
     */
    static double[][] rolloff(float[][] s, double sr, double rollPercent) {
        if (!(rollPercent > 0 && rollPercent < 1)) {
            throw new IllegalArgumentException("roll_percent must lie in (0, 1), got " + rollPercent);
        }
        double[] freq = Frequencies.fftFrequencies(sr, 2 * (s.length - 1));
        int nBins = s.length, nFrames = s[0].length;
        float roll = (float) rollPercent; // numpy: float32 array × python float stays float32
        float[] total = new float[nFrames];
        for (float[] row : s) {
            for (int t = 0; t < nFrames; t++) total[t] += row[t];
        }
        double[] out = new double[nFrames];
        float[] threshold = new float[nFrames];
        boolean[] found = new boolean[nFrames];
        for (int t = 0; t < nFrames; t++) {
            threshold[t] = roll * total[t];
            out[t] = freq[nBins - 1];
        }
        float[] cum = new float[nFrames];
        float[] chunkStart = new float[nFrames];
        for (int k0 = 0; k0 < nBins; k0 += CHUNK) {
            int k1 = Math.min(nBins, k0 + CHUNK);
            System.arraycopy(cum, 0, chunkStart, 0, nFrames);
            for (int k = k0; k < k1; k++) {
                float[] row = s[k];
                for (int t = 0; t < nFrames; t++) cum[t] += row[t];
            }
            for (int t = 0; t < nFrames; t++) {
                if (found[t] || cum[t] < threshold[t]) continue;
                found[t] = true; // the first bin whose cumulative energy is >= threshold lies in [k0, k1)
                float c = chunkStart[t];
                for (int k = k0; k < k1; k++) {
                    c += s[k][t];
                    if (!(c < threshold[t])) {
                        out[t] = freq[k];
                        break;
                    }
                }
            }
        }
        return new double[][] {out};
    }
}
