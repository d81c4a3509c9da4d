package org.genrelab.classic;

import smile.classification.LogisticRegression;

/**
 * Multinomial logistic regression with an L2 penalty, through Smile. scikit-learn minimises
 * C·Σᵢ loss + ½‖W‖²; Smile's {@code lambda} minimises Σᵢ loss + ½·λ‖W‖², the same objective divided by
 * C, so λ = 1/C (C = 0.01 → λ = 100). Neither penalises the intercepts. One difference remains:
 * Smile fixes the last class's weights at 0 (k−1 weight vectors) while scikit-learn penalises k
 * symmetric ones, so the penalty acts on a slightly different parametrisation.
 */
public final class LogisticRegressionTrainer implements ModelTrainer {

    private final double c;
    private final int maxIter;

    /** The study's setting: C = 0.01. */
    public LogisticRegressionTrainer() {
        this(0.01, 500);
    }

    public LogisticRegressionTrainer(double c, int maxIter) {
        this.c = c;
        this.maxIter = maxIter;
    }

    /** Smile's penalty for scikit-learn's C. */
    public static double lambdaOfC(double c) {
        return 1.0 / c;
    }

    @Override
    public String name() {
        return "Logistic regression";
    }

    @Override
    public String settings() {
        return "multinomial, C=" + c + " (Smile lambda=" + lambdaOfC(c) + ")";
    }

    @Override
    public TrainedModel fit(double[][] x, int[] y, int nClasses, long seed) {
        LogisticRegression m = LogisticRegression.multinomial(x, y,
                new LogisticRegression.Options(lambdaOfC(c), 1e-5, maxIter));
        return rows -> m.predict(rows);
    }
}
