package org.genrelab.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;

class TestSetBootstrapTest {

    /** Accuracy of a fixed correct/wrong list on a resample. */
    private static ToDoubleFunction<int[]> accuracy(boolean[] correct) {
        return idx -> {
            int ok = 0;
            for (int i : idx) if (correct[i]) ok++;
            return (double) ok / idx.length;
        };
    }

    private static boolean[] firstCorrect(int n, int correct) {
        boolean[] c = new boolean[n];
        Arrays.fill(c, 0, correct, true);
        return c;
    }

    @Test
    void theSameSeedGivesTheSameResamplesAndAnotherSeedOthers() {
        ToDoubleFunction<int[]> first = idx -> idx[0] * 1000 + idx[idx.length - 1];
        assertArrayEquals(new TestSetBootstrap(300, 50, 7).replicates(first), new TestSetBootstrap(300, 50, 7).replicates(first));
        assertFalse(Arrays.equals(new TestSetBootstrap(300, 50, 7).replicates(first),
                new TestSetBootstrap(300, 50, 8).replicates(first)));
    }

    @Test
    void resamplesDrawWithReplacement() {
        // a resample of n items holds on average 1 − (1 − 1/n)^n distinct ones (0.6358 for n = 50)
        int n = 50;
        double[] distinct = new TestSetBootstrap(n, 4000, 1).replicates(idx -> (double) Arrays.stream(idx).distinct().count() / n);
        double mean = Arrays.stream(distinct).average().orElseThrow();
        assertEquals(1 - Math.pow(1 - 1.0 / n, n), mean, 0.005);
        double[] inRange = new TestSetBootstrap(n, 200, 2).replicates(idx -> Arrays.stream(idx).allMatch(i -> i >= 0 && i < n) ? 1 : 0);
        assertTrue(Arrays.stream(inRange).allMatch(v -> v == 1), "every index is an item");
    }

    @Test
    void theAccuracyIntervalIsTheBinomialOne() {
        // 560 of 800 right: accuracy 0.7, standard error √(0.7·0.3/800) = 0.0162, 95% interval 0.7 ± 1.96·0.0162
        boolean[] correct = firstCorrect(800, 560);
        double[] rep = new TestSetBootstrap(800, 4000, 3).replicates(accuracy(correct));
        TestSetBootstrap.Interval iv = TestSetBootstrap.interval(0.7, rep, 0.95);
        double half = 1.96 * Math.sqrt(0.7 * 0.3 / 800);
        assertEquals(0.7 - half, iv.lower(), 0.004, "lower end " + iv);
        assertEquals(0.7 + half, iv.upper(), 0.004, "upper end " + iv);
        assertEquals(0.7, iv.estimate());
    }

    @Test
    void thePairedDifferenceOfTwoModelsIsTheBinomialOneOfTheItemsWhereTheyDiffer() {
        // B is right on 40 more of 800 items than A and never right where A is wrong... except those 40:
        // the difference is 0.05 with standard error √(0.05·0.95/800) = 0.0077, far narrower than either model's own
        boolean[] a = firstCorrect(800, 500);
        boolean[] b = firstCorrect(800, 540);
        TestSetBootstrap bs = new TestSetBootstrap(800, 4000, 4);
        double[] ra = bs.replicates(accuracy(a));
        double[] rb = bs.replicates(accuracy(b));
        TestSetBootstrap.Interval diff = TestSetBootstrap.interval(0.05, TestSetBootstrap.difference(rb, ra), 0.95);
        double half = 1.96 * Math.sqrt(0.05 * 0.95 / 800);
        assertEquals(0.05 - half, diff.lower(), 0.003, "lower end " + diff);
        assertEquals(0.05 + half, diff.upper(), 0.003, "upper end " + diff);
        assertTrue(diff.excludesZero());
        TestSetBootstrap.Interval own = TestSetBootstrap.interval(0.625, ra, 0.95);
        assertTrue(own.upper() - own.lower() > 2 * (diff.upper() - diff.lower()), own + " against " + diff);
    }

    @Test
    void theIntervalIsNumpysDefaultPercentile() {
        // numpy.percentile(numpy.arange(1, 101), [2.5, 97.5]) = [3.475, 97.525]
        double[] v = new double[100];
        for (int i = 0; i < v.length; i++) v[v.length - 1 - i] = i + 1; // unsorted on purpose
        double[] before = v.clone();
        TestSetBootstrap.Interval iv = TestSetBootstrap.interval(50, v, 0.95);
        assertEquals(3.475, iv.lower(), 1e-12);
        assertEquals(97.525, iv.upper(), 1e-12);
        assertArrayEquals(before, v, "the replicates stay in resample order, for later paired differences");
    }

    @Test
    void macroF1OfPerfectPredictionsIsOneOnEveryResampleAndIdenticalModelsDifferByZero() {
        int[] truth = new int[240];
        for (int i = 0; i < truth.length; i++) truth[i] = i % 8;
        TestSetBootstrap bs = new TestSetBootstrap(truth.length, 500, 5);
        double[] perfect = bs.resampledMeanMacroF1(truth, List.of(truth.clone(), truth.clone()), 8);
        assertTrue(Arrays.stream(perfect).allMatch(v -> v == 1), "perfect predictions score 1 on every resample");
        int[] noisy = truth.clone();
        for (int i = 0; i < noisy.length; i += 3) noisy[i] = (noisy[i] + 1) % 8;
        double[] x = bs.resampledMeanMacroF1(truth, List.of(noisy), 8);
        double[] y = bs.resampledMeanMacroF1(truth, List.of(noisy.clone()), 8);
        TestSetBootstrap.Interval zero = TestSetBootstrap.interval(0, TestSetBootstrap.difference(x, y), 0.95);
        assertEquals(0, zero.lower());
        assertEquals(0, zero.upper());
        assertFalse(zero.excludesZero());
    }

    @Test
    void theMeanOverRunsAveragesEachRunOnTheSameResample() {
        int[] truth = new int[90];
        int[] r1 = new int[90];
        int[] r2 = new int[90];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = i % 3;
            r1[i] = i % 4 == 0 ? (truth[i] + 1) % 3 : truth[i];
            r2[i] = i % 5 == 0 ? (truth[i] + 2) % 3 : truth[i];
        }
        TestSetBootstrap bs = new TestSetBootstrap(truth.length, 300, 6);
        double[] mean = bs.resampledMeanMacroF1(truth, List.of(r1, r2), 3);
        double[] one = bs.resampledMeanMacroF1(truth, List.of(r1), 3);
        double[] two = bs.resampledMeanMacroF1(truth, List.of(r2), 3);
        for (int b = 0; b < mean.length; b++) assertEquals((one[b] + two[b]) / 2, mean[b], 1e-15, "resample " + b);
        assertTrue(Arrays.stream(one).distinct().count() > 10, "the resamples differ");
        assertEquals((ClassificationMetrics.macroF1(truth, r1, 3) + ClassificationMetrics.macroF1(truth, r2, 3)) / 2,
                TestSetBootstrap.meanMacroF1(truth, List.of(r1, r2), 3), 1e-15);
    }

    @Test
    void badInputIsRefusedWithItsReason() {
        TestSetBootstrap bs = new TestSetBootstrap(10, 5, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> bs.resampledMeanMacroF1(new int[9], List.of(new int[9]), 2));
        assertTrue(e.getMessage().contains("9 test labels"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> bs.resampledMeanMacroF1(new int[10], List.of(new int[8]), 2));
        assertTrue(e.getMessage().contains("8 predictions"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TestSetBootstrap.interval(0, new double[] {1, 2}, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new TestSetBootstrap(0, 5, 1));
    }
}
