package org.genrelab.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.genrelab.results.RunParameters;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code ./genrelab} command line: wires subcommands to the library (no algorithm lives here). It holds the
 * repository the launcher runs from (the hidden {@code --root}, by default {@code $GENRELAB_ROOT}, which the launcher
 * sets): subcommands reach it as their parent command rather than reading the environment themselves.
 */
@Command(name = "genrelab", mixinStandardHelpOptions = true, version = "GenreLab 0.1.0",
        description = "Reproducible Java notebooks for music genre classification on FMA-small.",
        subcommands = {ReportCommand.class, ReferenceCommand.class, FeaturesCommand.class, EmbedCommand.class, CorpusCommand.class,
                BenchCommand.class, Part2Command.class})
public final class Main implements Runnable {

    @Option(names = "--root", hidden = true, paramLabel = "DIR", defaultValue = "${env:GENRELAB_ROOT:-.}",
            description = "The repository (default: $GENRELAB_ROOT, which the launcher sets, else the working folder).")
    Path root;

    /** The repository: cache, environment scripts and the default data folder are found from it. */
    Path root() {
        return root.toAbsolutePath().normalize();
    }

    /**
     * The notebooks' parameters as this process's environment gives them ({@code GENRELAB_DATA}, {@code GENRELAB_THREADS},
     * …), with this command line's repository and, when not null, its data folder.
     */
    RunParameters runParameters(Path data) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("GENRELAB_ROOT", root().toString());
        if (data != null) env.put("GENRELAB_DATA", data.toAbsolutePath().toString());
        return RunParameters.from(env);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        int code = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        System.exit(code);
    }
}
