package org.genrelab.results;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What produced a results file, written beside it as {@code <notebook>.run.json} so that a table never
 * travels without its configuration: the notebook, when it finished, the code's commit (and whether the
 * tree had uncommitted changes), the machine, every run parameter ({@code GENRELAB_*}) and the notebook's
 * own settings (e.g. the Part 2 sizes and seeds).
 *
 * @param notebook   e.g. {@code "05-lstm"}
 * @param finished   when the results were written, ISO-8601 UTC to the second
 * @param commit     the repository's {@code HEAD}, or {@code "unknown"} ({@link GitRevision})
 * @param modified   whether tracked files differed from that commit
 * @param machine    {@link Machine#describe()}
 * @param parameters {@link RunParameters#asMap()}
 * @param settings   the notebook's settings as text, empty if it has none beyond the parameters
 */
public record RunRecord(String notebook, String finished, String commit, boolean modified, String machine,
                        Map<String, String> parameters, String settings) {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    public RunRecord {
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        settings = settings == null ? "" : settings;
    }

    /** The record of a notebook finishing now with these parameters and settings ({@code settings.toString()}, or none). */
    public static RunRecord of(RunParameters params, String notebook, Object settings) {
        GitRevision code = GitRevision.of(params.root());
        return new RunRecord(notebook, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), code.commit(),
                code.modified(), Machine.describe(), params.asMap(), settings == null ? "" : settings.toString());
    }

    /** The record's file beside a results file: {@code results/05-lstm.csv} → {@code results/05-lstm.run.json}. */
    public static Path fileFor(Path resultsCsv) {
        return resultsCsv.resolveSibling(resultsCsv.getFileName().toString().replaceFirst("\\.csv$", "") + ".run.json");
    }

    /** Writes the record as JSON, atomically (temporary file, then move). */
    public void write(Path file) throws IOException {
        String json = GSON.toJson(this) + "\n";
        AtomicFiles.write(file, w -> w.write(json));
    }

    /** Reads a record written by {@link #write}; a file that is not one is an {@link IOException} naming it. */
    public static RunRecord read(Path file) throws IOException {
        RunRecord r;
        try {
            r = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), RunRecord.class);
        } catch (JsonParseException e) {
            throw new IOException(file + ": not a run record: " + e.getMessage(), e);
        }
        if (r == null || r.notebook() == null || r.commit() == null) throw new IOException(file + ": not a run record");
        return r;
    }

    /** The record beside a results file, if there is one. */
    public static Optional<RunRecord> besideResults(Path resultsCsv) throws IOException {
        Path f = fileFor(resultsCsv);
        return Files.isRegularFile(f) ? Optional.of(read(f)) : Optional.empty();
    }

    /** The run's mode from its {@code GENRELAB_QUICK} parameter: "full", "quick", or "unknown" without one. */
    public String mode() {
        return switch (parameters.getOrDefault("GENRELAB_QUICK", "")) {
            case "1" -> "quick";
            case "0" -> "full";
            default -> "unknown";
        };
    }

    /** The commit shortened to 10 characters, with "+ changes" when the tree was modified. */
    public String shortCommit() {
        String c = commit.length() > 10 && !GitRevision.UNKNOWN.equals(commit) ? commit.substring(0, 10) : commit;
        return c + (modified ? " + uncommitted changes" : "");
    }
}
