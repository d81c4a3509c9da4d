package org.genrelab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.genrelab.eval.ClassificationMetrics;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.StandardDeviation;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import org.genrelab.results.ResultRow;
import org.genrelab.results.ResultsCsv;
import org.genrelab.results.PredictionsCsv;
import org.genrelab.results.RunParameters;

/**
 * Gathers the results files of several notebooks into one table beside the study's numbers: one row
 * per model with our test macro-F1 (percent, mean and std over runs), accuracy, training seconds, the
 * device, and the study's F1 for the model family its name starts with; then per-genre F1 and the
 * confusion matrix of the best model from its saved predictions ({@link PredictionsCsv}).
 */
public final class Part2Summary {

    /**
     * The experiment of the rows this table gathers ({@code Part2Experiments.EXPERIMENT}); a results file may hold others
     * (06-fcnn's hidden-size sweep), whose models are not Part 2 results of their own.
     */
    public static final String EXPERIMENT = ResultRow.PART2_EXPERIMENT;

    private Part2Summary() {
    }

    public static Table table(RunParameters params, Map<String, Double> study, List<String> notebooks) throws IOException {
        StringColumn model = StringColumn.create("model");
        DoubleColumn ours = DoubleColumn.create("ours");
        DoubleColumn std = DoubleColumn.create("std");
        IntColumn runs = IntColumn.create("runs");
        DoubleColumn acc = DoubleColumn.create("accuracy");
        DoubleColumn ref = DoubleColumn.create("study");
        DoubleColumn seconds = DoubleColumn.create("train seconds");
        StringColumn device = StringColumn.create("device");
        List<String> missing = new ArrayList<>();
        for (String nb : notebooks) {
            var f = params.resultsFile(nb);
            if (!Files.exists(f)) {
                missing.add(nb);
                continue;
            }
            List<ResultRow> rows = ResultsCsv.read(f).stream().filter(r -> r.experiment().equals(EXPERIMENT)).toList();
            for (ResultRow r : rows) {
                if (!r.metric().equals("macro_f1")) continue;
                model.append(r.model());
                ours.append(100 * r.value());
                std.append(100 * r.std());
                runs.append(r.runs());
                acc.append(rows.stream().filter(a -> a.model().equals(r.model()) && a.metric().equals("accuracy"))
                        .mapToDouble(a -> 100 * a.value()).findFirst().orElse(Double.NaN));
                String family = study.keySet().stream()
                        .filter(k -> r.model().toLowerCase(Locale.ROOT).startsWith(k)).findFirst().orElse(null);
                ref.append(family == null ? Double.NaN : study.get(family));
                seconds.append(r.seconds());
                device.append(r.device());
            }
        }
        if (model.size() == 0) {
            throw new IllegalStateException("no results yet: run the notebooks " + notebooks + " first (missing: " + missing + ")");
        }
        return Table.create("Test macro-F1 (%): ours and the study's", model, ours, std, runs, acc, ref, seconds, device);
    }

    /** The model with the highest mean macro-F1 in a {@link #table} (the first on ties). */
    public static String bestModel(Table summary) {
        int best = 0;
        for (int i = 1; i < summary.rowCount(); i++) {
            if (summary.doubleColumn("ours").getDouble(i) > summary.doubleColumn("ours").getDouble(best)) best = i;
        }
        return summary.stringColumn("model").get(best);
    }

    /** The saved test predictions of {@code model}, one entry per run, from the notebooks' prediction files. */
    public static List<PredictionsCsv.Run> predictions(RunParameters params, List<String> notebooks, String model)
            throws IOException {
        List<PredictionsCsv.Run> out = new ArrayList<>();
        for (String nb : notebooks) {
            var f = PredictionsCsv.fileFor(params, nb);
            if (!Files.exists(f)) continue;
            for (PredictionsCsv.Run r : PredictionsCsv.read(f)) if (r.model().equals(model)) out.add(r);
        }
        if (out.isEmpty()) throw new IllegalStateException("no saved predictions for model '" + model + "' in " + notebooks);
        return out;
    }

    /** Per-class test F1 (percent): mean and std over the runs. */
    public static Table perClassF1(String title, List<PredictionsCsv.Run> runs) {
        List<String> classes = PredictionsCsv.classes(runs);
        double[][] f1 = new double[runs.size()][];
        for (int k = 0; k < runs.size(); k++) {
            f1[k] = ClassificationMetrics.perClassF1(PredictionsCsv.indices(runs.get(k).truth(), classes),
                    PredictionsCsv.indices(runs.get(k).predicted(), classes), classes.size());
        }
        DoubleColumn mean = DoubleColumn.create("F1 (%)");
        DoubleColumn sd = DoubleColumn.create("std");
        for (int c = 0; c < classes.size(); c++) {
            final int k = c;
            double[] perRun = Arrays.stream(f1).mapToDouble(f -> f[k]).toArray();
            mean.append(100 * Mean.of(perRun).getAsDouble());
            sd.append(100 * StandardDeviation.of(perRun).setBiased(true).getAsDouble());
        }
        return Table.create(title, StringColumn.create("genre", classes), mean, sd);
    }

    /** The confusion matrix summed over the runs (rows: true class, columns: predicted; {@link #classes} order). */
    public static int[][] confusion(List<PredictionsCsv.Run> runs) {
        List<String> classes = PredictionsCsv.classes(runs);
        int[][] sum = new int[classes.size()][classes.size()];
        for (PredictionsCsv.Run r : runs) {
            int[][] c = ClassificationMetrics.confusion(PredictionsCsv.indices(r.truth(), classes), PredictionsCsv.indices(r.predicted(), classes),
                    classes.size());
            for (int i = 0; i < c.length; i++) for (int j = 0; j < c.length; j++) sum[i][j] += c[i][j];
        }
        return sum;
    }

}
