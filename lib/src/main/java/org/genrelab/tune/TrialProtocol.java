package org.genrelab.tune;

/**
 * How a search trial reports to the scheduler and when it ends on its own.
 *
 * @param maxEpochs         epochs after which a trial ends (study: 50)
 * @param patience          a trial ends after more than this many epochs in a row without a better
 *                          validation metric (study: 4); 0 switches it off
 * @param onImprovementOnly report to the scheduler only after epochs that improved the best metric, as
 *                          the study's training function did ({@code tune.report} inside
 *                          {@code if accuracy > max_acc}); the scheduler's iteration is then the
 *                          number of improvements. When false, every epoch is reported.
 */
public record TrialProtocol(int maxEpochs, int patience, boolean onImprovementOnly) {

    public TrialProtocol {
        if (maxEpochs < 1) throw new IllegalArgumentException("maxEpochs must be >= 1, got " + maxEpochs);
        if (patience < 0) throw new IllegalArgumentException("patience must be >= 0, got " + patience);
    }

    /** The study's: 50 epochs, patience 4, reports on improvement only. */
    public static TrialProtocol study() {
        return new TrialProtocol(50, 4, true);
    }

    /** Every epoch reported, no patience: the scheduler alone stops trials. */
    public static TrialProtocol everyEpoch(int maxEpochs) {
        return new TrialProtocol(maxEpochs, 0, false);
    }
}
