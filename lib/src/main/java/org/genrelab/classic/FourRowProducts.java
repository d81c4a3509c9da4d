package org.genrelab.classic;

/**
 * Four rows times a matrix given transposed: d_r[b] += Σ_f u_r[f]·t[f][b] for r = 0..3 and every b of d_r, each sum
 * running in feature order f = 0, 1, …, as one dot product's running sum does (libsvm's {@code Kernel.dot}, or a
 * class's score taken row by row). The loop over b has independent lanes, which the JIT vectorises; a dot product's
 * own loop it would not, since it keeps the sum's order. The SVC's Gram matrix and the logistic regression's scores
 * are both this product.
 */
final class FourRowProducts {

    private FourRowProducts() {
    }

    /**
     * Adds the products into d0..d3 (their common length is the number of columns b computed; the rows of t may be
     * longer). Row r's coefficients are u_r[o_r], u_r[o_r + 1], … (one per row of t).
     */
    static void accumulate(double[][] t, double[] u0, int o0, double[] u1, int o1, double[] u2, int o2, double[] u3, int o3,
            double[] d0, double[] d1, double[] d2, double[] d3) {
        int end = d0.length;
        for (int f = 0; f < t.length; f++) {
            double[] col = t[f];
            double w0 = u0[o0 + f];
            double w1 = u1[o1 + f];
            double w2 = u2[o2 + f];
            double w3 = u3[o3 + f];
            for (int b = 0; b < end; b++) {
                double c = col[b];
                d0[b] += w0 * c;
                d1[b] += w1 * c;
                d2[b] += w2 * c;
                d3[b] += w3 * c;
            }
        }
    }
}
