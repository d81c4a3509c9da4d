package org.genrelab.classic;

import java.util.Random;

import smile.base.cart.SplitRule;
import smile.classification.RandomForest;

/**
 * Random forest through Smile, set as scikit-learn's {@code RandomForestClassifier(n_estimators=500,
 * class_weight='balanced')}: Gini, √p features per split, bootstrap samples, trees grown until leaves
 * are pure (one sample per leaf allowed). Class weights mean something else in Smile: its forest draws
 * {@code n_c / w_c} bootstrap samples of class c for each tree (down-sampling), where scikit-learn weighs
 * samples by n / (k·n_c) in the impurity. "Balanced" is therefore w_c = round(n_c / n_min) here: every
 * class contributes about as many draws as the rarest one, and on balanced data (FMA-small's 1000 per
 * genre) the weights are 1 : 1 and each tree gets a stratified bootstrap of every class. (Scaling
 * scikit-learn's weights by 10, as an earlier version did, made each tree draw a tenth of every class:
 * on the 96-track corpus no tree could split and the forest predicted one genre.)
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

    /** Smile's class weights for balanced classes: round(n_c / n_min), at least 1 (1 : 1 on balanced data). */
    public static int[] balancedWeights(int[] y, int nClasses) {
        int[] count = new int[nClasses];
        for (int c : y) count[c]++;
        int min = Integer.MAX_VALUE;
        for (int c : count) if (c > 0) min = Math.min(min, c);
        int[] w = new int[nClasses];
        for (int c = 0; c < nClasses; c++) w[c] = count[c] == 0 ? 1 : (int) Math.max(1, Math.round((double) count[c] / min));
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
