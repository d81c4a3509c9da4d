package org.genrelab.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.genrelab.SharedData;
import org.genrelab.data.Npy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BeatTrackerTest {

    /** Tempo and beat frames exactly as oracle frames/<clip>/beats.npy and legacy_extras.csv, from the oracle's onset_env. */
    @ParameterizedTest
    @CsvSource({"synth_song_30s_mp3, 48", "clicks_120bpm_30s_mp3, 58", "chord_cmaj_30s_mp3, 0"})
    void tempoAndBeatsMatchOracle(String clip, int nBeats) throws IOException {
        var dir = SharedData.oracle().resolve("frames").resolve(clip);
        double[] env = Npy.read(dir.resolve("onset_env.npy")).data();
        long[] expectedBeats = Npy.read(dir.resolve("beats.npy")).toLongs();
        double expectedTempo = extrasTempo(clip.replace("_mp3", ".mp3"));
        BeatTracker.Beats b = BeatTracker.beatTrack(env, 44100, 512);
        System.out.printf("beat_track %s: tempo %.10g (oracle %.10g), %d beats (oracle %d)%n",
                clip, b.tempo(), expectedTempo, b.frames().length, expectedBeats.length);
        assertEquals(expectedTempo, b.tempo(), 1e-9, clip + " tempo_bpm");
        assertEquals(nBeats, expectedBeats.length, clip + " oracle beat count");
        int[] expected = new int[expectedBeats.length];
        for (int i = 0; i < expected.length; i++) expected[i] = Math.toIntExact(expectedBeats[i]);
        assertArrayEquals(expected, b.frames(), clip + " beats");
    }

    /** Known answer: tempo_frequencies(4, hop 512, sr 22050) = [inf, 60·22050/512, /2, /3]. */
    @Test
    void tempoFrequenciesKnownAnswer() {
        double[] f = BeatTracker.tempoFrequencies(4, 512, 22050);
        assertEquals(Double.POSITIVE_INFINITY, f[0]);
        assertEquals(2583.984375, f[1], 1e-9);
        assertEquals(2583.984375 / 3, f[3], 1e-9);
    }

    /** A synthetic impulse train every 40 frames (129.2 BPM at 44.1 kHz/512) gives that lag's tempo and beats on the impulses. */
    @Test
    void impulseTrainGivesItsPeriod() {
        double[] env = new double[2000];
        for (int t = 20; t < env.length; t += 40) env[t] = 1.0;
        BeatTracker.Beats b = BeatTracker.beatTrack(env, 44100, 512);
        assertEquals(60.0 * 44100 / (512 * 40), b.tempo(), 1e-9);
        for (int f : b.frames()) assertEquals(20, f % 40, "beat on an impulse: " + f);
        assertEquals(true, b.frames().length >= 45, "beats " + b.frames().length);
    }

    /** scipy.signal.convolve(x, w, 'same') keeps the centre of the full convolution: full [1,3,5,3] of [1,2,3]*[1,1] starts at (2−1)//2 = 0; full [1,4,8,8,3] of [1,2,3]*[1,2,1] starts at 1. */
    @Test
    void convolveSameKnownAnswer() {
        assertArrayEquals(new double[] {1, 3, 5}, BeatTracker.convolveSame(new double[] {1, 2, 3}, new double[] {1, 1}), 0.0);
        assertArrayEquals(new double[] {4, 8, 8}, BeatTracker.convolveSame(new double[] {1, 2, 3}, new double[] {1, 2, 1}), 0.0);
    }

    @Test
    void silentEnvelopeHasNoTempo() {
        BeatTracker.Beats b = BeatTracker.beatTrack(new double[500], 44100, 512);
        assertEquals(0.0, b.tempo());
        assertEquals(0, b.frames().length);
    }

    static double extrasTempo(String trackId) throws IOException {
        List<String> lines = Files.readAllLines(SharedData.oracle().resolve("features/legacy_extras.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int col = header.indexOf("tempo_bpm");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (f[0].equals(trackId)) return Double.parseDouble(f[col]);
        }
        throw new IllegalStateException("legacy_extras.csv has no row " + trackId);
    }
}
