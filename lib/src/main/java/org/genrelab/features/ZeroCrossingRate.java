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
        // crossings[j] for j >= 1 over the padded signal, as a prefix count
        int[] prefix = new int[n + 1];
        boolean prevNeg = negative(y[0]); // padded index 0 is an edge copy of y[0]
        for (int j = 1; j < n; j++) {
            boolean neg = negative(y[Math.min(Math.max(j - pad, 0), y.length - 1)]);
            prefix[j + 1] = prefix[j] + (neg != prevNeg ? 1 : 0);
            prevNeg = neg;
        }
        double[] out = new double[nFrames];
        for (int t = 0; t < nFrames; t++) {
            int start = t * hopLength;
            // positions start+1 .. start+frameLength-1 (the frame's first position is padded False)
            int count = prefix[start + frameLength] - prefix[start + 1];
            out[t] = (double) count / frameLength;
        }
        return new double[][] {out};
    }

    private static boolean negative(float v) {
        return Math.abs(v) > THRESHOLD && v < 0; // |y| <= threshold is set to +0 first
    }
}
