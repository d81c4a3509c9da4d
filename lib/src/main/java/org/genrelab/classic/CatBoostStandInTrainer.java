package org.genrelab.classic;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.apache.commons.math3.special.Gamma;

/**
 * The study's CatBoost row, trained with XGBoost4J because CatBoost has no JVM trainer that resolves
 * here (its JVM package only applies models). The row is labelled "XGBoost (CatBoost stand-in)"; a real
 * CatBoost trainer replaces it by implementing {@link ModelTrainer}.
 *
 * <p>Closest settings to the study's {@code CatBoostClassifier(iterations=800, depth=6, l2_leaf_reg=0,
 * bagging_temperature=0.05)}: 800 rounds, depth 6, {@code lambda=0}; learning rate 0.03, CatBoost's
 * default when {@code l2_leaf_reg} is given (its automatic rate applies only when it is not);
 * histogram splits on 254 bins as CatBoost's default quantisation; softmax objective. CatBoost's
 * Bayesian bagging weighs each row by (−ln U)^t; row subsampling at rate q gives the same weight
 * dispersion when (1−q)/q equals that weight's squared coefficient of variation, Γ(1+2t)/Γ(1+t)² − 1
 * (t = 0.05 → q ≈ 0.996, i.e. almost no bagging). What cannot be matched: CatBoost's symmetric
 * (oblivious) trees and ordered boosting.
 */
public final class CatBoostStandInTrainer implements ModelTrainer {

    private final int rounds;
    private final int maxDepth;
    private final double learningRate;
    private final double baggingTemperature;
    private final int nThread;

    /**
     * The study's settings, one native thread: on a shared machine XGBoost's OpenMP workers spin-wait
     * for each other and run slower than one thread.
     */
    public CatBoostStandInTrainer() {
        this(800, 6, 0.03, 0.05, 1);
    }

    public CatBoostStandInTrainer(int rounds, int maxDepth, double learningRate, double baggingTemperature, int nThread) {
        this.rounds = rounds;
        this.maxDepth = maxDepth;
        this.learningRate = learningRate;
        this.baggingTemperature = baggingTemperature;
        this.nThread = nThread;
    }

    /** Row-subsampling rate with the weight dispersion of CatBoost's Bayesian bagging at temperature t. */
    public static double subsampleOfBaggingTemperature(double t) {
        if (t <= 0) return 1.0;
        double g1 = Math.exp(Gamma.logGamma(1 + t));
        double cv2 = Math.exp(Gamma.logGamma(1 + 2 * t)) / (g1 * g1) - 1;
        return 1.0 / (1.0 + cv2);
    }

    @Override
    public String name() {
        return "XGBoost (CatBoost stand-in)";
    }

    @Override
    public String settings() {
        return rounds + " rounds, depth " + maxDepth + ", eta " + learningRate + ", lambda 0, subsample "
                + String.format(Locale.ROOT, "%.4f", subsampleOfBaggingTemperature(baggingTemperature))
                + " (for bagging temperature " + baggingTemperature + "), hist 254 bins (XGBoost4J)";
    }

    static DMatrix matrix(double[][] x) throws XGBoostError {
        int p = x[0].length;
        float[] flat = new float[x.length * p];
        for (int i = 0; i < x.length; i++) for (int j = 0; j < p; j++) flat[i * p + j] = (float) x[i][j];
        return new DMatrix(flat, x.length, p, Float.NaN);
    }

    @Override
    public TrainedModel fit(double[][] x, int[] y, int nClasses, long seed) {
        try {
            DMatrix d = matrix(x);
            float[] label = new float[y.length];
            for (int i = 0; i < y.length; i++) label[i] = y[i];
            d.setLabel(label);
            Map<String, Object> params = new HashMap<>();
            params.put("objective", "multi:softprob");
            params.put("num_class", nClasses);
            params.put("eta", learningRate);
            params.put("max_depth", maxDepth);
            params.put("lambda", 0.0);
            params.put("subsample", subsampleOfBaggingTemperature(baggingTemperature));
            params.put("tree_method", "hist");
            params.put("max_bin", 254);
            params.put("seed", seed);
            params.put("nthread", nThread);
            params.put("verbosity", 0);
            Booster b;
            try {
                b = XGBoost.train(d, params, rounds, new HashMap<>(), null, null);
            } finally {
                d.dispose(); // native memory, also when training fails
            }
            int p = x[0].length;
            return new TrainedModel() {
                @Override
                public int[] predict(double[][] rows) {
                    try {
                        DMatrix t = matrix(rows);
                        float[][] prob;
                        try {
                            prob = b.predict(t);
                        } finally {
                            t.dispose();
                        }
                        int[] out = new int[rows.length];
                        for (int i = 0; i < out.length; i++) {
                            int best = 0;
                            for (int k = 1; k < prob[i].length; k++) if (prob[i][k] > prob[i][best]) best = k;
                            out[i] = best;
                        }
                        return out;
                    } catch (XGBoostError e) {
                        throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
                    }
                }

                @Override
                public double[] featureImportance() {
                    try {
                        String[] names = new String[p];
                        for (int j = 0; j < p; j++) names[j] = "f" + j;
                        Map<String, Double> gain = b.getScore(names, "gain");
                        double[] imp = new double[p];
                        gain.forEach((f, v) -> imp[Integer.parseInt(f.substring(1))] = v);
                        return imp;
                    } catch (XGBoostError e) {
                        throw new IllegalStateException("XGBoost importance failed: " + e.getMessage(), e);
                    }
                }
            };
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
        }
    }
}
