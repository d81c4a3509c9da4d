package org.genrelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.genrelab.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FeaturesCommandTest {

    /** Runs {@code genrelab features ARGS} in this JVM; returns its exit code and what it printed. */
    private static String[] run(String... args) {
        PrintStream out = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new FeaturesCommand()).execute(args);
            return new String[] {Integer.toString(code), buf.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(out);
        }
    }

    @Test
    void failedTracksAreRetriedWithRetryFailedAndTheMessageSaysSo(@TempDir Path dir) throws Exception {
        Path audio = Files.createDirectories(dir.resolve("audio"));
        Files.copy(SharedData.oracle().resolve("clips/sine1k_2s.wav"), audio.resolve("sine.wav"));
        Files.write(audio.resolve("broken.mp3"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        String out = dir.resolve("features.csv").toString();

        String[] first = run(audio.toString(), out, "--threads", "1", "--no-rhythm");
        assertEquals("0", first[0], first[1]);
        assertTrue(first[1].contains("1 track(s) failed") && first[1].contains("broken.mp3"), first[1]);
        assertTrue(first[1].contains("--retry-failed"), "the message says how to retry: " + first[1]);

        String[] reused = run(audio.toString(), out, "--threads", "1", "--no-rhythm");
        assertTrue(reused[1].contains("Found 2 audio files in " + audio + ": 0 computed now, 1 reused from the cache, 1 failed"
                + " (0 of them unreadable, 1 remembered from an earlier run)."), reused[1]);

        String[] retried = run(audio.toString(), out, "--threads", "1", "--no-rhythm", "--retry-failed");
        assertEquals("0", retried[0], retried[1]);
        assertTrue(retried[1].contains(": 0 computed now, 1 reused from the cache, 1 failed (0 of them unreadable, 0 remembered"),
                retried[1]);
        assertTrue(retried[1].contains("1 track(s) failed"), "still broken: " + retried[1]);
    }

    /**
     * Every input is accounted for: a decodable WAV, a corrupt MP3, a broken link and a folder named like an MP3 are
     * found (4), computed or failed, and the summary counts them; the two unreadable ones are listed with their
     * reasons and, not being cached, are looked at again: once the link's target exists the next run computes it.
     */
    @Test
    void theSummaryCountsWhatWasFoundComputedReusedAndFailed(@TempDir Path dir) throws Exception {
        Path audio = Files.createDirectories(dir.resolve("audio"));
        Path wav = SharedData.oracle().resolve("clips/sine1k_2s.wav");
        Files.copy(wav, audio.resolve("sine.wav"));
        Files.write(audio.resolve("corrupt.mp3"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        Path target = dir.resolve("elsewhere/track.wav");
        Files.createSymbolicLink(audio.resolve("link.mp3"), target);
        Files.createDirectories(audio.resolve("folder.mp3"));
        String out = dir.resolve("features.csv").toString();

        String[] first = run(audio.toString(), out, "--threads", "1", "--no-rhythm");
        assertEquals("0", first[0], first[1]);
        assertTrue(first[1].contains("Found 4 audio files in " + audio + ": 1 computed now, 0 reused from the cache, 3 failed"
                + " (2 of them unreadable, 0 remembered from an earlier run)."), first[1]);
        assertTrue(first[1].contains("  link.mp3: unreadable: a broken symbolic link: its target " + target + " does not exist"), first[1]);
        assertTrue(first[1].contains("  folder.mp3: unreadable: a directory, not an audio file"), first[1]);
        assertTrue(first[1].contains("  corrupt.mp3: corrupt: "), first[1]);
        assertTrue(first[1].contains("1 rows written to " + out), first[1]);
        String failures = Files.readString(dir.resolve("features.failures.csv"));
        assertTrue(failures.contains("link.mp3,") && failures.contains("folder.mp3,") && failures.contains("corrupt.mp3,"), failures);

        String[] second = run(audio.toString(), out, "--threads", "1", "--no-rhythm");
        assertTrue(second[1].contains(": 0 computed now, 1 reused from the cache, 3 failed (2 of them unreadable, 1 remembered"
                + " from an earlier run)."), second[1]);

        Files.copy(wav, Files.createDirectories(target.getParent()).resolve("track.wav"));
        String[] third = run(audio.toString(), out, "--threads", "1", "--no-rhythm");
        assertTrue(third[1].contains(": 1 computed now, 1 reused from the cache, 2 failed (1 of them unreadable, 1 remembered"
                + " from an earlier run)."), third[1]);
    }

    @Test
    void twoFilesWithOneNameAreRefused(@TempDir Path dir) throws Exception {
        Path clip = SharedData.oracle().resolve("clips/sine1k_2s.wav");
        Files.copy(clip, Files.createDirectories(dir.resolve("audio/rock")).resolve("01.wav"));
        Files.copy(clip, Files.createDirectories(dir.resolve("audio/jazz")).resolve("01.wav"));
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = new CommandLine(new FeaturesCommand()).execute(dir.resolve("audio").toString(), dir.resolve("f.csv").toString());
        } finally {
            System.setErr(err);
        }
        String msg = buf.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, msg);
        assertTrue(msg.contains("rock/01.wav") && msg.contains("jazz/01.wav"), msg);
        assertTrue(!Files.exists(dir.resolve("f.csv")));
    }
}
