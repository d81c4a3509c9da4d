package org.genrelab.dsp;

import org.genrelab.OracleFiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
