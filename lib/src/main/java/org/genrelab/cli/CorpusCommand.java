package org.genrelab.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.genrelab.data.CorpusManifest;
import org.genrelab.data.SyntheticCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code genrelab corpus}: the embedded synthetic, FMA-shaped genre corpus. */
@Command(name = "corpus", mixinStandardHelpOptions = true,
        description = {"Generates (or reuses, when its parameters are unchanged) the synthetic FMA-shaped corpus:",
                "MIDI music per genre rendered with the JDK synthesizer, MP3s in FMA's audio/000/000123.mp3 layout,",
                "tracks.csv in FMA's format, genres.csv and a manifest labelling the defective files.",
                "Same seed, byte-identical output, whatever the number of threads."})
public final class CorpusCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FOLDER", description = "Where to write the corpus.")
    Path folder;

    @Option(names = "--per-genre", description = "Tracks per genre (default: " + SyntheticCorpus.DEFAULT_PER_GENRE + ").")
    int perGenre = SyntheticCorpus.DEFAULT_PER_GENRE;

    @Option(names = "--seed", description = "Seed (default: " + SyntheticCorpus.DEFAULT_SEED + ").")
    long seed = SyntheticCorpus.DEFAULT_SEED;

    @Option(names = "--seconds", description = "Clip length in seconds (default: 30).")
    double seconds = SyntheticCorpus.DEFAULT_SECONDS;

    @Option(names = "--threads", description = "Worker threads (default: all cores).")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        long t0 = System.nanoTime();
        CorpusManifest m = SyntheticCorpus.ensure(folder, new SyntheticCorpus.Parameters(perGenre, seed, seconds), n,
                System.err::println);
        System.out.printf(Locale.ROOT, "synthetic corpus ready: %d tracks in %s (%.1f s on %d threads)%n",
                m.entries().size(), folder, (System.nanoTime() - t0) / 1e9, n);
        return 0;
    }
}
