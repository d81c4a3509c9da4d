package org.genrelab.classic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Support vector classifier with an RBF kernel, trained as scikit-learn's {@code SVC} trains it through libsvm: C-SVC,
 * {@code gamma='scale'} = 1 / (n_features · Var(X)) over every entry of the training matrix, tolerance 1e-3,
 * one-vs-one with libsvm's vote.
 *
 * <p>libsvm's {@code svm_train} solves the k(k−1)/2 class pairs one after another, each as its own two-class
 * problem (class i's rows, then class j's, i &lt; j, labels ascending as scikit-learn sorts them). Here the dense
 * Gram matrix of the training rows is computed once, on all threads, with libsvm's own kernel values (libsvm caches
 * them as float; the matrix holds the same floats), and the pairs are solved on several threads by
 * {@link SmoSolver}, libsvm's solver over that matrix (why it is not libsvm's Java port: see there). The solver is
 * deterministic, so the model does not depend on the thread count or the seed. It runs without shrinking, and its
 * models are then libsvm's own to the bit (tested); scikit-learn's default shrinking reaches the same optimum to
 * within the tolerance. Prediction evaluates the kernel once per distinct support vector and votes as
 * {@code svm_predict} does (ties to the lower class).
 */
public final class SvcTrainer implements ModelTrainer {

    private final double c;
    private final double tol;
    private final int threads;

    /** The study's SVC: C = 3, gamma 'scale', tolerance 1e-3 (libsvm's), trained on {@code threads} threads. */
    public SvcTrainer(int threads) {
        this(3.0, 1e-3, threads);
    }

    /** @param threads threads computing the Gram matrix and solving the class pairs (the model does not depend on it) */
    public SvcTrainer(double c, double tol, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        this.c = c;
        this.tol = tol;
        this.threads = threads;
    }

    @Override
    public String name() {
        return "SVC";
    }

    @Override
    public String settings() {
        return "RBF, C=" + c + ", gamma=scale, one-vs-one (libsvm 3.31's solver, no shrinking)";
    }

    /** scikit-learn's gamma='scale': 1 / (n_features · variance of all entries of x). */
    public static double gammaScale(double[][] x) {
        int p = x[0].length;
        double s = 0;
        double s2 = 0;
        for (double[] r : x) {
            for (double v : r) {
                s += v;
                s2 += v * v;
            }
        }
        double n = (double) x.length * p;
        double var = s2 / n - (s / n) * (s / n);
        return var > 0 ? 1.0 / (p * var) : 1.0;
    }

    @Override
    public TrainedModel fit(double[][] x, int[] y, int nClasses, long seed) {
        Machines m = oneVersusOne(x, y, threads);
        return m::predict;
    }

    /**
     * Trains the one-vs-one machines, the class pairs on {@code threads} threads.
     *
     * @throws IllegalArgumentException if x and y differ in length or there are fewer than two classes
     */
    public Machines oneVersusOne(double[][] x, int[] y, int threads) {
        if (x.length != y.length) throw new IllegalArgumentException(x.length + " rows but " + y.length + " labels");
        int[] labels = IntStream.of(y).distinct().sorted().toArray();
        int k = labels.length;
        if (k < 2) throw new IllegalArgumentException("SVC needs at least two classes in the training part, got " + k);
        int[] yi = new int[y.length];
        for (int r = 0; r < y.length; r++) yi[r] = Arrays.binarySearch(labels, y[r]);
        double gamma = gammaScale(x);
        float[][] gram = rbfGram(x, gamma, threads);
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < k; i++) for (int j = i + 1; j < k; j++) pairs.add(new int[] {i, j});
        Pair[] trained = new Pair[pairs.size()];
        ParallelRange.forEach(trained.length, threads, q -> trained[q] = trainPair(pairs.get(q)[0], pairs.get(q)[1], yi, gram));
        return new Machines(labels, x, gamma, trained);
    }

    /** One two-class problem as libsvm's svm_train builds it: class i's rows (+1), then class j's (−1). */
    private Pair trainPair(int i, int j, int[] yi, float[][] gram) {
        int[] rows = IntStream.concat(IntStream.range(0, yi.length).filter(r -> yi[r] == i),
                IntStream.range(0, yi.length).filter(r -> yi[r] == j)).toArray();
        byte[] sign = new byte[rows.length];
        for (int q = 0; q < rows.length; q++) sign[q] = (byte) (yi[rows[q]] == i ? +1 : -1);
        SmoSolver.Solution s = SmoSolver.solve(gram, rows, sign, c, tol);
        int[] sv = IntStream.range(0, rows.length).filter(q -> s.coef()[q] != 0).toArray(); // libsvm: |α| > 0
        return new Pair(i, j, IntStream.of(sv).map(q -> rows[q]).toArray(), IntStream.of(sv).mapToDouble(q -> s.coef()[q]).toArray(), s.rho(),
                s.converged());
    }

    /**
     * The RBF Gram matrix of the rows, K[a][b] = exp(−γ(‖a‖² + ‖b‖² − 2a·b)) exactly as libsvm's RBF kernel
     * computes it (each dot product one running sum in feature order), stored as the floats libsvm's
     * kernel cache would hold. Four rows at a time meet the rows below them ({@link #dots4}); the blocks
     * are paired first with last so that every task does the same share of the triangle.
     */
    static float[][] rbfGram(double[][] x, double gamma, int threads) {
        int n = x.length;
        double[][] xt = transpose(x);
        double[] sq = squares(x);
        float[][] k = new float[n][n];
        int blocks = (n + 3) / 4;
        ParallelRange.forEach((blocks + 1) / 2, threads, t -> {
            gramBlock(x, xt, sq, gamma, 4 * t, k);
            if (blocks - 1 - t != t) gramBlock(x, xt, sq, gamma, 4 * (blocks - 1 - t), k);
        });
        for (int a = 0; a < n; a++) for (int b = a + 1; b < n; b++) k[a][b] = k[b][a];
        return k;
    }

    /** Rows a0..a0+3 of the Gram matrix's lower triangle (b ≤ a), written into k. */
    private static void gramBlock(double[][] x, double[][] xt, double[] sq, double gamma, int a0, float[][] k) {
        int m = Math.min(4, x.length - a0);
        double[][] d = new double[4][a0 + m];
        dots4(xt, x, a0, a0 + m, d);
        for (int r = 0; r < m; r++) {
            int a = a0 + r;
            float[] row = k[a];
            double[] dr = d[r];
            for (int b = 0; b < a; b++) row[b] = (float) rbf(gamma, sq[a], sq[b], dr[b]);
            row[a] = 1f;
        }
    }

    /** exp(−γ(‖a‖² + ‖b‖² − 2a·b)), libsvm's form of exp(−γ‖a − b‖²). */
    private static double rbf(double gamma, double aa, double bb, double ab) {
        return Math.exp(-gamma * (aa + bb - 2 * ab));
    }

    /**
     * d[r][b] = rows[from + r] · column b of t, for the (up to four) rows [from, to) and every column b of
     * d[r]. t is a matrix transposed (features × columns). Each sum runs in feature order, as libsvm's
     * {@code Kernel.dot}; the loop over b, d[r][b] += rows[from + r][f]·t[f][b], has independent lanes,
     * which the JIT vectorises (a dot product's own loop it would not: it keeps a sum's order).
     */
    private static void dots4(double[][] t, double[][] rows, int from, int to, double[][] d) {
        double[] r0 = rows[from];
        double[] r1 = rows[Math.min(from + 1, to - 1)]; // fewer than four rows: the last again, d[r] unused
        double[] r2 = rows[Math.min(from + 2, to - 1)];
        double[] r3 = rows[Math.min(from + 3, to - 1)];
        double[] d0 = d[0];
        double[] d1 = d[1];
        double[] d2 = d[2];
        double[] d3 = d[3];
        int end = d0.length;
        for (int f = 0; f < t.length; f++) {
            double[] col = t[f];
            double u0 = r0[f];
            double u1 = r1[f];
            double u2 = r2[f];
            double u3 = r3[f];
            for (int b = 0; b < end; b++) {
                double c = col[b];
                d0[b] += u0 * c;
                d1[b] += u1 * c;
                d2[b] += u2 * c;
                d3[b] += u3 * c;
            }
        }
    }

    /** The matrix transposed: features × rows. */
    private static double[][] transpose(double[][] x) {
        double[][] t = new double[x[0].length][x.length];
        for (int a = 0; a < x.length; a++) for (int f = 0; f < t.length; f++) t[f][a] = x[a][f];
        return t;
    }

    /** ‖row‖² of every row, as libsvm's {@code Kernel.dot}: one running sum, in feature order. */
    private static double[] squares(double[][] x) {
        double[] sq = new double[x.length];
        for (int a = 0; a < x.length; a++) {
            double s = 0;
            for (double v : x[a]) s += v * v;
            sq[a] = s;
        }
        return sq;
    }

    /**
     * One pair's machine: decision Σ coef·K(sv, x) − rho, positive for class {@code i}.
     *
     * @param sv support vectors as rows of the training matrix
     * @param converged whether its solver reached the tolerance before libsvm's iteration cap ({@link SmoSolver.Solution})
     */
    record Pair(int i, int j, int[] sv, double[] coef, double rho, boolean converged) {
    }

    /** The trained one-vs-one machines and the support vectors they use. */
    public static final class Machines {
        private final int[] labels;
        private final double gamma;
        private final Pair[] pairs;
        /** The distinct support vectors, transposed (features × vectors), their ‖v‖², and each pair's positions in them. */
        private final double[][] supportT;
        private final double[] supportSquares;
        private final int[][] positions;

        Machines(int[] labels, double[][] x, double gamma, Pair[] pairs) {
            this.labels = labels;
            this.gamma = gamma;
            this.pairs = pairs;
            int[] supportRows = Arrays.stream(pairs).flatMapToInt(p -> IntStream.of(p.sv())).distinct().sorted().toArray();
            double[][] support = new double[supportRows.length][];
            for (int s = 0; s < support.length; s++) support[s] = x[supportRows[s]];
            this.supportT = transpose(support);
            this.supportSquares = squares(support);
            this.positions = new int[pairs.length][];
            for (int q = 0; q < pairs.length; q++) {
                positions[q] = IntStream.of(pairs[q].sv()).map(r -> Arrays.binarySearch(supportRows, r)).toArray();
            }
        }

        /** Distinct training rows that are a support vector of some pair. */
        public int supportVectors() {
            return supportSquares.length;
        }

        /**
         * Whether every pair's solver reached the tolerance before libsvm's iteration cap; where one did not, libsvm
         * warns and keeps the machine, as this does.
         */
        public boolean converged() {
            return Arrays.stream(pairs).allMatch(Pair::converged);
        }

        /** The class of each row, by libsvm's one-vs-one vote; the kernel with every support vector computed four rows at a time. */
        public int[] predict(double[][] rows) {
            int[] out = new int[rows.length];
            double[] rowSquares = squares(rows);
            IntStream.range(0, (rows.length + 3) / 4).parallel().forEach(t -> {
                int from = 4 * t;
                int to = Math.min(rows.length, from + 4);
                double[][] d = new double[4][supportSquares.length];
                dots4(supportT, rows, from, to, d);
                for (int r = from; r < to; r++) {
                    double[] kernel = d[r - from];
                    for (int s = 0; s < kernel.length; s++) kernel[s] = rbf(gamma, supportSquares[s], rowSquares[r], kernel[s]);
                    out[r] = vote(kernel);
                }
            });
            return out;
        }

        /** The class of one row, by libsvm's one-vs-one vote (ties go to the lower class). */
        public int predict(double[] row) {
            return predict(new double[][] {row})[0];
        }

        /** libsvm's vote over the pairs, given the kernel with every support vector (ties to the lower class). */
        private int vote(double[] kernel) {
            int[] votes = new int[labels.length];
            for (int q = 0; q < pairs.length; q++) {
                Pair p = pairs[q];
                int[] at = positions[q];
                double d = -p.rho();
                for (int s = 0; s < at.length; s++) d += p.coef()[s] * kernel[at[s]];
                votes[d > 0 ? p.i() : p.j()]++;
            }
            int best = 0;
            for (int c = 1; c < votes.length; c++) if (votes[c] > votes[best]) best = c;
            return labels[best];
        }
    }
}
