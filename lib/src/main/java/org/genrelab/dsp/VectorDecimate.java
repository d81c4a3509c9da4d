package org.genrelab.dsp;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The interior of {@link Resample}'s whole-step decimation with the JDK's Vector API: one output per
 * lane, four vectors at a time. Each lane adds the same products in the same order as the scalar loop
 * (a multiply, then an add, then the float32 rounding when asked, done on the bits), so the output is
 * bit-identical to it; the lanes only run side by side. The scalar loop is a chain of dependent add-and-round steps per
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

    /** The machine's widest doubles (8 lanes with AVX-512, 4 with AVX2), and longs of the same shape (their bits). */
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> L = VectorSpecies.of(long.class, D.vectorShape());
    private static final int LANES = D.length();

    private VectorDecimate() {
    }

    /**
     * Fills y[from, to') for outputs whose wings lie wholly inside x, four vectors at a time, and returns to',
     * the first output not done (≤ to): the caller's scalar loop does the rest.
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
        // the steps are written out here, not called: a call the JIT declines to inline (it did, for size)
        // boxes every vector, which made a step fifty times slower
        if (!float32) {
            for (; t + 4 * LANES <= to; t += 4 * LANES) {
                DoubleVector a0 = DoubleVector.zero(D), a1 = a0, a2 = a0, a3 = a0;
                for (int k = 0; k < taps; k++) {
                    double[] s = src[k];
                    int q = t + off[k];
                    double ck = c[k];
                    a0 = a0.add(DoubleVector.fromArray(D, s, q).mul(ck));
                    a1 = a1.add(DoubleVector.fromArray(D, s, q + LANES).mul(ck));
                    a2 = a2.add(DoubleVector.fromArray(D, s, q + 2 * LANES).mul(ck));
                    a3 = a3.add(DoubleVector.fromArray(D, s, q + 3 * LANES).mul(ck));
                }
                a0.intoArray(y, t);
                a1.intoArray(y, t + LANES);
                a2.intoArray(y, t + 2 * LANES);
                a3.intoArray(y, t + 3 * LANES);
            }
            return t;
        }
        // float32: each step rounds to float32 on the bits (see FLOAT32_ROUNDING), exact while every sum is zero
        // or at least 2^−126 in magnitude and below 2^127. Overflow is ruled out here for the whole call (no
        // sum exceeds max|x|·Σ|c|); a block where some sum came below 2^−126 is not stored, and the
        // caller's scalar loop does the rest
        double maxAbs = 0;
        for (double v : x) maxAbs = Math.max(maxAbs, Math.abs(v)); // NaN stays NaN
        double l1 = 0;
        for (double v : c) l1 += Math.abs(v);
        if (!(maxAbs * l1 < 0x1p126)) return t;
        for (; t + 4 * LANES <= to; t += 4 * LANES) {
            LongVector a0 = LongVector.zero(L), a1 = a0, a2 = a0, a3 = a0;
            // lanes where some sum was nonzero and below 2^−126: |sum| − 1 < 2^−126's bits − 1, unsigned (zero
            // wraps to the top)
            VectorMask<Long> low = L.maskAll(false);
            for (int k = 0; k < taps; k++) {
                double[] s = src[k];
                int q = t + off[k];
                double ck = c[k];
                LongVector b0 = a0.reinterpretAsDoubles().add(DoubleVector.fromArray(D, s, q).mul(ck)).reinterpretAsLongs();
                LongVector b1 = a1.reinterpretAsDoubles().add(DoubleVector.fromArray(D, s, q + LANES).mul(ck)).reinterpretAsLongs();
                LongVector b2 = a2.reinterpretAsDoubles().add(DoubleVector.fromArray(D, s, q + 2 * LANES).mul(ck)).reinterpretAsLongs();
                LongVector b3 = a3.reinterpretAsDoubles().add(DoubleVector.fromArray(D, s, q + 3 * LANES).mul(ck)).reinterpretAsLongs();
                a0 = b0.add(b0.lanewise(VectorOperators.LSHR, 29).and(1L)).add(HALF_MINUS_ONE).and(KEPT);
                a1 = b1.add(b1.lanewise(VectorOperators.LSHR, 29).and(1L)).add(HALF_MINUS_ONE).and(KEPT);
                a2 = b2.add(b2.lanewise(VectorOperators.LSHR, 29).and(1L)).add(HALF_MINUS_ONE).and(KEPT);
                a3 = b3.add(b3.lanewise(VectorOperators.LSHR, 29).and(1L)).add(HALF_MINUS_ONE).and(KEPT);
                low = low.or(b0.and(Long.MAX_VALUE).sub(1L).compare(VectorOperators.ULT, MIN_NORMAL_BITS - 1))
                        .or(b1.and(Long.MAX_VALUE).sub(1L).compare(VectorOperators.ULT, MIN_NORMAL_BITS - 1))
                        .or(b2.and(Long.MAX_VALUE).sub(1L).compare(VectorOperators.ULT, MIN_NORMAL_BITS - 1))
                        .or(b3.and(Long.MAX_VALUE).sub(1L).compare(VectorOperators.ULT, MIN_NORMAL_BITS - 1));
            }
            if (low.anyTrue()) return t;
            a0.reinterpretAsDoubles().intoArray(y, t);
            a1.reinterpretAsDoubles().intoArray(y, t + LANES);
            a2.reinterpretAsDoubles().intoArray(y, t + 2 * LANES);
            a3.reinterpretAsDoubles().intoArray(y, t + 3 * LANES);
        }
        return t;
    }

    /*
     * FLOAT32_ROUNDING: (double) (float) v on the bits, for v zero or of magnitude in [2^−126, 2^127): round to
     * nearest, ties to even, at the 24th significant bit: add the last kept bit and 2^28 − 1, clear the 29
     * dropped bits (a carry into the exponent is the correct round-up to the next power of two; the sign bit
     * stands apart from the magnitude). Outside that range (float) keeps fewer bits (subnormal floats) or
     * overflows. It replaces convertShape(D2F) and back, which profiles showed running without intrinsics.
     */
    private static final long HALF_MINUS_ONE = (1L << 28) - 1;

    /** FLOAT32_ROUNDING on one double's bits: what each lane of the float32 loop does (tested against casts). */
    static long float32Bits(long b) {
        return (b + ((b >>> 29) & 1L) + HALF_MINUS_ONE) & KEPT;
    }
    private static final long KEPT = ~((1L << 29) - 1);
    /** 2^−126's bits (a double's exponent field 1023 − 126, significand 0). */
    private static final long MIN_NORMAL_BITS = (1023L - 126) << 52;
}
