package org.genrelab.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Known answers for the CQT's frequency layout (the oracle comparison is in ChromaOracleTest). */
class ConstantQTest {

    /**
     * resample(scale=True)'s {@code y_hat /= np.sqrt(ratio)} and the octave loop's {@code np.sqrt(2) * y_hat} on a float32
     * y_hat, from /usr/bin/python3 with numpy 1.24.2: {@code y = (np.random.default_rng(9).standard_normal(64) * 0.1)
     * .astype(np.float32)}, {@code ratio = 22050.0 / 44100}, {@code a = y.copy(); a /= np.sqrt(ratio); b = np.sqrt(2) * a},
     * the first eight elements where a or b differs from the float64 operation rounded to float32; float32 bits.
     */
    @Test
    void octaveScalingIsNumpysFloat32Arithmetic() {
        int[] y = {0x3d865ecb, 0x3ccd9060, 0x3da935a2, 0xbd232b35, 0x3e6ff26e, 0x3d9d34ba, 0xbdefdebb, 0xbe3c1da3};
        int[] a = {0x3dbe073e, 0x3d115b0e, 0x3def4c63, 0xbd66c169, 0x3ea9ab0c, 0x3dde52a4, 0xbe299d1e, 0xbe850498};
        int[] b = {0x3e065ecb, 0x3d4d9061, 0x3e2935a2, 0xbda32b35, 0x3eeff26e, 0x3e1d34ba, 0xbe6fdebb, 0xbebc1da4};
        float[] divided = new float[y.length], octave = new float[y.length];
        for (int i = 0; i < y.length; i++) divided[i] = octave[i] = Float.intBitsToFloat(y[i]);
        ConstantQ.scale(divided, 0.5, false);
        ConstantQ.scale(octave, 0.5, true);
        for (int i = 0; i < y.length; i++) {
            assertEquals(Float.intBitsToFloat(a[i]), divided[i], 0f, "y_hat / sqrt(ratio), element " + i);
            assertEquals(Float.intBitsToFloat(b[i]), octave[i], 0f, "sqrt(2) * (y_hat / sqrt(ratio)), element " + i);
        }
    }

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
