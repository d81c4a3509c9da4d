package org.genrelab.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ClassificationForestTest {

    @Test
    void oneInformativeFeatureIsSplitHalfwayAndTakesAllTheImportance() {
        // class 0 has feature 0 in [0, 1), class 1 in [2, 3); features 1 and 2 are noise. With every feature
        // searched, each tree's root splits feature 0 between the largest class-0 and smallest class-1 value
        // of its bootstrap, and the two children are pure: one split, three nodes, all importance on feature 0.
        Random rnd = new Random(1);
        int n = 60;
        double[][] x = new double[n][3];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            x[i][0] = y[i] * 2 + rnd.nextDouble();
            x[i][1] = rnd.nextGaussian();
            x[i][2] = rnd.nextGaussian();
        }
        ClassificationForest f = ClassificationForest.fit(x, y, 2, 20, 3, new double[] {1, 1}, 5, 2);
        for (int t = 0; t < f.size(); t++) assertEquals(3, f.nodes(t), "tree " + t);
        assertArrayEquals(new double[] {1, 0, 0}, f.importance(), 1e-12);
        assertArrayEquals(new int[] {0, 1, 0, 1}, f.predict(new double[][] {{0.99, 9, 9}, {2.01, -9, -9}, {1.2, 0, 0}, {1.8, 0, 0}}));
        assertArrayEquals(new double[] {1, 0}, f.probabilities(new double[] {0.5, 0, 0}), 0);
    }

    @Test
    void featuresConstantInANodeCountAsDrawnAsInScikitLearn() {
        // feature 0 separates the classes, feature 1 is noise, features 2..9 are constant; 3 features per node.
        // scikit-learn's BestSplitter counts a constant draw as visited and draws on only while every feature
        // drawn was constant, so the root searches feature 0 with probability
        // P(0 in the first 3 draws) + P(first 3 all constant)·P(0 before 1) = 3/10 + (8·7·6)/(10·9·8)·1/2 = 0.5333;
        // such a tree is one pure split (3 nodes). Not counting constants would search features 0 and 1 in every root.
        Random rnd = new Random(3);
        int n = 60;
        double[][] x = new double[n][10];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            x[i][0] = y[i] * 2 + rnd.nextDouble();
            x[i][1] = rnd.nextGaussian();
        }
        ClassificationForest f = ClassificationForest.fit(x, y, 2, 1000, 3, new double[] {1, 1}, 11, 2);
        int onePureSplit = 0;
        for (int t = 0; t < f.size(); t++) if (f.nodes(t) == 3) onePureSplit++;
        double share = onePureSplit / (double) f.size();
        assertEquals(0.5333, share, 0.063, "share of trees whose root searched feature 0 (±4 binomial sd)");
    }

    @Test
    void fullyGrownTreesFitTheirTrainingRowsAndSameSeedSameForestOnAnyThreads() {
        Random rnd = new Random(2);
        int n = 400;
        int p = 10;
        double[][] x = new double[n][p];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 4;
            for (int j = 0; j < p; j++) x[i][j] = rnd.nextGaussian() + (j == y[i] ? 1 : 0);
        }
        ClassificationForest one = ClassificationForest.fit(x, y, 4, 50, 3, ClassificationForest.balanced(y, 4), 9, 1);
        ClassificationForest three = ClassificationForest.fit(x, y, 4, 50, 3, ClassificationForest.balanced(y, 4), 9, 3);
        for (double[] row : x) assertArrayEquals(one.probabilities(row), three.probabilities(row), 0);
        assertArrayEquals(one.importance(), three.importance(), 0);
        int[] pred = one.predict(x);
        int right = 0;
        for (int i = 0; i < n; i++) if (pred[i] == y[i]) right++;
        // each row is in about 63% of the bootstraps, and there its tree's pure leaf names its class
        assertTrue(right >= 0.97 * n, right + " of " + n + " training rows right");
        ClassificationForest other = ClassificationForest.fit(x, y, 4, 50, 3, ClassificationForest.balanced(y, 4), 10, 2);
        assertTrue(java.util.Arrays.stream(x).anyMatch(r -> !java.util.Arrays.equals(one.probabilities(r), other.probabilities(r))),
                "another seed should grow other trees");
    }

    @Test
    void badInputIsRefused() {
        double[][] x = {{1}, {2}};
        assertThrows(IllegalArgumentException.class, () -> ClassificationForest.fit(x, new int[] {0, 3}, 2, 5, 1, new double[] {1, 1}, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> ClassificationForest.fit(x, new int[] {0, 1}, 2, 0, 1, new double[] {1, 1}, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> ClassificationForest.fit(x, new int[] {0, 1}, 2, 5, 1, new double[] {1}, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> ClassificationForest.fit(new double[][] {{1}, {2, 3}}, new int[] {0, 1}, 2, 5, 1,
                new double[] {1, 1}, 1, 1));
    }
}
