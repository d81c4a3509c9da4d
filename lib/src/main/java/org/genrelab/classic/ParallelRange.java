package org.genrelab.classic;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs a loop body for 0..n−1 on a pool of a given number of threads (a parallel stream alone would use
 * the common pool, whose size the caller cannot set), and rethrows what the body threw.
 */
final class ParallelRange {

    private ParallelRange() {
    }

    /** Calls {@code body} for every index in [0, n), on {@code threads} threads (at least one). */
    static void forEach(int n, int threads, IntConsumer body) {
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        try {
            forEach(pool, n, body);
        } finally {
            pool.shutdown();
        }
    }

    private static void forEach(ForkJoinPool pool, int n, IntConsumer body) {
        try {
            pool.submit(() -> IntStream.range(0, n).parallel().forEach(body)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }
}
