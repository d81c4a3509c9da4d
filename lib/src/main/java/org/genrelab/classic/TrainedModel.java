package org.genrelab.classic;

/** A fitted classifier. */
public interface TrainedModel {

    /** Predicted class index of each row. */
    int[] predict(double[][] x);

    /** Importance of each input column, or {@code null} where the model has none. */
    default double[] featureImportance() {
        return null;
    }
}
