package org.genrelab.tune;

/**
 * One training run that a scheduler can advance epoch by epoch. Implementations own their model;
 * the scheduler only sees the validation metric (higher is better) reported after each epoch.
 */
public interface Trial extends AutoCloseable {

    /**
     * Trains one more epoch.
     *
     * @param epoch 1-based epoch number
     * @return the validation metric after this epoch (higher is better, e.g. accuracy)
     */
    double trainEpoch(int epoch) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
