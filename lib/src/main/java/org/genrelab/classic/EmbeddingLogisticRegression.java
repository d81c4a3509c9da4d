package org.genrelab.classic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.genrelab.data.EmbeddingRepresentation;
import org.genrelab.data.StudyEmbeddings.SplitData;
import org.genrelab.data.StudyEmbeddings;
import org.genrelab.eval.ClassificationMetrics;
import org.genrelab.results.PredictionsCsv;
import org.genrelab.results.ResultRow;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The study's Part 2 baseline: multinomial logistic regression ({@link MultinomialLogistic},
 * scikit-learn's objective and parametrisation) on the flattened 31·128 VGGish embeddings, with the
 * inverse regularisation strength C chosen on the validation split from a log grid and the chosen
 * model reported on the test split. Beyond the study, the same search over another
 * {@link EmbeddingRepresentation} of the sequences (their clip statistics), the representation then
 * chosen on validation as C is.
 *
 * <p>C maps to the penalty as {@code lambda = 1 / C}: scikit-learn minimises
 * {@code C·Σ loss + ½‖w‖²}; dividing by C gives {@code Σ loss + ½·lambda·‖w‖²} (intercepts unpenalised).
 */
public final class EmbeddingLogisticRegression {

    /** The study's grid, 1e-5 .. 1 (one value per decade). */
    public static final double[] STUDY_C_GRID = {1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1};

    /** What GenreLab searches: the study's flattened input, then the clip statistics. */
    public static final List<EmbeddingRepresentation> REPRESENTATIONS = List.of(EmbeddingRepresentation.FLATTENED,
            EmbeddingRepresentation.CLIP_STATISTICS);

    /** The study's iteration cap ({@code LogisticRegression(max_iter=500, ...)} in its part_1 notebook). */
    public static final int STUDY_MAX_ITER = 500;

    /** One (representation, C) tried: its validation macro-F1 and accuracy, and the fit's seconds. */
    public record Candidate(EmbeddingRepresentation representation, double c, double valMacroF1, double valAccuracy,
                            double seconds) {
    }

    /**
     * The C a representation chose on validation, and that model's test outcome.
     *
     * @param rows macro-F1, accuracy and macro AUC on the test split, and the accuracy on the validation split,
     *             under {@link #model()}
     */
    public record Choice(EmbeddingRepresentation representation, double c, double valMacroF1, int[] testPredicted,
                         double[][] testProbabilities, List<ResultRow> rows) {

        /** The row's model name: {@code logistic-C0.001} for the study's flattened input, else with the representation. */
        public String model() {
            return modelName(representation, c);
        }
    }

    /** One representation's validation macro-F1 against log10 C. */
    public record ValidationCurve(String representation, double[] log10C, double[] valMacroF1) {
    }

    /**
     * The search over representations and C, and the test outcome of each representation's choice.
     *
     * @param choices one per representation, in the order given to {@link #run}
     */
    public record Result(List<Candidate> candidates, List<Choice> choices, int[] testTruth) {

        /** The choice with the highest validation macro-F1 over every representation (the first on a tie). */
        public Choice chosen() {
            Choice best = choices.get(0);
            for (Choice c : choices) if (c.valMacroF1() > best.valMacroF1()) best = c;
            return best;
        }

        /** The choice made within one representation. */
        public Choice choice(EmbeddingRepresentation representation) {
            return choices.stream().filter(c -> c.representation() == representation).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(representation + " was not searched"));
        }

        /** Every choice's test rows. */
        public List<ResultRow> rows() {
            return choices.stream().flatMap(c -> c.rows().stream()).toList();
        }

        /** The validation scores of everything tried, one row each. */
        public Table candidatesTable() {
            return Table.create("Validation scores per representation and C",
                    StringColumn.create("representation",
                            candidates.stream().map(c -> c.representation().id())),
                    DoubleColumn.create("C", candidates.stream().mapToDouble(Candidate::c)),
                    DoubleColumn.create("val macro-F1", candidates.stream().mapToDouble(Candidate::valMacroF1)),
                    DoubleColumn.create("val accuracy", candidates.stream().mapToDouble(Candidate::valAccuracy)),
                    DoubleColumn.create("fit seconds", candidates.stream().mapToDouble(Candidate::seconds)));
        }

        /** Each representation's validation macro-F1 along the C grid, for a chart of how C was chosen. */
        public List<ValidationCurve> validationCurves() {
            return choices.stream().map(Choice::representation).map(r -> new ValidationCurve(r.id(),
                    candidates.stream().filter(c -> c.representation() == r).mapToDouble(c -> Math.log10(c.c())).toArray(),
                    candidates.stream().filter(c -> c.representation() == r).mapToDouble(Candidate::valMacroF1).toArray())).toList();
        }

        /** Each choice's test predictions and probabilities as one saved run (the fit is convex: every seed gives this run). */
        public List<PredictionsCsv.Run> predictions(List<String> classes) {
            return choices.stream().map(c -> PredictionsCsv.Run.of(c.model(), 0, testTruth,
                    c.testPredicted(), c.testProbabilities(), classes)).toList();
        }
    }

    private EmbeddingLogisticRegression() {
    }

    /** The penalty lambda for scikit-learn's C. */
    public static double lambdaForC(double c) {
        if (!(c > 0)) throw new IllegalArgumentException("C must be > 0, got " + c);
        return 1.0 / c;
    }

    /** Fits one multinomial model on {@code threads} threads (the model does not depend on them). */
    public static MultinomialLogistic fit(double[][] x, int[] y, int classes, double c, int maxIter, int threads) {
        lambdaForC(c); // checks C
        return MultinomialLogistic.fit(x, y, classes, c, 1e-4, maxIter, threads);
    }

    /** The search's settings as a run records them, e.g. {@code "C grid [1.0E-5, …, 1.0], max_iter 500"}. */
    public static String settings(double[] cGrid, int maxIter) {
        return "C grid " + Arrays.toString(cGrid) + ", max_iter " + maxIter;
    }

    /** The same, with the representations searched. */
    public static String settings(List<EmbeddingRepresentation> representations, double[] cGrid, int maxIter) {
        return "representations " + representations.stream().map(EmbeddingRepresentation::id).toList() + ", "
                + settings(cGrid, maxIter);
    }

    /** The model name of a row: the study's flattened input keeps {@code logistic-C<c>}. */
    public static String modelName(EmbeddingRepresentation representation, double c) {
        return representation == EmbeddingRepresentation.FLATTENED ? "logistic-C" + c
                : "logistic-" + representation.id() + "-C" + c;
    }

    /**
     * The study's search: the flattened embeddings, C selected on validation macro-F1, the test split
     * reported.
     *
     * @param trainLimit first this-many training tracks (0: all)
     * @param threads    threads each fit runs on
     */
    public static Result run(StudyEmbeddings data, double[] cGrid, int maxIter, int trainLimit, int threads) {
        return run(data, List.of(EmbeddingRepresentation.FLATTENED), cGrid, maxIter, trainLimit, threads);
    }

    /**
     * For each representation, selects C on validation macro-F1 and reports that model on the test
     * split. {@link Result#chosen()} then picks among the representations on validation too.
     *
     * @param trainLimit first this-many training tracks (0: all)
     * @param threads    threads each fit runs on
     */
    public static Result run(StudyEmbeddings data, List<EmbeddingRepresentation> representations, double[] cGrid,
                             int maxIter, int trainLimit, int threads) {
        if (representations.isEmpty()) throw new IllegalArgumentException("no representation to search");
        if (cGrid.length == 0) throw new IllegalArgumentException("empty C grid");
        int classes = data.genres().size();
        SplitData tr = data.train();
        int[] truth = data.test().y();
        List<Candidate> cands = new ArrayList<>();
        List<Choice> choices = new ArrayList<>();
        for (EmbeddingRepresentation rep : representations) {
            long t0 = System.nanoTime();
            double[][] xTrain = rep.rows(tr);
            int[] yTrain = tr.y();
            if (trainLimit > 0 && trainLimit < xTrain.length) {
                xTrain = Arrays.copyOf(xTrain, trainLimit);
                yTrain = Arrays.copyOf(yTrain, trainLimit);
            }
            double[][] xVal = rep.rows(data.validation());
            MultinomialLogistic best = null;
            double bestF1 = -1;
            double bestC = Double.NaN;
            double bestAccuracy = Double.NaN;
            for (double c : cGrid) {
                long s = System.nanoTime();
                MultinomialLogistic m = fit(xTrain, yTrain, classes, c, maxIter, threads);
                int[] pv = m.predict(xVal);
                double f1 = ClassificationMetrics.macroF1(data.validation().y(), pv, classes);
                double accuracy = ClassificationMetrics.accuracy(data.validation().y(), pv);
                cands.add(new Candidate(rep, c, f1, accuracy, (System.nanoTime() - s) / 1e9));
                if (f1 > bestF1) {
                    bestF1 = f1;
                    bestAccuracy = accuracy;
                    best = m;
                    bestC = c;
                }
            }
            double[][] xTest = rep.rows(data.test());
            int[] pred = new int[xTest.length];
            double[][] prob = new double[xTest.length][classes];
            for (int i = 0; i < xTest.length; i++) pred[i] = best.predict(xTest[i], prob[i]);
            double seconds = (System.nanoTime() - t0) / 1e9;
            String model = modelName(rep, bestC);
            List<ResultRow> rows = List.of(
                    ResultRow.of("part2", model, "macro_f1", new double[] {ClassificationMetrics.macroF1(truth, pred, classes)},
                            seconds, "cpu (java)", data.source()),
                    ResultRow.of("part2", model, "accuracy", new double[] {ClassificationMetrics.accuracy(truth, pred)},
                            seconds, "cpu (java)", data.source()),
                    ResultRow.of("part2", model, "macro_auc", new double[] {ClassificationMetrics.macroOvrAuc(truth, prob)},
                            seconds, "cpu (java)", data.source()),
                    ResultRow.of("part2", model, ResultRow.VAL_ACCURACY, new double[] {bestAccuracy},
                            seconds, "cpu (java)", data.source()));
            choices.add(new Choice(rep, bestC, bestF1, pred, prob, rows));
        }
        return new Result(List.copyOf(cands), List.copyOf(choices), truth);
    }
}
