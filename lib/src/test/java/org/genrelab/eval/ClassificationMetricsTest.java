package org.genrelab.eval;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    // known answers worked by hand (and as scikit-learn's documentation examples give them)
    int[] truth = {0, 1, 2, 0, 1, 2};
    int[] pred = {0, 2, 1, 0, 0, 1};

    @Test
    void accuracyAndMacroF1MatchScikitLearnsDocExample() {
        // sklearn f1_score docs: y_true=[0,1,2,0,1,2], y_pred=[0,2,1,0,0,1] -> macro 0.26666..., accuracy 2/6
        assertEquals(2.0 / 6, ClassificationMetrics.accuracy(truth, pred), 1e-15);
        assertEquals(0.26666666666666666, ClassificationMetrics.macroF1(truth, pred, 3), 1e-15);
        assertArrayEquals(new double[] {0.8, 0, 0}, ClassificationMetrics.perClassF1(truth, pred, 3), 1e-15);
    }

    @Test
    void confusionRowsAreTruth() {
        int[][] c = ClassificationMetrics.confusion(truth, pred, 3);
        assertArrayEquals(new int[] {2, 0, 0}, c[0]);
        assertArrayEquals(new int[] {1, 0, 1}, c[1]);
        assertArrayEquals(new int[] {0, 2, 0}, c[2]);
    }

    @Test
    void aucOfPerfectAndReversedAndTiedScores() {
        int[] y = {0, 0, 1, 1};
        double[][] perfect = {{0.9, 0.1}, {0.8, 0.2}, {0.3, 0.7}, {0.1, 0.9}};
        assertEquals(1.0, ClassificationMetrics.macroOvrAuc(y, perfect), 1e-15);
        double[][] reversed = {{0.1, 0.9}, {0.2, 0.8}, {0.7, 0.3}, {0.9, 0.1}};
        assertEquals(0.0, ClassificationMetrics.macroOvrAuc(y, reversed), 1e-15);
        double[][] tied = {{0.5, 0.5}, {0.5, 0.5}, {0.5, 0.5}, {0.5, 0.5}};
        assertEquals(0.5, ClassificationMetrics.macroOvrAuc(y, tied), 1e-15);
        // sklearn roc_auc_score([0,0,1,1],[0.1,0.4,0.35,0.8]) = 0.75
        double[][] s = {{0.9, 0.1}, {0.6, 0.4}, {0.65, 0.35}, {0.2, 0.8}};
        assertEquals(0.75, ClassificationMetrics.macroOvrAuc(y, s), 1e-15);
    }

    @Test
    void mismatchedLengthsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.accuracy(new int[] {1}, new int[] {1, 2}));
    }
}
