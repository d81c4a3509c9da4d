package org.genrelab.tune;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Asynchronous successive halving (ASHA, Li et al. 2018, "A System for Massively Parallel
 * Hyperparameter Tuning") in its stopping form, as Ray Tune's {@code ASHAScheduler} applies it.
 *
 * <p>Rungs sit at {@code gracePeriod · reductionFactor^k} epochs, below {@code maxEpochs}. When a
 * trial reports at a rung its metric is recorded there; the trial goes on iff the metric is among
 * the best {@code ceil(n / reductionFactor)} of the {@code n} values recorded at that rung so far
 * (itself included) — so early arrivals are promoted optimistically and later ones must beat the
 * top {@code 1/reductionFactor} fraction. Every trial stops at {@code maxEpochs}.
 *
 * <p>Hand-written because no Maven Central library implements ASHA; it knows nothing of DJL.
 * Thread-safe: trials running on several threads report concurrently.
 */
public final class AshaScheduler {

    /** What a trial does after reporting. */
    public enum Decision { CONTINUE, STOP }

    private final int gracePeriod;
    private final int reductionFactor;
    private final int maxEpochs;
    private final int[] rungEpochs;
    private final List<List<Double>> recorded;

    /**
     * @param gracePeriod     epochs before the first rung (≥ 1)
     * @param reductionFactor η: the fraction 1/η of trials goes on at each rung (≥ 2)
     * @param maxEpochs       epochs after which every trial stops (≥ gracePeriod)
     */
    public AshaScheduler(int gracePeriod, int reductionFactor, int maxEpochs) {
        if (gracePeriod < 1) throw new IllegalArgumentException("gracePeriod must be >= 1, got " + gracePeriod);
        if (reductionFactor < 2) throw new IllegalArgumentException("reductionFactor must be >= 2, got " + reductionFactor);
        if (maxEpochs < gracePeriod) {
            throw new IllegalArgumentException("maxEpochs (" + maxEpochs + ") must be >= gracePeriod (" + gracePeriod + ")");
        }
        this.gracePeriod = gracePeriod;
        this.reductionFactor = reductionFactor;
        this.maxEpochs = maxEpochs;
        List<Integer> rungs = new ArrayList<>();
        for (long r = gracePeriod; r < maxEpochs; r *= reductionFactor) rungs.add((int) r);
        this.rungEpochs = rungs.stream().mapToInt(Integer::intValue).toArray();
        this.recorded = new ArrayList<>();
        for (int i = 0; i < rungEpochs.length; i++) recorded.add(new ArrayList<>());
    }

    /** Epochs at which rungs sit, ascending. */
    public int[] rungEpochs() {
        return rungEpochs.clone();
    }

    public int gracePeriod() {
        return gracePeriod;
    }

    public int reductionFactor() {
        return reductionFactor;
    }

    public int maxEpochs() {
        return maxEpochs;
    }

    /**
     * Records a trial's metric after {@code epoch} (1-based) and decides whether it goes on.
     * Reports between rungs always continue.
     */
    public synchronized Decision onResult(int epoch, double metric) {
        if (epoch >= maxEpochs) return Decision.STOP;
        for (int k = 0; k < rungEpochs.length; k++) {
            if (rungEpochs[k] != epoch) continue;
            List<Double> rung = recorded.get(k);
            rung.add(metric);
            List<Double> sorted = new ArrayList<>(rung);
            sorted.sort(Collections.reverseOrder());
            int keep = (sorted.size() + reductionFactor - 1) / reductionFactor; // ceil(n / eta)
            double cutoff = sorted.get(keep - 1);
            return metric >= cutoff ? Decision.CONTINUE : Decision.STOP;
        }
        return Decision.CONTINUE;
    }

    /** The metrics recorded so far at rung {@code k}, in arrival order. */
    public synchronized List<Double> recordedAt(int k) {
        return List.copyOf(recorded.get(k));
    }
}
