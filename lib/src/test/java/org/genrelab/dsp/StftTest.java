package org.genrelab.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StftTest {

    @Test
    void magnitudeMatchesOracleForSynthSong() {
        String clip = "synth_song_30s_mp3";
        double[][] expected = OracleFrames.matrix(clip, "stft_mag");
        double[][] mag = Stft.magnitude(OracleFrames.y(clip));
        // README: stft_mag rtol 1e-5, atol 1e-6·max
        double dev = OracleFrames.assertClose(clip + " stft_mag", expected, mag, 1e-5, 1e-6 * OracleFrames.max(expected));
        System.out.printf("stft_mag %s: max |diff| %.3g (max %.3g)%n", clip, dev, OracleFrames.max(expected));
        assertEquals(2584, mag[0].length);
    }

    @Test
    void complexStftAgreesWithMagnitudePath() {
        float[] y = OracleFrames.y("chord_cmaj_30s_mp3");
        float[] head = java.util.Arrays.copyOf(y, 44100);
        Stft d = Stft.stft(head);
        double[][] m = Stft.magnitude(head);
        OracleFrames.assertClose("|D| vs magnitude()", m, d.magnitude(), 1e-12, 1e-12);
        assertEquals(1025, d.nBins());
        assertEquals(1 + 44100 / 512, d.nFrames());
    }

    /** Known answer: a cosine on bin k0 gives X[k0] = (N/2)·½e^{iφ}·... checked through the Hann's 3 taps, conjugated as librosa 0.5. */
    @Test
    void bothMagnitudesComeFromOneTransform() {
        float[] y = java.util.Arrays.copyOf(OracleFrames.y("chord_cmaj_30s_mp3"), 3 * 44100);
        Stft.Magnitudes m = Stft.magnitudes(y);
        double[][] mag = Stft.magnitude(y);
        Stft d = Stft.stft(y);
        for (int k = 0; k < mag.length; k++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(mag[k], m.magnitude()[k], 0.0, "bin " + k);
            for (int t = 0; t < mag[k].length; t++) {
                // complex64 magnitude: numpy's |float32(re) + i float32(im)| of the same transform's parts
                float expected = Stft.absComplex64((float) d.re()[k][t], (float) d.im()[k][t]);
                assertEquals(expected, m.complex64()[k][t], 0f, "bin " + k + ", frame " + t);
            }
        }
    }

    /**
     * The oracle's stft_mag is numpy 1.24's np.abs of librosa 0.5.0's complex64 STFT. The float32 magnitude must be
     * that, bit for bit, except in the few cells where the FFTs' float64 parts round to different float32 values
     * (30 of 2 648 600 here). glibc's hypotf of the same parts differs from it in about 35 % of the cells, and the
     * float64 magnitude rounded to float32 in about 39 %.
     */
    @Test
    void complex64MagnitudeIsTheOraclesNpAbsBitForBit() {
        String clip = "synth_song_30s_mp3";
        double[][] expected = OracleFrames.matrix(clip, "stft_mag");
        float[][] mag32 = Stft.magnitudes(OracleFrames.y(clip)).complex64();
        long differ = 0, worstUlps = 0;
        for (int k = 0; k < expected.length; k++) {
            for (int t = 0; t < expected[k].length; t++) {
                float e = (float) expected[k][t];
                if (mag32[k][t] != e) {
                    differ++;
                    worstUlps = Math.max(worstUlps, Math.abs(Float.floatToIntBits(mag32[k][t]) - Float.floatToIntBits(e)));
                }
            }
        }
        System.out.printf("complex64 magnitude: %d of %d cells differ from the oracle's np.abs, by at most %d ulp%n",
                differ, expected.length * expected[0].length, worstUlps);
        assertTrue(differ <= 100, differ + " cells differ from np.abs");
        assertTrue(worstUlps <= 2, worstUlps + " ulp");
    }

    /**
     * np.abs of complex64 values, from /usr/bin/python3 with numpy 1.24.2 on this AVX-512 machine (the oracle's
     * numpy): {@code z = (rng.standard_normal(4096) + 1j*rng.standard_normal(4096)).astype(np.complex64)} with
     * {@code rng = np.random.default_rng(7)}, {@code a = np.abs(z)}, the first six elements where {@code a} differs
     * from {@code float32(sqrt(float64(re)**2 + float64(im)**2))} (glibc's hypotf); as float32 bits {re, im, a}.
     */
    @Test
    void absComplex64IsNumpysNotHypotf() {
        int[][] cases = {
            {0x3aa13d19, 0x3fc7ed5e, 0x3fc7ed61}, {0x3e98f52d, 0xbfac300a, 0x3fb061f5}, {0xbf63fdd4, 0xbec01b11, 0x3f776628},
            {0xbee8ca9c, 0xbf27a972, 0x3f4c1aa4}, {0xbf7ddc8c, 0x3f31a59e, 0x3f9aec33}, {0x3d765923, 0xbea287a8, 0x3ea56bdc}};
        for (int[] c : cases) {
            float re = Float.intBitsToFloat(c[0]), im = Float.intBitsToFloat(c[1]);
            assertEquals(Float.intBitsToFloat(c[2]), Stft.absComplex64(re, im), 0f, re + " + " + im + "i");
            assertTrue(Stft.absComplex64(re, im) != (float) Math.hypot(re, im), "a case where hypotf differs");
        }
        assertEquals(0f, Stft.absComplex64(0f, -0f), 0f);
        assertEquals(5f, Stft.absComplex64(-3f, 4f), 0f);
        assertEquals(2.5f, Stft.absComplex64(0f, -2.5f), 0f);
    }

    /** The Vector API path of the float32 magnitude gives the scalar formula's bits in every lane, full and partial blocks. */
    @Test
    void vectorComplex64MagnitudeEqualsTheScalarFormula() {
        org.junit.jupiter.api.Assumptions.assumeTrue(VectorApi.AVAILABLE, "no Vector API module");
        int l = VectorRealFftBatch.LANES, bins = 300;
        java.util.Random rnd = new java.util.Random(11);
        double[] re = new double[bins * l], im = new double[bins * l];
        for (int i = 0; i < re.length; i++) {
            double scale = Math.pow(10, rnd.nextInt(12) - 6);
            re[i] = i % 17 == 0 ? 0.0 : rnd.nextGaussian() * scale;
            im[i] = i % 13 == 0 ? 0.0 : rnd.nextGaussian() * scale;
        }
        for (int nb : new int[] {l, l - 1}) {
            double[][] mag = new double[bins][l];
            float[][] mag32 = new float[bins][l];
            VectorRealFftBatch.magnitudes(re, im, bins, mag, mag32, 0, nb);
            for (int k = 0; k < bins; k++) {
                for (int j = 0; j < nb; j++) {
                    float e = Stft.absComplex64((float) re[k * l + j], (float) im[k * l + j]);
                    assertEquals(e, mag32[k][j], 0f, "bin " + k + ", lane " + j);
                }
            }
        }
    }

    @Test
    void cosineOnABinHasKnownHannSpectrumAndConjugatedPhase() {
        int nFft = 64, k0 = 8;
        double phi = 0.7;
        double[] y = new double[4096];
        for (int i = 0; i < y.length; i++) y[i] = Math.cos(2 * Math.PI * k0 * i / nFft + phi);
        Stft d = Stft.stft(y, nFft, 16);
        int t = 10; // an interior frame, starts at sample 10·16 − 32 = 128 (a multiple of the period 8)
        // periodic Hann = ½ − ¼e^{+} − ¼e^{−}: the cosine's line at k0 has amplitude N/2·½ = N/4
        // and neighbours k0±1 get −N/8; phase of frame start 128·k0/64 is a whole number of turns.
        // numpy fft gives (N/4)e^{iφ}; librosa conjugates → (N/4)e^{−iφ}.
        assertEquals(nFft / 4.0 * Math.cos(phi), d.re()[k0][t], 1e-9);
        assertEquals(-nFft / 4.0 * Math.sin(phi), d.im()[k0][t], 1e-9);
        assertEquals(-nFft / 8.0 * Math.cos(phi), d.re()[k0 + 1][t], 1e-9);
        assertEquals(nFft / 8.0 * Math.sin(phi), d.im()[k0 + 1][t], 1e-9);
        assertEquals(0.0, Math.hypot(d.re()[k0 + 3][t], d.im()[k0 + 3][t]), 1e-9);
    }

    /** numpy.pad([0,1,2,3,4], 3, 'reflect') = [3 2 1 0 1 2 3 4 3 2 1]. */
    @Test
    void reflectPaddingIsNumpys() {
        int[] expected = {3, 2, 1, 0, 1, 2, 3, 4, 3, 2, 1};
        for (int j = -3; j < 8; j++) assertEquals(expected[j + 3], Stft.reflect(j, 5), "j=" + j);
        assertEquals(0, Stft.reflect(-4, 1));
    }

    @Test
    void firstFrameUsesReflectPadding() {
        // frame 0 is centred on sample 0: samples −nFft/2..nFft/2−1 with y[−j] = y[j]
        int nFft = 16;
        double[] y = new double[40];
        for (int i = 0; i < y.length; i++) y[i] = Math.sin(0.3 * i) + 0.01 * i * i;
        double[] w = Windows.hann(nFft);
        double re = 0; // DC bin = Σ w[i]·ypad[i]
        for (int i = 0; i < nFft; i++) re += w[i] * y[Math.abs(i - nFft / 2)];
        assertEquals(re, Stft.stft(y, nFft, 4).re()[0][0], 1e-12);
    }

    @Test
    void badArgumentsAreNamed() {
        assertThrows(IllegalArgumentException.class, () -> Stft.stft(new double[0], 2048, 512));
        assertThrows(IllegalArgumentException.class, () -> Stft.stft(new double[10], 2047, 512));
        double[] y = new double[5000];
        y[1234] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Stft.magnitude(y, 2048, 512));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("y[1234]"), e.getMessage());
    }
}
