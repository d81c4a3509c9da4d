package org.genrelab.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class IstftTest {

    /** Identity: istft(stft(y)) = y (Hann² overlap-add normalised by the window sum), including the reflect-padded ends. */
    @Test
    void inverseOfStftRecoversTheSignal() {
        Random rnd = new Random(7);
        int n = 512 * 40 + 300; // not a multiple of the hop: the tail beyond hop·(T−1) is zero-filled by fix_length
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = rnd.nextGaussian();
        Stft d = Stft.stft(y, 2048, 512);
        double[] back = Istft.istft(d.re(), d.im(), 512, n);
        int covered = 512 * (d.nFrames() - 1);
        double worst = 0;
        for (int i = 0; i < covered; i++) worst = Math.max(worst, Math.abs(back[i] - y[i]));
        assertEquals(0.0, worst, 1e-12, "max |istft(stft(y)) − y|");
        for (int i = covered; i < n; i++) assertEquals(0.0, back[i], 0.0, "fix_length pads with zeros at " + i);
    }

    /** Scaling the spectrum by a real mask of ½ halves the signal: the inverse is linear. */
    @Test
    void isLinearInTheSpectrum() {
        double[] y = new double[8192];
        for (int i = 0; i < y.length; i++) y[i] = Math.sin(0.01 * i * i / 100.0);
        Stft d = Stft.stft(y, 1024, 256);
        double[][] re = d.re().clone(), im = d.im().clone();
        for (int k = 0; k < re.length; k++) {
            re[k] = re[k].clone();
            im[k] = im[k].clone();
            for (int t = 0; t < re[k].length; t++) {
                re[k][t] *= 0.5;
                im[k][t] *= 0.5;
            }
        }
        double[] half = Istft.istft(re, im, 256, y.length);
        for (int i = 0; i < 256 * (d.nFrames() - 1); i++) assertEquals(0.5 * y[i], half[i], 1e-12, "sample " + i);
    }
}
