package org.genrelab.classic;

import smile.classification.GradientTreeBoost;
import smile.math.MathEx;

/**
 * Gradient tree boosting through Smile, set as scikit-learn's {@code GradientBoostingClassifier(
 * learning_rate=0.05, max_depth=5, n_estimators=200, subsample=0.5)}: k regression trees per round
 * on the multinomial deviance. Smile limits trees by leaf count as well as depth: 2⁵ = 32 leaves lets
 * depth 5 bind; minimum leaf size 1 as scikit-learn's default.
 */
public final class GradientBoostingTrainer implements ModelTrainer {

    private final int nEstimators;
    private final int maxDepth;
    private final double learningRate;
    private final double subsample;

    /** The study's booster: 200 rounds, depth 5, learning rate 0.05, subsample 0.5. */
    public GradientBoostingTrainer() {
        this(200, 5, 0.05, 0.5);
    }

    public GradientBoostingTrainer(int nEstimators, int maxDepth, double learningRate, double subsample) {
        this.nEstimators = nEstimators;
        this.maxDepth = maxDepth;
        this.learningRate = learningRate;
        this.subsample = subsample;
    }

    @Override
    public String name() {
        return "Gradient boosting";
    }

    @Override
    public String settings() {
        return nEstimators + " rounds, depth " + maxDepth + ", learning rate " + learningRate + ", subsample "
                + subsample + " (Smile)";
    }

    @Override
    public TrainedModel fit(double[][] x, int[] y, int nClasses, long seed) {
        MathEx.setSeed(seed);
        GradientTreeBoost.Options opts = new GradientTreeBoost.Options(nEstimators, maxDepth, 1 << maxDepth, 1,
                learningRate, subsample, null, null);
        GradientTreeBoost m = GradientTreeBoost.fit(SmileFrames.FORMULA, SmileFrames.labelled(x, y), opts);
        return SmileFrames.treeModel(m::predict, m.importance());
    }
}
