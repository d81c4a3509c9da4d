package org.genrelab.tune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asynchronous successive halving (ASHA, Li et al. 2018, "A System for Massively Parallel
 * Hyperparameter Tuning") in its stopping form, with the decision rule of Ray Tune 1.0's
 * {@code ASHAScheduler}, which the study used ({@code grace_period=1, reduction_factor=2, max_t=50}).
 *
 * <p>Rungs sit at {@code gracePeriod · reductionFactor^k} below {@code maxT}. A trial's report
 * at iteration {@code t} is judged at the highest rung at or below {@code t} where the trial has
 * not been recorded yet: with the values other trials recorded there before it, the cutoff is their
 * {@code (1 − 1/η)} quantile (linear interpolation, as {@code numpy.nanpercentile}); the trial stops
 * iff its metric is below the cutoff, and its metric is recorded. The first trial at a rung always
 * goes on. Every trial stops at {@code maxT}. Higher metrics are better.
 *
 * <p>Hand-written because no Maven Central library implements ASHA; it knows nothing of DJL.
 * Thread-safe. Which values a decision sees depends on the order reports arrive in: {@link RandomSearch}
 * makes that order the trial-id order, so a search decides the same with one thread or several.
 */
public final class AshaScheduler {

    /** What a trial does after reporting. */
    public enum Decision { CONTINUE, STOP }

    private final int gracePeriod;
    private final int reductionFactor;
    private final int maxT;
    private final int[] rungs;
    private final List<Map<Integer, Double>> recorded;

    /**
     * @param gracePeriod     iterations before the first rung (≥ 1)
     * @param reductionFactor η: roughly 1/η of the trials goes on at each rung (≥ 2)
     * @param maxT            iterations after which every trial stops (≥ gracePeriod)
     */
    public AshaScheduler(int gracePeriod, int reductionFactor, int maxT) {
        if (gracePeriod < 1) throw new IllegalArgumentException("gracePeriod must be >= 1, got " + gracePeriod);
        if (reductionFactor < 2) throw new IllegalArgumentException("reductionFactor must be >= 2, got " + reductionFactor);
        if (maxT < gracePeriod) {
            throw new IllegalArgumentException("maxT (" + maxT + ") must be >= gracePeriod (" + gracePeriod + ")");
        }
        this.gracePeriod = gracePeriod;
        this.reductionFactor = reductionFactor;
        this.maxT = maxT;
        List<Integer> r = new ArrayList<>();
        for (long t = gracePeriod; t < maxT; t *= reductionFactor) r.add((int) t);
        this.rungs = r.stream().mapToInt(Integer::intValue).toArray();
        this.recorded = new ArrayList<>();
        for (int i = 0; i < rungs.length; i++) recorded.add(new LinkedHashMap<>());
    }

    /** Iterations at which rungs sit, ascending. */
    public int[] rungEpochs() {
        return rungs.clone();
    }

    public int gracePeriod() {
        return gracePeriod;
    }

    public int reductionFactor() {
        return reductionFactor;
    }

    public int maxT() {
        return maxT;
    }

    /**
     * The rung (index into {@link #rungEpochs()}) at which a report of {@code trial} at
     * {@code iteration} would be judged, or −1 when it passes no decision point.
     */
    public synchronized int rungFor(int trial, int iteration) {
        if (iteration >= maxT) return -1;
        for (int k = rungs.length - 1; k >= 0; k--) {
            if (iteration >= rungs[k] && !recorded.get(k).containsKey(trial)) return k;
        }
        return -1;
    }

    /** Whether {@code trial} has a value recorded at rung {@code k}. */
    public synchronized boolean isRecorded(int trial, int k) {
        return recorded.get(k).containsKey(trial);
    }

    /**
     * Judges a report of {@code trial} after {@code iteration} (1-based) with {@code metric}, records
     * it at its rung, and says whether the trial goes on.
     */
    public synchronized Decision onResult(int trial, int iteration, double metric) {
        if (iteration >= maxT) return Decision.STOP;
        int k = rungFor(trial, iteration);
        if (k < 0) return Decision.CONTINUE;
        Map<Integer, Double> rung = recorded.get(k);
        double cutoff = cutoff(rung.values(), reductionFactor);
        rung.put(trial, metric);
        return !Double.isNaN(cutoff) && metric < cutoff ? Decision.STOP : Decision.CONTINUE;
    }

    /** The metrics recorded so far at rung {@code k}, in arrival order. */
    public synchronized List<Double> recordedAt(int k) {
        return List.copyOf(recorded.get(k).values());
    }

    /** The (1 − 1/η) quantile of the values, linear interpolation; NaN when there are none. */
    static double cutoff(Collection<Double> values, int reductionFactor) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) return Double.NaN;
        double pos = (1.0 - 1.0 / reductionFactor) * (v.length - 1); // numpy.percentile, method 'linear'
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, v.length - 1);
        return v[lo] + (pos - lo) * (v[hi] - v[lo]);
    }

    @Override
    public String toString() {
        return "ASHA(grace " + gracePeriod + ", eta " + reductionFactor + ", max_t " + maxT + ", rungs "
                + Arrays.toString(rungs) + ")";
    }
}
