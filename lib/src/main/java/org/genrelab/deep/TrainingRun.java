package org.genrelab.deep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one training: per-epoch curves (plain lists, one entry per epoch trained), the
 * epoch with the best validation accuracy, and the test predictions made by the model at that epoch.
 *
 * @param trainLoss          mean training loss per epoch (training mode, as the study logs it)
 * @param trainAccuracy      training accuracy per epoch (training mode)
 * @param valLoss            validation loss per epoch (inference mode)
 * @param valAccuracy        validation accuracy per epoch
 * @param bestEpoch          1-based epoch of the best validation accuracy
 * @param testTruth          test labels (empty when no test split was given)
 * @param testPredicted      test predictions at {@code bestEpoch}
 * @param testProbabilities  softmax probabilities at {@code bestEpoch}, (n, classes)
 * @param seconds            wall time of the training
 * @param device             where it ran, see {@link DeviceChoice#describe()}
 */
public record TrainingRun(List<Double> trainLoss, List<Double> trainAccuracy, List<Double> valLoss,
                          List<Double> valAccuracy, int bestEpoch, int[] testTruth, int[] testPredicted,
                          double[][] testProbabilities, double seconds, String device) {

    public int epochs() {
        return valAccuracy.size();
    }

    public double bestValAccuracy() {
        return valAccuracy.get(bestEpoch - 1);
    }

    /** Train and validation loss per epoch, named for a chart. */
    public Map<String, List<Double>> lossCurves() {
        Map<String, List<Double>> m = new LinkedHashMap<>();
        m.put("train loss", trainLoss);
        m.put("validation loss", valLoss);
        return m;
    }

    /** Train and validation accuracy per epoch, named for a chart. */
    public Map<String, List<Double>> accuracyCurves() {
        Map<String, List<Double>> m = new LinkedHashMap<>();
        m.put("train accuracy", trainAccuracy);
        m.put("validation accuracy", valAccuracy);
        return m;
    }
}
