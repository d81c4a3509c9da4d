package org.genrelab.deep;

import java.util.List;
import org.genrelab.report.ResultRow;

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
}
