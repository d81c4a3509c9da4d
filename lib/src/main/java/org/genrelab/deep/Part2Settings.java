package org.genrelab.deep;

/**
 * Sizes of the Part 2 experiments: {@link #full()} is the study's protocol, {@link #quick()} shrinks
 * searches, epochs and data so CI runs in minutes.
 *
 * @param trials          LSTM random-search configurations (study: 200)
 * @param graceEpochs     ASHA grace period
 * @param reductionFactor ASHA reduction factor η
 * @param searchEpochs    ASHA maximum epochs per trial
 * @param threads         trials run at once
 * @param retrainEpochs   maximum epochs when retraining an LSTM
 * @param patience        early-stopping patience (epochs without better validation accuracy)
 * @param fcnnEpochs      maximum FCNN epochs
 * @param fcnnRuns        seeds per FCNN configuration (study: 3)
 * @param fcnnHidden      hidden sizes of the FCNN 2-1 sweep (study: 100, 90, ..., 20)
 * @param cnnEpochs       CNN epochs (study: 60)
 * @param trainLimit      use only the first this-many training tracks (0: all)
 */
public record Part2Settings(int trials, int graceEpochs, int reductionFactor, int searchEpochs, int threads,
                            int retrainEpochs, int patience, int fcnnEpochs, int fcnnRuns, int[] fcnnHidden,
                            int cnnEpochs, int trainLimit) {

    /** The study's settings (the FCNN's 1000 epochs are capped at 200 with early stopping). */
    public static Part2Settings full() {
        return new Part2Settings(200, 2, 3, 50, 2, 100, 10, 200, 3, new int[] {100, 90, 80, 70, 60, 50, 40, 30, 20},
                60, 0);
    }

    /** The same settings with {@code runs} seeds per FCNN configuration. */
    public Part2Settings withRuns(int runs) {
        return new Part2Settings(trials, graceEpochs, reductionFactor, searchEpochs, threads, retrainEpochs, patience,
                fcnnEpochs, runs, fcnnHidden, cnnEpochs, trainLimit);
    }

    /** Minutes instead of hours: few trials, few epochs, a slice of the training split. */
    public static Part2Settings quick() {
        return new Part2Settings(6, 1, 3, 3, 2, 4, 2, 3, 2, new int[] {30}, 3, 1500);
    }
}
