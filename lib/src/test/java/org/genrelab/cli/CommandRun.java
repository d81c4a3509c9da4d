package org.genrelab.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * {@code genrelab ARGS} run in this JVM as {@link Main#main} runs it, without exiting: its exit code, and what it
 * wrote to standard output (the commands' own printing and picocli's help) and to standard error (picocli's errors).
 */
record CommandRun(int code, String out, String err) {

    static CommandRun of(String... args) {
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
                    .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
            return new CommandRun(code, printed.toString(StandardCharsets.UTF_8) + out, err.toString());
        } finally {
            System.setOut(stdout);
        }
    }
}
