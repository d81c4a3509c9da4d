package org.genrelab.features;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import org.genrelab.SharedData;
import org.genrelab.data.Npy;
import org.junit.jupiter.api.Test;

class ClipAnalysisTest {

    @Test
    void theSlideArraysOfTheSongAreLibrosas() throws IOException {
        ClipAnalysis a = ClipAnalysis.of(SharedData.oracle().resolve("clips/synth_song_30s.mp3"));
        var frames = SharedData.oracle().resolve("frames/synth_song_30s_mp3");
        assertEquals(44100, a.sr());
        assertMatrix(Npy.read(frames.resolve("log_mel_db.npy")).toMatrix(), a.logMelDb(), 1e-4, "log_mel_db");
        assertMatrix(Npy.read(frames.resolve("mfcc.npy")).toMatrix(), a.mfcc(), 1e-4, "mfcc");
        assertMatrix(Npy.read(frames.resolve("chroma_cens.npy")).toMatrix(), a.chromaCens(), 1e-4, "chroma_cens");
        assertMatrix(Npy.read(frames.resolve("tonnetz.npy")).toMatrix(), a.tonnetz(), 1e-4, "tonnetz");
        assertEquals(99.38, a.rhythm().tempoBpm(), 0.01);
        double[][] env = a.envelope(1000);
        assertEquals(1000, env[0].length);
        assertEquals(0, env[0][0]);
        assertTrue(env[0][999] < 30 && env[0][999] > 29.9);
    }

    static void assertMatrix(double[][] want, double[][] got, double atol, String name) {
        assertEquals(want.length, got.length, name + " rows");
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i].length, got[i].length, name + " frames");
            for (int t = 0; t < want[i].length; t++) {
                final int ii = i, tt = t;
                assertTrue(Math.abs(want[i][t] - got[i][t]) <= atol, () -> name + "[" + ii + "][" + tt + "]: " + got[ii][tt] + " vs " + want[ii][tt]);
            }
        }
    }
}
