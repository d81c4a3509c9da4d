package org.genrelab.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.genrelab.features.FeatureExtractor;
import org.genrelab.features.FmaFeatureCsv;
import org.genrelab.features.TrackFeatureFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code features --spark} on {@code local[2]} against the local command, and what it does with bad tracks. */
class SparkFeatureJobTest {

    /**
     * The same features.csv and failure list, byte for byte, over decodable clips (with tempo and HPSS) and
     * defective inputs: corrupt, empty, a broken link, a folder named like audio.
     */
    @Test
    void givesTheLocalCommandsTableAndFailuresByteForByte(@TempDir Path dir) throws Exception {
        Path audio = TestCorpus.withDefects(dir);
        String[] local = TestCorpus.run("features", audio.toString(), dir.resolve("local.csv").toString(), "--threads", "2");
        assertEquals("0", local[0], local[1] + local[2]);
        String[] spark = TestCorpus.run("features", "--spark", "local[2]", audio.toString(), dir.resolve("spark.csv").toString());
        assertEquals("0", spark[0], spark[1] + spark[2]);
        assertTrue(spark[1].contains("Found 8 audio files in " + audio + ": 4 computed now, 0 reused from the cache, 4 failed"
                + " (2 of them unreadable, 0 remembered from an earlier run)."), spark[1]);
        assertTrue(spark[1].contains("4 rows written to " + dir.resolve("spark.csv") + " in ") && spark[1].contains("on Spark (local[2])"),
                spark[1]);
        assertArrayEquals(Files.readAllBytes(dir.resolve("local.csv")), Files.readAllBytes(dir.resolve("spark.csv")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("local.failures.csv")), Files.readAllBytes(dir.resolve("spark.failures.csv")));
        String failures = Files.readString(dir.resolve("spark.failures.csv"));
        for (String id : List.of("corrupt.mp3,", "empty.mp3,", "link.mp3,", "folder.mp3,")) assertTrue(failures.contains(id), failures);
        assertEquals(List.of("chord_cmaj_30s.mp3", "silence_5s.wav", "sine1k_2s.wav", "synth_song_30s_48k.mp3"),
                FmaFeatureCsv.read(dir.resolve("spark.csv")).rowIds(), "4 rows, each once");
    }

    /**
     * {@code --parquet} writes the table's rows, each once, with the same float values and named columns (a reader
     * orders the part files as it likes, so rows are matched by id).
     */
    @Test
    void parquetHoldsTheTablesRowsAndValues(@TempDir Path dir) throws Exception {
        Path audio = TestCorpus.withDefects(dir);
        Path csv = dir.resolve("f.csv");
        Path parquet = dir.resolve("f.parquet");
        String[] run = TestCorpus.run("features", "--spark", "local[2]", audio.toString(), csv.toString(), "--no-rhythm",
                "--parquet", parquet.toString());
        assertEquals("0", run[0], run[1] + run[2]);
        assertTrue(Files.exists(parquet.resolve("_SUCCESS")), "Spark committed the folder");
        FmaFeatureCsv table = FmaFeatureCsv.read(csv);
        try (SparkSession spark = SparkSession.builder().master("local[1]").appName("read back").getOrCreate()) {
            List<Row> rows = spark.read().parquet(parquet.toString()).collectAsList();
            assertEquals(table.rowIds(), rows.stream().map(r -> r.getString(0)).sorted(Comparator.comparing(id -> table.rowIds().indexOf(id))).toList());
            String[] names = spark.read().parquet(parquet.toString()).columns();
            assertEquals("track_id", names[0]);
            assertEquals("chroma_cens_kurtosis_01", names[1]);
            assertEquals(table.columns().size() + 1, names.length);
            for (Row r : rows) {
                double[] want = table.row(r.getString(0));
                for (int i = 0; i < want.length; i++) {
                    assertEquals(Float.floatToIntBits((float) want[i]), Float.floatToIntBits(r.getFloat(i + 1)),
                            r.getString(0) + ", " + names[i + 1]);
                }
            }
        }
        String[] without = TestCorpus.run("features", audio.toString(), dir.resolve("g.csv").toString(), "--parquet", "x");
        assertEquals("2", without[0]);
        assertTrue(without[2].contains("--parquet is written by Spark: give --spark too"), without[2]);
    }

    /** A track that runs out of memory fails alone, with its reason; the others are computed. */
    @Test
    void aTrackThatRunsOutOfMemoryFailsAlone(@TempDir Path dir) throws Exception {
        Path audio = TestCorpus.copies(dir, "sine1k_2s.wav", 6);
        TrackFeatureFunction f = file -> {
            if (file.getFileName().toString().startsWith("003")) throw new OutOfMemoryError("Java heap space (test)");
            return new float[] {file.getFileName().toString().hashCode()};
        };
        var extractor = new FeatureExtractor(List.of(new FmaFeatureCsv.Column("x", "y", "01")), f, 1);
        var tracks = tracksOf(audio);
        var plan = extractor.plan(tracks, dir.resolve("f.csv"), false);
        new SparkJobs().features("local[2]", extractor, plan, n -> { });
        var r = extractor.finish(plan);
        assertEquals(5, r.rows());
        assertEquals(1, r.failed().size());
        assertEquals("003.wav", r.failed().get(0).id());
        assertTrue(r.failed().get(0).reason().contains("OutOfMemoryError: Java heap space (test)"), r.failed().get(0).reason());
    }

    /**
     * Spark's task retries neither duplicate nor lose rows: every first attempt dies with an error the track step does
     * not catch (as a lost executor would end it), the retries finish, and the table has each track once, as locally.
     */
    @Test
    void retriedTasksNeitherDuplicateNorLoseRows(@TempDir Path dir) throws Exception {
        Path audio = TestCorpus.copies(dir, "sine1k_2s.wav", 8);
        Path marks = Files.createDirectories(dir.resolve("attempts"));
        String marksDir = marks.toString();
        TrackFeatureFunction f = file -> {
            Path mark = Path.of(marksDir).resolve(file.getFileName() + ".tried");
            if (!Files.exists(mark)) {
                Files.writeString(mark, "x");
                throw new AssertionError("the task dies (test)"); // an Error the track step lets through, and Spark does not take for fatal
            }
            return new float[] {file.getFileName().toString().hashCode(), 1f};
        };
        List<FmaFeatureCsv.Column> columns = List.of(new FmaFeatureCsv.Column("x", "y", "01"), new FmaFeatureCsv.Column("x", "y", "02"));
        var extractor = new FeatureExtractor(columns, f, 1);
        var plan = extractor.plan(tracksOf(audio), dir.resolve("spark.csv"), false);
        AtomicInteger last = new AtomicInteger();
        new SparkJobs().features("local[2,8]", extractor, plan, last::set); // up to 8 attempts per task
        var r = extractor.finish(plan);
        assertEquals(8, r.rows());
        assertTrue(r.failed().isEmpty(), r.failed().toString());
        assertEquals(8, last.get(), "the progress ends at every track, each counted once");

        var local = new FeatureExtractor(columns, file -> new float[] {file.getFileName().toString().hashCode(), 1f}, 2);
        local.run(tracksOf(audio), dir.resolve("local.csv"), n -> { });
        assertArrayEquals(Files.readAllBytes(dir.resolve("local.csv")), Files.readAllBytes(dir.resolve("spark.csv")));
    }

    @Test
    void badInputIsAClearErrorBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
        Path audio = TestCorpus.copies(dir, "sine1k_2s.wav", 2);

        long t0 = System.nanoTime();
        String[] unreachable = TestCorpus.run("features", "--spark", "spark://127.0.0.1:1", audio.toString(), dir.resolve("a.csv").toString());
        assertEquals("2", unreachable[0]);
        assertTrue(unreachable[2].contains("the Spark master spark://127.0.0.1:1 cannot be reached"), unreachable[2]);
        assertTrue((System.nanoTime() - t0) / 1e9 < 30, "answered at once");

        String[] url = TestCorpus.run("features", "--spark", audio.toString(), "hdfs://namenode/genrelab/features.csv");
        assertEquals("2", url[0]);
        assertTrue(url[2].contains("hdfs:// URLs are not read or written"), url[2]);

        String[] unwritable = TestCorpus.run("features", "--spark", "local[1]", audio.toString(), "/proc/genrelab/features.csv");
        assertEquals("2", unwritable[0]);
        assertTrue(unwritable[2].startsWith("genrelab features: ") && unwritable[2].contains("/proc/genrelab"), unwritable[2]);

        Files.copy(audio.resolve("000.wav"), Files.createDirectories(audio.resolve("rock")).resolve("000.wav"));
        String[] duplicate = TestCorpus.run("features", "--spark", audio.toString(), dir.resolve("d.csv").toString());
        assertEquals("2", duplicate[0]);
        assertTrue(duplicate[2].contains("000.wav"), duplicate[2]);

        try (Stream<Path> left = Files.list(dir)) {
            assertFalse(left.anyMatch(p -> p.getFileName().toString().matches("[ad]\\.csv.*")), "nothing written");
        }
    }

    static List<FeatureExtractor.Track> tracksOf(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).sorted()
                    .map(p -> new FeatureExtractor.Track(p.getFileName().toString(), p)).toList();
        }
    }
}
