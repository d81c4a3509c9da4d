package org.genrelab.dsp;

/**
 * Band-limited sinc interpolation exactly as resampy 0.4.2 {@code resample(x, sr_orig, sr_new,
 * filter=...)} computes it, with its two precomputed filters {@link Filter#KAISER_BEST} and
 * {@link Filter#KAISER_FAST}.
 *
 * <p>Written by hand because no Java library in the build implements resampy's algorithm, and
 * both librosa 0.5.0 (CQT decimation) and VGGish's input (44.1 kHz → 16 kHz) need it bit for bit.
 * resampy ships its filters as tables ({@code kaiser_best.npz}, {@code kaiser_fast.npz}); they are
 * recomputed here from resampy's {@code sinc_window} definition: the right half of
 * {@code rolloff · sinc(rolloff · t)}, t = 0 .. numZeros in steps of 1/2^precision, tapered by
 * the right half of a symmetric Kaiser window of length 2n+1. The parameters are the ones resampy's
 * {@code filters.py} documents (kaiser_best: 50 zeros, precision 13, beta 12.9846, rolloff
 * 0.917347; kaiser_fast: 24 zeros, precision 9, beta 9.90322, rolloff 0.868212). Those rounded
 * values are what the installed resampy 0.4.2 tables hold: a least-squares fit of beta and rolloff
 * to the oracle's {@code y16k} lands on 12.98460000 and 0.91734700 (the tables in resampy's git
 * tag differ from them by 1.5e-5 in beta and give 8e-8 errors).
 */
public final class Resample {

    /** resampy's precomputed filters. */
    public enum Filter {
        /** 50 zero crossings, 2^13 taps per crossing, Kaiser beta 12.9846, rolloff 0.917347. */
        KAISER_BEST(50, 13, 12.9846, 0.917347),
        /** 24 zero crossings, 2^9 taps per crossing, Kaiser beta 9.90322, rolloff 0.868212. */
        KAISER_FAST(24, 9, 9.90322, 0.868212);

        final int numZeros;
        final int precision;
        final double beta;
        /** Roll-off frequency as a fraction of Nyquist. */
        public final double rolloff;
        private volatile double[] halfWindow;

        Filter(int numZeros, int precision, double beta, double rolloff) {
            this.numZeros = numZeros;
            this.precision = precision;
            this.beta = beta;
            this.rolloff = rolloff;
        }

        /** Taps per zero crossing, {@code 2^precision} (resampy's {@code num_table}). */
        public int numTable() {
            return 1 << precision;
        }

        /** The filter's right wing, {@code numZeros·2^precision + 1} values (the .npz {@code half_window}). */
        public double[] halfWindow() {
            double[] w = halfWindow;
            if (w == null) {
                w = sincWindow(numZeros, precision, beta, rolloff);
                halfWindow = w;
            }
            return w.clone();
        }

        double[] table() {
            if (halfWindow == null) halfWindow();
            return halfWindow;
        }
    }

    private Resample() {
    }

    /**
     * resampy {@code sinc_window(num_zeros, precision, window=kaiser(beta), rolloff)}: the right wing
     * {@code kaiser(2n+1, beta)[n:] · rolloff · sinc(rolloff · linspace(0, numZeros, n+1))}, n =
     * numZeros·2^precision.
     */
    public static double[] sincWindow(int numZeros, int precision, double beta, double rolloff) {
        if (numZeros < 1) throw new IllegalArgumentException("numZeros must be >= 1, got " + numZeros);
        if (precision < 0 || precision > 20) throw new IllegalArgumentException("precision must be in [0, 20], got " + precision);
        if (!(rolloff > 0 && rolloff <= 1)) throw new IllegalArgumentException("rolloff must be in (0, 1], got " + rolloff);
        int n = (1 << precision) * numZeros;
        double[] w = new double[n + 1];
        double i0Beta = besselI0(beta);
        for (int j = 0; j <= n; j++) {
            // np.linspace(0, numZeros, n+1)[j] = j * (numZeros / n)
            double t = j * ((double) numZeros / n);
            double x = rolloff * t;
            double sinc = x == 0 ? 1.0 : Math.sin(Math.PI * x) / (Math.PI * x);
            // symmetric Kaiser of length 2n+1 at index n+j: I0(beta·sqrt(1 − (j/n)²)) / I0(beta)
            double r = (double) j / n;
            double taper = besselI0(beta * Math.sqrt(Math.max(0.0, 1.0 - r * r))) / i0Beta;
            w[j] = taper * (rolloff * sinc);
        }
        return w;
    }

    /** Modified Bessel function of the first kind, order 0, by its power series Σ ((x/2)^k / k!)². */
    static double besselI0(double x) {
        double q = x * x / 4.0;
        double term = 1.0;
        double sum = 1.0;
        for (int k = 1; k < 500; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < sum * 1e-17) break;
        }
        return sum;
    }

    /** {@code resampy.resample(x, srOrig, srNew, filter=filter)} of float64 samples (float64 output). */
    public static double[] resample(double[] x, double srOrig, double srNew, Filter filter) {
        return run(x, srOrig, srNew, filter, false);
    }

    /**
     * {@code resampy.resample(x, srOrig, srNew, filter=filter)} of float32 samples: resampy then
     * writes into a float32 output, so every accumulation step is rounded to float32, as here.
     */
    public static float[] resample(float[] x, double srOrig, double srNew, Filter filter) {
        double[] xd = new double[x.length];
        for (int i = 0; i < x.length; i++) xd[i] = x[i];
        double[] y = run(xd, srOrig, srNew, filter, true);
        float[] out = new float[y.length];
        for (int i = 0; i < y.length; i++) out[i] = (float) y[i];
        return out;
    }

    private static double[] run(double[] x, double srOrig, double srNew, Filter filter, boolean float32Accumulator) {
        return run(x, srOrig, srNew, filter, float32Accumulator, true);
    }

    /**
     * resampy's loop. Each output is one chain of ~2·numZeros/scale dependent adds (276 for kaiser_best at 44.1 →
     * 16 kHz), each tap's coefficient read from a table of several MB at a stride that misses the caches: one output
     * at a time, that chain and those reads set the pace (about 0.3 s of CPU for 30 s of 44.1 kHz audio). Outputs
     * are independent, so where the ratio is a whole step {@link #decimate} runs several side by side, and otherwise,
     * where the Vector API is present and the rates are whole numbers, {@link VectorResample} runs outputs one
     * period apart (which share their taps) in vector lanes. Both add each output's products in this loop's order,
     * so every output is bit-identical to {@link #generalOutput}, which computes the rest.
     *
     * @param fastPaths false to compute every output with {@link #generalOutput}, the plain loop, even where
     *                  {@link #decimate} or {@link VectorResample} apply (tests compare them)
     */
    static double[] run(double[] x, double srOrig, double srNew, Filter filter, boolean float32Accumulator,
                        boolean fastPaths) {
        if (!(srOrig > 0)) throw new IllegalArgumentException("Invalid sample rate: srOrig=" + srOrig);
        if (!(srNew > 0)) throw new IllegalArgumentException("Invalid sample rate: srNew=" + srNew);
        if (srOrig == srNew) return x.clone();
        double sampleRatio = srNew / srOrig;
        int nOut = (int) (x.length * srNew / srOrig);
        if (nOut < 1) {
            throw new IllegalArgumentException("Input signal length=" + x.length + " is too small to resample from "
                    + srOrig + "->" + srNew);
        }
        double[] base = filter.table();
        int nwin = base.length;
        double[] win = new double[nwin];
        for (int i = 0; i < nwin; i++) win[i] = sampleRatio < 1 ? sampleRatio * base[i] : base[i];
        // interp_delta = np.diff(interp_win, append=interp_win[-1])
        double[] delta = new double[nwin];
        for (int i = 0; i < nwin - 1; i++) delta[i] = win[i + 1] - win[i];
        double scale = Math.min(1.0, sampleRatio);
        double timeIncrement = 1.0 / sampleRatio;
        int numTable = filter.numTable();
        int indexStep = (int) (scale * numTable);
        if (fastPaths && timeIncrement == Math.rint(timeIncrement)) {
            return decimate(x, nOut, (int) timeIncrement, win, delta, scale, numTable, indexStep, float32Accumulator);
        }
        double[] y = new double[nOut];
        boolean[] done = null;
        long[] period = fastPaths && VectorApi.AVAILABLE ? period(srOrig, srNew) : null;
        if (period != null) {
            done = VectorResample.general(x, win, delta, scale, numTable, indexStep, timeIncrement, (int) period[0],
                    (int) period[1], float32Accumulator, y);
        }
        for (int t = 0; t < nOut; t++) {
            if (done == null || !done[t]) {
                y[t] = generalOutput(x, t, win, delta, scale, numTable, indexStep, timeIncrement, float32Accumulator);
            }
        }
        return y;
    }

    /**
     * The rates' period, {p, q} with srNew / srOrig = p / q in lowest terms (p outputs span q inputs), or null when
     * the rates are not whole numbers.
     */
    static long[] period(double srOrig, double srNew) {
        if (srOrig != Math.rint(srOrig) || srNew != Math.rint(srNew) || srOrig > Integer.MAX_VALUE
                || srNew > Integer.MAX_VALUE) {
            return null;
        }
        long a = (long) srOrig;
        long b = (long) srNew;
        long g = a;
        for (long r = b; r != 0; ) {
            long tmp = g % r;
            g = r;
            r = tmp;
        }
        return new long[] {b / g, a / g};
    }

    /**
     * Output t of resampy's loop (resample_f): the left wing's taps on x[n], x[n − 1], ..., then the right wing's
     * on x[n + 1], x[n + 2], ..., each tap interpolated between two table entries, added one after the other into
     * one sum (rounded to float32 after every add when asked). The fast paths reproduce this order exactly.
     */
    static double generalOutput(double[] x, int t, double[] win, double[] delta, double scale, int numTable,
                                int indexStep, double timeIncrement, boolean float32Accumulator) {
        int nwin = win.length;
        int nOrig = x.length;
        double timeRegister = t * timeIncrement; // np.arange(n_out) * time_increment
        int n = (int) timeRegister;
        double frac = scale * (timeRegister - n);
        double indexFrac = frac * numTable;
        int offset = (int) indexFrac;
        double eta = indexFrac - offset;
        double acc = 0.0;
        int iMax = Math.min(n + 1, (nwin - offset) / indexStep);
        for (int i = 0; i < iMax; i++) {
            int k = offset + i * indexStep;
            acc += (win[k] + eta * delta[k]) * x[n - i];
            if (float32Accumulator) acc = (float) acc;
        }
        frac = scale - frac;
        indexFrac = frac * numTable;
        offset = (int) indexFrac;
        eta = indexFrac - offset;
        int kMax = Math.min(nOrig - n - 1, (nwin - offset) / indexStep);
        for (int j = 0; j < kMax; j++) {
            int k = offset + j * indexStep;
            acc += (win[k] + eta * delta[k]) * x[n + j + 1];
            if (float32Accumulator) acc = (float) acc;
        }
        return acc;
    }

    /**
     * {@link #run} when the output step is a whole number m of input samples (sr_orig / sr_new = m, as every CQT
     * octave halving is): every output then sits on an input sample, so both wings use the same interpolated taps
     * for all outputs. The taps are computed once with {@link #run}'s expression and four outputs are accumulated
     * side by side (independent float32 rounding chains run in parallel on the CPU); each output still adds the
     * same products in the same order, so the result is bit-identical to {@link #run}'s loop.
     */
    private static double[] decimate(double[] x, int nOut, int m, double[] win, double[] delta, double scale, int numTable,
                                     int indexStep, boolean float32) {
        int nwin = win.length;
        int nOrig = x.length;
        // left wing: frac = 0 → offset 0, eta 0; right wing: frac = scale
        double left = 0.0 * numTable;
        int offL = (int) left;
        double etaL = left - offL;
        double right = (scale - 0.0) * numTable;
        int offR = (int) right;
        double etaR = right - offR;
        int nL = (nwin - offL) / indexStep;
        int nR = (nwin - offR) / indexStep;
        double[] cL = new double[nL];
        double[] cR = new double[nR];
        for (int i = 0; i < nL; i++) cL[i] = win[offL + i * indexStep] + etaL * delta[offL + i * indexStep];
        for (int j = 0; j < nR; j++) cR[j] = win[offR + j * indexStep] + etaR * delta[offR + j * indexStep];
        double[] y = new double[nOut];
        // outputs whose wings lie wholly inside x: t·m + 1 ≥ nL and nOrig − t·m − 1 ≥ nR
        int tLo = Math.min(nOut, Math.max(0, (nL - 1 + m - 1) / m));
        int tHi = Math.min(nOut, Math.max(tLo, Math.floorDiv(nOrig - 1 - nR, m) + 1));
        int done = tLo;
        if (VectorApi.AVAILABLE && tHi > tLo) done = VectorDecimate.interior(x, m, cL, cR, float32, y, tLo, tHi);
        decimateScalar(x, m, cL, cR, float32, y, 0, tLo);
        decimateScalar(x, m, cL, cR, float32, y, done, nOut);
        return y;
    }

    /** {@link #decimate}'s outputs [from, to) one loop at a time: four side by side inside x, one at a time near its ends. */
    private static void decimateScalar(double[] x, int m, double[] cL, double[] cR, boolean float32, double[] y, int from,
                                       int to) {
        int nL = cL.length;
        int nR = cR.length;
        int nOrig = x.length;
        int t = from;
        while (t < to) {
            int n0 = t * m;
            int n3 = (t + 3) * m;
            if (t + 3 < to && n0 + 1 >= nL && nOrig - n3 - 1 >= nR) {
                int n1 = n0 + m;
                int n2 = n1 + m;
                double a0 = 0.0, a1 = 0.0, a2 = 0.0, a3 = 0.0;
                for (int i = 0; i < nL; i++) {
                    double c = cL[i];
                    a0 += c * x[n0 - i];
                    a1 += c * x[n1 - i];
                    a2 += c * x[n2 - i];
                    a3 += c * x[n3 - i];
                    if (float32) {
                        a0 = (float) a0;
                        a1 = (float) a1;
                        a2 = (float) a2;
                        a3 = (float) a3;
                    }
                }
                for (int j = 0; j < nR; j++) {
                    double c = cR[j];
                    a0 += c * x[n0 + j + 1];
                    a1 += c * x[n1 + j + 1];
                    a2 += c * x[n2 + j + 1];
                    a3 += c * x[n3 + j + 1];
                    if (float32) {
                        a0 = (float) a0;
                        a1 = (float) a1;
                        a2 = (float) a2;
                        a3 = (float) a3;
                    }
                }
                y[t] = a0;
                y[t + 1] = a1;
                y[t + 2] = a2;
                y[t + 3] = a3;
                t += 4;
            } else { // near the ends, where the wings are cut short: one output at a time
                double acc = 0.0;
                int iMax = Math.min(n0 + 1, nL);
                for (int i = 0; i < iMax; i++) {
                    acc += cL[i] * x[n0 - i];
                    if (float32) acc = (float) acc;
                }
                int kMax = Math.min(nOrig - n0 - 1, nR);
                for (int j = 0; j < kMax; j++) {
                    acc += cR[j] * x[n0 + j + 1];
                    if (float32) acc = (float) acc;
                }
                y[t] = acc;
                t++;
            }
        }
    }
}
