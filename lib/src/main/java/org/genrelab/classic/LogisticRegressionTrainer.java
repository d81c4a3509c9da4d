package org.genrelab.classic;

/**
 * Multinomial logistic regression with an L2 penalty: {@link MultinomialLogistic}, scikit-learn's
 * objective C·Σᵢ loss + ½‖W‖² divided by C, i.e. Σᵢ loss + ½·λ‖W‖² with λ = 1/C (C = 0.01 → λ = 100),
 * k symmetric weight vectors, intercepts unpenalised, minimised by L-BFGS as SciPy runs it ({@link Lbfgs};
 * tol 1e-4 and SciPy's ftol, scikit-learn's defaults).
 */
public final class LogisticRegressionTrainer implements ModelTrainer {

    private final double c;
    private final int maxIter;
    private final int threads;

    /** The study's setting, C = 0.01, trained on {@code threads} threads. */
    public LogisticRegressionTrainer(int threads) {
        this(0.01, 500, threads);
    }

    /** @param threads threads computing the loss and its gradient */
    public LogisticRegressionTrainer(double c, int maxIter, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        this.c = c;
        this.maxIter = maxIter;
        this.threads = threads;
    }

    /** The penalty λ of Σᵢ loss + ½·λ‖W‖² for scikit-learn's C. */
    public static double lambdaOfC(double c) {
        return 1.0 / c;
    }

    @Override
    public String name() {
        return "Logistic regression";
    }

    @Override
    public String settings() {
        return "multinomial, C=" + c + " (lambda=" + lambdaOfC(c) + "), L-BFGS, max_iter " + maxIter;
    }

    @Override
    public TrainedModel fit(double[][] x, int[] y, int nClasses, long seed) {
        MultinomialLogistic m = MultinomialLogistic.fit(x, y, nClasses, c, 1e-4, maxIter, threads);
        return m::predict;
    }
}
