package org.genrelab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.genrelab.bench.FeatureBenchmark;
import org.genrelab.data.AudioCollection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code genrelab bench features}: the feature extraction's seconds per 30-s clip. */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = {"Feature extraction's seconds per 30-s clip.",
                "",
                "CPU seconds per 30-s clip for decoding, FMA's 518 features, and everything",
                "with tempo and HPSS, on one thread, then the wall time per clip on all cores.",
                "librosa 0.5.0 takes about 1.0 s of CPU per clip for the 518 features and about",
                "7 s more for HPSS.",
                ""})
public final class BenchFeaturesCommand implements Callable<Integer> {

    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FOLDER", description = "Audio folder (default: ../shared/oracle/clips).")
    Path folder;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "3", description = "Passes over the clips (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Override
    public Integer call() throws Exception {
        if (repeats < 1) throw new ParameterException(spec.commandLine(), "--repeats must be at least 1, not " + repeats);
        Path dir = folder != null ? folder : bench.main().root().resolve("../shared/oracle/clips").normalize();
        if (!Files.isDirectory(dir)) throw new ParameterException(spec.commandLine(), "no folder " + dir + " (give an audio folder)");
        var files = AudioCollection.folder(dir).stream().filter(i -> i.unreadable() == null).map(AudioCollection.Item::audio).toList();
        int threads = Runtime.getRuntime().availableProcessors();
        var f = FeatureBenchmark.run(files, repeats, threads);
        System.out.printf(Locale.ROOT, "%d clips of 10 s or more from %s, %d passes after %d warm-up passes; seconds per 30-s clip:%n",
                f.clips(), dir, repeats, FeatureBenchmark.WARM_UP_PASSES);
        System.out.printf(Locale.ROOT, "  decode (CPU, 1 thread)                    %7.3f   %.2fx FFmpeg's own decode%n", f.decodeCpu(),
                f.decodeCpu() / f.ffmpegDecodeCpu());
        System.out.printf(Locale.ROOT, "  FFmpeg's own decode (CPU, 1 thread)       %7.3f%n", f.ffmpegDecodeCpu());
        System.out.printf(Locale.ROOT, "  518 FMA features, first pass (CPU, JIT)  %7.3f%n", f.fma518FirstPassCpu());
        System.out.printf(Locale.ROOT, "  518 FMA features (CPU, 1 thread)          %7.3f   librosa 0.5.0: ~1.0 -> %.1fx%n", f.fma518Cpu(), 1.0 / f.fma518Cpu());
        System.out.printf(Locale.ROOT, "  518 + tempo + HPSS (CPU, 1 thread)        %7.3f   librosa 0.5.0: ~8.0 -> %.1fx%n", f.allCpu(), 8.0 / f.allCpu());
        System.out.printf(Locale.ROOT, "  518 + tempo + HPSS (wall, 1 thread)       %7.3f%n", f.wallPerClipOneThread());
        System.out.printf(Locale.ROOT, "  518 + tempo + HPSS (wall, %d threads)      %7.3f%n", f.threads(), f.wallPerClipAllThreads());
        return 0;
    }
}
