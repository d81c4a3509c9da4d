package org.genrelab.tune;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Random search: draws configurations from a sampler with one seeded {@link Random}, and runs them
 * as {@link Trial}s on a fixed number of threads under an {@link AshaScheduler}.
 */
public final class RandomSearch {

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

    /**
     * Runs every configuration as a trial, epoch by epoch, until the scheduler stops it.
     *
     * @param configs   configurations, trial ids are their indices
     * @param newTrial  builds a trial for a configuration and its id
     * @param scheduler decides after each epoch
     * @param threads   trials run at once (≥ 1)
     * @return one record per configuration, in id order
     */
    public static <C> List<TrialRecord<C>> run(List<C> configs, TrialFactory<C> newTrial, AshaScheduler scheduler,
                                               int threads) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<TrialRecord<C>>> futures = new ArrayList<>();
            for (int i = 0; i < configs.size(); i++) {
                final int id = i;
                futures.add(pool.submit(() -> runOne(id, configs.get(id), newTrial, scheduler)));
            }
            List<TrialRecord<C>> out = new ArrayList<>();
            for (Future<TrialRecord<C>> f : futures) {
                try {
                    out.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("search trial crashed", e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <C> TrialRecord<C> runOne(int id, C config, TrialFactory<C> newTrial, AshaScheduler scheduler) {
        List<Double> curve = new ArrayList<>();
        int epoch = 0;
        try (Trial trial = newTrial.create(id, config)) {
            while (true) {
                epoch++;
                double m = trial.trainEpoch(epoch);
                curve.add(m);
                if (scheduler.onResult(epoch, m) == AshaScheduler.Decision.STOP) break;
            }
            return new TrialRecord<>(id, config, Collections.unmodifiableList(curve), epoch, null);
        } catch (Exception e) {
            return new TrialRecord<>(id, config, Collections.unmodifiableList(curve), curve.size(),
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Builds a trial from a configuration. */
    @FunctionalInterface
    public interface TrialFactory<C> {
        Trial create(int id, C config) throws Exception;
    }
}
