package org.genrelab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.genrelab.bench.ClassicBenchmark;
import org.genrelab.bench.SklearnComparison;
import org.genrelab.classic.ModelTrainer;
import org.genrelab.classic.StudyProtocol;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code genrelab bench classic}: the Part 1 models' training and prediction seconds in Java ({@link ClassicBenchmark}),
 * then scikit-learn's on the same matrices, then both cold starts ({@link SklearnComparison}).
 */
@Command(name = "classic", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Part 1 models' training and prediction seconds, in Java and in scikit-learn.",
                "",
                "SVC, random forest and logistic regression (the models whose training time is",
                "held to scikit-learn's) on the study's embeddings, 250 tracks per genre: first",
                "fit, fastest and total of --repeats fits (notebook 02 fits each model 15 times:",
                "--repeats 15 gives its training time); then scikit-learn (Debian's",
                "python3-sklearn) on the same exported matrices, side by side. --all-models adds",
                "gradient boosting and the CatBoost stand-in (XGBoost; scikit-learn's",
                "HistGradientBoosting as its analogue): all five of the study's models, about",
                "15 minutes with 3 fits. Then the cold start: each of the three trained once in",
                "a fresh process, --cold-runs times each, alternating: Java's first fit in a",
                "fresh JVM (loading and compiling its code included) beside scikit-learn's",
                "import and first fit in a fresh interpreter; the data is read before the clock",
                "starts. The matrices, java_scores.csv and results.csv go into --out.",
                ""})
public final class BenchClassicCommand implements Callable<Integer> {

    /** Which columns of an FMA features file the models see. */
    enum FeatureSet {
        /** The study's feature set. */
        STUDY,
        /** Every column of the file. */
        ALL
    }

    /** {@code --features}' values as the help writes them, in lower case. */
    static final class FeatureSetConverter implements ITypeConverter<FeatureSet> {
        @Override
        public FeatureSet convert(String value) {
            for (FeatureSet f : FeatureSet.values()) if (f.name().equalsIgnoreCase(value)) return f;
            throw new TypeConversionException("'" + value + "' is not a feature set: study or all");
        }
    }

    /** The feature table: the study's embeddings of a data folder, or an FMA features file. */
    static final class Input {

        @Option(names = "--data", paramLabel = "DIR",
                description = "Data folder of the study's embeddings (default: $GENRELAB_DATA, else ../shared/data beside the repository).")
        Path data;

        @ArgGroup(exclusive = false)
        FeaturesFile features;
    }

    /** FMA's features.csv (or a file in its layout) with the tracks.csv that labels it. */
    static final class FeaturesFile {

        @Option(names = "--csv", required = true, paramLabel = "FEATURES_CSV",
                description = "Instead of the embeddings: FMA's features.csv, or a file in its layout (needs --tracks).")
        Path csv;

        @Option(names = "--tracks", required = true, paramLabel = "TRACKS_CSV", description = "The tracks.csv that labels --csv.")
        Path tracks;

        @Option(names = "--features", paramLabel = "study|all", defaultValue = "all", converter = FeatureSetConverter.class,
                description = "With --csv: the study's feature set or every column (default: ${DEFAULT-VALUE}).")
        FeatureSet set;
    }

    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true)
    Input input;

    @Option(names = "--per-genre", paramLabel = "N", defaultValue = "250",
            description = "The first N tracks of each genre; 0: all (default: ${DEFAULT-VALUE}).")
    int perGenre;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "1",
            description = "Stratified 75/25 splits, seeds 0 to N-1, each model trained with its split's seed (default: ${DEFAULT-VALUE}).")
    int splits;

    @Option(names = "--official", description = "FMA's own training and test split instead of stratified ones.")
    boolean official;

    @Option(names = "--all-models", description = "All five of the study's models, not only the three held to scikit-learn's time.")
    boolean allModels;

    @Option(names = "--held-only", description = "Leave out the CatBoost stand-in, which scikit-learn has no twin of.")
    boolean heldOnly;

    @Option(names = "--only", split = ",", paramLabel = "NAME",
            description = "Only the models so named, comma-separated, e.g. \"SVC,Logistic regression\" (instead of --all-models).")
    List<String> only;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "3",
            description = "Fits per model on the first split; the fastest and the total are reported too (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--model-seeds", paramLabel = "N", defaultValue = "1",
            description = "Also train each model with seeds 1 to N-1 on the first split (and scikit-learn's with as many), "
                    + "so that the randomised models are compared by their mean over seeds (default: ${DEFAULT-VALUE}).")
    int modelSeeds;

    @Option(names = "--cold-runs", paramLabel = "N", defaultValue = "3",
            description = "Fresh processes per model and side for the cold start; 0: skip it (default: ${DEFAULT-VALUE}).")
    int coldRuns;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads SVC, the forest and logistic regression train on (default: GENRELAB_THREADS, else all cores).")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: <repository>/.cache/bench-classic).")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<String> names = StudyProtocol.studyModels(1).stream().map(ModelTrainer::name).toList();
        if (only != null && allModels) throw new ParameterException(spec.commandLine(), "--only and --all-models exclude each other");
        if (only != null) {
            List<String> unknown = only.stream().filter(n -> !names.contains(n)).toList();
            if (!unknown.isEmpty()) throw new ParameterException(spec.commandLine(), "--only: no model named " + unknown + "; have " + names);
        }
        atLeast("--seeds", splits, 1);
        atLeast("--repeats", repeats, 1);
        atLeast("--model-seeds", modelSeeds, 1);
        atLeast("--per-genre", perGenre, 0);
        atLeast("--cold-runs", coldRuns, 0);
        int fitThreads = threads != null ? threads : bench.main().runParameters(null).threads();
        atLeast("--threads", fitThreads, 1);
        List<String> models = only != null ? only : allModels ? names : SklearnComparison.TIME_HELD;
        Path folder = out != null ? out : bench.main().root().resolve(".cache/bench-classic");
        ClassicBenchmark.Options options = ClassicBenchmark.Options.of(source()).withSplits(splits).withPerGenre(perGenre)
                .withOfficialSplit(official).withHeldOnly(heldOnly).withOnly(models).withRepeat(repeats)
                .withModelSeeds(modelSeeds).withFolder(folder).withThreads(fitThreads);
        ClassicBenchmark.run(options, System.out);

        Path python = Path.of("/usr/bin/python3");
        Path script = bench.main().root().resolve("environment/sklearn_compare.py");
        if (!Files.isExecutable(python) || !Files.isRegularFile(script)) {
            System.out.println("no " + (Files.isExecutable(python) ? script : python) + ": scikit-learn's side not run"
                    + " (./genrelab setup installs python3-sklearn)");
            return 0;
        }
        SklearnComparison sklearn = new SklearnComparison(python, script, folder);
        System.out.println("\nscikit-learn 1.2 on the same matrices (" + folder.resolve("matrices") + "):");
        int status = sklearn.fits(models, repeats, modelSeeds, heldOnly);
        List<String> cold = SklearnComparison.TIME_HELD.stream().filter(models::contains).toList();
        if (coldRuns > 0 && !cold.isEmpty()) sklearn.coldStart(cold, coldRuns, fitThreads, System.out);
        return status;
    }

    private void atLeast(String option, int value, int least) {
        if (value < least) throw new ParameterException(spec.commandLine(), option + " must be at least " + least + ", not " + value);
    }

    /** The feature table the options name: a features file, else the data folder's embeddings (checked here). */
    private ClassicBenchmark.Source source() {
        if (input != null && input.features != null) {
            FeaturesFile f = input.features;
            for (Path p : List.of(f.csv, f.tracks)) {
                if (!Files.isRegularFile(p)) throw new ParameterException(spec.commandLine(), "no such file " + p);
            }
            return new ClassicBenchmark.FmaCsv(f.csv, f.tracks, f.set == FeatureSet.STUDY);
        }
        try {
            return new ClassicBenchmark.Embeddings(bench.main().runParameters(input == null ? null : input.data).requireData());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
