package org.genrelab.vggish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

import org.genrelab.SharedData;
import org.genrelab.data.Npy;
import org.genrelab.data.NpyArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VggishFrontEndTest {

    private static Path dir(String clip) {
        return SharedData.oracle().resolve("vggish").resolve(clip);
    }

    @ParameterizedTest
    @ValueSource(strings = {"synth_song_30s_mp3", "sine440_30s_mp3"})
    void melMatrixMatchesOracleWithinRtol1e9(String clip) throws IOException {
        NpyArray expected = Npy.read(dir(clip).resolve("mel_matrix.npy"));
        assertArrayEquals(new int[] {257, 64}, expected.shape());
        double[][] w = VggishMelMatrix.melMatrix();
        double worst = 0;
        for (int k = 0; k < 257; k++) {
            for (int m = 0; m < 64; m++) {
                double e = expected.data()[k * 64 + m];
                double d = Math.abs(w[k][m] - e);
                assertTrue(d <= 1e-9 * Math.abs(e), "mel_matrix[" + k + "][" + m + "] " + w[k][m] + " vs " + e);
                worst = Math.max(worst, d);
            }
        }
        System.out.printf("mel_matrix worst abs diff %.3g%n", worst);
    }

    @Test
    void melMatrixShapeProperties() {
        double[][] w = VggishMelMatrix.melMatrix();
        for (int m = 0; m < 64; m++) {
            assertEquals(0.0, w[0][m]);
            double peak = 0;
            for (double[] row : w) {
                peak = Math.max(peak, row[m]);
            }
            assertTrue(peak > 0.5 && peak <= 1.0, "band " + m + " peak " + peak);
        }
        assertEquals(2595.0 * Math.log10(1 + 1000.0 / 700.0), VggishMelMatrix.hzToMel(1000.0), 0.05);
    }

    @ParameterizedTest
    @ValueSource(strings = {"synth_song_30s_mp3", "sine440_30s_mp3"})
    void logMelAndExamplesMatchOracleWithinAtol1e6(String clip) throws IOException {
        double[] y = Npy.read(dir(clip).resolve("y16k.npy")).data();
        NpyArray logMelExpected = Npy.read(dir(clip).resolve("log_mel.npy"));
        NpyArray examplesExpected = Npy.read(dir(clip).resolve("examples.npy"));
        assertArrayEquals(new int[] {2998, 64}, logMelExpected.shape());
        assertArrayEquals(new int[] {31, 96, 64}, examplesExpected.shape());

        double[][] logMel = VggishFrontEnd.logMel(y);
        assertEquals(2998, logMel.length);
        double worst = 0;
        for (int t = 0; t < 2998; t++) {
            for (int m = 0; m < 64; m++) {
                worst = Math.max(worst, Math.abs(logMel[t][m] - logMelExpected.data()[t * 64 + m]));
            }
        }
        assertTrue(worst <= 1e-6, "log_mel worst abs diff " + worst);

        double[][][] ex = VggishFrontEnd.waveformToExamples(y);
        assertEquals(31, ex.length);
        double worstEx = 0;
        for (int e = 0; e < 31; e++) {
            assertEquals(96, ex[e].length);
            for (int f = 0; f < 96; f++) {
                for (int m = 0; m < 64; m++) {
                    worstEx = Math.max(worstEx,
                            Math.abs(ex[e][f][m] - examplesExpected.data()[(e * 96 + f) * 64 + m]));
                }
            }
        }
        assertTrue(worstEx <= 1e-6, "examples worst abs diff " + worstEx);
        System.out.printf("%s: log_mel worst %.3g, examples worst %.3g%n", clip, worst, worstEx);
    }

    @Test
    void periodicHannIdentities() {
        double[] w = org.genrelab.dsp.Windows.hann(400);
        assertEquals(0.0, w[0], 0.0);
        assertEquals(1.0, w[200], 1e-15);
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        assertEquals(200.0, sum, 1e-9); // a periodic Hann of length N sums to N/2
        for (int i = 1; i < 400; i++) {
            assertEquals(w[i], w[400 - i], 1e-15);
        }
    }

    @Test
    void silenceGivesLogOffset() {
        double[][] lm = VggishFrontEnd.logMel(new double[16000]);
        assertEquals(98, lm.length); // 1 + (16000 - 400) / 160
        for (double[] row : lm) {
            for (double v : row) {
                assertEquals(Math.log(0.01), v, 0.0);
            }
        }
    }

    @Test
    void framesAndExamplesDropTails() {
        assertEquals(0, VggishFrontEnd.frameCount(399));
        assertEquals(1, VggishFrontEnd.frameCount(400));
        assertEquals(1, VggishFrontEnd.frameCount(559));
        assertEquals(2, VggishFrontEnd.frameCount(560));
        double[] y = new Random(3).doubles(400 + 95 * 160, -1, 1).toArray();
        assertEquals(1, VggishFrontEnd.waveformToExamples(y).length);
        assertThrows(IllegalArgumentException.class, () -> VggishFrontEnd.waveformToExamples(new double[y.length - 1]));
        assertEquals(2, VggishFrontEnd.examples(new double[2 * 96 + 95][64]).length);
    }
}
