package org.genrelab.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.genrelab.dsp.Windows;
import org.junit.jupiter.api.Test;

class TempogramTest {

    /** numpy known answer: np.pad([2., 4.], 3, mode='linear_ramp', end_values=[0, 0]). */
    @Test
    void linearRampPaddingIsNumpys() {
        double[] expected = {0.0, 0.6666666666666666, 1.3333333333333333, 2.0, 4.0, 2.6666666666666665, 1.3333333333333333, 0.0};
        assertArrayEquals(expected, Tempogram.linearRampPad(new double[] {2, 4}, 3), 1e-15);
    }

    /** Definition: column t is the direct autocorrelation Σ_i w_i x_{t+i} · w_{i+k} x_{t+i+k} of the Hann-windowed padded frame, divided by its lag-0 value. */
    @Test
    void equalsDirectWindowedAutocorrelationNormalisedByLagZero() {
        Random rnd = new Random(11);
        double[] env = new double[120];
        for (int i = 0; i < env.length; i++) env[i] = rnd.nextDouble() < 0.2 ? rnd.nextDouble() * 5 : 0.0;
        int win = 37;
        double[][] tg = Tempogram.tempogram(env, win);
        assertEquals(win, tg.length);
        assertEquals(env.length, tg[0].length);
        double[] padded = Tempogram.linearRampPad(env, win / 2);
        double[] w = Windows.hann(win);
        for (int t = 0; t < env.length; t++) {
            double[] frame = new double[win];
            for (int i = 0; i < win; i++) frame[i] = padded[t + i] * w[i];
            double[] ac = new double[win];
            for (int k = 0; k < win; k++) for (int i = 0; i + k < win; i++) ac[k] += frame[i] * frame[i + k];
            for (int k = 0; k < win; k++) {
                double expected = ac[0] < Double.MIN_NORMAL ? ac[k] : ac[k] / ac[0];
                assertEquals(expected, tg[k][t], 1e-12, "lag " + k + ", frame " + t);
            }
        }
    }
}
