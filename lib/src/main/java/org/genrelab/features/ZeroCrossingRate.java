package org.genrelab.features;

import org.genrelab.dsp.VectorApi;

/**
 * librosa 0.5.0 {@code feature.zero_crossing_rate(y, frame_length=2048, hop_length=512,
 * center=True)}: the signal is padded by {@code frameLength/2} copies of its edge samples
 * ({@code np.pad(mode='edge')}, unlike the STFT's reflect padding), cut into frames, and each frame
 * scores the fraction of its {@code frameLength} positions {@code i ≥ 1} where the sign bit of
 * {@code y[i]} differs from {@code y[i−1]} (position 0 never counts: {@code pad=False}). Samples with
 * {@code |y| ≤ 1e-10} count as +0 ({@code zero_crossings(threshold=1e-10, zero_pos=True)}).
 * Hand-written: each frame's count is the difference of a running count of crossings taken at its two ends,
 * the crossings found a vector at a time ({@link VectorZeroCrossings}) where the JVM has the Vector API.
 */
public final class ZeroCrossingRate {

    public static final int FRAME_LENGTH = 2048;
    public static final int HOP_LENGTH = 512;
    private static final double THRESHOLD = 1e-10;

    private ZeroCrossingRate() {
    }

    /** {@code zero_crossing_rate(y)} with frame 2048, hop 512, centred: [1][1 + n/512]. */
    public static double[][] zeroCrossingRate(float[] y) {
        return zeroCrossingRate(y, FRAME_LENGTH, HOP_LENGTH);
    }

    /** {@code zero_crossing_rate(y, frame_length, hop_length, center=True)}: [1][T]. */
    public static double[][] zeroCrossingRate(float[] y, int frameLength, int hopLength) {
        if (y.length < 1) throw new IllegalArgumentException("zero_crossing_rate: signal is empty");
        if (frameLength < 1 || hopLength < 1) {
            throw new IllegalArgumentException("frameLength and hopLength must be >= 1, got " + frameLength + ", " + hopLength);
        }
        return new double[][] {rate(y, frameLength, hopLength, VectorApi.AVAILABLE)};
    }

    /** The rate of every frame, the crossings found with the Vector API or by the plain loop. */
    static double[] rate(float[] y, int frameLength, int hopLength, boolean vector) {
        int pad = frameLength / 2;
        int n = y.length + 2 * pad;
        int nFrames = 1 + (n - frameLength) / hopLength;
        // Frame t counts the crossings at positions lo + 1 .. hi of y itself, c(hi) − c(lo) with lo = clamp(start − pad)
        // and hi = clamp(start + frameLength − 1 − pad): the edge-padded copies of y[0] and y[y.length − 1] add none
        double[] out = new double[nFrames];
        if (vector) {
            // c(j) = crossings at positions 1..j, taken at every frame's two ends in increasing order (both ends
            // grow with t), each stretch of y counted once
            int[] cLo = new int[nFrames], cHi = new int[nFrames];
            int at = 0, run = 0, a = 0, b = 0;
            while (b < nFrames) {
                boolean low = a < nFrames && loEnd(a, hopLength, pad, y.length) <= hiEnd(b, hopLength, frameLength, pad, y.length);
                int j = low ? loEnd(a, hopLength, pad, y.length) : hiEnd(b, hopLength, frameLength, pad, y.length);
                if (j > at) {
                    run += VectorZeroCrossings.count(y, at + 1, j + 1, NEGATIVE_BELOW);
                    at = j;
                }
                if (low) cLo[a++] = run;
                else cHi[b++] = run;
            }
            for (int t = 0; t < nFrames; t++) out[t] = (double) (cHi[t] - cLo[t]) / frameLength;
            return out;
        }
        // the plain loop: a prefix count c[i] = #{1 <= i' <= i : crossing at i'}
        int[] c = new int[y.length];
        boolean prevNeg = negative(y[0]);
        for (int i = 1; i < y.length; i++) {
            boolean neg = negative(y[i]);
            c[i] = c[i - 1] + (neg != prevNeg ? 1 : 0);
            prevNeg = neg;
        }
        for (int t = 0; t < nFrames; t++) {
            out[t] = (double) (c[hiEnd(t, hopLength, frameLength, pad, y.length)] - c[loEnd(t, hopLength, pad, y.length)])
                    / frameLength;
        }
        return out;
    }

    /** Frame t's crossings are c(hiEnd) − c(loEnd): padded positions start+1 .. start+frameLength−1 (position 0 is False). */
    private static int loEnd(int t, int hopLength, int pad, int n) {
        return clamp(t * hopLength - pad, n);
    }

    private static int hiEnd(int t, int hopLength, int frameLength, int pad, int n) {
        return clamp(t * hopLength + frameLength - 1 - pad, n);
    }

    private static int clamp(int i, int n) {
        return Math.min(Math.max(i, 0), n - 1);
    }

    private static boolean negative(float v) {
        return v < -THRESHOLD; // |y| <= threshold is set to +0 first: negative means below −threshold
    }

    /** The largest float below −threshold: for a float v, {@code v < -THRESHOLD} (in double) is {@code v <= NEGATIVE_BELOW}. */
    static final float NEGATIVE_BELOW = largestFloatBelow(-THRESHOLD);

    static float largestFloatBelow(double x) {
        float f = (float) x;
        return f < x ? f : Math.nextDown(f);
    }
}
