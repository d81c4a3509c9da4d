package org.genrelab.deep;

import java.util.ArrayList;
import java.util.List;
import org.genrelab.results.PredictionsCsv;
import org.genrelab.results.ResultRow;

/**
 * One model's outcome: every training run (curves, test predictions) and its tidy result rows
 * (test macro-F1, accuracy, macro one-vs-rest AUC; mean ± population std over runs).
 */
public record ModelResult(String model, List<TrainingRun> runs, List<ResultRow> rows) {

    /** The row of a metric ({@code "macro_f1"}, {@code "accuracy"}, {@code "macro_auc"}). */
    public ResultRow row(String metric) {
        return rows.stream().filter(r -> r.metric().equals(metric)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no metric " + metric + " for " + model));
    }

    /** The mean over runs of each run's best validation accuracy: how models are compared without the test split. */
    public double meanBestValAccuracy() {
        if (runs.isEmpty()) throw new IllegalStateException(model + " has no runs");
        return runs.stream().mapToDouble(TrainingRun::bestValAccuracy).average().orElseThrow();
    }

    /** The test predictions and probabilities of every run, with class names, for {@link PredictionsCsv}. */
    public List<PredictionsCsv.Run> predictions(List<String> classes) {
        List<PredictionsCsv.Run> out = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            out.add(PredictionsCsv.Run.of(model, i, runs.get(i).testTruth(), runs.get(i).testPredicted(),
                    runs.get(i).testProbabilities(), classes));
        }
        return out;
    }
}
