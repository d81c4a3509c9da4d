package org.genrelab.dsp;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Resample}'s general loop (any rational rate ratio) with the JDK's Vector API: one output per lane. Each
 * lane computes every tap with the scalar loop's expression, {@code (win[k] + eta·delta[k]) · x}, and adds the
 * taps in the scalar loop's order (left wing, then right wing; then the float32 rounding when asked), so every
 * output is bit-identical to {@link Resample#generalOutput}; the lanes only run side by side.
 *
 * <p>Why lanes are outputs one period apart: with sr_orig / sr_new = q / p in lowest terms, outputs t and t + p
 * sit at the same fraction of an input step (t·q/p and t·q/p + q), so they read the same taps k = offset + i·step
 * of the filter table, with their own eta, at inputs exactly q apart. Their coefficient reads are then one scalar
 * load broadcast to all lanes, not a gather. (Consecutive outputs, as {@link VectorDecimate} uses, would each need
 * their own strided table read: the table is several MB, so those reads miss the caches, and four scalar chains
 * side by side were measured no faster than one.) In floating point the period is not exact: each group's lanes
 * are checked to have the same offsets and inputs exactly q apart, with both wings whole inside x; any group that
 * fails is left to the scalar loop.
 *
 * <p>Lanes read consecutive doubles, so each block of {@code WIDTH·p} outputs first copies the inputs it needs into
 * {@code xb}: row r holds x[qLo + r + l·q] for lane l.
 *
 * <p>Needs {@code --add-modules jdk.incubator.vector}; {@link Resample} loads this class only when the module is
 * present.
 */
final class VectorResample {

    /** The machine's widest doubles (8 lanes with AVX-512, 4 with AVX2), and floats of as many lanes. */
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = VectorSpecies.of(float.class, VectorShape.forBitSize(D.length() * Float.SIZE));
    private static final int LANES = D.length();
    /** Four vectors per group: four independent add chains per tap. */
    static final int WIDTH = 4 * LANES;

    private VectorResample() {
    }

    /**
     * Fills those y[t] that whole groups can compute and marks them in the returned array; the others are left to
     * the scalar loop. Returns null (nothing done) when the rates have no usable period.
     *
     * @param p outputs per period, q inputs per period (sr_new / sr_orig = p / q in lowest terms)
     */
    static boolean[] general(double[] x, double[] win, double[] delta, double scale, int numTable, int indexStep,
                             double timeIncrement, int p, int q, boolean float32, double[] y) {
        int nOut = y.length;
        int nOrig = x.length;
        int nwin = win.length;
        long block = (long) WIDTH * p;
        if (block > nOut || (long) WIDTH * q > Integer.MAX_VALUE / 2) return null;
        boolean[] done = new boolean[nOut];
        int maxTaps = nwin / indexStep;
        double[] etaL = new double[WIDTH];
        double[] etaR = new double[WIDTH];
        double[] out = new double[WIDTH];
        double[] xb = new double[0];
        // the taps of each offset o in a row of their own, (win, delta) pairs in tap order: a group reads one
        // short stretch of memory instead of two table entries a stride apart (several MB, beyond the caches)
        int rowLen = 2 * maxTaps;
        double[] rowsOf = new double[(indexStep + 1) * rowLen];
        for (int i = 0; i < maxTaps; i++) {
            for (int o = 0; o <= indexStep; o++) {
                int k = o + i * indexStep;
                if (k + indexStep > nwin) break;
                rowsOf[o * rowLen + 2 * i] = win[k];
                rowsOf[o * rowLen + 2 * i + 1] = delta[k];
            }
        }
        for (int b = 0; b + block <= nOut; b += (int) block) {
            // rows for lane 0 of the block's groups: n from (int) (b·ti) to (int) ((b + p − 1)·ti), wings around it
            int qLo = (int) (b * timeIncrement) - maxTaps;
            int qHi = (int) ((b + p - 1) * timeIncrement) + maxTaps + 1;
            int rows = qHi - qLo + 1;
            if (xb.length < rows * WIDTH) xb = new double[rows * WIDTH];
            for (int r = 0; r < rows; r++) {
                for (int l = 0; l < WIDTH; l++) {
                    int src = qLo + r + l * q;
                    xb[r * WIDTH + l] = src >= 0 && src < nOrig ? x[src] : 0.0;
                }
            }
            for (int j = 0; j < p; j++) {
                int t0 = b + j;
                // lane 0, as the scalar loop computes it
                double tr = t0 * timeIncrement;
                int n0 = (int) tr;
                double frac = scale * (tr - n0);
                double indexFrac = frac * numTable;
                int offL = (int) indexFrac;
                indexFrac = (scale - frac) * numTable;
                int offR = (int) indexFrac;
                if (offL > indexStep || offR > indexStep) continue; // not expected: frac ≤ scale
                int nL = (nwin - offL) / indexStep;
                int nR = (nwin - offR) / indexStep;
                int nLast = n0 + (WIDTH - 1) * q;
                if (nL > n0 + 1 || nR > nOrig - nLast - 1) continue; // a wing cut short by an end of x
                boolean same = true;
                for (int l = 0; l < WIDTH && same; l++) {
                    double trl = (t0 + l * p) * timeIncrement;
                    int n = (int) trl;
                    double fracL = scale * (trl - n);
                    double ifL = fracL * numTable;
                    int oL = (int) ifL;
                    double ifR = (scale - fracL) * numTable;
                    int oR = (int) ifR;
                    etaL[l] = ifL - oL;
                    etaR[l] = ifR - oR;
                    same = n == n0 + l * q && oL == offL && oR == offR;
                }
                if (!same) continue;
                if (float32) {
                    group32(xb, n0 - qLo, rowsOf, offL * rowLen, nL, offR * rowLen, nR, etaL, etaR, out);
                } else {
                    group64(xb, n0 - qLo, rowsOf, offL * rowLen, nL, offR * rowLen, nR, etaL, etaR, out);
                }
                for (int l = 0; l < WIDTH; l++) {
                    y[t0 + l * p] = out[l];
                    done[t0 + l * p] = true;
                }
            }
        }
        return done;
    }

    /*
     * The groups are methods of their own, called thousands of times per clip, so that C2 compiles them as methods
     * (see VectorDecimate); the float64 and float32 loops are separate so that neither carries the other's branch.
     */

    /**
     * One group, float64 sums: lane l of out = the output whose input n is row r0 of xb.
     *
     * @param r0 row of xb holding lane 0's x[n]
     */
    private static void group64(double[] xb, int r0, double[] taps, int rowL, int nL, int rowR, int nR, double[] etaL,
                                double[] etaR, double[] out) {
        DoubleVector a0 = DoubleVector.zero(D), a1 = a0, a2 = a0, a3 = a0;
        DoubleVector e0 = DoubleVector.fromArray(D, etaL, 0);
        DoubleVector e1 = DoubleVector.fromArray(D, etaL, LANES);
        DoubleVector e2 = DoubleVector.fromArray(D, etaL, 2 * LANES);
        DoubleVector e3 = DoubleVector.fromArray(D, etaL, 3 * LANES);
        for (int i = 0; i < nL; i++) { // left wing: x[n − i]
            double w = taps[rowL + 2 * i];
            double d = taps[rowL + 2 * i + 1];
            int at = (r0 - i) * WIDTH;
            // each lane: acc += (w + eta·d) · x (eta·d = d·eta and w + e = e + w exactly)
            a0 = a0.add(e0.mul(d).add(w).mul(DoubleVector.fromArray(D, xb, at)));
            a1 = a1.add(e1.mul(d).add(w).mul(DoubleVector.fromArray(D, xb, at + LANES)));
            a2 = a2.add(e2.mul(d).add(w).mul(DoubleVector.fromArray(D, xb, at + 2 * LANES)));
            a3 = a3.add(e3.mul(d).add(w).mul(DoubleVector.fromArray(D, xb, at + 3 * LANES)));
        }
        e0 = DoubleVector.fromArray(D, etaR, 0);
        e1 = DoubleVector.fromArray(D, etaR, LANES);
        e2 = DoubleVector.fromArray(D, etaR, 2 * LANES);
        e3 = DoubleVector.fromArray(D, etaR, 3 * LANES);
        for (int j = 0; j < nR; j++) { // right wing: x[n + j + 1]
            double w = taps[rowR + 2 * j];
            double d = taps[rowR + 2 * j + 1];
            int at = (r0 + j + 1) * WIDTH;
            a0 = a0.add(e0.mul(d).add(w).mul(DoubleVector.fromArray(D, xb, at)));
            a1 = a1.add(e1.mul(d).add(w).mul(DoubleVector.fromArray(D, xb, at + LANES)));
            a2 = a2.add(e2.mul(d).add(w).mul(DoubleVector.fromArray(D, xb, at + 2 * LANES)));
            a3 = a3.add(e3.mul(d).add(w).mul(DoubleVector.fromArray(D, xb, at + 3 * LANES)));
        }
        a0.intoArray(out, 0);
        a1.intoArray(out, LANES);
        a2.intoArray(out, 2 * LANES);
        a3.intoArray(out, 3 * LANES);
    }

    /** {@link #group64} with every add rounded to float32 (written out: see VectorDecimate on boxing). */
    private static void group32(double[] xb, int r0, double[] taps, int rowL, int nL, int rowR, int nR, double[] etaL,
                                double[] etaR, double[] out) {
        DoubleVector a0 = DoubleVector.zero(D), a1 = a0, a2 = a0, a3 = a0;
        DoubleVector e0 = DoubleVector.fromArray(D, etaL, 0);
        DoubleVector e1 = DoubleVector.fromArray(D, etaL, LANES);
        DoubleVector e2 = DoubleVector.fromArray(D, etaL, 2 * LANES);
        DoubleVector e3 = DoubleVector.fromArray(D, etaL, 3 * LANES);
        for (int i = 0; i < nL; i++) {
            double w = taps[rowL + 2 * i];
            double d = taps[rowL + 2 * i + 1];
            int at = (r0 - i) * WIDTH;
            a0 = a0.add(e0.mul(d).add(w).mul(DoubleVector.fromArray(D, xb, at)));
            a1 = a1.add(e1.mul(d).add(w).mul(DoubleVector.fromArray(D, xb, at + LANES)));
            a2 = a2.add(e2.mul(d).add(w).mul(DoubleVector.fromArray(D, xb, at + 2 * LANES)));
            a3 = a3.add(e3.mul(d).add(w).mul(DoubleVector.fromArray(D, xb, at + 3 * LANES)));
            a0 = (DoubleVector) a0.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
            a1 = (DoubleVector) a1.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
            a2 = (DoubleVector) a2.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
            a3 = (DoubleVector) a3.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
        }
        e0 = DoubleVector.fromArray(D, etaR, 0);
        e1 = DoubleVector.fromArray(D, etaR, LANES);
        e2 = DoubleVector.fromArray(D, etaR, 2 * LANES);
        e3 = DoubleVector.fromArray(D, etaR, 3 * LANES);
        for (int j = 0; j < nR; j++) {
            double w = taps[rowR + 2 * j];
            double d = taps[rowR + 2 * j + 1];
            int at = (r0 + j + 1) * WIDTH;
            a0 = a0.add(e0.mul(d).add(w).mul(DoubleVector.fromArray(D, xb, at)));
            a1 = a1.add(e1.mul(d).add(w).mul(DoubleVector.fromArray(D, xb, at + LANES)));
            a2 = a2.add(e2.mul(d).add(w).mul(DoubleVector.fromArray(D, xb, at + 2 * LANES)));
            a3 = a3.add(e3.mul(d).add(w).mul(DoubleVector.fromArray(D, xb, at + 3 * LANES)));
            a0 = (DoubleVector) a0.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
            a1 = (DoubleVector) a1.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
            a2 = (DoubleVector) a2.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
            a3 = (DoubleVector) a3.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
        }
        a0.intoArray(out, 0);
        a1.intoArray(out, LANES);
        a2.intoArray(out, 2 * LANES);
        a3.intoArray(out, 3 * LANES);
    }
}
