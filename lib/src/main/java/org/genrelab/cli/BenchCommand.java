package org.genrelab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code genrelab bench}: the speed benchmarks, one subcommand each (figures, not pass/fail). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Speed figures, not pass/fail.",
                "Run ./genrelab bench <benchmark> --help for a benchmark's options."},
        subcommands = {BenchFeaturesCommand.class, BenchVggishCommand.class, BenchPart2Command.class, BenchClassicCommand.class,
                BenchSparkCommand.class})
public final class BenchCommand implements Runnable {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    /** The top command, which holds the repository and the notebooks' parameters the benchmarks read. */
    Main main() {
        return main;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing the benchmark: features, vggish, part2, classic or spark");
    }
}
