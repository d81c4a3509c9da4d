package org.genrelab.features;

import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.genrelab.audio.AudioDecoder;
import org.genrelab.data.AudioCollection;
import org.genrelab.results.AtomicFiles;

/**
 * Computes a feature table for many tracks, on several threads, resumably.
 *
 * <p>Every finished track is stored at once in a per-track cache file ({@code <id>.f32}, or
 * {@code <id>.failed} with the reason), each written to a temporary name and moved into place
 * atomically. A run killed at any moment (even SIGKILL) therefore loses only the tracks in
 * flight; started again, it redoes nothing it finished. A failure is finished too: it stays in the
 * cache until a run with {@code retryFailed} computes the track again. An input that cannot be read (a broken
 * symbolic link, a directory or other non-file, a file this user may not read, no file at all) fails without
 * being computed, with the reason, and is not cached: the next run looks at it again. A track that throws, or runs
 * out of memory or stack ({@link OutOfMemoryError}, {@link StackOverflowError}), fails alone; the
 * run goes on. The table and the failure list are written
 * only at the end, each atomically, so no half-written row can appear. The cache remembers the
 * columns it was made for and refuses to mix with another layout.
 */
public final class FeatureExtractor implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * An input: the row id (FMA track id, or file name for a plain folder) and its audio file.
     *
     * @param unreadable why the input cannot be read, as a folder walk found it ({@link AudioCollection.Item#unreadable}),
     *                   or null; every other input is checked too ({@link AudioDecoder#unreadable}) before it is computed
     */
    public record Track(String id, Path audio, String unreadable) {

        public Track(String id, Path audio) {
            this(id, audio, null);
        }

        /** The track of a collection's item, with what the walk found unreadable. */
        public static Track of(AudioCollection.Item item) {
            return new Track(item.id(), item.audio(), item.unreadable());
        }
    }

    /** A track that gave no features, and why. */
    public record Failure(String id, Path audio, String reason) {
    }

    /**
     * What a run produced. Every input is counted once: {@code found = computed + reused + failed.size()}.
     *
     * @param table           the feature table written
     * @param failures        the failure list written ({@code <output>.failures.csv})
     * @param found           the inputs given to the run
     * @param rows            rows in the table ({@code computed + reused})
     * @param computed        rows computed by this run
     * @param reused          rows reused from the resume cache
     * @param failed          the inputs without a row, with their reasons, in table order
     * @param failedFromCache how many of those failures were remembered in the cache ({@code <id>.failed}) rather
     *                        than met by this run (with {@code retryFailed} there are none)
     * @param unreadable      how many of them could not be read at all (not cached: looked at again by every run)
     */
    public record Result(Path table, Path failures, int found, int rows, int computed, int reused, List<Failure> failed,
            int failedFromCache, int unreadable) {
    }

    /** The reason listed for a track whose computation never ended (a lost task); the next run computes it. */
    public static final String NOT_COMPUTED = "not computed: its task ended without a result; run again to compute it";

    private final List<FmaFeatureCsv.Column> columns;
    private final TrackFeatureFunction function;
    private final int threads;

    public FeatureExtractor(List<FmaFeatureCsv.Column> columns, TrackFeatureFunction function, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        this.columns = List.copyOf(columns);
        this.function = function;
        this.threads = threads;
    }

    /** The cache folder used for an output table: {@code <output>.cache/} beside it. */
    public static Path cacheFor(Path output) {
        return output.resolveSibling(output.getFileName() + ".cache");
    }

    /**
     * What a run has to do, found before anything is computed: the inputs, the cache, what it already holds, and the
     * tracks left to compute ({@link #plan}). The local run computes {@code todo} on its threads; a distributed
     * engine may compute them anywhere that writes the same cache ({@link #extractInto}); {@link #finish} then writes
     * the table.
     *
     * @param tracks          every input, in the caller's order
     * @param output          the table to write
     * @param cache           the per-track cache ({@link #cacheFor})
     * @param todo            the tracks to compute now
     * @param unreadable      reasons of the inputs that cannot be read, by id (not cached)
     * @param reused          rows already in the cache
     * @param failedFromCache failures remembered in the cache and not retried
     */
    public record Plan(List<Track> tracks, Path output, Path cache, List<Track> todo, Map<String, String> unreadable,
            int reused, int failedFromCache) {

        /** Inputs already settled before any computing: reused rows, remembered failures, unreadable inputs. */
        public int settled() {
            return reused + failedFromCache + unreadable.size();
        }
    }

    /**
     * Extracts every track not yet in the cache, then writes {@code output} (rows sorted by id,
     * numerically when ids are integers) and {@code <output>.failures.csv}.
     *
     * @param progress called with the number of tracks done so far (reused ones count at once)
     * @throws IllegalArgumentException if two tracks share an id (before anything is computed)
     */
    public Result run(List<Track> tracks, Path output, IntConsumer progress) throws IOException, InterruptedException {
        return run(tracks, output, false, progress);
    }

    /**
     * As {@link #run(List, Path, IntConsumer)}; with {@code retryFailed} the tracks whose failure is in the cache
     * ({@code <id>.failed}) are computed again instead of reused.
     */
    public Result run(List<Track> tracks, Path output, boolean retryFailed, IntConsumer progress)
            throws IOException, InterruptedException {
        Plan plan = plan(tracks, output, retryFailed);
        AtomicInteger done = new AtomicInteger(plan.settled());
        progress.accept(done.get());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "feature-extractor");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Track t : plan.todo()) {
                futures.add(pool.submit(() -> {
                    extractInto(t, plan.cache());
                    progress.accept(done.incrementAndGet());
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) throw io;
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return finish(plan);
    }

    /**
     * Checks the inputs and the cache and finds what is left to compute. Nothing is computed.
     *
     * @throws IllegalArgumentException if two tracks share an id
     * @throws IOException              if the cache cannot be made, or holds another column layout
     */
    public Plan plan(List<Track> tracks, Path output, boolean retryFailed) throws IOException {
        Map<String, Path> byId = new HashMap<>();
        for (Track t : tracks) {
            Path before = byId.putIfAbsent(t.id(), t.audio());
            if (before != null) {
                throw new IllegalArgumentException("two tracks have the row id '" + t.id() + "': " + before + " and " + t.audio()
                        + " (they would share one cache entry and one row)");
            }
        }
        Path cache = cacheFor(output);
        prepareCache(cache);
        List<Track> todo = new ArrayList<>();
        Map<String, String> unreadable = new HashMap<>(); // met by this run; not cached, so checked afresh next time
        int reused = 0, failedFromCache = 0;
        for (Track t : tracks) {
            if (Files.exists(cache.resolve(t.id() + ".f32"))) {
                reused++; // kept even if its audio has gone since: the row was computed from it
                continue;
            }
            String why = t.unreadable() != null ? t.unreadable() : AudioDecoder.unreadable(t.audio());
            if (why != null) unreadable.put(t.id(), "unreadable: " + why);
            else if (!retryFailed && Files.exists(cache.resolve(t.id() + ".failed"))) failedFromCache++;
            else todo.add(t);
        }
        return new Plan(List.copyOf(tracks), output, cache, List.copyOf(todo), Map.copyOf(unreadable), reused, failedFromCache);
    }

    /**
     * Computes one track into the cache: {@code <id>.f32}, or {@code <id>.failed} with the reason. Writing the same
     * track twice (a retried task) leaves the same file.
     *
     * @throws IOException only when the cache cannot be written; the track's own failures are its {@code .failed}
     */
    public void extractInto(Track t, Path cache) throws IOException {
        float[] v;
        try {
            v = function.compute(t.audio());
            if (v.length != columns.size()) {
                throw new IllegalStateException(v.length + " values for " + columns.size() + " columns");
            }
        } catch (TrackFeatureFunction.TrackFailedException e) {
            AtomicFiles.write(cache.resolve(t.id() + ".failed"), e.getMessage().getBytes(StandardCharsets.UTF_8));
            return;
        } catch (Exception | OutOfMemoryError | StackOverflowError e) { // one track's heap or stack exhaustion is its own failure
            String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            AtomicFiles.write(cache.resolve(t.id() + ".failed"), why.getBytes(StandardCharsets.UTF_8));
            return;
        }
        ByteBuffer bb = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) bb.putFloat(x);
        AtomicFiles.write(cache.resolve(t.id() + ".f32"), bb.array());
        Files.deleteIfExists(cache.resolve(t.id() + ".failed")); // a retried track that now succeeds
    }

    /** A track's row as the cache holds it ({@code <id>.f32}), or null when the cache has none. */
    public static float[] cachedRow(Path cache, String id) throws IOException {
        Path ok = cache.resolve(id + ".f32");
        if (!Files.exists(ok)) return null;
        ByteBuffer bb = ByteBuffer.wrap(Files.readAllBytes(ok)).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[bb.remaining() / 4];
        for (int i = 0; i < v.length; i++) v[i] = bb.getFloat();
        return v;
    }

    /** Writes the table and the failure list of a plan whose tracks have been computed into its cache. */
    public Result finish(Plan plan) throws IOException {
        return assemble(plan.tracks(), plan.output(), plan.cache(), plan.unreadable(), plan.reused(), plan.failedFromCache());
    }

    private Result assemble(List<Track> tracks, Path output, Path cache, Map<String, String> unreadable, int reused,
            int failedFromCache) throws IOException {
        List<Track> sorted = new ArrayList<>(tracks);
        boolean numeric = tracks.stream().allMatch(t -> t.id().matches("\\d+"));
        sorted.sort(numeric ? Comparator.comparingLong(t -> Long.parseLong(t.id())) : Comparator.comparing(Track::id));
        Map<String, double[]> rows = new LinkedHashMap<>();
        List<Failure> failed = new ArrayList<>();
        for (Track t : sorted) {
            float[] row = cachedRow(cache, t.id());
            if (row != null) {
                double[] v = new double[row.length];
                for (int i = 0; i < v.length; i++) v[i] = row[i];
                rows.put(t.id(), v);
            } else if (unreadable.containsKey(t.id())) {
                failed.add(new Failure(t.id(), t.audio(), unreadable.get(t.id())));
            } else if (Files.exists(cache.resolve(t.id() + ".failed"))) {
                failed.add(new Failure(t.id(), t.audio(), Files.readString(cache.resolve(t.id() + ".failed")).strip()));
            } else { // its computation never ended (a distributed task lost for good): not cached, so the next run computes it
                failed.add(new Failure(t.id(), t.audio(), NOT_COMPUTED));
            }
        }
        Path tmp = output.resolveSibling(output.getFileName() + ".tmp");
        new FmaFeatureCsv(columns, rows).write(tmp);
        Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Path failures = output.resolveSibling(output.getFileName().toString().replaceFirst("\\.csv$", "") + ".failures.csv");
        StringBuilder sb = new StringBuilder("track_id,file,reason\n");
        for (Failure f : failed) {
            sb.append(f.id()).append(',').append(csv(f.audio().toString())).append(',').append(csv(f.reason())).append('\n');
        }
        AtomicFiles.write(failures, sb.toString().getBytes(StandardCharsets.UTF_8));
        return new Result(output, failures, tracks.size(), rows.size(), rows.size() - reused, reused, List.copyOf(failed),
                failedFromCache, unreadable.size());
    }

    private void prepareCache(Path cache) throws IOException {
        Files.createDirectories(cache);
        try (Stream<Path> s = Files.list(cache)) { // leftovers of writes cut short by a kill
            for (Path p : s.filter(p -> p.toString().endsWith(".tmp")).toList()) Files.deleteIfExists(p);
        }
        Path layout = cache.resolve("columns.txt");
        String mine = String.join("\n", columns.stream().map(c -> c.feature() + "/" + c.statistics() + "/" + c.number()).toList()) + "\n";
        if (Files.exists(layout)) {
            if (!Files.readString(layout).equals(mine)) {
                throw new IOException(cache + " holds features of another column layout; delete it to start afresh");
            }
        } else {
            try (Stream<Path> s = Files.list(cache)) {
                if (s.anyMatch(p -> p.toString().endsWith(".f32"))) {
                    throw new IOException(cache + " holds features without a column layout; delete it to start afresh");
                }
            }
            AtomicFiles.write(layout, mine.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
