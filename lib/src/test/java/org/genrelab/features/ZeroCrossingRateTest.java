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

    /** The vector count and the plain prefix count give the same rate for every frame, on awkward signals and sizes. */
    @Test
    void vectorCountIsThePlainLoops() {
        org.junit.jupiter.api.Assertions.assertTrue(org.genrelab.dsp.VectorApi.AVAILABLE, "tests run with the Vector API");
        Random r = new Random(8);
        float t = (float) -1e-10;
        float[] special = {0f, -0f, Float.NaN, t, Math.nextUp(t), Math.nextDown(t), 1e-11f, -1e-11f, -1f, 1f};
        for (int[] size : new int[][] {{2048, 512}, {7, 3}, {1, 1}, {64, 100}, {5, 5}}) {
            for (int len : new int[] {1, 2, 17, 1000, 44100}) {
                float[] y = new float[len];
                for (int i = 0; i < len; i++) y[i] = r.nextInt(4) == 0 ? special[r.nextInt(special.length)] : (float) r.nextGaussian();
                double[] plain = ZeroCrossingRate.rate(y, size[0], size[1], false);
                double[] vector = ZeroCrossingRate.rate(y, size[0], size[1], true);
                org.junit.jupiter.api.Assertions.assertArrayEquals(plain, vector, 0.0, "frame " + size[0] + ", hop " + size[1] + ", " + len + " samples");
            }
        }
    }

    /** For every float v near the threshold and the special values, {@code v <= NEGATIVE_BELOW} is {@code v < -1e-10} in double. */
    @Test
    void floatThresholdIsTheDoubleComparison() {
        float v = Math.nextUp(ZeroCrossingRate.NEGATIVE_BELOW);
        for (int i = 0; i < 2000; i++) v = Math.nextDown(v);
        for (int i = 0; i < 4000; i++, v = Math.nextUp(v)) assertEquals((double) v < -1e-10, v <= ZeroCrossingRate.NEGATIVE_BELOW, "v = " + v);
        for (float s : new float[] {0f, -0f, Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, -Float.MIN_VALUE}) {
            assertEquals((double) s < -1e-10, s <= ZeroCrossingRate.NEGATIVE_BELOW, "v = " + s);
        }
    }
}
