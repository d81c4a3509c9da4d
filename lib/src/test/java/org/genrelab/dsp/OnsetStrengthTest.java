package org.genrelab.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

class OnsetStrengthTest {

    static final java.util.List<String> CLIPS = OracleFrames.CLIPS;

    /** README: onset_env within rtol 1e-5, atol 1e-5·max, from the clip's y.npy at 44.1 kHz. */
    @ParameterizedTest
    @FieldSource("CLIPS")
    void matchesOracleOnsetEnvelope(String clip) {
        double[] expected = OracleFrames.array(clip, "onset_env").data();
        double[] env = OnsetStrength.onsetStrength(OracleFrames.y(clip), 44100);
        double max = 0;
        for (double v : expected) max = Math.max(max, v);
        double dev = OracleFrames.assertClose(clip + " onset_env", new double[][] {expected}, new double[][] {env},
                1e-5, 1e-5 * max);
        System.out.printf("onset_env %s: max |diff| %.3g (max %.3g)%n", clip, dev, max);
    }

    /**
     * librosa's melspectrogram(y=y) squares the float32 np.abs of its complex64 STFT in float32; from exactly those
     * values the envelope matches to summation order (1.1e-13 here), where the float64 power was 8.7e-7 off.
     */
    @ParameterizedTest
    @FieldSource("CLIPS")
    void startsFromTheFloat32SquaresOfTheComplex64Stft(String clip) {
        double[] expected = OracleFrames.array(clip, "onset_env").data();
        double[] env = OnsetStrength.onsetStrength(OracleFrames.y(clip), 44100);
        OracleFrames.assertClose(clip + " onset_env", new double[][] {expected}, new double[][] {env}, 0, 1e-10);
    }

    /** Known answer: a single step of +10 dB in every band at frame 5 shows up at frame 5 + 2 (centering) and nowhere else. */
    @Test
    void stepInLogSpectrogramIsShiftedByLagPlusCentering() {
        double[][] s = new double[4][12];
        for (double[] row : s) for (int t = 5; t < 12; t++) row[t] = 10.0;
        s[0][5] = 40.0; // one band disagrees: the median ignores it
        double[] env = OnsetStrength.fromLogSpectrogram(s, 1, 2048, 512);
        double[] expected = new double[12];
        expected[7] = 10.0;
        assertArrayEquals(expected, env, 0.0);
    }

    /** Decreases are discarded (max(0, ·)) and the median of an even count averages the middle two. */
    @Test
    void negativeFluxIsDiscardedAndEvenMedianAverages() {
        double[][] s = {{0, 1}, {0, 2}, {0, -3}, {0, 4}};
        double[] env = OnsetStrength.fromLogSpectrogram(s, 1, 0, 512); // no centering shift: env[1] = median(1,2,0,4)
        assertEquals(1.5, env[1], 0.0);
        assertEquals(0.0, env[0], 0.0);
    }

    @Test
    void rejectsBadLag() {
        assertThrows(IllegalArgumentException.class, () -> OnsetStrength.fromLogSpectrogram(new double[][] {{1, 2}}, 0, 2048, 512));
    }
}
