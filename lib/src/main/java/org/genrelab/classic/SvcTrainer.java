package org.genrelab.classic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;

/**
 * Support vector classifier with an RBF kernel through libsvm's own Java port, the solver scikit-learn's
 * {@code SVC} wraps: C-SVC, {@code gamma='scale'} = 1 / (n_features · Var(X)) over every entry of the
 * training matrix, tolerance 1e-3, shrinking, a 200 MB kernel cache, one-vs-one with libsvm's vote.
 *
 * <p>libsvm's {@code svm_train} solves the k(k−1)/2 class pairs one after another, each as its own
 * two-class problem (class i's rows, then class j's, i &lt; j, labels ascending as scikit-learn sorts
 * them). Here the same two-class problems are handed to {@code svm_train} on several threads; the solver
 * is deterministic, so the model does not depend on the thread count or the seed. The Java port's own
 * RBF kernel walks sparse node lists and made training 4× slower than scikit-learn's C build, so the
 * dense Gram matrix of the training rows is computed once, on all threads, and each pair is given its
 * block as a precomputed kernel (libsvm caches kernel values as float; the block holds the same floats).
 * Prediction evaluates the kernel once per distinct support vector and votes as {@code svm_predict}
 * does (ties to the lower class).
 */
public final class SvcTrainer implements ModelTrainer {

    private final double c;
    private final double tol;

    /** The study's SVC: C = 3, gamma 'scale', tolerance 1e-3 (libsvm's). */
    public SvcTrainer() {
        this(3.0, 1e-3);
    }

    public SvcTrainer(double c, double tol) {
        this.c = c;
        this.tol = tol;
    }

    @Override
    public String name() {
        return "SVC";
    }

    @Override
    public String settings() {
        return "RBF, C=" + c + ", gamma=scale, one-vs-one (libsvm " + svm.LIBSVM_VERSION + ")";
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
        Machines m = oneVersusOne(x, y, org.genrelab.report.RunParameters.threadsFromEnvironment());
        return m::predict;
    }

    /** libsvm's C-SVC parameters for this trainer and a kernel width. */
    svm_parameter parameters(double gamma) {
        svm_parameter p = new svm_parameter();
        p.svm_type = svm_parameter.C_SVC;
        p.kernel_type = svm_parameter.RBF;
        p.gamma = gamma;
        p.C = c;
        p.eps = tol;
        p.cache_size = 200;
        p.shrinking = 1;
        p.probability = 0;
        p.nr_weight = 0;
        p.weight_label = new int[0];
        p.weight = new double[0];
        return p;
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
        svm_parameter param = (svm_parameter) parameters(gamma).clone();
        param.kernel_type = svm_parameter.PRECOMPUTED;
        float[][] gram = rbfGram(x, gamma, threads);
        svm.svm_set_print_string_function(s -> { }); // libsvm prints its iterations to stdout otherwise

        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < k; i++) for (int j = i + 1; j < k; j++) pairs.add(new int[] {i, j});
        Pair[] trained = new Pair[pairs.size()];
        ThreadLocal<PrecomputedRows> rowsOfThread = ThreadLocal.withInitial(PrecomputedRows::new); // this fit's pool threads only
        ParallelRange.forEach(trained.length, threads,
                q -> trained[q] = trainPair(pairs.get(q)[0], pairs.get(q)[1], yi, gram, param, rowsOfThread.get()));
        return new Machines(labels, x, gamma, trained);
    }

    /**
     * One two-class problem as libsvm's svm_train builds it: class i's rows (+1), then class j's (−1),
     * each row given as libsvm's precomputed-kernel node list: its 1-based serial, then its kernel values.
     */
    private static Pair trainPair(int i, int j, int[] yi, float[][] gram, svm_parameter param, PrecomputedRows nodeLists) {
        int[] rows = IntStream.concat(IntStream.range(0, yi.length).filter(r -> yi[r] == i),
                IntStream.range(0, yi.length).filter(r -> yi[r] == j)).toArray();
        svm_problem prob = new svm_problem();
        prob.l = rows.length;
        prob.x = nodeLists.of(gram, rows);
        prob.y = new double[rows.length];
        for (int q = 0; q < rows.length; q++) prob.y[q] = yi[rows[q]] == i ? +1 : -1;
        svm_model model = svm.svm_train(prob, param);
        int[] sv = new int[model.l];
        double[] coef = new double[model.l];
        for (int s = 0; s < model.l; s++) {
            sv[s] = rows[model.sv_indices[s] - 1]; // sv_indices are 1-based positions in prob
            coef[s] = model.sv_coef[0][s];
        }
        // libsvm's first model label is the first seen (+1, class i); a positive decision votes for it
        boolean positiveIsI = model.label[0] == +1;
        return new Pair(i, j, sv, positiveIsI ? coef : negate(coef), positiveIsI ? model.rho[0] : -model.rho[0]);
    }

    /**
     * libsvm's precomputed-kernel node lists for the pairs one thread trains, one after another, kept from pair to
     * pair and overwritten. A new list per row and pair (the pair's size squared of {@code svm_node}s, 120 MB per fit
     * here) landed on heap memory the process had never touched; in a fresh JVM its page faults made the first four
     * or five fits several times slower than the later ones. libsvm reads a precomputed row q only at its node 0 and
     * at the serials 1..l of the problem's rows, so a list longer than l + 1 (left from a larger pair) serves as well.
     */
    static final class PrecomputedRows {
        private svm_node[][] lists = new svm_node[0][];

        /** The node lists of a pair's rows: list q holds serial q + 1, then K(rows[q], rows[t]) at t + 1 for every t. */
        svm_node[][] of(float[][] gram, int[] rows) {
            int l = rows.length;
            if (lists.length < l) lists = Arrays.copyOf(lists, l);
            svm_node[][] x = new svm_node[l][];
            for (int q = 0; q < l; q++) {
                if (lists[q] == null || lists[q].length < l + 1) lists[q] = newList(l + 1);
                fill(lists[q], q + 1, gram[rows[q]], rows);
                x[q] = lists[q];
            }
            return x;
        }

        private static svm_node[] newList(int length) {
            svm_node[] list = new svm_node[length];
            for (int t = 0; t < length; t++) list[t] = new svm_node();
            return list;
        }

        /** Node 0: index 0, the row's serial; node t + 1: index t + 1, the kernel value with the pair's row t. */
        private static void fill(svm_node[] list, int serial, float[] kernelRow, int[] rows) {
            list[0].index = 0;
            list[0].value = serial;
            for (int t = 0; t < rows.length; t++) {
                svm_node n = list[t + 1];
                n.index = t + 1;
                n.value = kernelRow[rows[t]];
            }
        }
    }

    private static double[] negate(double[] v) {
        double[] out = new double[v.length];
        for (int q = 0; q < v.length; q++) out[q] = -v[q];
        return out;
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
     */
    record Pair(int i, int j, int[] sv, double[] coef, double rho) {
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
