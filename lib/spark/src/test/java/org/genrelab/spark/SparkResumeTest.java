package org.genrelab.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spark feature job killed part-way (SIGKILL to its JVM, driver and local executor together) and started again
 * computes only the tracks the first run did not finish, and the table is the local command's.
 */
class SparkResumeTest {

    @Test
    void aKilledJobRunAgainComputesOnlyTheRest(@TempDir Path dir) throws Exception {
        Path audio = TestCorpus.copies(dir, "chord_cmaj_30s.mp3", 16);
        Path out = dir.resolve("spark.csv");
        Path cache = dir.resolve("spark.csv.cache");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-Dlog4j2.configurationFile=" + System.getProperty("log4j2.configurationFile"),
                "-cp", System.getProperty("java.class.path"), "org.genrelab.cli.Main",
                "features", "--spark", "local[1]", audio.toString(), out.toString(), "--no-rhythm")
                .redirectErrorStream(true).redirectOutput(dir.resolve("first.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (finished(cache) < 4 && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(100);
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        int before = finished(cache);
        assertTrue(before >= 4 && before < 16, before + " tracks finished when the job was killed;\n" + Files.readString(dir.resolve("first.log")));
        assertTrue(!Files.exists(out), "the killed run wrote no table");

        String[] again = TestCorpus.run("features", "--spark", "local[2]", audio.toString(), out.toString(), "--no-rhythm");
        assertEquals("0", again[0], again[1] + again[2]);
        Matcher m = Pattern.compile("Found 16 audio files in \\S+: (\\d+) computed now, (\\d+) reused from the cache, 0 failed")
                .matcher(again[1]);
        assertTrue(m.find(), again[1]);
        int reused = Integer.parseInt(m.group(2));
        assertTrue(reused >= before, "everything the killed run finished is reused: " + reused + " of " + before);
        assertEquals(16 - reused, Integer.parseInt(m.group(1)), "only the rest is computed");

        String[] local = TestCorpus.run("features", audio.toString(), dir.resolve("local.csv").toString(), "--no-rhythm");
        assertEquals("0", local[0], local[1] + local[2]);
        assertArrayEquals(Files.readAllBytes(dir.resolve("local.csv")), Files.readAllBytes(out));
    }

    private static int finished(Path cache) throws Exception {
        if (!Files.isDirectory(cache)) return 0;
        try (Stream<Path> s = Files.list(cache)) {
            return (int) s.filter(f -> f.toString().endsWith(".f32")).count();
        }
    }
}
