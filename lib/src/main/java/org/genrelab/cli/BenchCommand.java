package org.genrelab.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.genrelab.bench.ColdStartFit;
import org.genrelab.data.AudioCollection;
import org.genrelab.bench.FeatureBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code genrelab bench features}: prints the feature extraction's speed (figures, not pass/fail). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks. 'features [FOLDER]': CPU seconds per 30-s clip for decoding, FMA's 518 features,",
                "and everything with tempo and HPSS, on one thread, then the wall time per clip on all cores.",
                "FOLDER defaults to ../shared/oracle/clips. librosa 0.5.0 takes about 1.0 s of CPU per clip for the",
                "518 features and about 7 s more for HPSS.",
                "'vggish': seconds per 30-s clip of the full-size VGGish (front end, network) on the current device.",
                "'part2': seconds per training epoch of the LSTM, FCNN and CNN on the study's embeddings",
                "(GENRELAB_DATA, default ../shared/data) on the current device; --search adds the full ASHA search's wall time.",
                "'classic': training and prediction seconds of SVC, random forest and logistic regression (the models",
                "whose training time is held to scikit-learn's) on the study's embeddings, 250 tracks per genre, first",
                "fit, fastest and total of --repeats fits (notebook 02 fits each model 15 times: --repeats 15 gives",
                "its training time); then scikit-learn (Debian's python3-sklearn) on the same exported matrices, side by side.",
                "--all-models adds gradient boosting and the CatBoost stand-in (XGBoost; scikit-learn's",
                "HistGradientBoosting as its analogue): all five of the study's models, about 15 minutes with 3 fits.",
                "Then the cold start: each of the three trained once in a fresh process, --cold-runs times each,",
                "alternating: Java's first fit in a fresh JVM (loading and compiling its code included) beside",
                "scikit-learn's import and first fit in a fresh interpreter; the data is read before the clock starts."})
public final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "WHAT", description = "features, vggish, part2 or classic")
    String what;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FOLDER", description = "Audio folder (default: ../shared/oracle/clips).")
    Path folder;

    @Option(names = "--repeats", defaultValue = "3", description = "Passes over the clips; classic: fits per model (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--all-models", description = "classic: all five of the study's models, not only the three held to scikit-learn's time.")
    boolean allModels;

    @Option(names = "--cold-runs", defaultValue = "3", description = "classic: fresh processes per model and side for the cold start (0: skip; default: ${DEFAULT-VALUE}).")
    int coldRuns;

    @Option(names = "--epochs", defaultValue = "2", description = "part2: epochs timed per model (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--search", description = "part2: also run the full 200-configuration ASHA search and print its wall time.")
    boolean search;

    @Override
    public Integer call() throws Exception {
        if (what.equals("part2")) return part2();
        if (what.equals("vggish")) return vggish();
        if (what.equals("classic")) return classic();
        if (!what.equals("features")) {
            System.err.println("genrelab bench: unknown benchmark '" + what + "' (have: features, vggish, part2, classic)");
            return 2;
        }
        Path root = Path.of(System.getenv().getOrDefault("GENRELAB_ROOT", "."));
        Path dir = folder != null ? folder : root.resolve("../shared/oracle/clips").normalize();
        if (!Files.isDirectory(dir)) {
            System.err.println("genrelab bench: no folder " + dir + " (give an audio folder)");
            return 2;
        }
        var files = AudioCollection.folder(dir).stream().filter(i -> i.unreadable() == null).map(AudioCollection.Item::audio).toList();
        int threads = Runtime.getRuntime().availableProcessors();
        var f = FeatureBenchmark.run(files, repeats, threads);
        System.out.printf(Locale.ROOT, "%d clips of 10 s or more from %s, %d passes after %d warm-up passes; seconds per 30-s clip:%n",
                f.clips(), dir, repeats, FeatureBenchmark.WARM_UP_PASSES);
        System.out.printf(Locale.ROOT, "  decode (CPU, 1 thread)                    %7.3f%n", f.decodeCpu());
        System.out.printf(Locale.ROOT, "  518 FMA features, first pass (CPU, JIT)  %7.3f%n", f.fma518FirstPassCpu());
        System.out.printf(Locale.ROOT, "  518 FMA features (CPU, 1 thread)          %7.3f   librosa 0.5.0: ~1.0 -> %.1fx%n", f.fma518Cpu(), 1.0 / f.fma518Cpu());
        System.out.printf(Locale.ROOT, "  518 + tempo + HPSS (CPU, 1 thread)        %7.3f   librosa 0.5.0: ~8.0 -> %.1fx%n", f.allCpu(), 8.0 / f.allCpu());
        System.out.printf(Locale.ROOT, "  518 + tempo + HPSS (wall, 1 thread)       %7.3f%n", f.wallPerClipOneThread());
        System.out.printf(Locale.ROOT, "  518 + tempo + HPSS (wall, %d threads)      %7.3f%n", f.threads(), f.wallPerClipAllThreads());
        return 0;
    }

    /** Seconds per 30-s clip of the full-size VGGish: front end (1 thread) and network (PyTorch's threads). */
    private int vggish() throws Exception {
        Path root = Path.of(System.getenv().getOrDefault("GENRELAB_ROOT", "."));
        Path clip = root.resolve("../shared/oracle/clips/synth_song_30s.mp3").normalize();
        if (!Files.exists(clip)) {
            System.err.println("genrelab bench vggish: no clip " + clip);
            return 2;
        }
        var f = org.genrelab.bench.EmbeddingBenchmark.run(clip, repeats);
        System.out.printf(Locale.ROOT, "full-size VGGish on %s, %d passes, seconds per 30-s clip:%n", clip.getFileName(), repeats);
        System.out.printf(Locale.ROOT, "  decode + resample + log-mel (CPU, 1 thread)   %7.3f%n", f.frontEndSeconds());
        System.out.printf(Locale.ROOT, "  network, %d examples (%s)        %7.3f%n", f.examples(), f.device(), f.networkSeconds());
        return 0;
    }

    /** Part 1 models' training and prediction seconds, in Java and then in scikit-learn on the same matrices. */
    private int classic() throws Exception {
        var params = org.genrelab.results.RunParameters.fromEnvironment();
        Path root = Path.of(System.getenv().getOrDefault("GENRELAB_ROOT", "."));
        Path out = root.resolve(".cache/bench-classic");
        String models = allModels ? "SVC,Random forest,Gradient boosting,Logistic regression,XGBoost (CatBoost stand-in)"
                : "SVC,Random forest,Logistic regression";
        org.genrelab.bench.ClassicBenchmark.main(new String[] {"--embeddings", params.requireData().toString(), "--seeds", "1",
                "--per-genre", "250", "--only", models, "--repeat", String.valueOf(repeats), "--out", out.toString()});
        Path python = Path.of("/usr/bin/python3");
        Path script = root.resolve("environment/sklearn_compare.py");
        if (!Files.isExecutable(python)) {
            System.out.println("no /usr/bin/python3: scikit-learn's side not run (./genrelab setup installs it)");
            return 0;
        }
        System.out.println("\nscikit-learn 1.2 on the same matrices (" + out.resolve("matrices") + "):");
        int status = new ProcessBuilder(python.toString(), script.toString(), out.toString(), "--only", models,
                "--repeat", String.valueOf(repeats)).inheritIO().start().waitFor();
        if (coldRuns > 0) coldStart(out, python, script);
        return status;
    }

    /**
     * The three time-held models, each trained once per fresh process, {@link #coldRuns} times per side,
     * Java and Python alternating; prints the medians.
     */
    private void coldStart(Path out, Path python, Path script) throws Exception {
        System.out.printf(Locale.ROOT, "%ncold start: each model trained once per fresh process; processes per model and side: %d, Java and Python alternating"
                + " (median); the data read before the clock starts%n", coldRuns);
        System.out.printf(Locale.ROOT, "%-22s %16s %34s%n", "model", "Java, first fit", "scikit-learn, import + first fit");
        List<String> lower = new ArrayList<>();
        List<String> higher = new ArrayList<>();
        for (String model : List.of("SVC", "Random forest", "Logistic regression")) {
            double[] jvm = new double[coldRuns];
            double[] imports = new double[coldRuns];
            double[] fits = new double[coldRuns];
            double[] sums = new double[coldRuns];
            for (int r = 0; r < coldRuns; r++) {
                jvm[r] = ColdStartFit.inFreshJvm(out.resolve("matrices"), model, 0);
                Process p = new ProcessBuilder(python.toString(), script.toString(), out.toString(), "--cold", model)
                        .redirectErrorStream(true).start();
                String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                String line = text.lines().filter(l -> l.startsWith("cold-fit " + model + " ")).findFirst().orElse(null);
                if (p.waitFor() != 0 || line == null) throw new IllegalStateException("scikit-learn's cold start of " + model + " failed:\n" + text.strip());
                String[] t = line.substring(("cold-fit " + model + " ").length()).trim().split(" ");
                imports[r] = Double.parseDouble(t[0]);
                fits[r] = Double.parseDouble(t[1]);
                sums[r] = imports[r] + fits[r];
            }
            double j = median(jvm);
            double s = median(sums);
            (j <= s ? lower : higher).add(model);
            System.out.printf(Locale.ROOT, "%-22s %14.2f s %10.2f s (import %.2f, fit %.2f)%n", model, j, s, median(imports), median(fits));
        }
        System.out.println("Java's first fit in a fresh JVM includes loading and compiling its training code; scikit-learn's"
                + " compiled code is ready once imported. Counting both, Java's is lower for " + (lower.isEmpty() ? "none" : String.join(", ", lower))
                + (higher.isEmpty() ? "" : "; higher for " + String.join(", ", higher)) + ".");
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Seconds per epoch of the Part 2 models on the study's embeddings, and the search's wall time. */
    private int part2() throws Exception {
        var params = org.genrelab.results.RunParameters.fromEnvironment();
        var data = org.genrelab.data.StudyEmbeddings.fromDataFolder(params.requireData());
        org.genrelab.bench.Part2Benchmark.run(data, epochs, search, System.out);
        return 0;
    }
}
