package org.genrelab.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

import libsvm.svm_parameter;
import libsvm.svm_problem;
import org.junit.jupiter.api.Test;

/** {@link SmoSolver} against libsvm 3.31's own solver (the jar), on the same precomputed kernels. */
class SmoSolverTest {

    /** Gaussian clusters, one per class, shifted apart by {@code separation}; some rows repeated when asked. */
    private static double[][] points(int n, int p, double separation, int[] labels, boolean duplicates, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[n][p];
        for (int a = 0; a < n; a++) {
            if (duplicates && a % 7 == 6) {
                x[a] = x[a - 1].clone(); // a repeated row: K has equal rows, quad_coef 0 for a same-label pair
                continue;
            }
            for (int f = 0; f < p; f++) x[a][f] = random.nextGaussian() + (f == 0 ? separation * labels[a] : 0);
        }
        return x;
    }

    /**
     * Solves with SmoSolver and with libsvm (shrinking off) and asserts the same α·y, ρ and iteration count. The
     * rows are first grouped as svm_train groups them, and as SvcTrainer's pairs come: the class of the first row,
     * then the other, each in the given order (ρ's sum over the free variables runs in the problem's order).
     */
    private static SmoSolver.Solution assertSameAsLibsvm(double[][] x, int[] labels, int[] given, double c) {
        int first = labels[given[0]];
        int[] rows = IntStream.concat(IntStream.of(given).filter(a -> labels[a] == first),
                IntStream.of(given).filter(a -> labels[a] != first)).toArray();
        double gamma = SvcTrainer.gammaScale(x);
        float[][] gram = SvcTrainer.rbfGram(x, gamma, 2);
        byte[] y = new byte[rows.length];
        // libsvm's svm_train makes the class of the problem's first row +1, as SvcTrainer's pairs have it
        for (int q = 0; q < rows.length; q++) y[q] = (byte) (labels[rows[q]] * labels[rows[0]]);
        SmoSolver.Solution ours = SmoSolver.solve(gram, rows, y, c, 1e-3);

        svm_problem prob = new svm_problem();
        prob.l = rows.length;
        prob.x = new libsvm.svm_node[rows.length][];
        prob.y = new double[rows.length];
        for (int q = 0; q < rows.length; q++) {
            prob.x[q] = LibsvmReference.precomputedRow(q, gram[rows[q]], rows);
            prob.y[q] = y[q];
        }
        svm_parameter param = LibsvmReference.parameters(gamma, c, 1e-3, false);
        param.kernel_type = svm_parameter.PRECOMPUTED;
        LibsvmReference.Trained libsvm = LibsvmReference.train(prob, param);

        // libsvm keeps the support vectors (α ≠ 0) in the problem's order, with coefficients y·α
        assertEquals(1.0, libsvm.model().label[0]);
        double[] expected = new double[rows.length];
        for (int s = 0; s < libsvm.model().l; s++) expected[libsvm.model().sv_indices[s] - 1] = libsvm.model().sv_coef[0][s];
        assertArrayEquals(expected, ours.coef(), 0.0, "y·alpha");
        assertEquals(libsvm.model().rho[0], ours.rho(), 0.0, "rho");
        assertEquals(libsvm.iterations(), ours.iterations(), "iterations");
        assertTrue(ours.converged(), "below the tolerance within libsvm's cap");
        return ours;
    }

    private static int[] alternating(int n) {
        return IntStream.range(0, n).map(a -> a % 3 == 0 ? -1 : +1).toArray();
    }

    @Test
    void overlappingClassesGiveLibsvmsSolutionToTheBit() {
        int[] labels = alternating(150);
        SmoSolver.Solution s = assertSameAsLibsvm(points(150, 6, 0.4, labels, false, 1), labels, IntStream.range(0, 150).toArray(), 3);
        long atBound = IntStream.range(0, 150).filter(a -> Math.abs(s.coef()[a]) == 3).count();
        long free = IntStream.range(0, 150).filter(a -> s.coef()[a] != 0 && Math.abs(s.coef()[a]) < 3).count();
        assertTrue(atBound > 0 && free > 0, atBound + " at C, " + free + " free: both kinds of support vector are tested");
        assertTrue(s.iterations() > 50, s.iterations() + " iterations");
    }

    @Test
    void separableClassesAndASmallCAndRepeatedRowsGiveLibsvmsSolution() {
        int[] labels = alternating(120);
        int[] all = IntStream.range(0, 120).toArray();
        assertSameAsLibsvm(points(120, 4, 3.0, labels, false, 2), labels, all, 3);
        assertSameAsLibsvm(points(120, 4, 0.2, labels, false, 3), labels, all, 0.01); // every α at C: ρ from the bounds
        assertSameAsLibsvm(points(120, 4, 0.5, labels, true, 4), labels, all, 3);
    }

    @Test
    void withNoFreeVariableRhoIsTheMiddleOfItsBounds() {
        // two rows a class and a C far below the unbounded optimum: every α ends at C, so libsvm takes ρ as
        // (ub + lb) / 2 of the y·∇f bounds rather than the mean over free variables
        int[] labels = {1, 1, -1, -1};
        SmoSolver.Solution s = assertSameAsLibsvm(points(4, 3, 0.3, labels, false, 6), labels, new int[] {0, 1, 2, 3}, 1e-3);
        for (double v : s.coef()) assertEquals(1e-3, Math.abs(v), 0.0, "every α at C");
    }

    @Test
    void aSubsetOfTheKernelsRowsInAnyOrderIsSolvedAsItsOwnProblem() {
        // a class pair in SvcTrainer: some rows of the whole Gram matrix, not contiguous, in their own order
        int[] labels = alternating(200);
        int[] rows = IntStream.range(0, 200).filter(a -> a % 4 != 1).map(a -> 199 - a).toArray();
        assertSameAsLibsvm(points(200, 5, 0.6, labels, false, 5), labels, rows, 3);
    }

    @Test
    void aSolverStoppedByTheIterationCapSaysSoAndKeepsItsSolution() {
        assertEquals(10_000_000, SmoSolver.maxIterations(150), "libsvm's cap: max(10^7, 100 l)");
        assertEquals(20_000_000, SmoSolver.maxIterations(200_000));
        int[] labels = alternating(150);
        double[][] x = points(150, 6, 0.4, labels, false, 1);
        float[][] gram = SvcTrainer.rbfGram(x, SvcTrainer.gammaScale(x), 2);
        int[] rows = IntStream.range(0, 150).toArray();
        byte[] y = new byte[150];
        for (int a = 0; a < 150; a++) y[a] = (byte) (labels[a] * labels[0]);
        SmoSolver.Solution capped = SmoSolver.solve(gram, rows, y, 3, 1e-3, 10);
        assertEquals(10, capped.iterations());
        assertFalse(capped.converged(), "stopped by the cap, not by the tolerance");
        assertTrue(Arrays.stream(capped.coef()).anyMatch(v -> v != 0), "the solution so far is kept");
        assertTrue(SmoSolver.solve(gram, rows, y, 3, 1e-3).converged());
    }

    @Test
    void labelsOtherThanPlusOrMinusOneAreRefused() {
        float[][] gram = {{1, 0}, {0, 1}};
        var e = assertThrows(IllegalArgumentException.class, () -> SmoSolver.solve(gram, new int[] {0, 1}, new byte[] {1, 0}, 1, 1e-3));
        assertTrue(e.getMessage().contains("+1 or -1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SmoSolver.solve(gram, new int[] {0, 1}, new byte[] {1}, 1, 1e-3));
    }
}
