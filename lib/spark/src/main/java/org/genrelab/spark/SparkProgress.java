package org.genrelab.spark;

import java.util.function.IntConsumer;
import org.apache.spark.util.LongAccumulator;

/**
 * Reports a Spark job's progress on the driver while it runs: every second, the tracks settled before the job plus
 * those its finished tasks counted in an accumulator. Spark merges an action's accumulator updates once per task,
 * retries included, so the count neither skips nor repeats tracks.
 */
final class SparkProgress implements AutoCloseable {

    private final Thread poller;

    SparkProgress(LongAccumulator done, int settled, IntConsumer progress) {
        progress.accept(settled);
        poller = Thread.ofPlatform().daemon().name("genrelab-spark-progress").start(() -> {
            long last = -1;
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(1_000);
                    long now = done.value();
                    if (now != last) progress.accept(settled + (int) now);
                    last = now;
                }
            } catch (InterruptedException e) {
                // the job ended
            }
        });
    }

    @Override
    public void close() {
        poller.interrupt();
        try {
            poller.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
