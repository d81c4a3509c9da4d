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
        Machines m = oneVersusOne(x, y, Runtime.getRuntime().availableProcessors());
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
        ParallelRange.forEach(trained.length, threads, q -> trained[q] = trainPair(pairs.get(q)[0], pairs.get(q)[1], yi, gram, param));
        return new Machines(labels, x, gamma, trained);
    }

    /**
     * One two-class problem as libsvm's svm_train builds it: class i's rows (+1), then class j's (−1),
     * each row given as libsvm's precomputed-kernel node list: its 1-based serial, then its kernel values.
     */
    private static Pair trainPair(int i, int j, int[] yi, float[][] gram, svm_parameter param) {
        int[] rows = IntStream.concat(IntStream.range(0, yi.length).filter(r -> yi[r] == i),
                IntStream.range(0, yi.length).filter(r -> yi[r] == j)).toArray();
        svm_problem prob = new svm_problem();
        prob.l = rows.length;
        prob.x = new svm_node[rows.length][];
        prob.y = new double[rows.length];
        for (int q = 0; q < rows.length; q++) {
            float[] k = gram[rows[q]];
            svm_node[] nodes = new svm_node[rows.length + 1];
            nodes[0] = node(0, q + 1);
            for (int t = 0; t < rows.length; t++) nodes[t + 1] = node(t + 1, k[rows[t]]);
            prob.x[q] = nodes;
            prob.y[q] = yi[rows[q]] == i ? +1 : -1;
        }
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

    private static double[] negate(double[] v) {
        double[] out = new double[v.length];
        for (int q = 0; q < v.length; q++) out[q] = -v[q];
        return out;
    }

    private static svm_node node(int index, double value) {
        svm_node n = new svm_node();
        n.index = index;
        n.value = value;
        return n;
    }

    /**
     * The RBF Gram matrix of the rows, K[a][b] = exp(−γ(‖a‖² + ‖b‖² − 2a·b)) as libsvm's RBF kernel
     * computes it, stored as the floats libsvm's kernel cache would hold. Pairs of rows are shared out to
     * threads; each pair meets four columns at a time (eight running sums: the dot products are the cost).
     */
    static float[][] rbfGram(double[][] x, double gamma, int threads) {
        int n = x.length;
        double[] sq = new double[n];
        for (int a = 0; a < n; a++) sq[a] = dot(x[a], x[a]);
        float[][] k = new float[n][n];
        ParallelRange.forEach((n + 1) / 2, threads, t -> {
            int a0 = 2 * t;
            int a1 = Math.min(a0 + 1, n - 1);
            double[] d = new double[8];
            int b = 0;
            for (; b + 3 < a0; b += 4) {
                dots2x4(x[a0], x[a1], x[b], x[b + 1], x[b + 2], x[b + 3], d);
                for (int c = 0; c < 4; c++) {
                    k[a0][b + c] = (float) Math.exp(-gamma * (sq[a0] + sq[b + c] - 2 * d[c]));
                    k[a1][b + c] = (float) Math.exp(-gamma * (sq[a1] + sq[b + c] - 2 * d[4 + c]));
                }
            }
            for (; b <= a1; b++) {
                if (b < a0) k[a0][b] = (float) Math.exp(-gamma * (sq[a0] + sq[b] - 2 * dot(x[a0], x[b])));
                if (b < a1) k[a1][b] = (float) Math.exp(-gamma * (sq[a1] + sq[b] - 2 * dot(x[a1], x[b])));
            }
            k[a0][a0] = 1f;
            k[a1][a1] = 1f;
        });
        for (int a = 0; a < n; a++) for (int b = a + 1; b < n; b++) k[a][b] = k[b][a];
        return k;
    }

    /** The eight dot products of rows a0, a1 with b0..b3 into d (a0's first), each column read once. */
    private static void dots2x4(double[] a0, double[] a1, double[] b0, double[] b1, double[] b2, double[] b3, double[] d) {
        double s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
        for (int f = 0; f < a0.length; f++) {
            double u = a0[f];
            double v = a1[f];
            double c0 = b0[f];
            double c1 = b1[f];
            double c2 = b2[f];
            double c3 = b3[f];
            s00 += u * c0;
            s01 += u * c1;
            s02 += u * c2;
            s03 += u * c3;
            s10 += v * c0;
            s11 += v * c1;
            s12 += v * c2;
            s13 += v * c3;
        }
        d[0] = s00;
        d[1] = s01;
        d[2] = s02;
        d[3] = s03;
        d[4] = s10;
        d[5] = s11;
        d[6] = s12;
        d[7] = s13;
    }

    /** a·b with four running sums (one sum waits on the adder's latency at every term: 4× slower). */
    static double dot(double[] a, double[] b) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int f = 0;
        for (; f + 3 < a.length; f += 4) {
            s0 += a[f] * b[f];
            s1 += a[f + 1] * b[f + 1];
            s2 += a[f + 2] * b[f + 2];
            s3 += a[f + 3] * b[f + 3];
        }
        for (; f < a.length; f++) s0 += a[f] * b[f];
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * One pair's machine: decision Σ coef·K(sv, x) − rho, positive for class {@code i}.
     *
     * @param sv support vectors as rows of the training matrix
     */
    record Pair(int i, int j, int[] sv, double[] coef, double rho) {
    }

    /** The trained one-vs-one machines and the training rows their support vectors point to. */
    public static final class Machines {
        private final int[] labels;
        private final double[][] x;
        private final double gamma;
        private final Pair[] pairs;
        private final int[] supportRows;
        private final double[] squares;

        Machines(int[] labels, double[][] x, double gamma, Pair[] pairs) {
            this.labels = labels;
            this.x = x;
            this.gamma = gamma;
            this.pairs = pairs;
            this.supportRows = Arrays.stream(pairs).flatMapToInt(p -> IntStream.of(p.sv())).distinct().sorted().toArray();
            this.squares = new double[x.length];
            for (int s : supportRows) squares[s] = dot(x[s], x[s]);
        }

        /** Distinct training rows that are a support vector of some pair. */
        public int supportVectors() {
            return supportRows.length;
        }

        /** The class of each row, by libsvm's one-vs-one vote. */
        public int[] predict(double[][] rows) {
            return IntStream.range(0, rows.length).parallel().map(r -> predict(rows[r])).toArray();
        }

        /** The class of one row, by libsvm's one-vs-one vote (ties go to the lower class). */
        public int predict(double[] row) {
            double[] kernel = new double[x.length];
            double rowSq = dot(row, row);
            for (int s : supportRows) { // exp(−γ‖x−y‖²) in libsvm's form, each support vector once
                kernel[s] = Math.exp(-gamma * (squares[s] + rowSq - 2 * dot(x[s], row)));
            }
            int[] votes = new int[labels.length];
            for (Pair p : pairs) {
                double d = -p.rho();
                for (int s = 0; s < p.sv().length; s++) d += p.coef()[s] * kernel[p.sv()[s]];
                votes[d > 0 ? p.i() : p.j()]++;
            }
            int best = 0;
            for (int c = 1; c < votes.length; c++) if (votes[c] > votes[best]) best = c;
            return labels[best];
        }

    }
}
