package org.genrelab.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
