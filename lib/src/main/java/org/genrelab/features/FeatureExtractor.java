package org.genrelab.features;

import java.io.IOException;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * Computes a feature table for many tracks, on several threads, resumably.
 *
 * <p>Every finished track is stored at once in a per-track cache file ({@code <id>.f32}, or
 * {@code <id>.failed} with the reason), each written to a temporary name and moved into place
 * atomically. A run killed at any moment (even SIGKILL) therefore loses only the tracks in
 * flight; started again, it redoes nothing it finished. A failure is finished too: it stays in the
 * cache until a run with {@code retryFailed} computes the track again. A track that throws, or runs
 * out of memory or stack ({@link OutOfMemoryError}, {@link StackOverflowError}), fails alone; the
 * run goes on. The table and the failure list are written
 * only at the end, each atomically, so no half-written row can appear. The cache remembers the
 * columns it was made for and refuses to mix with another layout.
 */
public final class FeatureExtractor {

    /** An input: the row id (FMA track id, or file name for a plain folder) and its audio file. */
    public record Track(String id, Path audio) {
    }

    /** A track that gave no features, and why. */
    public record Failure(String id, Path audio, String reason) {
    }

    /** What a run produced: the table, the failures, and how much was computed now vs. reused. */
    public record Result(Path table, Path failures, int rows, List<Failure> failed, int computed, int reused) {
    }

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
        int reused = 0;
        for (Track t : tracks) {
            if (Files.exists(cache.resolve(t.id() + ".f32"))
                    || (!retryFailed && Files.exists(cache.resolve(t.id() + ".failed")))) reused++;
            else todo.add(t);
        }
        AtomicInteger done = new AtomicInteger(reused);
        progress.accept(done.get());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "feature-extractor");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Track t : todo) {
                futures.add(pool.submit(() -> {
                    extractOne(t, cache);
                    progress.accept(done.incrementAndGet());
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof IOException io) throw io;
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return assemble(tracks, output, cache, todo.size(), reused);
    }

    private void extractOne(Track t, Path cache) throws IOException {
        float[] v;
        try {
            v = function.compute(t.audio());
            if (v.length != columns.size()) {
                throw new IllegalStateException(v.length + " values for " + columns.size() + " columns");
            }
        } catch (TrackFeatureFunction.TrackFailedException e) {
            writeAtomically(cache.resolve(t.id() + ".failed"), e.getMessage().getBytes(StandardCharsets.UTF_8));
            return;
        } catch (Exception | OutOfMemoryError | StackOverflowError e) { // one track's heap or stack exhaustion is its own failure
            String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            writeAtomically(cache.resolve(t.id() + ".failed"), why.getBytes(StandardCharsets.UTF_8));
            return;
        }
        ByteBuffer bb = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) bb.putFloat(x);
        writeAtomically(cache.resolve(t.id() + ".f32"), bb.array());
        Files.deleteIfExists(cache.resolve(t.id() + ".failed")); // a retried track that now succeeds
    }

    private Result assemble(List<Track> tracks, Path output, Path cache, int computed, int reused) throws IOException {
        List<Track> sorted = new ArrayList<>(tracks);
        boolean numeric = tracks.stream().allMatch(t -> t.id().matches("\\d+"));
        sorted.sort(numeric ? Comparator.comparingLong(t -> Long.parseLong(t.id())) : Comparator.comparing(Track::id));
        Map<String, double[]> rows = new LinkedHashMap<>();
        List<Failure> failed = new ArrayList<>();
        for (Track t : sorted) {
            Path ok = cache.resolve(t.id() + ".f32");
            if (Files.exists(ok)) {
                ByteBuffer bb = ByteBuffer.wrap(Files.readAllBytes(ok)).order(ByteOrder.LITTLE_ENDIAN);
                double[] v = new double[bb.remaining() / 4];
                for (int i = 0; i < v.length; i++) v[i] = bb.getFloat();
                rows.put(t.id(), v);
            } else {
                failed.add(new Failure(t.id(), t.audio(), Files.readString(cache.resolve(t.id() + ".failed")).strip()));
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
        writeAtomically(failures, sb.toString().getBytes(StandardCharsets.UTF_8));
        return new Result(output, failures, rows.size(), List.copyOf(failed), computed, reused);
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
            writeAtomically(layout, mine.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + "." + Thread.currentThread().threadId() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
