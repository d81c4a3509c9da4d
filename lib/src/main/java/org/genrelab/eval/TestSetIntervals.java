package org.genrelab.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.genrelab.results.PredictionsCsv;
import org.genrelab.results.RunParameters;

/**
 * How sure the test scores are: each model's test macro-F1 (mean over its runs) with a bootstrap interval
 * over the test tracks ({@link TestSetBootstrap}), and its difference to a reference model on the same
 * resamples. Another test set of the same size would give other scores; the difference's interval says
 * whether a ranking would hold on it. Runs come from the notebooks' prediction files ({@link PredictionsCsv})
 * or from memory. The report shows them with {@code IntervalTables}.
 */
public final class TestSetIntervals {

    /** Resamples behind each interval. */
    public static final int RESAMPLES = 2000;

    /** The intervals' level. */
    public static final double LEVEL = 0.95;

    /**
     * One model's interval and its difference to the reference (percent).
     *
     * @param higherShare share of resamples on which the reference scores higher than this model
     */
    public record Row(String model, int runs, TestSetBootstrap.Interval macroF1, TestSetBootstrap.Interval difference,
                      double higherShare) {
    }

    private TestSetIntervals() {
    }

    /**
     * The intervals of the named models, from the notebooks' prediction files, with their differences to
     * {@code reference} (one of them).
     */
    public static List<Row> fromNotebooks(RunParameters params, List<String> notebooks, List<String> models, String reference,
                                          long seed) throws IOException {
        Map<String, List<PredictionsCsv.Run>> saved = new LinkedHashMap<>();
        for (String nb : notebooks) { // each file read once
            var f = PredictionsCsv.fileFor(params, nb);
            if (!Files.exists(f)) continue;
            for (PredictionsCsv.Run r : PredictionsCsv.read(f)) saved.computeIfAbsent(r.model(), k -> new ArrayList<>()).add(r);
        }
        Map<String, List<PredictionsCsv.Run>> runs = new LinkedHashMap<>();
        for (String m : models) {
            if (!saved.containsKey(m)) throw new IllegalStateException("no saved predictions for model '" + m + "' in " + notebooks);
            runs.put(m, saved.get(m));
        }
        return of(runs, reference, RESAMPLES, LEVEL, seed);
    }

    /**
     * The intervals of models given by their runs, with their differences to {@code reference}.
     *
     * @throws IllegalArgumentException if the reference is not among the models, or the runs were not
     *                                  tested on the same items (the same true labels in the same order)
     */
    public static List<Row> of(Map<String, List<PredictionsCsv.Run>> byModel, String reference, int resamples, double level,
                               long seed) {
        if (!byModel.containsKey(reference)) {
            throw new IllegalArgumentException("reference model '" + reference + "' is not among " + byModel.keySet());
        }
        List<PredictionsCsv.Run> all = byModel.values().stream().flatMap(List::stream).toList();
        List<String> truth = all.get(0).truth();
        for (PredictionsCsv.Run r : all) {
            if (!r.truth().equals(truth)) {
                throw new IllegalArgumentException(r.model() + " run " + r.run() + " was tested on other items than "
                        + all.get(0).model() + " run " + all.get(0).run() + ": intervals need one test set");
            }
        }
        List<String> classes = PredictionsCsv.classes(all);
        int[] y = PredictionsCsv.indices(truth, classes);
        TestSetBootstrap bootstrap = new TestSetBootstrap(y.length, resamples, seed);
        Map<String, List<int[]>> predicted = new LinkedHashMap<>();
        Map<String, double[]> replicates = new LinkedHashMap<>();
        for (var e : byModel.entrySet()) {
            List<int[]> p = e.getValue().stream().map(r -> PredictionsCsv.indices(r.predicted(), classes)).toList();
            predicted.put(e.getKey(), p);
            replicates.put(e.getKey(), bootstrap.resampledMeanMacroF1(y, p, classes.size()));
        }
        double refEstimate = TestSetBootstrap.meanMacroF1(y, predicted.get(reference), classes.size());
        List<Row> rows = new ArrayList<>();
        for (var e : byModel.entrySet()) {
            String m = e.getKey();
            double estimate = TestSetBootstrap.meanMacroF1(y, predicted.get(m), classes.size());
            double[] diff = TestSetBootstrap.difference(replicates.get(m), replicates.get(reference));
            rows.add(new Row(m, e.getValue().size(), TestSetBootstrap.interval(estimate, replicates.get(m), level),
                    TestSetBootstrap.interval(estimate - refEstimate, diff, level), shareBelow(diff, 0)));
        }
        return rows;
    }

    /**
     * The model of highest test macro-F1 (mean over its runs, each scored on its own test items; the first
     * on a tie): the natural reference for {@link #of}.
     *
     * @throws IllegalArgumentException if there are no models
     */
    public static String best(Map<String, List<PredictionsCsv.Run>> byModel) {
        if (byModel.isEmpty()) throw new IllegalArgumentException("no models to choose the best from");
        List<String> classes = PredictionsCsv.classes(byModel.values().stream().flatMap(List::stream).toList());
        String best = null;
        double top = Double.NEGATIVE_INFINITY;
        for (var e : byModel.entrySet()) {
            double f = e.getValue().stream().mapToDouble(r -> ClassificationMetrics.macroF1(PredictionsCsv.indices(r.truth(), classes),
                    PredictionsCsv.indices(r.predicted(), classes), classes.size())).average().orElse(Double.NaN);
            if (f > top) {
                top = f;
                best = e.getKey();
            }
        }
        if (best == null) throw new IllegalArgumentException("no model of " + byModel.keySet() + " has a scored run");
        return best;
    }

    /** {@link #of(Map, String, int, double, long)} with {@link #RESAMPLES} resamples at level {@link #LEVEL}. */
    public static List<Row> of(Map<String, List<PredictionsCsv.Run>> byModel, String reference, long seed) {
        return of(byModel, reference, RESAMPLES, LEVEL, seed);
    }

    /**
     * Two models on the same resamples: {@code model}'s interval and its difference to {@code reference}, and the
     * reference's own ({@link #RESAMPLES}, {@link #LEVEL}).
     */
    public static List<Row> versus(String model, List<PredictionsCsv.Run> runs, String reference,
                                   List<PredictionsCsv.Run> referenceRuns, long seed) {
        Map<String, List<PredictionsCsv.Run>> byModel = new LinkedHashMap<>();
        byModel.put(model, runs);
        byModel.put(reference, referenceRuns);
        return of(byModel, reference, RESAMPLES, LEVEL, seed);
    }

    /** The share of values strictly below {@code value}. */
    private static double shareBelow(double[] v, double value) {
        int n = 0;
        for (double d : v) if (d < value) n++;
        return (double) n / v.length;
    }
}
