package org.genrelab.tune;

import java.util.List;

/**
 * What a search learned from one trial: its configuration, the validation metric after each epoch
 * it ran, and why and when it stopped.
 *
 * @param id        trial index in the search (0-based)
 * @param config    the sampled configuration
 * @param curve     validation metric after epochs 1..stoppedAt
 * @param stoppedAt the last epoch trained
 * @param stoppedBy what ended it: {@code "asha@<rung iteration>"}, {@code "patience"}, {@code "max-epochs"},
 *                  {@code "max-t"} or {@code "failure"}
 * @param failure   null, or the message of the exception that ended the trial
 */
public record TrialRecord<C>(int id, C config, List<Double> curve, int stoppedAt, String stoppedBy, String failure) {

    /** Validation metric at the epoch it stopped (NaN when it never reported). */
    public double lastMetric() {
        return curve.isEmpty() ? Double.NaN : curve.get(curve.size() - 1);
    }

    /** Best validation metric it reached (NaN when it never reported). */
    public double bestMetric() {
        return curve.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
