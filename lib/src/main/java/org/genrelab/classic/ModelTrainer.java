package org.genrelab.classic;

/**
 * Trains one kind of classifier on standardised rows. The study's models are implementations of this
 * interface; a trainer for another toolkit (e.g. a real CatBoost through a process or JNI) slots in by
 * implementing it.
 */
public interface ModelTrainer {

    /** Short row label, e.g. {@code "SVC"}. */
    String name();

    /** The hyperparameters as set, for reports. */
    String settings();

    /**
     * @param x        training rows
     * @param y        class indices in {@code [0, nClasses)}
     * @param nClasses number of classes
     * @param seed     seed of every random choice of the training
     */
    TrainedModel fit(double[][] x, int[] y, int nClasses, long seed);
}
