package org.genrelab.classic;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * One row block of the multinomial logistic objective ({@link MultinomialLogistic}) with the JDK's Vector
 * API: the scores as dot products of each row with the class weights (two rows and four classes per pass,
 * eight vector accumulators), and the gradient Σᵢ rᵢ ⊗ xᵢ as vector multiply-adds along the features
 * (four rows per pass). The JIT does not vectorise a floating-point dot product on its own (it keeps the
 * scalar summation order), and that is where the scalar objective spent its time: this block is about 5×
 * faster per evaluation on AVX-512.
 *
 * <p>Needs the incubator module ({@code --add-modules jdk.incubator.vector}, which every GenreLab JVM
 * gets); {@link MultinomialLogistic} falls back to its scalar block when the module is absent, and loads
 * this class only when it is present.
 */
final class VectorLogisticBlock {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private VectorLogisticBlock() {
    }

    /**
     * Rows [from, to): returns Σ (log Σ exp zᵢ − zᵢ,yᵢ) and adds Σ (softmax(zᵢ) − onehot(yᵢ)) ⊗ xᵢ to g[c][0, p)
     * and the residual sums to g[c][p].
     *
     * @param wc class weights, wc[c][0, p)
     * @param b  intercepts
     */
    static double block(double[][] wc, double[] b, double[][] x, int[] y, int from, int to, double[][] g) {
        int k = wc.length;
        int p = wc[0].length;
        int len = to - from;
        double[][] r = new double[len][k];
        int i = from;
        for (; i + 1 < to; i += 2) scoresTwoRows(wc, x[i], x[i + 1], r[i - from], r[i + 1 - from], p);
        for (; i < to; i++) {
            for (int c = 0; c < k; c++) r[i - from][c] = dot(wc[c], x[i], p);
        }
        double loss = 0;
        for (int ii = 0; ii < len; ii++) {
            double[] z = r[ii];
            for (int c = 0; c < k; c++) z[c] += b[c];
            int label = y[from + ii];
            double zy = z[label];
            loss += MultinomialLogistic.softmax(z) - zy;
            z[label] -= 1; // z is now the residual softmax(zᵢ) − onehot(yᵢ)
        }
        int bound = S.loopBound(p);
        int ii = 0;
        for (; ii + 3 < len; ii += 4) {
            double[] x0 = x[from + ii], x1 = x[from + ii + 1], x2 = x[from + ii + 2], x3 = x[from + ii + 3];
            for (int c = 0; c < k; c++) {
                double r0 = r[ii][c], r1 = r[ii + 1][c], r2 = r[ii + 2][c], r3 = r[ii + 3][c];
                double[] gc = g[c];
                DoubleVector v0 = DoubleVector.broadcast(S, r0), v1 = DoubleVector.broadcast(S, r1);
                DoubleVector v2 = DoubleVector.broadcast(S, r2), v3 = DoubleVector.broadcast(S, r3);
                int j = 0;
                for (; j < bound; j += S.length()) {
                    DoubleVector acc = DoubleVector.fromArray(S, gc, j);
                    acc = DoubleVector.fromArray(S, x0, j).fma(v0, acc);
                    acc = DoubleVector.fromArray(S, x1, j).fma(v1, acc);
                    acc = DoubleVector.fromArray(S, x2, j).fma(v2, acc);
                    acc = DoubleVector.fromArray(S, x3, j).fma(v3, acc);
                    acc.intoArray(gc, j);
                }
                for (; j < p; j++) gc[j] += r0 * x0[j] + r1 * x1[j] + r2 * x2[j] + r3 * x3[j];
                gc[p] += r0 + r1 + r2 + r3;
            }
        }
        for (; ii < len; ii++) {
            double[] xi = x[from + ii];
            for (int c = 0; c < k; c++) {
                double ri = r[ii][c];
                double[] gc = g[c];
                for (int j = 0; j < p; j++) gc[j] += ri * xi[j];
                gc[p] += ri;
            }
        }
        return loss;
    }

    /** z0[c] = wc·x0, z1[c] = wc·x1 for every class, four classes per pass over the two rows. */
    private static void scoresTwoRows(double[][] wc, double[] x0, double[] x1, double[] z0, double[] z1, int p) {
        int k = wc.length;
        int bound = S.loopBound(p);
        int c = 0;
        for (; c + 3 < k; c += 4) {
            double[] w0 = wc[c], w1 = wc[c + 1], w2 = wc[c + 2], w3 = wc[c + 3];
            DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
            int j = 0;
            for (; j < bound; j += S.length()) {
                DoubleVector u = DoubleVector.fromArray(S, x0, j);
                DoubleVector v = DoubleVector.fromArray(S, x1, j);
                DoubleVector q = DoubleVector.fromArray(S, w0, j);
                a0 = u.fma(q, a0);
                b0 = v.fma(q, b0);
                q = DoubleVector.fromArray(S, w1, j);
                a1 = u.fma(q, a1);
                b1 = v.fma(q, b1);
                q = DoubleVector.fromArray(S, w2, j);
                a2 = u.fma(q, a2);
                b2 = v.fma(q, b2);
                q = DoubleVector.fromArray(S, w3, j);
                a3 = u.fma(q, a3);
                b3 = v.fma(q, b3);
            }
            double s0 = sum(a0), s1 = sum(a1), s2 = sum(a2), s3 = sum(a3);
            double t0 = sum(b0), t1 = sum(b1), t2 = sum(b2), t3 = sum(b3);
            for (; j < p; j++) {
                s0 += w0[j] * x0[j];
                s1 += w1[j] * x0[j];
                s2 += w2[j] * x0[j];
                s3 += w3[j] * x0[j];
                t0 += w0[j] * x1[j];
                t1 += w1[j] * x1[j];
                t2 += w2[j] * x1[j];
                t3 += w3[j] * x1[j];
            }
            z0[c] = s0;
            z0[c + 1] = s1;
            z0[c + 2] = s2;
            z0[c + 3] = s3;
            z1[c] = t0;
            z1[c + 1] = t1;
            z1[c + 2] = t2;
            z1[c + 3] = t3;
        }
        for (; c < k; c++) {
            z0[c] = dot(wc[c], x0, p);
            z1[c] = dot(wc[c], x1, p);
        }
    }

    private static double dot(double[] w, double[] x, int p) {
        int bound = S.loopBound(p);
        DoubleVector acc = DoubleVector.zero(S);
        int j = 0;
        for (; j < bound; j += S.length()) acc = DoubleVector.fromArray(S, x, j).fma(DoubleVector.fromArray(S, w, j), acc);
        double s = sum(acc);
        for (; j < p; j++) s += w[j] * x[j];
        return s;
    }

    /**
     * The lanes summed in lane order. Not {@code reduceLanes(ADD)}: its order is the implementation's
     * choice, and the compiled and interpreted forms of one method were seen to round differently, which
     * made a fit depend on which row blocks ran before the JIT had compiled this class.
     */
    private static double sum(DoubleVector v) {
        double s = 0;
        for (int l = 0; l < v.length(); l++) s += v.lane(l);
        return s;
    }
}
