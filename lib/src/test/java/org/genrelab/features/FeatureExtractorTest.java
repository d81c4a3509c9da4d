package org.genrelab.features;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureExtractorTest {

    static final List<FmaFeatureCsv.Column> COLS = List.of(new FmaFeatureCsv.Column("a", "mean", "01"),
            new FmaFeatureCsv.Column("a", "std", "01"), new FmaFeatureCsv.Column("b", "value", "01"));

    /**
     * A stand-in feature function: the file holds an integer k; values are k, k², 1/k; "bad" files fail, "crash"
     * throws, "oom" runs out of heap and "deep" out of stack (real errors, not thrown by hand).
     */
    static float[] fake(Path p) throws Exception {
        String s = Files.readString(p).strip();
        if (s.equals("bad")) throw new TrackFeatureFunction.TrackFailedException("empty audio: no samples");
        if (s.equals("crash")) throw new IllegalStateException("decoder crashed");
        if (s.equals("oom")) {
            long[] huge = new long[Integer.MAX_VALUE - 8]; // 16 GB: more than the test JVM's heap
            return new float[] {huge.length, 0, 0};
        }
        if (s.equals("deep")) return new float[] {recurse(0), 0, 0};
        int k = Integer.parseInt(s);
        Thread.sleep(Long.getLong("fake.sleep", 0));
        return new float[] {k, (float) k * k, 1f / k};
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    static List<FeatureExtractor.Track> folder(Path dir, int n) throws IOException {
        Files.createDirectories(dir);
        List<FeatureExtractor.Track> t = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Path f = dir.resolve(i + ".txt");
            Files.writeString(f, i == 7 ? "bad" : i == 11 ? "crash" : Integer.toString(i));
            t.add(new FeatureExtractor.Track(Integer.toString(i), f));
        }
        return t;
    }

    @Test
    void writesSortedRowsAndListsEveryFailureWithItsReason(@TempDir Path dir) throws Exception {
        var tracks = folder(dir.resolve("in"), 12);
        var r = new FeatureExtractor(COLS, FeatureExtractorTest::fake, 2).run(tracks, dir.resolve("out.csv"), n -> { });
        assertEquals(10, r.rows());
        assertEquals(List.of("7", "11"), r.failed().stream().map(FeatureExtractor.Failure::id).toList());
        List<String> lines = Files.readAllLines(r.table());
        assertEquals("feature,a,a,b", lines.get(0));
        assertEquals("track_id,,,", lines.get(3));
        assertEquals("1,1.0000000000e+00,1.0000000000e+00,1.0000000000e+00", lines.get(4));
        assertTrue(lines.get(13).startsWith("12,"), "numeric ids sort numerically: " + lines.get(13));
        String failures = Files.readString(r.failures());
        assertTrue(failures.contains("7,") && failures.contains("empty audio: no samples"), failures);
        assertTrue(failures.contains("decoder crashed"), failures);
    }

    @Test
    void twoTracksWithOneIdAreRefusedBeforeAnythingIsComputed(@TempDir Path dir) throws Exception {
        var tracks = new ArrayList<>(folder(dir.resolve("in"), 3));
        Path other = dir.resolve("other/2.txt");
        Files.createDirectories(other.getParent());
        Files.writeString(other, "5");
        tracks.add(new FeatureExtractor.Track("2", other));
        Path out = dir.resolve("out.csv");
        var e = assertThrows(IllegalArgumentException.class,
                () -> new FeatureExtractor(COLS, FeatureExtractorTest::fake, 2).run(tracks, out, n -> { }));
        assertTrue(e.getMessage().contains(dir.resolve("in/2.txt").toString()), e.getMessage());
        assertTrue(e.getMessage().contains(other.toString()), e.getMessage());
        assertEquals(0, cachedTracks(FeatureExtractor.cacheFor(out)), "nothing computed");
        assertFalse(Files.exists(out));
    }

    @Test
    void runningOutOfHeapOrStackFailsOnlyThatTrack(@TempDir Path dir) throws Exception {
        var tracks = folder(dir.resolve("in"), 6);
        Files.writeString(tracks.get(2).audio(), "oom");
        Files.writeString(tracks.get(4).audio(), "deep");
        var r = new FeatureExtractor(COLS, FeatureExtractorTest::fake, 2).run(tracks, dir.resolve("out.csv"), n -> { });
        assertEquals(4, r.rows());
        assertEquals(List.of("3", "5"), r.failed().stream().map(FeatureExtractor.Failure::id).toList());
        assertTrue(r.failed().get(0).reason().startsWith("OutOfMemoryError"), r.failed().get(0).reason());
        assertEquals("StackOverflowError", r.failed().get(1).reason());
        assertTrue(Files.readString(r.failures()).contains("OutOfMemoryError"));
    }

    @Test
    void aCachedFailureIsReusedUntilARunRetriesIt(@TempDir Path dir) throws Exception {
        var tracks = folder(dir.resolve("in"), 3);
        Files.writeString(tracks.get(1).audio(), "crash");
        Path out = dir.resolve("out.csv");
        var ex = new FeatureExtractor(COLS, FeatureExtractorTest::fake, 2);
        assertEquals(List.of("2"), ex.run(tracks, out, n -> { }).failed().stream().map(FeatureExtractor.Failure::id).toList());
        Files.writeString(tracks.get(1).audio(), "2"); // the cause is gone
        var again = ex.run(tracks, out, n -> { });
        assertEquals(2, again.reused());
        assertEquals(1, again.failed().size(), "a cached failure is reused");
        assertEquals(1, again.failedFromCache());
        assertEquals(3, again.found());
        var retried = ex.run(tracks, out, true, n -> { });
        assertEquals(1, retried.computed());
        assertEquals(2, retried.reused());
        assertEquals(3, retried.rows());
        assertTrue(retried.failed().isEmpty());
        assertFalse(Files.exists(FeatureExtractor.cacheFor(out).resolve("2.failed")), "the stale failure is removed");
        assertEquals("2,2.0000000000e+00,4.0000000000e+00,5.0000000000e-01", Files.readAllLines(out).get(5));
        assertEquals(0, ex.run(tracks, out, true, n -> { }).computed(), "--retry-failed recomputes only failures");
    }

    @Test
    void aSecondRunRedoesNothing(@TempDir Path dir) throws Exception {
        var tracks = folder(dir.resolve("in"), 12);
        var ex = new FeatureExtractor(COLS, FeatureExtractorTest::fake, 2);
        ex.run(tracks, dir.resolve("out.csv"), n -> { });
        var again = ex.run(tracks, dir.resolve("out.csv"), n -> { });
        assertEquals(0, again.computed());
        assertEquals(10, again.reused());
        assertEquals(2, again.failedFromCache(), "the two failures are remembered, not computed again");
        assertEquals(12, again.found());
    }

    @Test
    void anotherColumnLayoutIsRefusedRatherThanMixed(@TempDir Path dir) throws Exception {
        var tracks = folder(dir.resolve("in"), 3);
        new FeatureExtractor(COLS, FeatureExtractorTest::fake, 1).run(tracks, dir.resolve("out.csv"), n -> { });
        var other = new FeatureExtractor(COLS.subList(0, 2), p -> new float[2], 1);
        IOException e = assertThrows(IOException.class, () -> other.run(tracks, dir.resolve("out.csv"), n -> { }));
        assertTrue(e.getMessage().contains("another column layout"), e.getMessage());
    }

    /** Entry point of the child JVM that the kill test SIGKILLs halfway. */
    public static void main(String[] args) throws Exception {
        Path in = Path.of(args[0]);
        List<FeatureExtractor.Track> tracks = new ArrayList<>();
        for (int i = 1; i <= Integer.parseInt(args[2]); i++) tracks.add(new FeatureExtractor.Track(Integer.toString(i), in.resolve(i + ".txt")));
        new FeatureExtractor(COLS, FeatureExtractorTest::fake, 2).run(tracks, Path.of(args[1]), n -> { });
    }

    @Test
    void killedWithSigkillHalfwayThenRestartedGivesTheUninterruptedTable(@TempDir Path dir) throws Exception {
        int n = 60;
        var tracks = folder(dir.resolve("in"), n);
        Path reference = dir.resolve("reference.csv");
        new FeatureExtractor(COLS, FeatureExtractorTest::fake, 2).run(tracks, reference, x -> { });

        Path out = dir.resolve("out.csv");
        Path cache = FeatureExtractor.cacheFor(out);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfake.sleep=100", "-cp", System.getProperty("java.class.path"), FeatureExtractorTest.class.getName(),
                dir.resolve("in").toString(), out.toString(), Integer.toString(n)).inheritIO().start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (cachedTracks(cache) < n / 3 && System.nanoTime() < deadline && child.isAlive()) Thread.sleep(20);
        assertTrue(child.isAlive(), "the child finished before it could be killed");
        child.destroyForcibly(); // SIGKILL on Linux
        child.waitFor();
        int before = cachedTracks(cache);
        assertTrue(before > 0 && before < n, "killed halfway: " + before + " of " + n + " cached");
        assertFalse(Files.exists(out), "no table is written before the end");

        var r = new FeatureExtractor(COLS, FeatureExtractorTest::fake, 2).run(tracks, out, x -> { });
        assertEquals(before, r.reused() + r.failedFromCache(), "the finished tracks are reused");
        assertEquals(n - before, r.computed() + r.failed().size() - r.failedFromCache(), "only the others are computed");
        assertEquals(Files.readString(reference), Files.readString(out));
        assertEquals(Files.readString(dir.resolve("reference.failures.csv")), Files.readString(r.failures()));
    }

    static int cachedTracks(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) return 0;
        try (var s = Files.list(cache)) {
            return (int) s.filter(p -> p.toString().endsWith(".f32") || p.toString().endsWith(".failed")).count();
        }
    }
}
