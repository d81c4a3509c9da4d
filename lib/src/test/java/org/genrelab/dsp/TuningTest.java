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
}
