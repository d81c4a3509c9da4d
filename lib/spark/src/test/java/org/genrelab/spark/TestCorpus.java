package org.genrelab.spark;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.genrelab.cli.Main;
import picocli.CommandLine;

/** Audio for the Spark jobs' tests, from the librosa oracle's clips, and the command line run in this JVM. */
final class TestCorpus {

    private TestCorpus() {
    }

    /** The oracle's clips (../shared/oracle/clips); the test is skipped, naming the folder, when they are not there. */
    static Path clips() {
        Path p = Path.of(System.getProperty("genrelab.shared", "../../../shared")).resolve("oracle/clips").toAbsolutePath();
        assumeTrue(Files.isDirectory(p), "no oracle clips at " + p);
        return p;
    }

    /**
     * A folder of decodable clips (a 2-s WAV, 5 s of silence, a 30-s chord MP3, a 48-kHz song) and defective inputs:
     * a corrupt MP3, an empty one, a broken symbolic link and a folder named like an MP3.
     */
    static Path withDefects(Path dir) throws IOException {
        Path audio = Files.createDirectories(dir.resolve("audio"));
        for (String clip : new String[] {"sine1k_2s.wav", "silence_5s.wav", "chord_cmaj_30s.mp3", "synth_song_30s_48k.mp3"}) {
            Files.copy(clips().resolve(clip), audio.resolve(clip));
        }
        Files.write(audio.resolve("corrupt.mp3"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        Files.write(audio.resolve("empty.mp3"), new byte[0]);
        Files.createSymbolicLink(audio.resolve("link.mp3"), dir.resolve("nowhere/track.mp3"));
        Files.createDirectories(audio.resolve("folder.mp3"));
        return audio;
    }

    /** {@code n} copies of one clip under other names ({@code 000.mp3}, ...). */
    static Path copies(Path dir, String clip, int n) throws IOException {
        Path audio = Files.createDirectories(dir.resolve("copies"));
        for (int i = 0; i < n; i++) {
            String ext = clip.substring(clip.lastIndexOf('.'));
            Files.copy(clips().resolve(clip), audio.resolve(String.format("%03d%s", i, ext)));
        }
        return audio;
    }

    /** {@code genrelab ARGS} in this JVM: its exit code, then what it printed to standard output and error. */
    static String[] run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new Main()).execute(args);
            return new String[] {Integer.toString(code), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
