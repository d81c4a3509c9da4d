package org.genrelab.tune;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The trials a search has finished, so that a search killed at any moment and started again loses only
 * the trials that were under way. One JSON line per finished trial, appended and forced to disk as the
 * trial ends; the first line holds the search's key (what defines its results: configurations, scheduler,
 * protocol, data, code), and a journal is only used by a search with the same key.
 *
 * <p>{@link RandomSearch} replays a journalled trial instead of training it: the trial reports its
 * recorded curve, epoch by epoch, through the same scheduler and the same ordering, so the search takes
 * the decisions of an uninterrupted run (they depend only on the curves, in trial order) and the replay
 * must end as recorded; if it does not, the journal belongs to other code or data, and the search stops
 * with an error naming the file. A failed trial is journalled and replayed as the failure it was, since
 * later trials decided without its values. Once a trial dies without a record (the search interrupted,
 * an Error), nothing more is journalled: later trials may have gone on without its values. A line
 * half-written when the process died is dropped on opening.
 */
public final class SearchJournal<C> {

    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().disableHtmlEscaping().create();

    private final Path file;
    private final Type recordType;
    private final Map<Integer, TrialRecord<C>> finished = new TreeMap<>();
    private final int resumed;

    private SearchJournal(Path file, Type recordType) {
        this.file = file;
        this.recordType = recordType;
        this.resumed = 0;
    }

    private SearchJournal(Path file, Type recordType, Map<Integer, TrialRecord<C>> loaded) {
        this.file = file;
        this.recordType = recordType;
        this.finished.putAll(loaded);
        this.resumed = loaded.size();
    }

    /**
     * The journal of the search with this key in {@code dir} (file {@code <sha-256 of key, 16 hex>.jsonl}):
     * its finished trials if an earlier run left it, else an empty one. The file is rewritten without any
     * torn last line before new trials are appended.
     *
     * @param configType the configuration's class (a record Gson can read back exactly)
     */
    public static <C> SearchJournal<C> open(Path dir, String key, Class<C> configType) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(fileName(key));
        Type type = TypeToken.getParameterized(TrialRecord.class, configType).getType();
        Map<Integer, TrialRecord<C>> loaded = new TreeMap<>();
        if (Files.isRegularFile(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (!lines.isEmpty() && key.equals(keyOf(lines.get(0)))) {
                for (String line : lines.subList(1, lines.size())) {
                    TrialRecord<C> r = parse(line, type);
                    if (r != null) loaded.put(r.id(), r);
                }
            }
        }
        StringBuilder clean = new StringBuilder(header(key)).append('\n');
        for (TrialRecord<C> r : loaded.values()) clean.append(GSON.toJson(r, type)).append('\n');
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, clean, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return loaded.isEmpty() ? new SearchJournal<>(file, type) : new SearchJournal<>(file, type, loaded);
    }

    /** The journal's file. */
    public Path file() {
        return file;
    }

    /** How many finished trials it held when it was opened (0 for a new search). */
    public int resumed() {
        return resumed;
    }

    /** The finished trial {@code id}, if journalled with this very configuration. */
    public synchronized Optional<TrialRecord<C>> finished(int id, C config) {
        TrialRecord<C> r = finished.get(id);
        return r != null && r.config().equals(config) ? Optional.of(r) : Optional.empty();
    }

    /** Number of finished trials journalled. */
    public synchronized int size() {
        return finished.size();
    }

    /** Appends a finished trial (a failed one too: later trials' decisions took it as it ended) and forces it to disk. */
    public synchronized void append(TrialRecord<C> r) throws IOException {
        if (finished.containsKey(r.id())) return;
        byte[] line = (GSON.toJson(r, recordType) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer b = ByteBuffer.wrap(line);
            while (b.hasRemaining()) ch.write(b);
            ch.force(false);
        }
        finished.put(r.id(), r);
    }

    /** Removes the journal, once the search's results are safe elsewhere. */
    public synchronized void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    static String fileName(String key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8) + ".jsonl";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(String key) {
        JsonObject o = new JsonObject();
        o.addProperty("search", key);
        return GSON.toJson(o);
    }

    private static String keyOf(String headerLine) {
        try {
            var e = JsonParser.parseString(headerLine);
            return e.isJsonObject() && e.getAsJsonObject().has("search") ? e.getAsJsonObject().get("search").getAsString() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A journalled record, or null for a line that is not one (e.g. torn by a kill). */
    private static <C> TrialRecord<C> parse(String line, Type type) {
        try {
            TrialRecord<C> r = GSON.fromJson(line, type);
            if (r == null || r.config() == null || r.curve() == null || r.stoppedBy() == null) return null;
            if (r.curve().size() != r.stoppedAt() || r.curve().contains(null)) return null;
            return new TrialRecord<>(r.id(), r.config(), List.copyOf(new ArrayList<>(r.curve())), r.stoppedAt(),
                    r.stoppedBy(), r.failure());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
