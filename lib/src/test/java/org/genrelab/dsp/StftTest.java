package org.genrelab.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
                // complex64 magnitude: |float32(re) + i float32(im)|, against Java's hypot of the same float32 parts
                float expected = (float) Math.hypot((float) d.re()[k][t], (float) d.im()[k][t]);
                assertEquals(expected, m.complex64()[k][t], Math.ulp(expected), "bin " + k + ", frame " + t);
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
