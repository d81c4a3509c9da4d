package org.genrelab.features;

/**
 * librosa 0.5.0 {@code feature.zero_crossing_rate(y, frame_length=2048, hop_length=512,
 * center=True)}: the signal is padded by {@code frameLength/2} copies of its edge samples
 * ({@code np.pad(mode='edge')}, unlike the STFT's reflect padding), cut into frames, and each frame
 * scores the fraction of its {@code frameLength} positions {@code i ≥ 1} where the sign bit of
 * {@code y[i]} differs from {@code y[i−1]} (position 0 never counts: {@code pad=False}). Samples with
 * {@code |y| ≤ 1e-10} count as +0 ({@code zero_crossings(threshold=1e-10, zero_pos=True)}).
 * Hand-written with a prefix count so each frame costs O(1).
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
        int pad = frameLength / 2;
        int n = y.length + 2 * pad;
        int nFrames = 1 + (n - frameLength) / hopLength;
        // crossings of y itself as a prefix count: c[i] = #{1 <= i' <= i : sign(y[i']) != sign(y[i' - 1])}; the
        // edge-padded copies of y[0] and y[y.length - 1] add none, so padded positions 1..j hold c[clamp(j - pad)] of them
        int[] c = new int[y.length];
        boolean prevNeg = negative(y[0]);
        for (int i = 1; i < y.length; i++) {
            boolean neg = negative(y[i]);
            c[i] = c[i - 1] + (neg != prevNeg ? 1 : 0);
            prevNeg = neg;
        }
        double[] out = new double[nFrames];
        for (int t = 0; t < nFrames; t++) {
            int start = t * hopLength;
            // padded positions start+1 .. start+frameLength-1 (the frame's first position is padded False)
            int count = c[clamp(start + frameLength - 1 - pad, y.length)] - c[clamp(start - pad, y.length)];
            out[t] = (double) count / frameLength;
        }
        return new double[][] {out};
    }

    private static int clamp(int i, int n) {
        return Math.min(Math.max(i, 0), n - 1);
    }

    private static boolean negative(float v) {
        return v < -THRESHOLD; // |y| <= threshold is set to +0 first: negative means below −threshold
    }
}
