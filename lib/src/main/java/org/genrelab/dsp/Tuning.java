package org.genrelab.dsp;

import java.util.Arrays;

/**
 * Tuning estimation exactly as librosa 0.5.0 {@code estimate_tuning} with its {@code piptrack}:
 * parabolic-interpolated spectral peaks between fmin 150 Hz and fmax 4000 Hz above 0.1 × the
 * frame's maximum, peaks with magnitude ≥ the median kept, the residuals of
 * {@code 12·log2(f / (440/16))} mod 1 binned in a histogram of 0.01 resolution over [−0.5, 0.5),
 * and the left edge of the fullest bin returned.
 *
 * <p>librosa runs this on float32 spectrograms, so every step is computed here in float32 as numpy
 * does (pitfall 6 of the oracle README: the answer is discrete and one bin off changes chroma by up
 * to 0.78). Written by hand because no library provides librosa's piptrack.
 */
public final class Tuning {

    private Tuning() {
    }

    /**
     * The lowest value {@link #estimateTuning} can return: the histogram's first left edge, −0.5 of a bin.
     */
    public static final double LOWEST_ESTIMATE = edge(0, 0.01);

    /**
     * The highest value {@link #estimateTuning} can return: {@code np.histogram} with the 100 edges of
     * {@code linspace(-0.5, 0.5, 100, endpoint=False)} has 99 bins, so the last left edge it can name is the 99th,
     * +0.48 of a bin.
     */
    public static final double HIGHEST_ESTIMATE = edge((int) Math.ceil(1.0 / 0.01) - 2, 0.01);

    /** Edge i of {@code np.linspace(-0.5, 0.5, ceil(1/resolution), endpoint=False)}. */
    private static double edge(int i, double resolution) {
        return i * (1.0 / (int) Math.ceil(1.0 / resolution)) + -0.5;
    }

    /** float32 {@code np.finfo(np.float32).tiny}. */
    private static final float TINY32 = Float.MIN_NORMAL;

    /**
     * {@code estimate_tuning(y=y, sr=sr)}: the STFT (nFft 2048, hop 512) is librosa's complex64, so its
     * magnitude is that of the float32-rounded real and imaginary parts ({@link Stft.Magnitudes#complex64()}).
     */
    public static double estimateTuning(float[] y, double sr) {
        return estimateTuning(Stft.magnitude32(y), sr);
    }

    /**
     * {@code estimate_tuning(S=s, sr=sr)} with resolution 0.01 and 12 bins per octave; {@code s} is
     * [1 + nFft/2][frames] (nFft = 2·(bins − 1)), magnitude or power as the caller's librosa call had it.
     */
    public static double estimateTuning(float[][] s, double sr) {
        requireSpectrogram(s, sr);
        return estimateTuning(s, sr, columnMaxima(s));
    }

    /**
     * As {@link #estimateTuning(float[][], double)} with {@code colMax[t] = max_k |s[k][t]|} already known
     * ({@link #columnMaxima}, or the squares of a magnitude's when s is its float32 square: squaring in float32
     * keeps the order of non-negative values, so the maximum of the squares is the square of the maximum).
     */
    public static double estimateTuning(float[][] s, double sr, float[] colMax) {
        requireSpectrogram(s, sr);
        int nBins = s.length;
        int nFrames = s[0].length;
        if (colMax.length != nFrames) throw new IllegalArgumentException(colMax.length + " column maxima for " + nFrames + " frames");
        int nFft = 2 * (nBins - 1);
        double fmin = 150.0;
        double fmax = Math.min(4000.0, sr / 2);
        // fft_frequencies: np.linspace(0, sr/2, 1 + n_fft//2)
        double fstep = (sr / 2) / (nBins - 1);
        // threshold * S.max(axis=0): numpy 1.24 casts the Python float 0.1 to float32 and multiplies in float32
        float[] colThreshold = new float[nFrames];
        for (int t = 0; t < nFrames; t++) colThreshold[t] = 0.1f * colMax[t];
        int inRange = 0; // bins within [fmin, fmax): at most one peak each per frame
        for (int k = 1; k < nBins - 1; k++) if (fmin <= k * fstep && k * fstep < fmax) inRange++;
        float[] pitches = new float[inRange * nFrames];
        float[] mags = new float[inRange * nFrames];
        int count = 0;
        for (int k = 1; k < nBins - 1; k++) {
            double f = k * fstep;
            if (!(fmin <= f && f < fmax)) continue;
            count = VectorApi.AVAILABLE ? VectorPeakPicking.row(s, k, colThreshold, sr, nFft, pitches, mags, count)
                    : peaksOfRow(s, k, colThreshold, sr, nFft, pitches, mags, count);
        }
        // pitch_mask = pitch > 0; threshold = median(mag[pitch_mask])
        int nPos = 0;
        for (int i = 0; i < count; i++) if (pitches[i] > 0) nPos++;
        float[] posMags = new float[nPos];
        int j = 0;
        for (int i = 0; i < count; i++) if (pitches[i] > 0) posMags[j++] = mags[i];
        float threshold = nPos == 0 ? 0f : median32(posMags);
        float[] kept = new float[nPos];
        int nKept = 0;
        for (int i = 0; i < count; i++) {
            if (pitches[i] > 0 && mags[i] >= threshold) kept[nKept++] = pitches[i];
        }
        return pitchTuning(Arrays.copyOf(kept, nKept), 0.01, 12);
    }

    /** {@code max_k |s[k][t]|} for every frame t, read row by row. */
    public static float[] columnMaxima(float[][] s) {
        float[] max = new float[s[0].length];
        Arrays.fill(max, Float.NEGATIVE_INFINITY);
        for (float[] row : s) {
            for (int t = 0; t < max.length; t++) max[t] = Math.max(max[t], Math.abs(row[t]));
        }
        return max;
    }

    private static void requireSpectrogram(float[][] s, double sr) {
        if (s.length < 3 || s[0].length < 1) {
            throw new IllegalArgumentException("estimate_tuning needs a spectrogram of at least 3 bins and 1 frame, got "
                    + s.length + " bins" + (s.length > 0 ? " × " + s[0].length + " frames" : ""));
        }
        if (!(sr > 0)) throw new IllegalArgumentException("sr must be positive, got " + sr);
    }

    /**
     * piptrack's peaks in bin k: frames where the gated |s| ({@code S * (S > threshold)}) is a local maximum
     * along frequency ({@code util.localmax}: above the bin below, at least the bin above), each with its
     * parabolic-interpolated pitch and magnitude appended at {@code count}, frames ascending. Returns the new count.
     */
    static int peaksOfRow(float[][] s, int k, float[] colThreshold, double sr, int nFft, float[] pitches, float[] mags,
            int count) {
        return peaksOfRow(s, k, colThreshold, sr, nFft, pitches, mags, count, 0, s[k].length);
    }

    /** As {@link #peaksOfRow(float[][], int, float[], double, int, float[], float[], int)}, frames [from, to). */
    static int peaksOfRow(float[][] s, int k, float[] colThreshold, double sr, int nFft, float[] pitches, float[] mags,
            int count, int from, int to) {
        float[] below = s[k - 1], row = s[k], above = s[k + 1];
        for (int t = from; t < to; t++) {
            float prev = gated(below[t], colThreshold[t]);
            float cur = gated(row[t], colThreshold[t]);
            float next = gated(above[t], colThreshold[t]);
            if (!(cur > prev && cur >= next)) continue; // util.localmax along frequency
            count = peak(below[t], row[t], above[t], k, sr, nFft, pitches, mags, count);
        }
        return count;
    }

    /** The peak at bin k between the values sm, s0, sp of bins k − 1, k, k + 1: appends its pitch and magnitude. */
    static int peak(float below, float at, float above, int k, double sr, int nFft, float[] pitches, float[] mags, int count) {
        float sm = Math.abs(below), s0 = Math.abs(at), sp = Math.abs(above);
        float avg = 0.5f * (sp - sm);
        float shift = 2f * s0 - sp - sm;
        shift = avg / (shift + (Math.abs(shift) < TINY32 ? 1f : 0f));
        float dskew = 0.5f * avg * shift;
        pitches[count] = (float) ((k + (double) shift) * sr / nFft);
        mags[count] = s0 + dskew;
        return count + 1;
    }

    private static float gated(float v, float thr) {
        float a = Math.abs(v);
        return a > thr ? a : 0f; // S * (S > threshold * S.max(axis=0))
    }

    /** np.median of a float32 array: the mean of the two middle values in float32. */
    private static float median32(float[] a) {
        float[] c = a.clone();
        Arrays.sort(c);
        int n = c.length;
        if (n % 2 == 1) return c[n / 2];
        return (c[n / 2 - 1] + c[n / 2]) / 2f;
    }

    /**
     * librosa 0.5.0 {@code pitch_tuning(frequencies, resolution, bins_per_octave)} on float32 pitches:
     * residual = {@code (binsPerOctave·log2(f / 27.5)) mod 1}, shifted to [−0.5, 0.5), histogram
     * with edges {@code linspace(-0.5, 0.5, ceil(1/resolution), endpoint=False)}, left edge of the
     * first fullest bin. Returns 0 when no frequency is positive (librosa warns there).
     */
    public static double pitchTuning(float[] frequencies, double resolution, int binsPerOctave) {
        int nEdges = (int) Math.ceil(1.0 / resolution);
        double[] edges = new double[nEdges];
        for (int i = 0; i < nEdges; i++) edges[i] = edge(i, resolution); // np.linspace
        int[] counts = new int[nEdges - 1];
        boolean any = false;
        for (float f : frequencies) {
            if (!(f > 0)) continue;
            any = true;
            float octs = (float) log2((float) (f / (440.0f / 16)));
            float r = (float) binsPerOctave * octs;
            float m = r % 1.0f; // np.mod: fmod, then take the divisor's sign
            if (m != 0 && m < 0) m += 1.0f;
            if (m >= 0.5f) m -= 1.0f;
            int b = bin(edges, m);
            if (b >= 0) counts[b]++;
        }
        if (!any) return 0.0;
        int best = 0;
        for (int i = 1; i < counts.length; i++) if (counts[i] > counts[best]) best = i;
        return edges[best];
    }

    private static double log2(float x) {
        return Math.log(x) / Math.log(2.0);
    }

    /** np.histogram bin of value v: edges[i] ≤ v < edges[i+1], the last bin closed; −1 outside. */
    private static int bin(double[] edges, double v) {
        int last = edges.length - 1;
        if (v < edges[0] || v > edges[last]) return -1;
        if (v == edges[last]) return last - 1;
        int i = (int) Math.floor((v - edges[0]) / (edges[1] - edges[0]));
        i = Math.max(0, Math.min(last - 1, i));
        while (i > 0 && v < edges[i]) i--;
        while (i < last - 1 && v >= edges[i + 1]) i++;
        return i;
    }
}
