package org.genrelab.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WindowsTest {

    /** scipy.signal.get_window('hann', 4) = [0, 0.5, 1, 0.5] (periodic). */
    @Test
    void periodicHannKnownValues() {
        double[] w = Windows.hann(4);
        double[] expected = {0.0, 0.5, 1.0, 0.5};
        for (int i = 0; i < 4; i++) assertEquals(expected[i], w[i], 1e-15);
    }

    /** A periodic Hann of length N sums to N/2 and satisfies COLA at hop N/4: Σ shifts = 2. */
    @Test
    void hannIdentities() {
        int n = 2048;
        double[] w = Windows.hann(n);
        double sum = 0;
        for (double v : w) sum += v;
        assertEquals(n / 2.0, sum, 1e-9);
        for (int i = 0; i < n / 4; i++) {
            assertEquals(2.0, w[i] + w[i + n / 4] + w[i + n / 2] + w[i + 3 * n / 4], 1e-12);
        }
    }
}
