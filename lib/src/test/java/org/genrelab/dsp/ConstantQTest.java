package org.genrelab.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * Fewer bins than one octave: librosa takes the top octave as {@code cqt_frequencies(n_bins, fmin)[-bins_per_octave:]},
     * i.e. all n_bins from fmin up. Each filter row is computed on its own, so 6 bins from 1 kHz are the first 6 rows
     * of 12 bins from 1 kHz (same FFT size, the same ×2 early decimation here), bit for bit.
     */
    @Test
    void fewerBinsThanAnOctaveAreTheOctavesLowestBins() {
        float[] y = new float[22050];
        java.util.Random rnd = new java.util.Random(4);
        for (int i = 0; i < y.length; i++) y[i] = (float) (0.3 * Math.sin(2 * Math.PI * 1189.2 * i / 22050) + 0.05 * rnd.nextGaussian());
        double[][] six = ConstantQ.cqtMagnitude(y, 22050, 512, 1000.0, 6, 12, 0.0);
        double[][] twelve = ConstantQ.cqtMagnitude(y, 22050, 512, 1000.0, 12, 12, 0.0);
        assertEquals(6, six.length);
        for (int k = 0; k < 6; k++) org.junit.jupiter.api.Assertions.assertArrayEquals(twelve[k], six[k], 0.0, "bin " + k);
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

    /**
     * Below about 9.5 kHz FMA's top octave (B7 ≈ 3951 Hz, filter pass-band to 4127 Hz) is too close to Nyquist for
     * kaiser_fast (rolloff 0.868212), and librosa 0.5.0 computes it first at the full rate ({@code if res_type !=
     * 'kaiser_fast'} in {@code cqt}), then runs its usual octave loop from the next octave down, at the same rate and
     * hop. That loop is exactly what {@code cqt(n_bins=72)} runs at this rate (its top octave ends at B6, well inside
     * kaiser_fast's band, and there is no early decimation at this rate), and scale=True divides each bin by the same
     * length: so the 84-bin transform's lower 72 rows are the 72-bin transform, bit for bit.
     */
    @Test
    void belowKaiserFastsBandTheLowerSixOctavesAreTheSeventyTwoBinTransform() {
        int sr = 8500;
        double q = 1 / (Math.pow(2, 1 / 12.0) - 1);
        double cutoff84 = ConstantQ.c1() * Math.pow(2, 83 / 12.0) * (1 + 0.5 * ConstantQ.HANN_BANDWIDTH / q);
        double cutoff72 = ConstantQ.c1() * Math.pow(2, 71 / 12.0) * (1 + 0.5 * ConstantQ.HANN_BANDWIDTH / q);
        double band = Resample.Filter.KAISER_FAST.rolloff * sr / 2;
        assertTrue(cutoff84 >= band && cutoff72 < band, "8500 Hz takes librosa's full-rate top octave for 84 bins only");
        float[] y = new float[sr * 4];
        java.util.Random rnd = new java.util.Random(11);
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / sr) + 0.2 * Math.sin(2 * Math.PI * 3000 * i / sr)
                    + 0.1 * Math.sin(2 * Math.PI * 65.4 * i / sr) + 0.02 * rnd.nextGaussian());
        }
        double[][] c84 = ConstantQ.cqtMagnitude(y, sr, 512, ConstantQ.c1(), 84, 12, 0.1);
        double[][] c72 = ConstantQ.cqtMagnitude(y, sr, 512, ConstantQ.c1(), 72, 12, 0.1);
        assertEquals(84, c84.length);
        assertEquals(c72[0].length, c84[0].length, "frames");
        for (int b = 0; b < 72; b++) org.junit.jupiter.api.Assertions.assertArrayEquals(c72[b], c84[b], 0.0, "bin " + b);
    }

    /**
     * A tone A·sin(2πft) at the centre of bin k: the bin's L1-normalised Hann filter, scaled by its length
     * len_k = Q·sr/f_k, answers len_k·A/2, which scale=True divides by √len_k, so |C| = (A/2)·√(Q·sr/f_k). That holds
     * for the full-rate top octave of librosa's low-rate branch (8300–9500 Hz), for the octave after it (also at
     * the full rate there), for the octaves below (kaiser_fast halvings), and on the kaiser_fast path the oracle
     * checks (11025 and 22050 Hz), to 0.1 % (window edges, the 1 % sparsification). Checked at the middle frame,
     * with the tone's bin the largest.
     */
    @Test
    void aToneAtABinCentreHasTheMagnitudeItsFilterLengthImpliesAtEveryRateFromTheLimitUp() {
        double q = 1 / (Math.pow(2, 1 / 12.0) - 1);
        for (int sr : new int[] {8300, 8500, 9500, 11025, 22050}) {
            for (int bin : new int[] {78, 66, 45}) {
                double f = ConstantQ.c1() * Math.pow(2, bin / 12.0);
                float[] y = new float[sr * 4];
                for (int i = 0; i < y.length; i++) y[i] = (float) (0.5 * Math.sin(2 * Math.PI * f * i / sr));
                double[][] c = ConstantQ.cqtMagnitude(y, sr, 512, ConstantQ.c1(), 84, 12, 0.0);
                int t = c[0].length / 2;
                int best = 0;
                for (int b = 1; b < 84; b++) if (c[b][t] > c[best][t]) best = b;
                assertEquals(bin, best, sr + " Hz, tone at bin " + bin);
                double expected = 0.25 * Math.sqrt(q * sr / f);
                assertEquals(expected, c[bin][t], 0.002 * expected, sr + " Hz, tone at bin " + bin);
            }
        }
    }

    /**
     * Below twice the top filter's pass-band edge librosa 0.5.0's constant_q_lengths raises "Filter pass-band lies
     * beyond Nyquist": for FMA's 84 bins from C1 that is 2·f_B7·2^(tuning/12)·(1 + ½·1.50018310546875·(2^(1/12) − 1)),
     * 8254.59 Hz at tuning 0 (numpy: 8254.58979152013).
     */
    @Test
    void theLowestRateIsTwiceTheTopFiltersPassBandAndBelowItTheTransformIsRefused() {
        assertEquals(8254.58979152013, ConstantQ.lowestSampleRate(ConstantQ.c1(), 84, 12, 0.0), 1e-9);
        assertEquals(8019.59764358229, ConstantQ.lowestSampleRate(ConstantQ.c1(), 84, 12, -0.5), 1e-9);
        float[] y = new float[8000 * 2];
        for (int i = 0; i < y.length; i++) y[i] = (float) Math.sin(2 * Math.PI * 440 * i / 8000.0);
        var e = assertThrows(IllegalArgumentException.class, () -> ConstantQ.cqtMagnitude(y, 8000, 512, ConstantQ.c1(), 84, 12, 0.0));
        assertTrue(e.getMessage().startsWith("Filter pass-band lies beyond Nyquist"), e.getMessage());
        assertTrue(e.getMessage().contains("at least 8254.6 Hz"), e.getMessage());
        assertEquals(84, ConstantQ.cqtMagnitude(new float[8255 * 2], 8255, 512, ConstantQ.c1(), 84, 12, 0.0).length);
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
