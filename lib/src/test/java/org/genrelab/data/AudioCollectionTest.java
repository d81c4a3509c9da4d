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

    /**
     * A broken symbolic link and a folder named like an MP3 are listed among the items, each with its reason, never
     * skipped; the folder is walked too, and so is a linked subfolder. A link to a readable file is a readable item.
     */
    @Test
    void aBrokenLinkAndAFolderNamedLikeAnMp3AreListedWithTheirReasons(@TempDir Path dir) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path wav = SharedData.oracle().resolve("clips/sine1k_2s.wav");
        Files.copy(wav, in.resolve("good.wav"));
        Files.createSymbolicLink(in.resolve("broken.mp3"), dir.resolve("gone/track.mp3"));
        Files.copy(wav, Files.createDirectories(in.resolve("album.mp3")).resolve("inner.wav"));
        Files.createSymbolicLink(in.resolve("loop.mp3"), in.resolve("loop.mp3"));
        Files.copy(wav, Files.createDirectories(dir.resolve("elsewhere")).resolve("linked.wav"));
        Files.createSymbolicLink(in.resolve("more"), dir.resolve("elsewhere"));
        Files.createSymbolicLink(in.resolve("alias.wav"), in.resolve("good.wav"));
        Files.writeString(in.resolve("notes.txt"), "not audio");

        List<AudioCollection.Item> items = AudioCollection.folder(in);
        assertEquals(List.of("album.mp3", "inner.wav", "alias.wav", "broken.mp3", "good.wav", "loop.mp3", "linked.wav"),
                items.stream().map(AudioCollection.Item::id).toList());
        java.util.Map<String, String> why = new java.util.HashMap<>();
        items.forEach(it -> why.put(it.id(), it.unreadable()));
        assertEquals("a broken symbolic link: its target " + dir.resolve("gone/track.mp3") + " does not exist", why.get("broken.mp3"));
        assertEquals("a directory, not an audio file", why.get("album.mp3"));
        assertEquals("a broken symbolic link: its target " + in.resolve("loop.mp3") + " is a loop of links", why.get("loop.mp3"));
        for (String ok : List.of("good.wav", "inner.wav", "alias.wav", "linked.wav")) assertNull(why.get(ok), ok);
    }

    /**
     * A file or subfolder this user may not read is listed with the reason. Tests run as root here, and permission
     * bits do not stop root: a mode-000 file is then read like any other (what is checked first); the reasons for
     * another user are checked only when the tests run as one.
     */
    @Test
    void aFileOrFolderThisUserMayNotReadIsListedWithItsReason(@TempDir Path dir) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path wav = SharedData.oracle().resolve("clips/sine1k_2s.wav");
        Path locked = in.resolve("locked.wav");
        Files.copy(wav, locked);
        Path closed = Files.createDirectories(in.resolve("closed"));
        Files.copy(wav, closed.resolve("inside.wav"));
        Files.setPosixFilePermissions(locked, java.util.Set.of());
        Files.setPosixFilePermissions(closed, java.util.Set.of());
        try {
            boolean permissionsBind = !Files.isReadable(locked);
            List<AudioCollection.Item> items = AudioCollection.folder(in);
            java.util.Map<String, String> why = new java.util.HashMap<>();
            items.forEach(it -> why.put(it.id(), it.unreadable()));
            assertTrue(why.containsKey("locked.wav"), "never skipped: " + why);
            if (!permissionsBind) {
                assertNull(why.get("locked.wav"), "readable by root");
                assertNull(why.get("inside.wav"), "root lists a mode-000 folder: " + why);
                assertTrue(org.genrelab.audio.AudioDecoder.decodeMono(locked).ok(), "and decodes the file");
            }
            org.junit.jupiter.api.Assumptions.assumeTrue(permissionsBind, "running as root: permission bits do not stop"
                    + " root's reads, so a mode-000 file or folder is read like any other here (checked); the"
                    + " permission-denied reasons are checked when the tests run as another user");
            assertEquals("this user may not read it (permission denied)", why.get("locked.wav"));
            assertEquals("a folder this walk could not read (permission denied); any audio files in it are not included",
                    why.get("closed/"));
        } finally {
            Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            Files.setPosixFilePermissions(closed, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
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
