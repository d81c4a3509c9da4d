package org.genrelab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.genrelab.report.NotebookRunner;
import org.genrelab.report.ReportIndex;
import org.genrelab.results.RunParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code genrelab report}: runs every notebook headless, in order, and writes the HTML report. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Runs every notebook in notebooks/ headless (jupyter nbconvert --execute) in order,",
                "stops at the first failing cell, and writes report/index.html, report/html/*.html,",
                "the executed notebooks (report/notebooks/) and tidy results (report/results/*.csv)."})
public final class ReportCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "Quick mode (the default): small sizes and few epochs, minutes on 2 cores; what CI runs.")
    boolean quick;

    @Option(names = "--full", description = "The study's full protocol: 200-configuration LSTM search, all epochs, 5 seeds (hours on a CPU).")
    boolean full;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder (default: $GENRELAB_DATA, else ../shared/data beside the repository).")
    Path data;

    @Option(names = "--audio", paramLabel = "TRACKS_CSV",
            description = "Part 1's audio: an FMA tracks.csv with its audio beside it (default: the synthetic corpus).")
    Path audio;

    @Option(names = "--fma-features", paramLabel = "FILE",
            description = {"Part 1's features: FMA's published features.csv (fma_metadata.zip) or a file in its layout",
                    "holding some of its feature groups; 02-classical-models trains on it, labelled from the data folder's",
                    "tracks file, instead of the features computed from the audio (default: $GENRELAB_FMA_FEATURES, else unset)."})
    Path fmaFeatures;

    @Option(names = "--seed", description = "Seed of every random choice (default: $GENRELAB_SEED, else 42).")
    Long seed;

    @Option(names = "--seeds", paramLabel = "COUNT",
            description = "Runs per model where results are a mean ± std (default: $GENRELAB_SEEDS, else 5 with --full, fewer in quick mode).")
    Integer seeds;

    /** Quick mode's limit per notebook; its slowest notebook (05-lstm) takes minutes. */
    static final int QUICK_TIMEOUT_MINUTES = 60;
    /** --full's limit per notebook: the 200-trial search alone (05-lstm, one cell) took about 107 minutes on 2 cores. */
    static final int FULL_TIMEOUT_MINUTES = 12 * 60;

    @Option(names = "--timeout", paramLabel = "MINUTES",
            description = {"Wall-clock limit per notebook in minutes, also applied to each cell; 0 for no limit.",
                    "Default: " + QUICK_TIMEOUT_MINUTES + " in quick mode, " + FULL_TIMEOUT_MINUTES / 60
                            + " hours with --full (its 200-trial LSTM search alone takes about 2 hours on 2 cores)."})
    Integer timeoutMinutes;

    @Option(names = "--only", split = ",", paramLabel = "NAME",
            description = "Run only these notebooks (names without .ipynb, comma-separated).")
    List<String> only;

    @Option(names = "--out", paramLabel = "DIR", description = "Report folder (default: report/ in the repository).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        if (quick && full) {
            System.err.println("genrelab report: --quick and --full exclude each other");
            return 2;
        }
        if (timeoutMinutes != null && timeoutMinutes < 0) {
            System.err.println("genrelab report: --timeout must be 0 (no limit) or more minutes, not " + timeoutMinutes);
            return 2;
        }
        RunParameters params;
        try {
            params = RunParameters.from(environment(env));
        } catch (IllegalArgumentException e) {
            System.err.println("genrelab report: " + e.getMessage());
            return 2;
        }
        if (params.fmaFeatures() != null && !Files.isRegularFile(params.fmaFeatures())) {
            System.err.println("genrelab report: --fma-features / GENRELAB_FMA_FEATURES: no such file " + params.fmaFeatures());
            return 2;
        }
        Path root = params.root();
        List<Path> all = NotebookRunner.notebooksIn(root.resolve("notebooks"));
        List<Path> notebooks = all;
        if (only != null && !only.isEmpty()) {
            List<String> unknown = only.stream().filter(n -> all.stream()
                    .noneMatch(p -> p.getFileName().toString().equals(n + ".ipynb"))).toList();
            if (!unknown.isEmpty()) {
                System.err.println("genrelab report: no such notebook(s): " + unknown + "; have "
                        + all.stream().map(p -> p.getFileName().toString().replace(".ipynb", "")).toList());
                return 2;
            }
            notebooks = notebooks.stream().filter(p -> only.contains(p.getFileName().toString().replace(".ipynb", "")))
                    .toList();
        }
        List<String> needData = new ArrayList<>();
        for (Path nb : notebooks) if (NotebookRunner.readsDataFolder(nb)) needData.add(nb.getFileName().toString());
        boolean dataGiven = data != null || !env.getOrDefault("GENRELAB_DATA", "").isBlank();
        if (!needData.isEmpty() && !dataGiven && !params.hasStudyData()) {
            System.out.println("No data folder at " + params.data() + " (the study's embeddings): Part 2 runs on the "
                    + "embeddings that 03-vggish-embeddings computes of Part 1's audio, named as such in every table. "
                    + "For the study's own: data/fetch-study-embeddings.sh DEST, then --data DEST.");
        } else if (!needData.isEmpty()) {
            try { // checked before any kernel starts, so a wrong folder costs seconds, not a notebook
                params.requireData();
            } catch (IllegalStateException e) {
                System.err.println("genrelab report: " + e.getMessage() + " (needed by " + String.join(", ", needData) + ")");
                return 2;
            }
        }
        System.out.println("GenreLab report: " + notebooks.size() + " notebook(s), " + (params.quick() ? "quick" : "full")
                + " mode, data " + params.data() + ", seed " + params.seed());
        Map<String, String> kernelEnv = kernelEnvironment(params);
        Files.createDirectories(params.report());
        Duration limit = timeout();
        System.out.println("Time limit per notebook: " + (limit == null ? "none" : limit.toMinutes() + " min"));
        NotebookRunner runner = new NotebookRunner(root, params.report(), kernelEnv, limit);
        int total = notebooks.size();
        List<NotebookRunner.Outcome> outcomes = runIndexed(runner, notebooks, params, o -> System.out.printf(Locale.ROOT,
                "[%d/%d] %-28s %s (%.1f s)%n", o.size(), total, o.getLast().notebook(), o.getLast().ok() ? "ok" : "FAILED",
                o.getLast().seconds()));
        Path index = params.report().resolve("index.html");
        NotebookRunner.Outcome failed = outcomes.stream().filter(o -> !o.ok()).findFirst().orElse(null);
        if (failed != null) {
            System.err.println("\n" + failed.notebook() + " failed:\n" + failed.error());
            System.err.println("\nPartial report: " + index);
            return 1;
        }
        System.out.println("Report: " + index);
        return 0;
    }

    /** The variables of {@code base} with the options given on the command line in their place. */
    Map<String, String> environment(Map<String, String> base) {
        Map<String, String> env = new HashMap<>(base);
        env.put("GENRELAB_QUICK", full ? "0" : "1");
        if (data != null) env.put("GENRELAB_DATA", data.toAbsolutePath().toString());
        if (seed != null) env.put("GENRELAB_SEED", seed.toString());
        if (seeds != null) env.put("GENRELAB_SEEDS", seeds.toString());
        if (audio != null) env.put("GENRELAB_AUDIO", audio.toAbsolutePath().toString());
        if (fmaFeatures != null) env.put("GENRELAB_FMA_FEATURES", fmaFeatures.toAbsolutePath().toString());
        if (out != null) env.put("GENRELAB_REPORT", out.toAbsolutePath().toString());
        return env;
    }

    /** The kernels' environment: the parameters' variables, those left at their default not set. */
    static Map<String, String> kernelEnvironment(RunParameters params) {
        Map<String, String> kernelEnv = new HashMap<>(params.asMap());
        if (params.audio() == null) kernelEnv.remove("GENRELAB_AUDIO");
        if (params.fmaFeatures() == null) kernelEnv.remove("GENRELAB_FMA_FEATURES");
        if (params.seedCount() == 0) kernelEnv.remove("GENRELAB_SEEDS");
        return kernelEnv;
    }

    /**
     * Runs the notebooks in order (stopping at the first failure) and writes {@code index.html} before the first and
     * after each one, so that a run killed midway leaves the index of what it did.
     *
     * @param onEach called after each notebook with the outcomes so far
     */
    static List<NotebookRunner.Outcome> runIndexed(NotebookRunner runner, List<Path> notebooks, RunParameters params,
            Consumer<List<NotebookRunner.Outcome>> onEach) throws IOException, InterruptedException {
        List<String> planned = notebooks.stream().map(p -> p.getFileName().toString().replaceFirst("\\.ipynb$", "")).toList();
        List<NotebookRunner.Outcome> done = new ArrayList<>();
        Instant started = Instant.now();
        ReportIndex.write(params.report(), done, params, new ReportIndex.Progress(planned, false, started));
        runner.runAll(notebooks, o -> {
            done.add(o);
            onEach.accept(List.copyOf(done));
            try {
                ReportIndex.write(params.report(), done, params, new ReportIndex.Progress(planned, false, started));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        ReportIndex.write(params.report(), done, params, new ReportIndex.Progress(planned, true, started));
        return done;
    }

    /**
     * The limit per notebook: {@code --timeout} if given, else {@value #QUICK_TIMEOUT_MINUTES} minutes in quick mode and
     * {@value #FULL_TIMEOUT_MINUTES} minutes with {@code --full}; {@code null} for no limit ({@code --timeout 0}).
     */
    Duration timeout() {
        int minutes = timeoutMinutes != null ? timeoutMinutes : full ? FULL_TIMEOUT_MINUTES : QUICK_TIMEOUT_MINUTES;
        return minutes == 0 ? null : Duration.ofMinutes(minutes);
    }
}
