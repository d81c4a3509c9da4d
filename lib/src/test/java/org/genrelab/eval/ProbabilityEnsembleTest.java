package org.genrelab.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.genrelab.eval.ProbabilityEnsemble.Member;
import org.junit.jupiter.api.Test;

/** Soft voting worked by hand: member choice on validation, run pairing, averaging and argmax. */
class ProbabilityEnsembleTest {

    private static double[][] p(double... rowsOfTwo) {
        double[][] out = new double[rowsOfTwo.length / 2][];
        for (int i = 0; i < out.length; i++) out[i] = new double[] {rowsOfTwo[2 * i], rowsOfTwo[2 * i + 1]};
        return out;
    }

    @Test
    void eachGroupSendsItsBestOnValidationInTheOrderGroupsFirstAppear() {
        Member lstmA = new Member("lstm-a", 0.60, List.<double[][]>of(p(1, 0)));
        Member cnn = new Member("cnn", 0.58, List.<double[][]>of(p(1, 0)));
        Member lstmB = new Member("lstm-b", 0.63, List.<double[][]>of(p(1, 0)));
        Member lstmC = new Member("lstm-c", 0.63, List.<double[][]>of(p(1, 0)));
        var chosen = ProbabilityEnsemble.bestPerGroup(List.of(lstmA, cnn, lstmB, lstmC), m -> m.model().split("-")[0]);
        assertEquals(List.of(lstmB, cnn), chosen, "the best LSTM (the first of two ties), then the CNN");
    }

    @Test
    void runKAveragesEachMembersRunKAndAOneRunMemberTakesPartInEvery() {
        // two items, two classes
        Member twoRuns = new Member("a", 0.5, List.<double[][]>of(p(0.9, 0.1, 0.2, 0.8), p(0.3, 0.7, 0.6, 0.4)));
        Member oneRun = new Member("b", 0.5, List.<double[][]>of(p(0.1, 0.9, 0.4, 0.6)));
        var runs = ProbabilityEnsemble.runs(List.of(twoRuns, oneRun));
        assertEquals(2, runs.size());
        assertArrayEquals(new double[] {0.5, 0.5}, runs.get(0)[0], 1e-15);
        assertArrayEquals(new double[] {0.3, 0.7}, runs.get(0)[1], 1e-15);
        assertArrayEquals(new double[] {0.2, 0.8}, runs.get(1)[0], 1e-15);
        assertArrayEquals(new double[] {0.5, 0.5}, runs.get(1)[1], 1e-15);
        // ties go to the first class, as numpy's argmax
        assertArrayEquals(new int[] {0, 1}, ProbabilityEnsemble.predict(runs.get(0)));
        assertArrayEquals(new int[] {1, 0}, ProbabilityEnsemble.predict(runs.get(1)));
    }

    @Test
    void twoConfidentWrongMembersAreOutvotedOnlyWhenTheirMeanSaysSo() {
        // item 0: a and b lean to class 0 a little, c to class 1 strongly -> mean 0.4 / 0.6: class 1
        Member a = new Member("a", 0.5, List.<double[][]>of(p(0.55, 0.45)));
        Member b = new Member("b", 0.5, List.<double[][]>of(p(0.55, 0.45)));
        Member c = new Member("c", 0.5, List.<double[][]>of(p(0.1, 0.9)));
        assertArrayEquals(new int[] {1}, ProbabilityEnsemble.predict(ProbabilityEnsemble.runs(List.of(a, b, c)).get(0)));
        assertArrayEquals(new int[] {0}, ProbabilityEnsemble.predict(ProbabilityEnsemble.runs(List.of(a, b)).get(0)));
    }

    @Test
    void membersOfOtherShapesOrWithoutRunsAreRefused() {
        Member a = new Member("a", 0.5, List.<double[][]>of(p(0.5, 0.5, 0.5, 0.5)));
        Member b = new Member("b", 0.5, List.<double[][]>of(p(0.5, 0.5)));
        var e = assertThrows(IllegalArgumentException.class, () -> ProbabilityEnsemble.runs(List.of(a, b)));
        assertEquals(true, e.getMessage().contains("b"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Member("c", 0.5, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Member("d", Double.NaN, List.<double[][]>of(p(1, 0))));
        assertThrows(IllegalArgumentException.class, () -> ProbabilityEnsemble.runs(List.of()));
    }
}
