package org.genrelab.classic;

/**
 * Random forest set as scikit-learn's {@code RandomForestClassifier(n_estimators=500,
 * class_weight='balanced')}: Gini, √p features per split, bootstrap samples, trees grown until leaves are
 * pure, class weights n / (k·n_c) on the samples, prediction by mean leaf probabilities
 * ({@link ClassificationForest}, which says why it is not Smile's forest).
 */
public final class RandomForestTrainer implements ModelTrainer {

    /** The study's number of trees. */
    public static final int STUDY_TREES = 500;

    private final int nEstimators;
    private final int threads;

    /**
     * @param nEstimators trees ({@link #STUDY_TREES} in the study)
     * @param threads     threads growing the trees (each tree draws from its own seed, so the forest does not depend on it)
     */
    public RandomForestTrainer(int nEstimators, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        this.nEstimators = nEstimators;
        this.threads = threads;
    }

    @Override
    public String name() {
        return "Random forest";
    }

    @Override
    public String settings() {
        return nEstimators + " trees, class weights balanced, sqrt(p) features per split, Gini";
    }

    @Override
    public TrainedModel fit(double[][] x, int[] y, int nClasses, long seed) {
        int p = x[0].length;
        ClassificationForest m = ClassificationForest.fit(x, y, nClasses, nEstimators, (int) Math.max(1, Math.floor(Math.sqrt(p))),
                ClassificationForest.balanced(y, nClasses), seed, threads);
        double[] importance = m.importance();
        return new TrainedModel() {
            @Override
            public int[] predict(double[][] rows) {
                return m.predict(rows);
            }

            @Override
            public double[] featureImportance() {
                return importance;
            }
        };
    }
}
