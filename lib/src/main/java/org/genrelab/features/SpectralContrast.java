package org.genrelab.features;

import java.util.Arrays;

import org.genrelab.dsp.Frequencies;
import org.genrelab.dsp.PowerToDb;

/**
 * librosa 0.5.0 {@code feature.spectral_contrast(S=S, sr=sr, fmin=200, n_bands=6, quantile=0.02)}:
 * octave bands with edges {@code 0, fmin, 2·fmin, …, 2^n_bands·fmin} (the last band takes every
 * bin above), each band widened by the bin below it and, except the last, narrowed by its top bin;
 * per frame the mean of the {@code max(1, rint(quantile·count))} smallest (valley) and largest
 * (peak) magnitudes; the result is {@code power_to_db(peak) − power_to_db(valley)} where each
 * {@code power_to_db} (ref 1, amin 1e-10, top_db 80) applies to the magnitudes themselves and takes
 * its top_db floor over its whole [7][T] array (oracle pitfall 4). FMA passes no sr, so 22050
 * applies. The magnitudes are librosa's float32 there, and the extremes are found among float32 values
 * (a spectrogram given as doubles is rounded to float32 first, as {@link SpectralRolloff} does): twice as
 * many lanes per vector for the band sorting network, the selection's costliest step; the q values are
 * then summed in double as before.
 */
public final class SpectralContrast {

    /** librosa's defaults, which FMA keeps. */
    public static final double FMIN = 200.0;
    public static final int N_BANDS = 6;
    public static final double QUANTILE = 0.02;

    private SpectralContrast() {
    }

    /** {@code spectral_contrast(S=S, n_bands=6)} with sr 22050: [7][T] in dB. */
    public static double[][] spectralContrast(double[][] s) {
        return spectralContrast(s, SpectralCentroid.SR, FMIN, N_BANDS, QUANTILE);
    }

    /** {@code spectral_contrast(S=S, sr=sr, fmin=fmin, n_bands=nBands, quantile=quantile)}: [nBands + 1][T]. */
    public static double[][] spectralContrast(double[][] s, double sr, double fmin, int nBands, double quantile) {
        SpectralInput.check(s, "spectral_contrast");
        return contrast(SpectralInput.float32(s), sr, fmin, nBands, quantile);
    }

    /** The contrast of a float32 spectrogram whose values (as doubles) have passed {@link SpectralInput#check}. */
    static double[][] contrast(float[][] s, double sr, double fmin, int nBands, double quantile) {
        if (nBands < 1) throw new IllegalArgumentException("n_bands must be a positive integer, got " + nBands);
        if (!(quantile > 0 && quantile < 1)) throw new IllegalArgumentException("quantile must lie in (0, 1), got " + quantile);
        if (!(fmin > 0)) throw new IllegalArgumentException("fmin must be positive, got " + fmin);
        int nBins = s.length, nFrames = s[0].length;
        double[] freq = Frequencies.fftFrequencies(sr, 2 * (nBins - 1));
        double[] octa = new double[nBands + 2];
        for (int i = 1; i < octa.length; i++) octa[i] = fmin * Math.pow(2.0, i - 1);

        double[][] valley = new double[nBands + 1][nFrames];
        double[][] peak = new double[nBands + 1][nFrames];
        for (int b = 0; b <= nBands; b++) {
            int lo = -1, hi = -1; // first and last bin with octa[b] <= f <= octa[b+1]
            for (int k = 0; k < nBins; k++) {
                if (freq[k] >= octa[b] && freq[k] <= octa[b + 1]) {
                    if (lo < 0) lo = k;
                    hi = k;
                }
            }
            if (lo < 0) {
                throw new IllegalArgumentException("spectral_contrast: band " + b + " (" + octa[b] + "–" + octa[b + 1]
                        + " Hz) holds no FFT bin at sr " + sr + " with " + nBins + " bins");
            }
            if (b > 0) lo = Math.max(0, lo - 1);       // include the bin just below the band
            if (b == nBands) hi = nBins - 1;           // the last band takes everything above
            int count = hi - lo + 1;                    // np.sum(current_band)
            int subHi = b < nBands ? hi - 1 : hi;       // sub_band drops its top bin except in the last band
            int q = (int) Math.max(Math.rint(quantile * count), 1);
            int m = subHi - lo + 1;
            bandMeans(s, lo, m, q, valley[b], peak[b]);
        }
        double[][] peakDb = PowerToDb.powerToDb(peak);
        double[][] valleyDb = PowerToDb.powerToDb(valley);
        for (int b = 0; b <= nBands; b++) {
            for (int t = 0; t < nFrames; t++) peakDb[b][t] -= valleyDb[b][t];
        }
        return peakDb;
    }

    /**
     * For every frame t, the mean of the q smallest (valley) and of the q largest (peak) of {@code s[lo..lo+m)[t]}, each
     * summed in ascending order as {@code np.sort} leaves them. Rows are read whole, over all frames (no transposition).
     * Each frame keeps its q smallest values so far as q rows {@code low[0..q)}, ascending, and every new value goes
     * through a min/max network: {@code low[j] = min(low[j], max(v, low[j−1]))} for j from q − 1 down (low[−1] = −∞)
     * inserts v in its place and drops the largest, with no branch to mispredict, in loops over frames that the JIT
     * vectorises; the q largest likewise. Min and max pick values, so the lists hold exactly the sorted values.
     */
    static void bandMeans(float[][] s, int lo, int m, int q, double[] valley, double[] peak) {
        if (q < 1 || q > m) throw new IllegalArgumentException("band of " + m + " bins cannot give " + q + " extremes");
        int nFrames = valley.length;
        float[][] low = new float[q][nFrames], high = new float[q][nFrames];
        for (int j = 0; j < q; j++) {
            Arrays.fill(low[j], Float.POSITIVE_INFINITY);
            Arrays.fill(high[j], Float.NEGATIVE_INFINITY);
        }
        for (int i = 0; i < m; i++) {
            float[] v = s[lo + i];
            for (int j = q - 1; j > 0; j--) {
                float[] lj = low[j], below = low[j - 1];
                for (int t = 0; t < nFrames; t++) lj[t] = Math.min(lj[t], Math.max(v[t], below[t]));
            }
            float[] l0 = low[0];
            for (int t = 0; t < nFrames; t++) l0[t] = Math.min(l0[t], v[t]);
            for (int j = 0; j < q - 1; j++) {
                float[] hj = high[j], above = high[j + 1];
                for (int t = 0; t < nFrames; t++) hj[t] = Math.max(hj[t], Math.min(v[t], above[t]));
            }
            float[] top = high[q - 1];
            for (int t = 0; t < nFrames; t++) top[t] = Math.max(top[t], v[t]);
        }
        for (int t = 0; t < nFrames; t++) {
            double v = 0, p = 0;
            for (int j = 0; j < q; j++) {
                v += low[j][t];
                p += high[j][t];
            }
            valley[t] = v / q;
            peak[t] = p / q;
        }
    }
}
