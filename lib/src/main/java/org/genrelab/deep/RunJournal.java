package org.genrelab.deep;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.genrelab.results.ResultsCsv;

/**
 * A notebook's finished training runs, one JSON file each, so that a notebook killed part-way and run again
 * loads the runs it finished instead of training them again. A run's file is named by its model and a hash
 * of its key (model, network, training settings with the seed, data, code), holds the key, and is written
 * atomically (temporary file, then move): a kill leaves whole files or none. A file whose key differs is
 * ignored. The folder goes once the notebook's results are written
 * ({@code ResultsCsv.write(params, notebook, …)}), so it never serves as a cache across runs.
 */
public final class RunJournal {

    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

    private final Path dir;

    public RunJournal(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** The run journalled under this key, if any (an unreadable file counts as none). */
    public Optional<TrainingRun> find(String model, String key) {
        Path f = dir.resolve(fileName(model, key));
        if (!Files.isRegularFile(f)) return Optional.empty();
        try {
            JsonObject o = GSON.fromJson(Files.readString(f, StandardCharsets.UTF_8), JsonObject.class);
            if (o == null || !o.has("key") || !key.equals(o.get("key").getAsString())) return Optional.empty();
            TrainingRun r = GSON.fromJson(o.get("run"), TrainingRun.class);
            return r == null || r.valAccuracy() == null || r.testPredicted() == null ? Optional.empty() : Optional.of(r);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Journals a finished run under its key. */
    public void save(String model, String key, TrainingRun run) {
        try {
            Files.createDirectories(dir);
            JsonObject o = new JsonObject();
            o.addProperty("key", key);
            o.add("run", GSON.toJsonTree(run));
            Path f = dir.resolve(fileName(model, key));
            Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
            Files.writeString(tmp, GSON.toJson(o), StandardCharsets.UTF_8);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot journal a run of " + model + " in " + dir, e);
        }
    }

    static String fileName(String model, String key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return model.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + HexFormat.of().formatHex(h, 0, 8) + ".json";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
