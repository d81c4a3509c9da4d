package org.genrelab.dsp;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The interior of {@link Resample}'s whole-step decimation with the JDK's Vector API: one output per
 * lane, eight vectors at a time. Each lane adds the same products in the same order as the scalar loop
 * (a multiply, then an add, then the float32 rounding when asked), so the output is bit-identical to it;
 * the lanes only run side by side. The scalar loop is a chain of dependent add-and-round steps per
 * output, which is what bounded the constant-Q transform's early downsampling.
 *
 * <p>Lanes must read consecutive inputs, so x is first split into its m phases (x[q·m + p] at
 * phase[p][q]): output t's input t·m − i is then phase[(m − i mod m) mod m] at t − ⌈i / m⌉, the same
 * offset for every lane.
 *
 * <p>Needs {@code --add-modules jdk.incubator.vector}; {@link Resample} loads this class only when the
 * module is present.
 */
final class VectorDecimate {

    /** The machine's widest doubles (8 lanes with AVX-512, 4 with AVX2), and floats of as many lanes. */
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = VectorSpecies.of(float.class, VectorShape.forBitSize(D.length() * Float.SIZE));
    private static final int LANES = D.length();

    private VectorDecimate() {
    }

    /**
     * Fills y[from, to') for outputs whose wings lie wholly inside x, eight vectors and then one at a time, and returns
     * to', the first output not done (≤ to).
     *
     * @param cL left-wing taps (tap i multiplies x[t·m − i]), cR right-wing taps (tap j multiplies x[t·m + j + 1])
     */
    static int interior(double[] x, int m, double[] cL, double[] cR, boolean float32, double[] y, int from, int to) {
        int nL = cL.length;
        int nR = cR.length;
        double[][] phase = new double[m][];
        for (int p = 0; p < m; p++) {
            phase[p] = new double[(x.length - p + m - 1) / m];
            for (int q = 0; q < phase[p].length; q++) phase[p][q] = x[q * m + p];
        }
        // the taps in the scalar loop's order: left wing (x[t·m − i]), then right wing (x[t·m + j + 1])
        int taps = nL + nR;
        double[][] src = new double[taps][];
        int[] off = new int[taps];
        double[] c = new double[taps];
        for (int i = 0; i < nL; i++) { // x[t·m − i] = phase[(m − r) mod m][t − a − (r > 0 ? 1 : 0)], i = a·m + r
            int a = i / m;
            int r = i % m;
            src[i] = phase[r == 0 ? 0 : m - r];
            off[i] = -a - (r == 0 ? 0 : 1);
            c[i] = cL[i];
        }
        for (int j = 0; j < nR; j++) { // x[t·m + j + 1] = phase[r][t + b], j + 1 = b·m + r
            src[nL + j] = phase[(j + 1) % m];
            off[nL + j] = (j + 1) / m;
            c[nL + j] = cR[j];
        }
        int t = from;
        // eight independent sums per pass: each is a chain of dependent add-and-round steps, so fewer
        // chains leave the vector units waiting (four took 1.2–1.6× as long, with AVX-512 and AVX2; twelve
        // were no longer inlined and ran eight times slower)
        for (; t + 8 * LANES <= to; t += 8 * LANES) eightVectors(src, off, c, float32, y, t);
        for (; t + LANES <= to; t += LANES) oneVector(src, off, c, float32, y, t);
        return t;
    }

    /*
     * The passes are methods of their own, called thousands of times per clip, so that C2 compiles them as
     * methods once their profile is complete, not inside an early on-stack-replacement compile of interior()
     * that may leave the float32 conversions out of line, boxed. The add-and-round step is written out in them,
     * not a method: a method that takes and returns vectors boxes them wherever C2 does not inline it
     * (lib/README.md, "Known traps").
     */

    /** Outputs y[t, t + 8·LANES). */
    private static void eightVectors(double[][] src, int[] off, double[] c, boolean float32, double[] y, int t) {
        DoubleVector a0 = DoubleVector.zero(D), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
        for (int k = 0; k < c.length; k++) {
            double[] s = src[k];
            int q = t + off[k];
            double ck = c[k];
            // each lane: acc += c·x, then the float32 rounding when asked (written out: see the class comment)
            a0 = a0.add(DoubleVector.fromArray(D, s, q).mul(ck));
            a1 = a1.add(DoubleVector.fromArray(D, s, q + LANES).mul(ck));
            a2 = a2.add(DoubleVector.fromArray(D, s, q + 2 * LANES).mul(ck));
            a3 = a3.add(DoubleVector.fromArray(D, s, q + 3 * LANES).mul(ck));
            a4 = a4.add(DoubleVector.fromArray(D, s, q + 4 * LANES).mul(ck));
            a5 = a5.add(DoubleVector.fromArray(D, s, q + 5 * LANES).mul(ck));
            a6 = a6.add(DoubleVector.fromArray(D, s, q + 6 * LANES).mul(ck));
            a7 = a7.add(DoubleVector.fromArray(D, s, q + 7 * LANES).mul(ck));
            if (float32) {
                a0 = (DoubleVector) a0.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
                a1 = (DoubleVector) a1.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
                a2 = (DoubleVector) a2.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
                a3 = (DoubleVector) a3.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
                a4 = (DoubleVector) a4.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
                a5 = (DoubleVector) a5.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
                a6 = (DoubleVector) a6.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
                a7 = (DoubleVector) a7.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
            }
        }
        a0.intoArray(y, t);
        a1.intoArray(y, t + LANES);
        a2.intoArray(y, t + 2 * LANES);
        a3.intoArray(y, t + 3 * LANES);
        a4.intoArray(y, t + 4 * LANES);
        a5.intoArray(y, t + 5 * LANES);
        a6.intoArray(y, t + 6 * LANES);
        a7.intoArray(y, t + 7 * LANES);
    }

    /** Outputs y[t, t + LANES). */
    private static void oneVector(double[][] src, int[] off, double[] c, boolean float32, double[] y, int t) {
        DoubleVector a = DoubleVector.zero(D);
        for (int k = 0; k < c.length; k++) {
            a = a.add(DoubleVector.fromArray(D, src[k], t + off[k]).mul(c[k]));
            if (float32) a = (DoubleVector) a.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
        }
        a.intoArray(y, t);
    }
}
