package org.genrelab.deep;

import ai.djl.ndarray.NDArray;

/**
 * What an LSTM classifier passes from its top layer's outputs, shape (batch, time, hidden), to the
 * output layer.
 */
public enum LstmReadout {

    /** The study's: the output at the last time step, (batch, hidden). */
    LAST_STEP("last step"),

    /**
     * Beyond the study: the mean and the maximum over time of every output unit, side by side,
     * (batch, 2·hidden); every 0.96-s step of the clip then reaches the classifier directly.
     */
    MEAN_MAX("mean and max over time");

    private final String description;

    LstmReadout(String description) {
        this.description = description;
    }

    /** In words, as a network's description gives it. */
    public String description() {
        return description;
    }

    /** Applies the readout to (batch, time, hidden) outputs. */
    public NDArray apply(NDArray outputs) {
        if (outputs.getShape().dimension() != 3) {
            throw new IllegalArgumentException("LSTM outputs must be (batch, time, hidden), got " + outputs.getShape());
        }
        return switch (this) {
            case LAST_STEP -> outputs.get(":, -1, :");
            case MEAN_MAX -> outputs.mean(new int[] {1}).concat(outputs.max(new int[] {1}), 1);
        };
    }
}
