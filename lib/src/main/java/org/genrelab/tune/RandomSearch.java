package org.genrelab.tune;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Random search: draws configurations from a sampler with one seeded {@link Random}, and runs them
 * as {@link Trial}s under an {@link AshaScheduler}, on several threads, with the decisions a
 * one-thread run would take.
 *
 * <p>ASHA's decisions depend on the order in which reports reach a rung. Here trial {@code i} is
 * judged at a rung only once every trial {@code j < i} has either been recorded at that rung or
 * ended, so each decision sees exactly the values it would see if the trials ran one after another in
 * id order. Trials start in id order; up to {@code 4 · threads} are under way at once (one waiting
 * for a predecessor frees its core for another: with only {@code 2 · threads}, one long trial held
 * back the others at its rung and left a core idle), at most {@code threads} train at the same
 * moment, and they take the cores first come, first served. Given trials that are themselves deterministic, the search's records do not depend on
 * {@code threads} or on timing.
 */
public final class RandomSearch {

    /** Trials under way per training thread: the others wait at a rung for a predecessor. */
    static final int IN_FLIGHT_PER_THREAD = 4;

    private RandomSearch() {
    }

    /** A draw from [lo, hi) uniform in log space (lo, hi > 0). */
    public static double logUniform(Random rnd, double lo, double hi) {
        return Math.exp(Math.log(lo) + rnd.nextDouble() * (Math.log(hi) - Math.log(lo)));
    }

    /** A draw from [lo, hi) uniform. */
    public static double uniform(Random rnd, double lo, double hi) {
        return lo + rnd.nextDouble() * (hi - lo);
    }

    /** An integer from lo..hi inclusive. */
    public static int intBetween(Random rnd, int lo, int hi) {
        return lo + rnd.nextInt(hi - lo + 1);
    }

    /** One of the values, each equally likely. */
    public static int choice(Random rnd, int... values) {
        return values[rnd.nextInt(values.length)];
    }

    /** {@code n} configurations drawn in order from one {@code Random(seed)}. */
    public static <C> List<C> sample(int n, long seed, Function<Random, C> sampler) {
        Random rnd = new Random(seed);
        List<C> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(sampler.apply(rnd));
        return out;
    }

    /** {@link #run(List, TrialFactory, AshaScheduler, TrialProtocol, int, Consumer)} without progress reports. */
    public static <C> List<TrialRecord<C>> run(List<C> configs, TrialFactory<C> newTrial, AshaScheduler scheduler,
                                               TrialProtocol protocol, int threads) throws InterruptedException {
        return run(configs, newTrial, scheduler, protocol, threads, r -> { });
    }

    /** {@link #run(List, TrialFactory, AshaScheduler, TrialProtocol, int, SearchJournal, Consumer)} without a journal. */
    public static <C> List<TrialRecord<C>> run(List<C> configs, TrialFactory<C> newTrial, AshaScheduler scheduler,
                                               TrialProtocol protocol, int threads, Consumer<TrialRecord<C>> finished)
            throws InterruptedException {
        return run(configs, newTrial, scheduler, protocol, threads, null, finished);
    }

    /**
     * Runs every configuration as a trial, epoch by epoch, until the scheduler, the protocol's
     * patience or its epoch limit ends it. With a journal, trials it holds are replayed from their
     * recorded curves instead of trained (same decisions, checked against the record), and every
     * trial that ends is journalled.
     *
     * @param configs   configurations, trial ids are their indices
     * @param newTrial  builds a trial for a configuration and its id
     * @param scheduler judges reports
     * @param protocol  when trials report and end on their own
     * @param threads   trials training at the same moment (≥ 1)
     * @param journal   the search's {@link SearchJournal}, or null
     * @param finished  called with each trial's record as it ends (e.g. a progress bar)
     * @return one record per configuration, in id order
     */
    public static <C> List<TrialRecord<C>> run(List<C> configs, TrialFactory<C> newTrial, AshaScheduler scheduler,
                                               TrialProtocol protocol, int threads, SearchJournal<C> journal,
                                               Consumer<TrialRecord<C>> finished) throws InterruptedException {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        Order order = new Order(configs.size(), scheduler);
        Semaphore cores = new Semaphore(threads, true);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(configs.size(), IN_FLIGHT_PER_THREAD * threads)));
        try {
            List<Future<TrialRecord<C>>> futures = new ArrayList<>();
            for (int i = 0; i < configs.size(); i++) {
                final int id = i;
                futures.add(pool.submit(() -> {
                    TrialRecord<C> r;
                    boolean recorded = false;
                    try {
                        var done = journal == null ? Optional.<TrialRecord<C>>empty()
                                : journal.finished(id, configs.get(id));
                        if (done.isPresent()) {
                            TrialFactory<C> replay = (tid, c) -> new Replay(done.get().curve(), done.get().failure());
                            r = runOne(id, configs.get(id), replay, scheduler, protocol, order, cores);
                            if (!r.equals(done.get())) {
                                throw new IllegalStateException("the search journal " + journal.file() + " does not replay trial "
                                        + id + " (journalled " + done.get() + ", replayed " + r + "): it was written by other code "
                                        + "or data; delete it to start the search afresh");
                            }
                        } else {
                            r = runOne(id, configs.get(id), newTrial, scheduler, protocol, order, cores);
                            // after a trial died without a record, later trials may have decided without its value:
                            // such records are not the uninterrupted search's, so the journal stops there
                            if (journal != null && !order.aborted()) journal.append(r);
                        }
                        recorded = true;
                    } finally {
                        order.ended(id, recorded);
                    }
                    finished.accept(r);
                    return r;
                }));
            }
            List<TrialRecord<C>> out = new ArrayList<>();
            for (Future<TrialRecord<C>> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("search trial crashed", e.getCause());
                }
            }
            return out;
        } finally {
            stopAndWait(pool);
        }
    }

    /**
     * Interrupts the trials still running and waits for them: each stops at its next epoch (the core semaphore
     * is interruptible), so none trains, or writes to the journal, after {@link #run} has returned or thrown
     * (a rerun of the search would otherwise overlap with them).
     */
    private static void stopAndWait(ExecutorService pool) {
        pool.shutdownNow();
        boolean interrupted = Thread.interrupted(); // keep the caller's interrupt, but wait all the same
        try {
            while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                // an epoch in progress finishes first; nothing else to do but wait
            }
        } catch (InterruptedException e) {
            interrupted = true; // interrupted twice: give up waiting
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    private static <C> TrialRecord<C> runOne(int id, C config, TrialFactory<C> newTrial, AshaScheduler scheduler,
                                             TrialProtocol protocol, Order order, Semaphore cores)
            throws InterruptedException {
        List<Double> curve = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        int sinceBest = 0;
        int reports = 0;
        String stoppedBy = "max-epochs";
        Trial trial = null;
        try {
            cores.acquire();
            try {
                trial = newTrial.create(id, config);
            } finally {
                cores.release();
            }
            for (int epoch = 1; epoch <= protocol.maxEpochs(); epoch++) {
                double m;
                cores.acquire();
                try {
                    m = trial.trainEpoch(epoch);
                } finally {
                    cores.release();
                }
                curve.add(m);
                boolean improved = m > best;
                if (improved) {
                    best = m;
                    sinceBest = 0;
                } else {
                    sinceBest++;
                }
                if (improved || !protocol.onImprovementOnly()) {
                    reports++;
                    int iteration = protocol.onImprovementOnly() ? reports : epoch;
                    if (iteration >= scheduler.maxT()) {
                        stoppedBy = "max-t";
                        break;
                    }
                    int rung = scheduler.rungFor(id, iteration);
                    if (rung >= 0) {
                        order.awaitPredecessors(id, rung);
                        if (scheduler.onResult(id, iteration, m) == AshaScheduler.Decision.STOP) {
                            stoppedBy = "asha@" + scheduler.rungEpochs()[rung];
                            order.recorded();
                            break;
                        }
                        order.recorded();
                    }
                }
                if (protocol.patience() > 0 && sinceBest > protocol.patience()) {
                    stoppedBy = "patience";
                    break;
                }
            }
            return new TrialRecord<>(id, config, Collections.unmodifiableList(curve), curve.size(), stoppedBy, null);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return new TrialRecord<>(id, config, Collections.unmodifiableList(curve), curve.size(), "failure",
                    e instanceof Replay.Failure f ? f.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            if (trial != null) {
                try {
                    trial.close();
                } catch (Exception ignored) {
                    // closing frees native memory; a failure here must not hide the trial's record
                }
            }
        }
    }

    /** Makes trial i wait, at a rung, for every trial j < i to be recorded there or to have ended. */
    private static final class Order {
        private final boolean[] ended;
        private final AshaScheduler scheduler;
        private boolean aborted;

        Order(int n, AshaScheduler scheduler) {
            this.ended = new boolean[n];
            this.scheduler = scheduler;
        }

        synchronized void awaitPredecessors(int id, int rung) throws InterruptedException {
            while (!ready(id, rung)) wait();
        }

        private boolean ready(int id, int rung) {
            for (int j = 0; j < id; j++) if (!ended[j] && !scheduler.isRecorded(j, rung)) return false;
            return true;
        }

        synchronized void recorded() {
            notifyAll();
        }

        /** Trial {@code id} is over: with its record, or died without one (an Error, an interrupt). */
        synchronized void ended(int id, boolean recorded) {
            if (!recorded) aborted = true;
            ended[id] = true;
            notifyAll();
        }

        /** Whether some trial died without a record. */
        synchronized boolean aborted() {
            return aborted;
        }
    }

    /**
     * A journalled trial: reports its recorded curve; asked for the epoch after it, fails as the trial did
     * (its recorded failure), or says that the journal does not replay.
     */
    private record Replay(List<Double> curve, String failure) implements Trial {
        @Override
        public double trainEpoch(int epoch) throws Failure {
            if (epoch <= curve.size()) return curve.get(epoch - 1);
            throw new Failure(failure != null ? failure : "epoch " + epoch + " is beyond the journalled curve");
        }

        /** The replayed failure, recorded with the journalled message as it is. */
        static final class Failure extends Exception {
            Failure(String message) {
                super(message);
            }
        }
    }

    /** Builds a trial from a configuration. */
    @FunctionalInterface
    public interface TrialFactory<C> {
        Trial create(int id, C config) throws Exception;
    }
}
