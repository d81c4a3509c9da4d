package org.genrelab.eval;

import java.util.Arrays;

/**
 * Classification metrics as scikit-learn defines them: accuracy, per-class and macro F1
 * ({@code f1_score(average='macro')}, a class never predicted nor present scores 0), the confusion
 * matrix (rows = true class, columns = predicted), and macro one-vs-rest ROC AUC
 * ({@code roc_auc_score(multi_class='ovr', average='macro')}).
 */
public final class ClassificationMetrics {

    private ClassificationMetrics() {
    }

    /** The index of the largest value, the first on a tie (numpy's argmax): the predicted class of a row of scores. */
    public static int argmax(double[] v) {
        int best = 0;
        for (int c = 1; c < v.length; c++) if (v[c] > v[best]) best = c;
        return best;
    }

    /** Fraction of {@code predicted[i] == truth[i]}. */
    public static double accuracy(int[] truth, int[] predicted) {
        check(truth, predicted);
        int ok = 0;
        for (int i = 0; i < truth.length; i++) if (truth[i] == predicted[i]) ok++;
        return (double) ok / truth.length;
    }

    /** Confusion counts {@code [true][predicted]} over {@code nClasses} classes. */
    public static int[][] confusion(int[] truth, int[] predicted, int nClasses) {
        check(truth, predicted);
        int[][] c = new int[nClasses][nClasses];
        for (int i = 0; i < truth.length; i++) c[truth[i]][predicted[i]]++;
        return c;
    }

    /** F1 of each class: 2·tp / (2·tp + fp + fn), 0 where the denominator is 0. */
    public static double[] perClassF1(int[] truth, int[] predicted, int nClasses) {
        int[][] c = confusion(truth, predicted, nClasses);
        double[] f1 = new double[nClasses];
        for (int k = 0; k < nClasses; k++) {
            int tp = c[k][k];
            int fn = 0;
            int fp = 0;
            for (int j = 0; j < nClasses; j++) {
                if (j != k) {
                    fn += c[k][j];
                    fp += c[j][k];
                }
            }
            int den = 2 * tp + fp + fn;
            f1[k] = den == 0 ? 0 : 2.0 * tp / den;
        }
        return f1;
    }

    /** Unweighted mean of the per-class F1 over the classes present in truth or predictions. */
    public static double macroF1(int[] truth, int[] predicted, int nClasses) {
        double[] f1 = perClassF1(truth, predicted, nClasses);
        boolean[] seen = new boolean[nClasses];
        for (int t : truth) seen[t] = true;
        for (int p : predicted) seen[p] = true;
        double s = 0;
        int n = 0;
        for (int k = 0; k < nClasses; k++) {
            if (seen[k]) {
                s += f1[k];
                n++;
            }
        }
        return s / n;
    }

    /**
     * Macro one-vs-rest ROC AUC: for each class the probability that a random positive scores
     * above a random negative (ties count half; Mann–Whitney U / (n₊·n₋)), averaged over classes.
     *
     * @param scores {@code scores[i][k]}: the model's score (e.g. probability) of class k for sample i
     */
    public static double macroOvrAuc(int[] truth, double[][] scores) {
        int nClasses = scores[0].length;
        double sum = 0;
        for (int k = 0; k < nClasses; k++) {
            final int kk = k;
            Integer[] order = new Integer[truth.length];
            for (int i = 0; i < order.length; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> Double.compare(scores[a][kk], scores[b][kk]));
            // average ranks with ties
            double[] rank = new double[truth.length];
            for (int i = 0; i < order.length; ) {
                int j = i;
                while (j + 1 < order.length && scores[order[j + 1]][kk] == scores[order[i]][kk]) j++;
                double r = (i + j) / 2.0 + 1;
                for (int m = i; m <= j; m++) rank[order[m]] = r;
                i = j + 1;
            }
            long pos = 0;
            double rankSum = 0;
            for (int i = 0; i < truth.length; i++) {
                if (truth[i] == k) {
                    pos++;
                    rankSum += rank[i];
                }
            }
            long neg = truth.length - pos;
            if (pos == 0 || neg == 0) {
                throw new IllegalArgumentException("class " + k + " has no " + (pos == 0 ? "positive" : "negative")
                        + " sample: one-vs-rest AUC is undefined");
            }
            sum += (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
        }
        return sum / nClasses;
    }

    private static void check(int[] truth, int[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " true labels but " + predicted.length + " predictions");
        }
        if (truth.length == 0) throw new IllegalArgumentException("no samples");
    }
}
