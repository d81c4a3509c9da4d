package org.genrelab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.genrelab.data.AudioCollection;
import org.genrelab.features.FeatureBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code genrelab bench features}: prints the feature extraction's speed (figures, not pass/fail). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks. 'features [FOLDER]': CPU seconds per 30-s clip for decoding, FMA's 518 features,",
                "and everything with tempo and HPSS, on one thread, then the wall time per clip on all cores.",
                "FOLDER defaults to ../shared/oracle/clips. librosa 0.5.0 takes about 1.0 s of CPU per clip for the",
                "518 features and about 7 s more for HPSS."})
public final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "WHAT", description = "features")
    String what;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FOLDER", description = "Audio folder (default: ../shared/oracle/clips).")
    Path folder;

    @Option(names = "--repeats", defaultValue = "3", description = "Passes over the clips (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Override
    public Integer call() throws Exception {
        if (!what.equals("features")) {
            System.err.println("genrelab bench: unknown benchmark '" + what + "' (have: features)");
            return 2;
        }
        Path root = Path.of(System.getenv().getOrDefault("GENRELAB_ROOT", "."));
        Path dir = folder != null ? folder : root.resolve("../shared/oracle/clips").normalize();
        if (!Files.isDirectory(dir)) {
            System.err.println("genrelab bench: no folder " + dir + " (give an audio folder)");
            return 2;
        }
        var files = AudioCollection.folder(dir).stream().map(AudioCollection.Item::audio).toList();
        int threads = Runtime.getRuntime().availableProcessors();
        var f = FeatureBenchmark.run(files, repeats, threads);
        System.out.printf(Locale.ROOT, "%d clips of 10 s or more from %s, %d passes; seconds per 30-s clip:%n", f.clips(), dir, repeats);
        System.out.printf(Locale.ROOT, "  decode (CPU, 1 thread)                    %7.3f%n", f.decodeCpu());
        System.out.printf(Locale.ROOT, "  518 FMA features (CPU, 1 thread)          %7.3f   librosa 0.5.0: ~1.0 -> %.1fx%n", f.fma518Cpu(), 1.0 / f.fma518Cpu());
        System.out.printf(Locale.ROOT, "  518 + tempo + HPSS (CPU, 1 thread)        %7.3f   librosa 0.5.0: ~8.0 -> %.1fx%n", f.allCpu(), 8.0 / f.allCpu());
        System.out.printf(Locale.ROOT, "  518 + tempo + HPSS (wall, 1 thread)       %7.3f%n", f.wallPerClipOneThread());
        System.out.printf(Locale.ROOT, "  518 + tempo + HPSS (wall, %d threads)      %7.3f%n", f.threads(), f.wallPerClipAllThreads());
        return 0;
    }
}
