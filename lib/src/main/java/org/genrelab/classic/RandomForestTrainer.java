package org.genrelab.classic;

/**
 * Random forest set as scikit-learn's {@code RandomForestClassifier(n_estimators=500,
 * class_weight='balanced')}: Gini, √p features per split, bootstrap samples, trees grown until leaves are
 * pure, class weights n / (k·n_c) on the samples, prediction by mean leaf probabilities
 * ({@link ClassificationForest}, which says why it is not Smile's forest).
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
        return nEstimators + " trees, class weights balanced, sqrt(p) features per split, Gini";
    }

    @Override
    public TrainedModel fit(double[][] x, int[] y, int nClasses, long seed) {
        int p = x[0].length;
        ClassificationForest m = ClassificationForest.fit(x, y, nClasses, nEstimators, (int) Math.max(1, Math.floor(Math.sqrt(p))),
                ClassificationForest.balanced(y, nClasses), seed, org.genrelab.results.RunParameters.threadsFromEnvironment());
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
