package org.genrelab.dsp;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link BatchRealFft}'s steps on the JDK's Vector API, one frame per lane: each vector operation is the
 * scalar loop's operation on every lane at once, in the same order, so the results are bit-identical to it.
 *
 * <p>Needs {@code --add-modules jdk.incubator.vector}; {@link BatchRealFft} loads this class only when the
 * module is present.
 */
final class VectorRealFftBatch {

    /** The machine's widest doubles (8 lanes with AVX-512, 4 with AVX2). */
    static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    static final int LANES = D.length();
    /** Floats of as many lanes. */
    private static final VectorSpecies<Float> F = VectorSpecies.of(float.class, VectorShape.forBitSize(LANES * Float.SIZE));

    private VectorRealFftBatch() {
    }

    static void forward(BatchRealFft f, double[] in, double[] re, double[] im) {
        // one method per stage: each is compiled on its own, so C2's node budget never runs out inside one
        // compile (as one method, some vector operations were left out of line, boxed: see VectorDecimate)
        int size = firstStages(f, in);
        size = stagePairs(f, size);
        lastStage(f, size);
        untangle(f, re, im);
    }

    /** Bit-reversed copy of the input into z with the first stages (two, as one radix-4 pass, when n ≥ 8); returns the next stage's size. */
    private static int firstStages(BatchRealFft f, double[] in) {
        int l = LANES;
        int half = f.n() / 2;
        double[] zr = f.zr, zi = f.zi;
        int[] rev = f.bitReversed;
        int firstSize;
        if (half >= 4) {
            for (int g = 0; g < half; g += 4) {
                int i0 = 2 * rev[g] * l, i1 = 2 * rev[g + 1] * l, i2 = 2 * rev[g + 2] * l, i3 = 2 * rev[g + 3] * l;
                DoubleVector a0r = DoubleVector.fromArray(D, in, i0), a0i = DoubleVector.fromArray(D, in, i0 + l);
                DoubleVector a1r = DoubleVector.fromArray(D, in, i1), a1i = DoubleVector.fromArray(D, in, i1 + l);
                DoubleVector a2r = DoubleVector.fromArray(D, in, i2), a2i = DoubleVector.fromArray(D, in, i2 + l);
                DoubleVector a3r = DoubleVector.fromArray(D, in, i3), a3i = DoubleVector.fromArray(D, in, i3 + l);
                DoubleVector s0r = a0r.add(a1r), s0i = a0i.add(a1i), d0r = a0r.sub(a1r), d0i = a0i.sub(a1i);
                DoubleVector s1r = a2r.add(a3r), s1i = a2i.add(a3i), d1r = a2r.sub(a3r), d1i = a2i.sub(a3i);
                s0r.add(s1r).intoArray(zr, g * l);
                s0i.add(s1i).intoArray(zi, g * l);
                s0r.sub(s1r).intoArray(zr, (g + 2) * l);
                s0i.sub(s1i).intoArray(zi, (g + 2) * l);
                d0r.add(d1i).intoArray(zr, (g + 1) * l);
                d0i.sub(d1r).intoArray(zi, (g + 1) * l);
                d0r.sub(d1i).intoArray(zr, (g + 3) * l);
                d0i.add(d1r).intoArray(zi, (g + 3) * l);
            }
            firstSize = 8;
        } else {
            for (int m = 0; m < half; m++) {
                int d = rev[m] * l;
                DoubleVector.fromArray(D, in, 2 * m * l).intoArray(zr, d);
                DoubleVector.fromArray(D, in, (2 * m + 1) * l).intoArray(zi, d);
            }
            firstSize = 2;
        }
        return firstSize;
    }

    /** Two stages per pass while two fit; returns the size of the stage still to do (if ≤ n/2). */
    private static int stagePairs(BatchRealFft f, int firstSize) {
        int l = LANES;
        int half = f.n() / 2;
        double[] zr = f.zr, zi = f.zi;
        double[] twr = f.twiddleRe, twi = f.twiddleIm;
        int size = firstSize;
        // two stages per pass over z (sizes 2h and 4h): each value is loaded and stored once for both, and gets the
        // same operations in the same order as in two separate stages, so the results do not change. The butterflies
        // are written out: a helper method taking the vectors was not inlined, and the FFT ran 3.5 times slower.
        for (; 2 * size <= half; size <<= 2) {
            int h = size / 2;
            int stepA = half / size, stepB = stepA / 2;
            for (int g = 0; g < half; g += 2 * size) {
                for (int k = 0; k < h; k++) {
                    double wr = twr[k * stepA], wi = twi[k * stepA];
                    int i0 = (g + k) * l, i1 = i0 + h * l, i2 = i1 + h * l, i3 = i2 + h * l;
                    DoubleVector z0r = DoubleVector.fromArray(D, zr, i0), z0i = DoubleVector.fromArray(D, zi, i0);
                    DoubleVector z1r = DoubleVector.fromArray(D, zr, i1), z1i = DoubleVector.fromArray(D, zi, i1);
                    DoubleVector z2r = DoubleVector.fromArray(D, zr, i2), z2i = DoubleVector.fromArray(D, zi, i2);
                    DoubleVector z3r = DoubleVector.fromArray(D, zr, i3), z3i = DoubleVector.fromArray(D, zi, i3);
                    // stage of size 2h: (z0, z1) and (z2, z3), twiddle W_2h^k
                    DoubleVector tr = z1r.mul(wr).sub(z1i.mul(wi)), ti = z1r.mul(wi).add(z1i.mul(wr));
                    DoubleVector a0r = z0r.add(tr), a0i = z0i.add(ti), a1r = z0r.sub(tr), a1i = z0i.sub(ti);
                    tr = z3r.mul(wr).sub(z3i.mul(wi));
                    ti = z3r.mul(wi).add(z3i.mul(wr));
                    DoubleVector a2r = z2r.add(tr), a2i = z2i.add(ti), a3r = z2r.sub(tr), a3i = z2i.sub(ti);
                    // stage of size 4h: (a0, a2) with W_4h^k, (a1, a3) with W_4h^(k+h)
                    double vr = twr[k * stepB], vi = twi[k * stepB];
                    tr = a2r.mul(vr).sub(a2i.mul(vi));
                    ti = a2r.mul(vi).add(a2i.mul(vr));
                    a0r.add(tr).intoArray(zr, i0);
                    a0i.add(ti).intoArray(zi, i0);
                    a0r.sub(tr).intoArray(zr, i2);
                    a0i.sub(ti).intoArray(zi, i2);
                    vr = twr[(k + h) * stepB];
                    vi = twi[(k + h) * stepB];
                    tr = a3r.mul(vr).sub(a3i.mul(vi));
                    ti = a3r.mul(vi).add(a3i.mul(vr));
                    a1r.add(tr).intoArray(zr, i1);
                    a1i.add(ti).intoArray(zi, i1);
                    a1r.sub(tr).intoArray(zr, i3);
                    a1i.sub(ti).intoArray(zi, i3);
                }
            }
        }
        return size;
    }

    /** The last single stage, when the number of stages left is odd. */
    private static void lastStage(BatchRealFft f, int size) {
        int l = LANES;
        int half = f.n() / 2;
        double[] zr = f.zr, zi = f.zi;
        double[] twr = f.twiddleRe, twi = f.twiddleIm;
        for (; size <= half; size <<= 1) { // a last single stage
            int h = size / 2;
            int step = half / size;
            for (int g = 0; g < half; g += size) {
                for (int k = 0; k < h; k++) {
                    double wr = twr[k * step], wi = twi[k * step];
                    int a = (g + k) * l, b = (g + k + h) * l;
                    DoubleVector br = DoubleVector.fromArray(D, zr, b), bi = DoubleVector.fromArray(D, zi, b);
                    DoubleVector tr = br.mul(wr).sub(bi.mul(wi));
                    DoubleVector ti = br.mul(wi).add(bi.mul(wr));
                    DoubleVector ar = DoubleVector.fromArray(D, zr, a), ai = DoubleVector.fromArray(D, zi, a);
                    ar.add(tr).intoArray(zr, a);
                    ai.add(ti).intoArray(zi, a);
                    ar.sub(tr).intoArray(zr, b);
                    ai.sub(ti).intoArray(zi, b);
                }
            }
        }
    }

    /** The real input's spectrum from the half-length complex transform in z (bins 0..n/2). */
    private static void untangle(BatchRealFft f, double[] re, double[] im) {
        int l = LANES;
        int half = f.n() / 2;
        double[] zr = f.zr, zi = f.zi;
        double[] pc = f.postRe, ps = f.postIm;
        for (int k = 0; k <= half; k++) {
            int p = (k % half) * l, q = ((half - k) % half) * l;
            DoubleVector zpr = DoubleVector.fromArray(D, zr, p), zpi = DoubleVector.fromArray(D, zi, p);
            DoubleVector zqr = DoubleVector.fromArray(D, zr, q), zqi = DoubleVector.fromArray(D, zi, q);
            DoubleVector er = zpr.add(zqr).mul(0.5), ei = zpi.sub(zqi).mul(0.5);
            DoubleVector or = zpi.add(zqi).mul(0.5), oi = zpr.sub(zqr).mul(-0.5);
            double c = pc[k], s = ps[k];
            er.add(or.mul(c).sub(oi.mul(s))).intoArray(re, k * l);
            ei.add(or.mul(s).add(oi.mul(c))).intoArray(im, k * l);
        }
        DoubleVector zero = DoubleVector.zero(D);
        zero.intoArray(im, 0);
        zero.intoArray(im, half * l);
    }

    /**
     * Fills {@code in} with {@link #LANES} frames of {@code y} weighted by {@code window}: lane j's sample i is
     * {@code y[start + j·hop + i] · window[i]}; every index must lie inside y.
     */
    static void frames(double[] y, int start, int hop, double[] window, double[] in) {
        int[] offsets = new int[LANES];
        for (int j = 0; j < LANES; j++) offsets[j] = j * hop;
        for (int i = 0; i < window.length; i++) {
            DoubleVector.fromArray(D, y, start + i, offsets, 0).mul(window[i]).intoArray(in, i * LANES);
        }
    }

    /**
     * Writes the magnitudes of a block's spectra into frames t0 … t0 + nb − 1 of each bin's row: (when {@code mag} is
     * not null) {@code √(re² + im²)} in float64, and (when {@code mag32} is not null) numpy's {@code np.abs} of the float32-rounded parts
     * ({@link Stft#absComplex64}): the operations of {@link Stft}'s scalar loop.
     */
    static void magnitudes(double[] re, double[] im, int bins, double[][] mag, float[][] mag32, int t0, int nb) {
        VectorMask<Double> m = D.indexInRange(0, nb);
        VectorMask<Float> m32 = F.indexInRange(0, nb);
        for (int k = 0; k < bins; k++) {
            DoubleVector r = DoubleVector.fromArray(D, re, k * LANES), i = DoubleVector.fromArray(D, im, k * LANES);
            if (mag != null) {
                DoubleVector a = r.mul(r).add(i.mul(i)).lanewise(VectorOperators.SQRT);
                if (nb == LANES) a.intoArray(mag[k], t0);
                else a.intoArray(mag[k], t0, m);
            }
            if (mag32 != null) {
                FloatVector r32 = ((FloatVector) r.convertShape(VectorOperators.D2F, F, 0)).abs();
                FloatVector i32 = ((FloatVector) i.convertShape(VectorOperators.D2F, F, 0)).abs();
                FloatVector l = r32.max(i32), s = r32.min(i32);
                FloatVector q = s.div(l).blend(0f, l.eq(0f));
                FloatVector a32 = q.fma(q, FloatVector.broadcast(F, 1f)).sqrt().mul(l);
                if (nb == LANES) a32.intoArray(mag32[k], t0);
                else a32.intoArray(mag32[k], t0, m32);
            }
        }
    }

    /**
     * One row of a sparse complex matrix times a batch of spectra, lane by lane:
     * {@code acc[j] = Σ_m c[m]·d[idx[m]][j]} in m's order, each product as {@code (cr·dr − ci·di) + i(cr·di + ci·dr)}.
     */
    static void sparseRow(int[] idx, double[] cRe, double[] cIm, double[] dRe, double[] dIm, double[] accRe, double[] accIm) {
        DoubleVector ar = DoubleVector.zero(D), ai = ar;
        for (int m = 0; m < idx.length; m++) {
            int o = idx[m] * LANES;
            double cr = cRe[m], ci = cIm[m];
            DoubleVector dr = DoubleVector.fromArray(D, dRe, o), di = DoubleVector.fromArray(D, dIm, o);
            ar = ar.add(dr.mul(cr).sub(di.mul(ci)));
            ai = ai.add(di.mul(cr).add(dr.mul(ci)));
        }
        ar.intoArray(accRe, 0);
        ai.intoArray(accIm, 0);
    }
}
