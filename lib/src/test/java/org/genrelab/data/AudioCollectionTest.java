package org.genrelab.data;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.genrelab.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioCollectionTest {

    @Test
    void aFolderGivesItsAudioFilesByName() throws IOException {
        List<AudioCollection.Item> items = AudioCollection.folder(SharedData.oracle().resolve("clips"));
        // the oracle's clips: 5 mp3 + 2 wav; the MIDI file is not audio
        assertEquals(List.of("chord_cmaj_30s.mp3", "clicks_120bpm_30s.mp3", "silence_5s.wav", "sine1k_2s.wav",
                "sine440_30s.mp3", "synth_song_30s.mp3", "synth_song_30s_48k.mp3"),
                items.stream().map(AudioCollection.Item::id).toList());
    }

    @Test
    void sameFileNameInTwoSubfoldersIsRefusedNamingBothFiles(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("rock"));
        Files.createDirectories(dir.resolve("jazz"));
        Files.writeString(dir.resolve("rock/01.mp3"), "x");
        Files.writeString(dir.resolve("jazz/01.mp3"), "y");
        Files.writeString(dir.resolve("jazz/02.mp3"), "z");
        IOException e = assertThrows(IOException.class, () -> AudioCollection.folder(dir));
        assertTrue(e.getMessage().contains(dir.resolve("rock/01.mp3").toString()), e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("jazz/01.mp3").toString()), e.getMessage());
        assertThrows(IOException.class, () -> AudioCollection.of(dir, "small"));

        Files.delete(dir.resolve("jazz/01.mp3")); // distinct names in subfolders are fine
        List<AudioCollection.Item> items = AudioCollection.folder(dir);
        assertEquals(List.of("02.mp3", "01.mp3"), items.stream().map(AudioCollection.Item::id).toList());
        assertEquals(dir.resolve("rock/01.mp3"), items.get(1).audio());
    }

    @Test
    void fmaLayoutPaths() {
        assertEquals(Path.of("r/000/000002.mp3"), AudioCollection.fmaPath(Path.of("r"), 2));
        assertEquals(Path.of("r/155/155066.mp3"), AudioCollection.fmaPath(Path.of("r"), 155066));
    }

    @Test
    void aTracksFileFindsItsAudioRootInFmasLayout(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("fma_metadata"));
        Files.createDirectories(dir.resolve("fma_small/000"));
        Files.copy(SharedData.data().resolve("fma_small_tracks.csv"), dir.resolve("fma_metadata/fma_small_tracks.csv"));
        List<AudioCollection.Item> items = AudioCollection.of(dir.resolve("fma_metadata/fma_small_tracks.csv"), "small");
        assertEquals(7997, items.size());
        assertEquals(dir.resolve("fma_small/000/000002.mp3"), items.get(0).audio());
        assertEquals("Hip-Hop", items.get(0).track().genreTop());
    }

    @Test
    void clearErrors(@TempDir Path dir) throws IOException {
        IOException e = assertThrows(IOException.class, () -> AudioCollection.folder(dir));
        assertTrue(e.getMessage().contains("no audio files"), e.getMessage());
        Files.copy(SharedData.data().resolve("fma_small_tracks.csv"), dir.resolve("tracks.csv"));
        IOException f = assertThrows(IOException.class, () -> AudioCollection.of(dir.resolve("tracks.csv"), "small"));
        assertTrue(f.getMessage().contains("no audio folder"), f.getMessage());
    }
}
