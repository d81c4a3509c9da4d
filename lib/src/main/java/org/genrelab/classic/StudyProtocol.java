package org.genrelab.classic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genrelab.eval.ClassificationMetrics;
import org.genrelab.features.FmaFeatureCsv;
import org.genrelab.results.PredictionsCsv;
import org.genrelab.results.ResultRow;

/**
 * The study's Part 1 protocol on a feature table: split (stratified 75/25 with a seed, or FMA's
 * official split), standardise on the training part, train every model, score macro-F1 and accuracy
 * on the test part; repeat over seeds and summarise as mean ± std.
 */
public final class StudyProtocol {

    /** The study's test fraction. */
    public static final double TEST_FRACTION = 0.25;

    /**
     * One model trained and scored on one split.
     *
     * @param testIds   the test tracks, in the order of {@code truth} and {@code predicted}
     * @param truth     their genres (class indices)
     * @param predicted the model's genres for them
     */
    public record Run(String model, String split, long seed, double accuracy, double macroF1, double[] perClassF1,
                      int[][] confusion, double trainSeconds, double predictSeconds, double[] importance,
                      List<String> testIds, int[] truth, int[] predicted) {
    }

    /**
     * Everything one experiment produced.
     *
     * @param experiment experiment name for result rows
     * @param dataset    the table's source
     * @param classes    genre names, class order of confusion and per-class F1
     * @param columns    the feature columns (order of importances)
     * @param models     model names, in the order given
     * @param runs       every (model, seed) run
     * @param seconds    wall time of the whole experiment
     */
    public record Outcome(String experiment, String dataset, List<String> classes, List<FmaFeatureCsv.Column> columns,
                          List<String> models, List<Run> runs, double seconds) {

        /** The runs of one model. */
        public List<Run> runs(String model) {
            return runs.stream().filter(r -> r.model().equals(model)).toList();
        }

        /** Mean macro-F1 of a model over its runs. */
        public double meanMacroF1(String model) {
            return runs(model).stream().mapToDouble(Run::macroF1).average().orElse(Double.NaN);
        }

        /** The model with the highest mean macro-F1. */
        public String bestModel() {
            return models.stream().max(Comparator.comparingDouble(this::meanMacroF1)).orElseThrow();
        }

        /** Confusion counts of a model summed over its runs, {@code [true][predicted]}. */
        public int[][] confusion(String model) {
            int k = classes.size();
            int[][] sum = new int[k][k];
            for (Run r : runs(model)) for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) sum[i][j] += r.confusion()[i][j];
            return sum;
        }

        /** Per-genre F1 of a model, mean over its runs. */
        public double[] perClassF1(String model) {
            double[] m = new double[classes.size()];
            List<Run> rs = runs(model);
            for (Run r : rs) for (int k = 0; k < m.length; k++) m[k] += r.perClassF1()[k] / rs.size();
            return m;
        }

        /** Feature importances of a model (mean over runs, normalised to sum 1), column → value; empty if none. */
        public Map<FmaFeatureCsv.Column, Double> importance(String model) {
            double[] m = new double[columns.size()];
            for (Run r : runs(model)) {
                if (r.importance() == null) return Map.of();
                for (int j = 0; j < m.length; j++) m[j] += r.importance()[j];
            }
            double s = 0;
            for (double v : m) s += v;
            Map<FmaFeatureCsv.Column, Double> out = new LinkedHashMap<>();
            for (int j = 0; j < m.length; j++) out.put(columns.get(j), s > 0 ? m[j] / s : 0);
            return out;
        }

        /**
         * Each model's test predictions, one entry per run, for intervals over the test tracks
         * ({@link org.genrelab.eval.TestSetIntervals}).
         *
         * @throws IllegalStateException if the runs were tested on different tracks (stratified splits, one per seed):
         *                               such intervals need one test set, as the official split gives
         */
        public Map<String, List<PredictionsCsv.Run>> predictions() {
            List<String> ids = runs.get(0).testIds();
            for (Run r : runs) {
                if (!r.testIds().equals(ids)) {
                    throw new IllegalStateException(experiment + ": the runs were tested on different tracks (" + r.split()
                            + ", " + runs.get(0).split() + "); intervals over the test tracks need one test set, as the official split gives");
                }
            }
            Map<String, List<PredictionsCsv.Run>> out = new LinkedHashMap<>();
            for (String m : models) {
                List<Run> rs = runs(m);
                List<PredictionsCsv.Run> p = new ArrayList<>();
                for (int k = 0; k < rs.size(); k++) p.add(PredictionsCsv.Run.of(m, k, rs.get(k).truth(), rs.get(k).predicted(), classes));
                out.put(m, p);
            }
            return out;
        }

        /**
         * Tidy rows: macro_f1, accuracy, train_seconds, predict_seconds per model (mean, std over runs).
         *
         * @param threads the threads the models trained on, for the rows' device ({@code cpu (4 threads)})
         */
        public List<ResultRow> resultRows(int threads) {
            String device = "cpu (" + threads + " threads)";
            List<ResultRow> rows = new ArrayList<>();
            for (String m : models) {
                List<Run> rs = runs(m);
                rows.add(ResultRow.of(experiment, m, "macro_f1", rs.stream().mapToDouble(Run::macroF1).toArray(), seconds, device, dataset));
                rows.add(ResultRow.of(experiment, m, "accuracy", rs.stream().mapToDouble(Run::accuracy).toArray(), seconds, device, dataset));
                rows.add(ResultRow.of(experiment, m, "train_seconds", rs.stream().mapToDouble(Run::trainSeconds).toArray(), seconds, device, dataset));
                rows.add(ResultRow.of(experiment, m, "predict_seconds", rs.stream().mapToDouble(Run::predictSeconds).toArray(), seconds, device, dataset));
            }
            return rows;
        }
    }

    private StudyProtocol() {
    }

    /**
     * The study's five models with its hyperparameters: SVC, random forest, gradient boosting, logistic regression, the
     * CatBoost row; SVC, the forest and logistic regression train on {@code threads} threads.
     */
    public static List<ModelTrainer> studyModels(int threads) {
        return List.of(new SvcTrainer(threads), new RandomForestTrainer(RandomForestTrainer.STUDY_TREES, threads),
                new GradientBoostingTrainer(), new LogisticRegressionTrainer(threads), new CatBoostStandInTrainer());
    }

    /** The protocol as a run records it: the seeds, the test fraction, then each model with its hyperparameters. */
    public static String settings(List<ModelTrainer> models, long... seeds) {
        StringBuilder sb = new StringBuilder("seeds ").append(Arrays.toString(seeds))
                .append(", stratified test fraction ").append(TEST_FRACTION);
        for (ModelTrainer m : models) sb.append("; ").append(m.name()).append(": ").append(m.settings());
        return sb.toString();
    }

    /** Stratified 75/25 splits, one per seed; every model on every split. */
    public static Outcome stratified(String experiment, FeatureTable table, List<ModelTrainer> models, long... seeds) {
        long t0 = System.nanoTime();
        table.validate();
        List<Run> runs = new ArrayList<>();
        for (long seed : seeds) {
            TrainTestSplit s = TrainTestSplit.stratified(table, TEST_FRACTION, seed);
            for (ModelTrainer m : models) runs.add(run(m, s, seed));
        }
        return outcome(experiment, table, models, runs, t0);
    }

    /** FMA's official split (training / test); the models' seeds vary, the split does not. */
    public static Outcome official(String experiment, FeatureTable table, List<ModelTrainer> models, long... seeds) {
        long t0 = System.nanoTime();
        TrainTestSplit s = TrainTestSplit.official(table, false);
        List<Run> runs = new ArrayList<>();
        for (long seed : seeds) for (ModelTrainer m : models) runs.add(run(m, s, seed));
        return outcome(experiment, table, models, runs, t0);
    }

    private static Outcome outcome(String experiment, FeatureTable table, List<ModelTrainer> models, List<Run> runs, long t0) {
        return new Outcome(experiment, table.source(), table.genreNames(), table.columns(),
                models.stream().map(ModelTrainer::name).toList(), runs, (System.nanoTime() - t0) / 1e9);
    }

    /** Trains one model on one split and scores it on the test part. */
    public static Run run(ModelTrainer m, TrainTestSplit s, long seed) {
        int k = s.classes().size();
        long a = System.nanoTime();
        TrainedModel model = m.fit(s.xTrain(), s.yTrain(), k, seed);
        long b = System.nanoTime();
        int[] pred = model.predict(s.xTest());
        long c = System.nanoTime();
        return new Run(m.name(), s.how(), seed, ClassificationMetrics.accuracy(s.yTest(), pred),
                ClassificationMetrics.macroF1(s.yTest(), pred, k), ClassificationMetrics.perClassF1(s.yTest(), pred, k),
                ClassificationMetrics.confusion(s.yTest(), pred, k), (b - a) / 1e9, (c - b) / 1e9, model.featureImportance(),
                s.idsTest(), s.yTest().clone(), pred);
    }
}
