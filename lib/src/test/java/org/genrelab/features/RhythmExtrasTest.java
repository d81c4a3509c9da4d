package org.genrelab.features;

import org.genrelab.OracleFiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.genrelab.SharedData;
import org.genrelab.data.Npy;
import org.genrelab.dsp.OnsetStrength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RhythmExtrasTest {

    /** The whole chain y → onset_strength → beat_track gives the oracle's beat frames exactly (not only from its onset_env). */
    @ParameterizedTest
    @ValueSource(strings = {"synth_song_30s_mp3", "clicks_120bpm_30s_mp3"})
    void beatsFromPcmMatchOracle(String clip) throws IOException {
        Path dir = SharedData.oracle().resolve("frames").resolve(clip);
        float[] y = Npy.read(dir.resolve("y.npy")).toFloats();
        long[] expected = Npy.read(dir.resolve("beats.npy")).toLongs();
        BeatTracker.Beats b = BeatTracker.beatTrack(OnsetStrength.onsetStrength(y, 44100), 44100, 512);
        assertArrayEquals(java.util.Arrays.stream(expected).mapToInt(Math::toIntExact).toArray(), b.frames(), clip + " beats from y");
        assertEquals(OracleFiles.extras(clip.replace("_mp3", ".mp3")).get("tempo_bpm"), b.tempo(), 1e-9, clip + " tempo_bpm");
    }

    /** The two 16-bit wav clips (read with javax.sound, k/32768): tempo 0, no beats, harm/perc power within rtol 1e-4 (silence: exactly 0). */
    @ParameterizedTest
    @ValueSource(strings = {"sine1k_2s.wav", "silence_5s.wav"})
    void wavClipsMatchLegacyExtras(String name) throws Exception {
        float[] y = OracleFiles.pcm16Mono(SharedData.oracle().resolve("clips").resolve(name));
        Map<String, Double> row = OracleFiles.extras(name);
        assertEquals(row.get("n_samples"), (double) y.length, name + " n_samples");
        RhythmExtras e = RhythmExtras.of(y, 44100);
        System.out.printf("extras %s: %s (oracle harm %.10g perc %.10g)%n", name, e, row.get("harm_power"), row.get("perc_power"));
        assertEquals(row.get("tempo_bpm"), e.tempoBpm(), 0.0, name + " tempo_bpm");
        assertEquals(row.get("n_beats").intValue(), e.nBeats(), name + " n_beats");
        assertRel(name + " harm_power", row.get("harm_power"), e.harmPower());
        assertRel(name + " perc_power", row.get("perc_power"), e.percPower());
    }

    static void assertRel(String what, double expected, double actual) {
        if (expected == 0.0) {
            assertEquals(0.0, actual, 0.0, what);
            return;
        }
        double rel = Math.abs(actual - expected) / Math.abs(expected);
        assertTrue(rel <= 1e-4, String.format("%s: expected %.10g, got %.10g (rel %.3g > 1e-4)", what, expected, actual, rel));
    }

}
