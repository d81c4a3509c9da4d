package org.genrelab.classic;

import java.util.Random;

import smile.base.cart.SplitRule;
import smile.classification.RandomForest;

/**
 * Random forest through Smile, set as scikit-learn's {@code RandomForestClassifier(n_estimators=500,
 * class_weight='balanced')}: Gini, √p features per split, bootstrap samples of n rows, trees grown
 * until leaves are pure (one sample per leaf allowed). Balanced class weights are n / (k·n_c); Smile
 * takes integer weights, so they are scaled by 10 and rounded (1 : 1 on FMA-small's balanced genres).
 */
public final class RandomForestTrainer implements ModelTrainer {

    private final int nEstimators;

    /** The study's forest: 500 trees. */
    public RandomForestTrainer() {
        this(500);
    }

    public RandomForestTrainer(int nEstimators) {
        this.nEstimators = nEstimators;
    }

    @Override
    public String name() {
        return "Random forest";
    }

    @Override
    public String settings() {
        return nEstimators + " trees, class weights balanced, sqrt(p) features per split (Smile)";
    }

    /** scikit-learn's balanced class weights n / (k·n_c), ×10 and rounded to Smile's integers (at least 1). */
    public static int[] balancedWeights(int[] y, int nClasses) {
        int[] count = new int[nClasses];
        for (int c : y) count[c]++;
        int[] w = new int[nClasses];
        for (int c = 0; c < nClasses; c++) {
            w[c] = count[c] == 0 ? 1 : (int) Math.max(1, Math.round(10.0 * y.length / ((double) nClasses * count[c])));
        }
        return w;
    }

    @Override
    public TrainedModel fit(double[][] x, int[] y, int nClasses, long seed) {
        int p = x[0].length;
        long[] seeds = new Random(seed).longs(nEstimators).toArray();
        RandomForest.Options opts = new RandomForest.Options(nEstimators, (int) Math.max(1, Math.floor(Math.sqrt(p))),
                SplitRule.GINI, 64, x.length, 1, 1.0, balancedWeights(y, nClasses), seeds, null);
        RandomForest m = RandomForest.fit(SmileFrames.FORMULA, SmileFrames.labelled(x, y), opts);
        return SmileFrames.treeModel(m::predict, m.importance());
    }
}
