package org.genrelab.classic;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The calling thread plus helper threads that run a short loop body over [0, n) many times in a row, for
 * an objective evaluated a hundred times a fit. Indices are claimed one at a time from a shared counter, so
 * the caller does all of them if no helper is awake yet, and the result never depends on which thread
 * ran an index. Between loops each helper spins for up to {@link #SPIN_NANOS} before it parks.
 *
 * <p>Written here because a {@link java.util.concurrent.ForkJoinPool} parks its workers within microseconds
 * of running out of work, and waking one costs about as much as the loop: between two evaluations of the
 * logistic objective L-BFGS computes its next step (about 50 µs), by when the pool's workers have parked, and
 * two threads then run no faster than one. Spinning before parking is what a BLAS's threads do (OpenBLAS;
 * OpenMP's default wait policy). 200 µs covers the gap; a longer spin takes the second core from the JIT's
 * compiler threads during a process's first fit. Figures: lib/README.md, "Speed".
 */
final class SpinningTeam implements AutoCloseable {

    /** How long a helper keeps spinning for the next loop before it parks. */
    static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    /** One loop: its body, its size, the next unclaimed index, the indices finished, the first failure. */
    private static final class Loop {
        final IntConsumer body;
        final int n;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger finished = new AtomicInteger();
        volatile Throwable failure;

        Loop(IntConsumer body, int n) {
            this.body = body;
            this.n = n;
        }

        /** Claims and runs indices until none is left. */
        void work() {
            for (int i; (i = next.getAndIncrement()) < n; ) {
                try {
                    if (failure == null) body.accept(i);
                } catch (Throwable t) {
                    if (failure == null) failure = t;
                } finally {
                    finished.incrementAndGet();
                }
            }
        }
    }

    private final Thread[] helpers;
    private volatile Loop current;
    private volatile boolean closed;

    /** A team of {@code threads} threads: the caller and threads − 1 helpers (none for one thread). */
    SpinningTeam(int threads, String name) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        helpers = new Thread[threads - 1];
        for (int h = 0; h < helpers.length; h++) {
            helpers[h] = new Thread(this::help, name + "-" + (h + 1));
            helpers[h].setDaemon(true);
            helpers[h].start();
        }
    }

    /** Threads in the team, the caller included. */
    int threads() {
        return helpers.length + 1;
    }

    /** Calls {@code body} for every index in [0, n), on the team; rethrows the first thing it threw. */
    void forEach(int n, IntConsumer body) {
        if (closed) throw new IllegalStateException("the team is closed");
        Loop loop = new Loop(body, n);
        current = loop;
        for (Thread h : helpers) LockSupport.unpark(h);
        loop.work();
        for (int spins = 0; loop.finished.get() < n; spins++) { // helpers finishing the indices they claimed
            if (spins < 1 << 16) Thread.onSpinWait();
            else Thread.yield();
        }
        Throwable t = loop.failure;
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        if (t != null) throw new IllegalStateException(t);
    }

    private void help() {
        Loop seen = null;
        while (!closed) {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            Loop loop;
            while ((loop = current) == seen && !closed) {
                if (System.nanoTime() < spinUntil) Thread.onSpinWait();
                else LockSupport.park(this); // forEach unparks after publishing the next loop
            }
            if (loop == seen) return; // closed
            seen = loop;
            loop.work();
        }
    }

    /** Stops the helpers (they finish what they claimed). */
    @Override
    public void close() {
        closed = true;
        for (Thread h : helpers) LockSupport.unpark(h);
    }
}
