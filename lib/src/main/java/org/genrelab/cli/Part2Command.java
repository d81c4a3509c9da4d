package org.genrelab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.genrelab.data.StudyEmbeddings;
import org.genrelab.deep.DeviceChoice;
import org.genrelab.deep.Part2Settings;
import org.genrelab.results.RunParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code genrelab part2}: the Part 2 experiments outside the notebooks, model by model, printing their curves and
 * result rows ({@link Part2Runner}). Full runs too long for a notebook's cell use it.
 */
@Command(name = "part2", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains Part 2 models on the study's embeddings and prints their curves and result rows.",
                "",
                "MODEL is one of: logistic, lstm-published, lstm-published-meanmax, lstm-search,",
                "lstm-trial=ID (retrains the search's configuration number ID, e.g. the best of",
                "an earlier search with the same seed), fcnn-2-1-h30, fcnn-variants (1, 2, 2-1",
                "and 3 at hidden 30), fcnn-sweep, cnn; then ensemble (the best on validation of",
                "each family among the models run before it, voting with their probabilities)",
                "and intervals (bootstrap intervals of the test macro-F1 of every model run",
                "before it, and their differences to the best). The search journals its trials",
                "in .cache/lstm-search/ of the repository: killed and started again, it resumes.",
                ""})
public final class Part2Command implements Callable<Integer> {

    /** The sizes of the experiments. */
    enum Mode {
        /** Minutes: few trials, few epochs, a slice of the training split ({@link Part2Settings#quick()}). */
        QUICK,
        /** The study's protocol ({@link Part2Settings#full()}). */
        FULL,
        /** The study's protocol with one seed per model and per sweep configuration. */
        FULL1;

        Part2Settings settings() {
            return switch (this) {
                case QUICK -> Part2Settings.quick();
                case FULL -> Part2Settings.full();
                case FULL1 -> Part2Settings.full().withSeeds(1);
            };
        }
    }

    /** {@code --mode}'s values as the help writes them, in lower case. */
    static final class ModeConverter implements ITypeConverter<Mode> {
        @Override
        public Mode convert(String value) {
            for (Mode m : Mode.values()) if (m.name().equalsIgnoreCase(value)) return m;
            throw new TypeConversionException("'" + value + "' is not a mode: quick, full or full1");
        }
    }

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "MODEL", description = "The models to run, in this order (see above).")
    List<String> modelNames;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder (default: $GENRELAB_DATA, else ../shared/data beside the repository).")
    Path data;

    @Option(names = "--mode", paramLabel = "quick|full|full1", defaultValue = "quick", converter = ModeConverter.class,
            description = "quick: minutes; full: the study's protocol (hours); full1: full with one seed per model "
                    + "(default: ${DEFAULT-VALUE}).")
    Mode mode;

    @Option(names = "--seed", paramLabel = "SEED",
            description = "First seed: a model's runs use SEED, SEED + 1, … (default: $GENRELAB_SEED, else 42).")
    Long seed;

    @Option(names = "--seeds", paramLabel = "COUNT",
            description = "Runs per model (default: the mode's: 2 quick, 5 full, 1 full1).")
    Integer seeds;

    @Option(names = "--search-threads", paramLabel = "N",
            description = "Search trials training at the same moment (default: all cores).")
    Integer searchThreads;

    @Override
    public Integer call() throws Exception {
        List<Part2Model> models = new ArrayList<>();
        for (String name : modelNames) {
            try {
                models.add(Part2Model.parse(name));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
        }
        for (int i = 0; i < models.size(); i++) {
            Part2Model m = models.get(i);
            if (m.combinesEarlierModels() && models.subList(0, i).stream().allMatch(Part2Model::combinesEarlierModels)) {
                throw new ParameterException(spec.commandLine(), "'" + m + "' needs a trained model before it, e.g. part2 cnn " + m);
            }
        }
        if (seeds != null && seeds < 1) throw new ParameterException(spec.commandLine(), "--seeds must be at least 1, not " + seeds);
        if (searchThreads != null && searchThreads < 1) {
            throw new ParameterException(spec.commandLine(), "--search-threads must be at least 1, not " + searchThreads);
        }
        Part2Settings p = mode.settings();
        if (seeds != null) p = p.withModelSeeds(seeds);
        if (searchThreads != null) p = p.withThreads(searchThreads);
        String modeName = mode.name().toLowerCase(Locale.ROOT);
        for (Part2Model m : models) {
            if (m.trial() >= p.trials()) {
                throw new ParameterException(spec.commandLine(), "'" + m + "': the " + modeName + " search has configurations 0 to "
                        + (p.trials() - 1));
            }
        }
        RunParameters params;
        Path folder;
        try {
            params = main.runParameters(data);
            folder = params.requireData();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        long first = seed != null ? seed : params.seed();
        p = p.withTorchThreads(params.threads()).withLog(System.out::println); // GENRELAB_THREADS, default all cores
        StudyEmbeddings embeddings = StudyEmbeddings.fromDataFolder(folder);
        System.out.println("device: " + DeviceChoice.describe() + "; mode " + modeName + "; " + p);
        System.out.println("seed " + first);
        Part2Runner runner = new Part2Runner(embeddings, p, first, params.cache().resolve("lstm-search"), System.out);
        for (Part2Model m : models) runner.run(m);
        return 0;
    }
}
