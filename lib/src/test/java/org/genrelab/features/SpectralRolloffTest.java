package org.genrelab.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.genrelab.dsp.Frequencies;
import org.junit.jupiter.api.Test;

class SpectralRolloffTest {

    /**
     * Every frame's roll-off is the frequency of the first bin where np.cumsum (float32, bins in order) reaches
     * roll_percent × the float32 total, as a plain scan per frame finds it: on spectrograms whose bin counts are and
     * are not multiples of the search's chunk, with silent frames, zeros and a single bin carrying all the energy.
     */
    @Test
    void rolloffIsTheFirstBinWhoseFloat32CumulativeSumReachesTheThreshold() {
        Random rnd = new Random(5);
        for (int trial = 0; trial < 60; trial++) {
            int nBins = 2 + rnd.nextInt(trial < 30 ? 70 : 1100);
            int nFrames = 1 + rnd.nextInt(50);
            double roll = trial % 5 == 0 ? 0.999 : 0.05 + 0.9 * rnd.nextDouble();
            double[][] s = new double[nBins][nFrames];
            for (int t = 0; t < nFrames; t++) {
                int kind = rnd.nextInt(4);
                int spike = rnd.nextInt(nBins);
                for (int k = 0; k < nBins; k++) {
                    s[k][t] = switch (kind) {
                        case 0 -> 0.0;                                   // silent frame
                        case 1 -> k == spike ? 3.5 : 0.0;                // one bin holds everything
                        case 2 -> rnd.nextInt(3) == 0 ? 0.0 : rnd.nextInt(5);
                        default -> rnd.nextDouble() / (1 + k);
                    };
                }
            }
            double[] freq = Frequencies.fftFrequencies(22050, 2 * (nBins - 1));
            double[] got = SpectralRolloff.spectralRolloff(s, 22050, roll)[0];
            for (int t = 0; t < nFrames; t++) {
                float total = 0;
                for (int k = 0; k < nBins; k++) total += (float) s[k][t];
                float threshold = (float) roll * total;
                float cum = 0;
                double expected = freq[nBins - 1];
                for (int k = 0; k < nBins; k++) {
                    cum += (float) s[k][t];
                    if (cum >= threshold) {
                        expected = freq[k];
                        break;
                    }
                }
                assertEquals(expected, got[t], 0.0, "bins " + nBins + ", roll " + roll + ", frame " + t);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> SpectralRolloff.spectralRolloff(new double[4][2], 22050, 1.0));
    }
}
