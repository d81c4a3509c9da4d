package org.genrelab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.genrelab.bench.Part2Benchmark;
import org.genrelab.data.StudyEmbeddings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code genrelab bench part2}: seconds per training epoch of the Part 2 models, and the search's wall time. */
@Command(name = "part2", mixinStandardHelpOptions = true,
        description = {"Part 2 models' seconds per training epoch.",
                "",
                "Seconds per training epoch of the LSTM, FCNN and CNN on the study's embeddings",
                "on the current device; --search adds the full ASHA search's wall time.",
                ""})
public final class BenchPart2Command implements Callable<Integer> {

    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder (default: $GENRELAB_DATA, else ../shared/data beside the repository).")
    Path data;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "2", description = "Epochs timed per model (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--search", description = "Also run the full 200-configuration ASHA search and print its wall time.")
    boolean search;

    @Override
    public Integer call() throws Exception {
        if (epochs < 1) throw new ParameterException(spec.commandLine(), "--epochs must be at least 1, not " + epochs);
        Path folder;
        try {
            folder = bench.main().runParameters(data).requireData();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        Part2Benchmark.run(StudyEmbeddings.fromDataFolder(folder), epochs, search, bench.main().runParameters(data).threads(), System.out);
        return 0;
    }
}
