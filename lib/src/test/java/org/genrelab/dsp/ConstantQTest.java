package org.genrelab.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Known answers for the CQT's frequency layout (the oracle comparison is in ChromaOracleTest). */
class ConstantQTest {

    @Test
    void c1AndLengthsFollowTheirDefinitions() {
        assertEquals(32.70319566257483, ConstantQ.c1(), 1e-12); // oracle meta.json fmin_hz
        double q = 1 / (Math.pow(2, 1 / 12.0) - 1);
        double[] l = ConstantQ.constantQLengths(22050, ConstantQ.c1(), 84, 12, 0.0);
        assertEquals(q * 22050 / 32.70319566257483, l[0], 1e-9);
        assertEquals(l[0] / 2, l[12], 1e-9); // an octave up halves the filter length
        assertThrows(IllegalArgumentException.class, () -> ConstantQ.constantQLengths(8000, ConstantQ.c1(), 84, 12, 0.0));
    }

    @Test
    void aToneLandsInItsBin() {
        // A4 = 440 Hz is bin 45 above C1 (C4 is 3 octaves up, A4 9 semitones above it) with tuning 0
        int sr = 22050;
        float[] y = new float[sr * 3];
        for (int i = 0; i < y.length; i++) y[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / sr));
        double[][] c = ConstantQ.cqtMagnitude(y, sr, 512, ConstantQ.c1(), 84, 12, 0.0);
        int t = c[0].length / 2;
        int best = 0;
        for (int b = 1; b < 84; b++) if (c[b][t] > c[best][t]) best = b;
        assertEquals(45, best);
    }
}
