package org.genrelab.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MelFilterbankTest {

    @Test
    void basisMatchesOracle() {
        double[][] expected = OracleFrames.matrix("synth_song_30s_mp3", "mel_basis");
        double[][] basis = MelFilterbank.mel(44100, 2048);
        // README: rtol 1e-9; plus atol 1e-12·max for cells librosa rounds to exactly 0 where a 1-ulp
        // difference of exp/log leaves ~1e-17 (the top bin at fmax = sr/2)
        double dev = OracleFrames.assertClose("mel_basis", expected, basis, 1e-9, 1e-12 * OracleFrames.max(expected));
        System.out.printf("mel_basis max |diff| %.3g%n", dev);
    }

    /** Slaney scale: linear 200/3 Hz per mel below 1 kHz (1 kHz = 15 mel), log above; round trip. */
    @Test
    void slaneyScaleKnownValues() {
        assertEquals(15.0, Frequencies.hzToMel(1000.0, false), 1e-12);
        assertEquals(3.0, Frequencies.hzToMel(200.0, false), 1e-12);
        assertEquals(15.0 + 27.0, Frequencies.hzToMel(6400.0, false), 1e-9); // ×6.4 = 27 mel
        assertEquals(1000.0, Frequencies.melToHz(15.0, false), 1e-9);
        assertEquals(1000.0, Frequencies.hzToMel(Frequencies.melToHz(1000.0, true), true), 1e-6 * 1000);
        for (double f : new double[] {0, 50, 999, 1000, 4321, 22050}) {
            assertEquals(f, Frequencies.melToHz(Frequencies.hzToMel(f, false), false), 1e-9 * (1 + f));
        }
    }

    @Test
    void melPowerAndLogMelMatchOracleForAllClips() {
        double[][] basis = MelFilterbank.mel(44100, 2048);
        for (String clip : OracleFrames.CLIPS) {
            float[][] mag = Stft.magnitude32(OracleFrames.y(clip));
            double[][] squares = new double[mag.length][mag[0].length];
            for (int k = 0; k < mag.length; k++) for (int t = 0; t < mag[0].length; t++) squares[k][t] = mag[k][t] * mag[k][t];
            double[][] melPower = MelFilterbank.apply(basis, squares); // np.dot(basis, S**2), S**2 in float32
            double[][] fromSquares = MelFilterbank.applyToFloat32Squares(basis, mag);
            for (int m = 0; m < melPower.length; m++) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(melPower[m], fromSquares[m], 0.0, clip + ": squares on the fly, band " + m);
            }
            double[][] expected = OracleFrames.matrix(clip, "mel_power");
            double dev = OracleFrames.assertClose(clip + " mel_power", expected, melPower, 1e-5, 1e-6 * OracleFrames.max(expected));
            double[][] db = PowerToDb.powerToDb(melPower);
            double devDb = OracleFrames.assertClose(clip + " log_mel_db", OracleFrames.matrix(clip, "log_mel_db"), db, 0.0, 1e-4);
            System.out.printf("%s mel_power max |diff| %.3g (max %.3g), log_mel_db max |diff| %.3g dB%n",
                    clip, dev, OracleFrames.max(expected), devDb);
        }
    }
}
