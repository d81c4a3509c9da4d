package org.genrelab.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class ZeroCrossingRateTest {

    /** An alternating signal crosses at every position but the frame's first: 2047/2048 inside. */
    @Test
    void alternatingSignal() {
        float[] y = new float[8192];
        for (int i = 0; i < y.length; i++) y[i] = i % 2 == 0 ? 0.5f : -0.5f;
        double[][] z = ZeroCrossingRate.zeroCrossingRate(y);
        assertEquals(1 + 8192 / 512, z[0].length);
        assertEquals(2047.0 / 2048, z[0][4], 0);
        // frame 0 covers 1024 edge copies of y[0] (no crossing) then y[0..1023]: 1023 crossings
        assertEquals(1023.0 / 2048, z[0][0], 0);
    }

    /** Zeros and |y| ≤ 1e-10 count as positive; −0.0 too. A sign change through 0 counts once. */
    @Test
    void zerosArePositive() {
        float[] y = new float[4096];
        for (int i = 0; i < y.length; i++) y[i] = (i / 4) % 2 == 0 ? 0f : (i % 3 == 0 ? -0f : 1e-11f);
        double[][] z = ZeroCrossingRate.zeroCrossingRate(y);
        for (double v : z[0]) assertEquals(0.0, v);
        y[2000] = -0.25f; // one negative sample: two crossings (into and out of it)
        z = ZeroCrossingRate.zeroCrossingRate(y);
        assertEquals(2.0 / 2048, z[0][3], 0); // frame 3 spans samples 512..2559
    }

    /**
     * librosa 0.5.0's definition written out: edge-pad by frame/2, frame the padded signal, zero |y| ≤ 1e-10, count
     * sign-bit changes between neighbours inside each frame (its first position padded False), divide by the frame
     * length. Random signals with runs of small values, from shorter than a frame to several frames, and odd sizes.
     */
    @Test
    void matchesTheDefinitionFrameByFrame() {
        Random rnd = new Random(7);
        int[][] sizes = {{1, 2048, 512}, {300, 2048, 512}, {2049, 2048, 512}, {10_000, 2048, 512}, {5_001, 256, 100}, {999, 64, 64}};
        for (int[] sz : sizes) {
            float[] y = new float[sz[0]];
            for (int i = 0; i < y.length; i++) {
                double u = rnd.nextDouble();
                y[i] = u < 0.1 ? 0f : u < 0.2 ? (float) (rnd.nextGaussian() * 1e-11) : (float) rnd.nextGaussian();
            }
            int frame = sz[1], hop = sz[2];
            double[] got = ZeroCrossingRate.zeroCrossingRate(y, frame, hop)[0];
            int pad = frame / 2;
            float[] padded = new float[y.length + 2 * pad];
            for (int j = 0; j < padded.length; j++) padded[j] = y[Math.min(Math.max(j - pad, 0), y.length - 1)];
            int nFrames = 1 + (padded.length - frame) / hop;
            assertEquals(nFrames, got.length, "frames for n=" + y.length);
            for (int t = 0; t < nFrames; t++) {
                int count = 0;
                for (int i = 1; i < frame; i++) {
                    float a = padded[t * hop + i - 1], b = padded[t * hop + i];
                    boolean na = Math.abs(a) > 1e-10 && a < 0, nb = Math.abs(b) > 1e-10 && b < 0;
                    if (na != nb) count++;
                }
                assertEquals((double) count / frame, got[t], 0, "n=" + y.length + " frame " + t);
            }
        }
    }
}
