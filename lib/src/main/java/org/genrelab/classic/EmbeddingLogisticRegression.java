package org.genrelab.classic;

import java.util.ArrayList;
import java.util.List;
import org.genrelab.data.StudyEmbeddings;
import org.genrelab.data.StudyEmbeddings.SplitData;
import org.genrelab.eval.ClassificationMetrics;
import org.genrelab.report.ResultRow;

/**
 * The study's Part 2 baseline: multinomial logistic regression ({@link MultinomialLogistic},
 * scikit-learn's objective and parametrisation) on the flattened 31·128 VGGish embeddings, with the
 * inverse regularisation strength C chosen on the validation split from a log grid and the chosen
 * model reported on the test split.
 *
 * <p>C maps to the penalty as {@code lambda = 1 / C}: scikit-learn minimises
 * {@code C·Σ loss + ½‖w‖²}; dividing by C gives {@code Σ loss + ½·lambda·‖w‖²} (intercepts unpenalised).
 */
public final class EmbeddingLogisticRegression {

    /** The study's grid, 1e-5 .. 1 (one value per decade). */
    public static final double[] STUDY_C_GRID = {1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1};

    /** The study's iteration cap ({@code LogisticRegression(max_iter=500, ...)} in its part_1 notebook). */
    public static final int STUDY_MAX_ITER = 500;

    /** One C tried: its validation macro-F1 and accuracy. */
    public record Candidate(double c, double valMacroF1, double valAccuracy, double seconds) {
    }

    /** The search and the test outcome of the chosen C. */
    public record Result(List<Candidate> candidates, double bestC, int[] testTruth, int[] testPredicted,
                         double[][] testProbabilities, List<ResultRow> rows) {

        /** The validation scores of every C tried, one row each. */
        public tech.tablesaw.api.Table candidatesTable() {
            return tech.tablesaw.api.Table.create("Validation scores per C",
                    tech.tablesaw.api.DoubleColumn.create("C", candidates.stream().mapToDouble(Candidate::c)),
                    tech.tablesaw.api.DoubleColumn.create("val macro-F1", candidates.stream().mapToDouble(Candidate::valMacroF1)),
                    tech.tablesaw.api.DoubleColumn.create("val accuracy", candidates.stream().mapToDouble(Candidate::valAccuracy)),
                    tech.tablesaw.api.DoubleColumn.create("fit seconds", candidates.stream().mapToDouble(Candidate::seconds)));
        }

        /** The chosen model's test predictions as one saved run (the fit is convex: every seed gives this run). */
        public List<org.genrelab.report.PredictionsCsv.Run> predictions(List<String> classes) {
            return List.of(org.genrelab.report.PredictionsCsv.Run.of(rows.get(0).model(), 0, testTruth, testPredicted,
                    classes));
        }
    }

    private EmbeddingLogisticRegression() {
    }

    /** The penalty lambda for scikit-learn's C. */
    public static double lambdaForC(double c) {
        if (!(c > 0)) throw new IllegalArgumentException("C must be > 0, got " + c);
        return 1.0 / c;
    }

    /** Fits one multinomial model. */
    public static MultinomialLogistic fit(double[][] x, int[] y, int classes, double c, int maxIter) {
        lambdaForC(c); // checks C
        return MultinomialLogistic.fit(x, y, classes, c, 1e-4, maxIter, Runtime.getRuntime().availableProcessors());
    }

    /** The search's settings as a run records them, e.g. {@code "C grid [1.0E-5, …, 1.0], max_iter 500"}. */
    public static String settings(double[] cGrid, int maxIter) {
        return "C grid " + java.util.Arrays.toString(cGrid) + ", max_iter " + maxIter;
    }

    /**
     * Selects C on validation macro-F1, reports the test split.
     *
     * @param trainLimit first this-many training tracks (0: all)
     */
    public static Result run(StudyEmbeddings data, double[] cGrid, int maxIter, int trainLimit) {
        long t0 = System.nanoTime();
        int classes = data.genres().size();
        SplitData tr = data.train();
        double[][] xTrain = tr.flattened();
        int[] yTrain = tr.y();
        if (trainLimit > 0 && trainLimit < xTrain.length) {
            xTrain = java.util.Arrays.copyOf(xTrain, trainLimit);
            yTrain = java.util.Arrays.copyOf(yTrain, trainLimit);
        }
        double[][] xVal = data.validation().flattened();
        List<Candidate> cands = new ArrayList<>();
        MultinomialLogistic best = null;
        double bestF1 = -1;
        double bestC = Double.NaN;
        for (double c : cGrid) {
            long s = System.nanoTime();
            MultinomialLogistic m = fit(xTrain, yTrain, classes, c, maxIter);
            int[] pv = m.predict(xVal);
            double f1 = ClassificationMetrics.macroF1(data.validation().y(), pv, classes);
            cands.add(new Candidate(c, f1, ClassificationMetrics.accuracy(data.validation().y(), pv),
                    (System.nanoTime() - s) / 1e9));
            if (f1 > bestF1) {
                bestF1 = f1;
                best = m;
                bestC = c;
            }
        }
        double[][] xTest = data.test().flattened();
        int[] truth = data.test().y();
        int[] pred = new int[xTest.length];
        double[][] prob = new double[xTest.length][classes];
        for (int i = 0; i < xTest.length; i++) pred[i] = best.predict(xTest[i], prob[i]);
        double seconds = (System.nanoTime() - t0) / 1e9;
        String model = "logistic-C" + bestC;
        List<ResultRow> rows = List.of(
                ResultRow.of("part2", model, "macro_f1", new double[] {ClassificationMetrics.macroF1(truth, pred, classes)},
                        seconds, "cpu (java)", "study-embeddings"),
                ResultRow.of("part2", model, "accuracy", new double[] {ClassificationMetrics.accuracy(truth, pred)},
                        seconds, "cpu (java)", "study-embeddings"),
                ResultRow.of("part2", model, "macro_auc", new double[] {ClassificationMetrics.macroOvrAuc(truth, prob)},
                        seconds, "cpu (java)", "study-embeddings"));
        return new Result(cands, bestC, truth, pred, prob, rows);
    }
}
