package org.genrelab.dsp;

import org.genrelab.OracleFiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.genrelab.SharedData;
import org.genrelab.features.ChromaStft;
import org.junit.jupiter.api.Test;

/**
 * Tuning on the oracle's 16-bit wav clips (read with javax.sound: int16 / 32768, as
 * {@code librosa.load}) against {@code legacy_extras.csv}, and pitch_tuning known answers.
 */
class TuningTest {


    @Test
    void wavClipsMatchLegacyExtras() throws Exception {
        // legacy_extras.csv: sine1k_2s.wav tuning_cqt 0.20, tuning_chroma_stft 0.18; silence 0.0 / 0.0
        Path clips = SharedData.oracle().resolve("clips");
        float[] sine = OracleFiles.pcm16Mono(clips.resolve("sine1k_2s.wav"));
        assertEquals(88200, sine.length);
        assertEquals(0.20000000000000007, Tuning.estimateTuning(sine, 44100), 1e-9, "sine1k tuning_cqt");
        assertEquals(0.18000000000000005, ChromaStft.tuning(ChromaStft.powerOf(Stft.magnitude32(sine)), 22050), 1e-9,
                "sine1k tuning_chroma_stft");
        float[] silence = OracleFiles.pcm16Mono(clips.resolve("silence_5s.wav"));
        assertEquals(0.0, Tuning.estimateTuning(silence, 44100), 0, "silence tuning_cqt (empty set)");
        assertEquals(0.0, ChromaStft.tuning(ChromaStft.powerOf(Stft.magnitude32(silence)), 22050), 0);
    }

    /**
     * piptrack keeps a bin only if S > threshold · S.max(axis=0), which numpy 1.24 computes as a float32 product
     * with 0.1 cast to float32. Column maxima m and numpy's {@code 0.1 * m} (float32 bits) from /usr/bin/python3,
     * numpy 1.24.2: {@code m = (np.random.default_rng(3).random(200000) * np.float32(100)).astype(np.float32)},
     * the first four where {@code 0.1 * m} differs from {@code float32(0.1 * float64(m))} (there one ulp lower).
     * A peak exactly at numpy's threshold is dropped (no pitch: tuning 0); one ulp above it is kept.
     */
    @Test
    void peakThresholdIsNumpysFloat32Product() {
        int[][] cases = {{0x4268dd64, 0x40ba4ab7}, {0x41169b18, 0x3f70f827}, {0x422d4033, 0x408a99c3}, {0x41ea2d36, 0x403b575f}};
        for (int[] c : cases) {
            float max = Float.intBitsToFloat(c[0]), threshold = Float.intBitsToFloat(c[1]);
            assertTrue(threshold != (float) (0.1 * max), "a case where the float64 product differs");
            assertEquals(0.0, Tuning.estimateTuning(oneFrame(max, threshold), 22050), 0, "peak at the threshold is dropped");
            assertTrue(Tuning.estimateTuning(oneFrame(max, Math.nextUp(threshold)), 22050) != 0.0, "peak above it is kept");
        }
    }

    /**
     * One frame of 1025 bins: the maximum at bin 2 (21.5 Hz, below piptrack's 150 Hz), a peak at bin 100 (1077 Hz)
     * with smaller, unequal neighbours (below the threshold; they only shift the interpolated pitch).
     */
    private static float[][] oneFrame(float max, float peak) {
        float[][] s = new float[1025][1];
        s[2][0] = max;
        s[99][0] = 0.25f * peak;
        s[100][0] = peak;
        s[101][0] = 0.5f * peak;
        return s;
    }

    @Test
    void pitchTuningKnownAnswers() {
        // 440·2^(d/12) has residual d; the result is the left edge of d's 0.01 bin
        float[] f = {(float) (440 * Math.pow(2, 0.105 / 12)), (float) (220 * Math.pow(2, 0.107 / 12)),
                (float) (880 * Math.pow(2, -0.234 / 12))};
        assertEquals(0.10, Tuning.pitchTuning(f, 0.01, 12), 1e-9);
        assertEquals(-0.24, Tuning.pitchTuning(new float[] {f[2]}, 0.01, 12), 1e-9);
        assertEquals(0.0, Tuning.pitchTuning(new float[] {0f, -1f}, 0.01, 12), 0, "no positive frequency");
    }

    @Test
    void degenerateSpectrogramIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> Tuning.estimateTuning(new float[2][5], 22050));
        assertEquals(true, e.getMessage().contains("2 bins"), e.getMessage());
    }

    /** The vector peak test finds the same peaks, pitches and magnitudes, in the same order, as the plain loop. */
    @Test
    void vectorPeakPickingIsThePlainLoops() throws Exception {
        assertTrue(VectorApi.AVAILABLE, "the tests run with --add-modules jdk.incubator.vector");
        java.util.Random r = new java.util.Random(2);
        float[][] noise = new float[40][203]; // frames: several vectors and a tail
        for (float[] row : noise) for (int t = 0; t < row.length; t++) row[t] = (float) Math.abs(r.nextGaussian() * (1 + t % 5));
        noise[7][3] = Float.NaN;
        noise[9][100] = -2.5f; // |S| is taken
        float[][] clip = Stft.magnitude32(OracleFiles.pcm16Mono(SharedData.oracle().resolve("clips/sine1k_2s.wav")));
        for (float[][] s : new float[][][] {noise, clip}) {
            float[] thr = Tuning.columnMaxima(s);
            for (int t = 0; t < thr.length; t++) thr[t] *= 0.1f;
            int frames = s[0].length;
            for (int k = 1; k < s.length - 1; k++) {
                float[] p1 = new float[frames], m1 = new float[frames], p2 = new float[frames], m2 = new float[frames];
                int n1 = Tuning.peaksOfRow(s, k, thr, 22050, 2 * (s.length - 1), p1, m1, 0);
                int n2 = VectorPeakPicking.row(s, k, thr, 22050, 2 * (s.length - 1), p2, m2, 0);
                assertEquals(n1, n2, "peaks in bin " + k);
                org.junit.jupiter.api.Assertions.assertArrayEquals(p1, p2, 0f, "pitches in bin " + k);
                org.junit.jupiter.api.Assertions.assertArrayEquals(m1, m2, 0f, "magnitudes in bin " + k);
            }
        }
    }

    /** chroma_stft's tuning reuses the magnitude's column maxima, squared: the maxima of the float32 squares. */
    @Test
    void columnMaximaOfPowerAreTheSquaredMaximaOfMagnitude() throws Exception {
        float[][] mag = Stft.magnitude32(OracleFiles.pcm16Mono(SharedData.oracle().resolve("clips/sine1k_2s.wav")));
        java.util.Random r = new java.util.Random(4);
        float[][] odd = new float[6][50];
        for (float[] row : odd) for (int t = 0; t < row.length; t++) row[t] = Float.intBitsToFloat(r.nextInt(0x7f800000)); // any finite non-negative
        odd[2][5] = 0f;
        odd[3][5] = -0f;
        odd[1][6] = Float.POSITIVE_INFINITY;
        for (float[][] s : new float[][][] {mag, odd}) {
            float[] fromMag = Tuning.columnMaxima(s);
            for (int t = 0; t < fromMag.length; t++) fromMag[t] *= fromMag[t];
            org.junit.jupiter.api.Assertions.assertArrayEquals(Tuning.columnMaxima(ChromaStft.powerOf(s)), fromMag, 0f);
        }
        float[][] power = ChromaStft.powerOf(mag);
        float[] squared = Tuning.columnMaxima(mag);
        for (int t = 0; t < squared.length; t++) squared[t] *= squared[t];
        assertEquals(ChromaStft.tuning(power, 22050), Tuning.estimateTuning(power, 22050, squared), 0);
    }
}
