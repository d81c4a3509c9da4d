package org.genrelab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.genrelab.bench.EmbeddingBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code genrelab bench vggish}: seconds per 30-s clip of the full-size VGGish, front end and network. */
@Command(name = "vggish", mixinStandardHelpOptions = true,
        description = {"Full-size VGGish's seconds per 30-s clip.",
                "",
                "Seconds per 30-s clip of the full-size VGGish on the current device: the front",
                "end (decode, resample, log-mel) on one thread, then the network (stand-in",
                "weights: the same arithmetic). The clip is",
                "../shared/oracle/clips/synth_song_30s.mp3.",
                ""})
public final class BenchVggishCommand implements Callable<Integer> {

    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "3", description = "Timed passes after a warm-up (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Override
    public Integer call() throws Exception {
        if (repeats < 1) throw new ParameterException(spec.commandLine(), "--repeats must be at least 1, not " + repeats);
        Path clip = bench.main().root().resolve("../shared/oracle/clips/synth_song_30s.mp3").normalize();
        if (!Files.exists(clip)) throw new ParameterException(spec.commandLine(), "no clip " + clip);
        var f = EmbeddingBenchmark.run(clip, repeats);
        System.out.printf(Locale.ROOT, "full-size VGGish on %s, %d passes, seconds per 30-s clip:%n", clip.getFileName(), repeats);
        System.out.printf(Locale.ROOT, "  decode + resample + log-mel (CPU, 1 thread)   %7.3f%n", f.frontEndSeconds());
        System.out.printf(Locale.ROOT, "  network, %d examples (%s)        %7.3f   %.1f GFLOP/s%n", f.examples(), f.device(),
                f.networkSeconds(), f.networkGflops());
        System.out.printf(Locale.ROOT, "  float32 matrix product %dx%d, same engine     %.1f GFLOP/s: the network reaches %.0f%% of it%n",
                EmbeddingBenchmark.GEMM_SIZE, EmbeddingBenchmark.GEMM_SIZE, f.gemmGflops(), 100 * f.networkGflops() / f.gemmGflops());
        return 0;
    }
}
