package org.genrelab.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real multi-JVM run: a standalone master and worker started on 127.0.0.1, the feature job submitted to them (its
 * tasks run in the worker's executor JVMs), the output equal to the local command's, and both stopped by process id.
 */
class LoopbackClusterTest {

    @Test
    void theFeatureJobOnAStandaloneClusterGivesTheLocalCommandsTable(@TempDir Path dir) throws Exception {
        Path audio = TestCorpus.withDefects(dir);
        String[] local = TestCorpus.run("features", audio.toString(), dir.resolve("local.csv").toString(), "--threads", "2",
                "--no-rhythm");
        assertEquals("0", local[0], local[1] + local[2]);

        long t0 = System.nanoTime();
        long[] pids;
        String[] spark;
        try (LoopbackCluster cluster = LoopbackCluster.start(2, "2g")) {
            pids = cluster.pids();
            double started = (System.nanoTime() - t0) / 1e9;
            spark = TestCorpus.run("features", "--spark", cluster.url(), audio.toString(), dir.resolve("spark.csv").toString(),
                    "--no-rhythm");
            System.out.printf("loopback cluster: started in %.1f s, job and stop in %.1f s%n", started,
                    (System.nanoTime() - t0) / 1e9 - started);
        }
        assertEquals("0", spark[0], spark[1] + spark[2]);
        assertTrue(spark[1].contains("on Spark (spark://127.0.0.1:"), spark[1]);
        assertArrayEquals(Files.readAllBytes(dir.resolve("local.csv")), Files.readAllBytes(dir.resolve("spark.csv")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("local.failures.csv")), Files.readAllBytes(dir.resolve("spark.failures.csv")));
        assertFalse(Arrays.stream(pids).anyMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)),
                "master and worker stopped");
    }
}
