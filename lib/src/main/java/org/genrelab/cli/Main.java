package org.genrelab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./genrelab} command line: wires subcommands to the library (no algorithm lives here). */
@Command(name = "genrelab", mixinStandardHelpOptions = true, version = "GenreLab 0.1.0",
        description = "Reproducible Java notebooks for music genre classification on FMA-small.",
        subcommands = {ReportCommand.class, ReferenceCommand.class, FeaturesCommand.class, EmbedCommand.class, CorpusCommand.class, BenchCommand.class})
public final class Main implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        int code = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        System.exit(code);
    }
}
