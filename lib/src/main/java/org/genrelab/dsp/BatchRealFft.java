package org.genrelab.dsp;

/**
 * Forward real FFTs of a batch of frames at once, one frame per lane: numpy's {@code rfft} of each frame,
 * {@code X[k] = Σ_i x[i]·e^(−2πi·ik/n)} for {@code k = 0 … n/2}. The layout is lane-minor: sample i of
 * frame j is {@code in[i·lanes + j]}, bin k of frame j is {@code re[k·lanes + j]}, {@code im[k·lanes + j]};
 * so a block of frames comes out as the columns of a [bins][frames] spectrogram, librosa's layout,
 * without a transposition.
 *
 * <p>Written here rather than taken from a library: JTransforms (the build's FFT) transforms one frame at
 * a time in scalar code, which took a quarter of the 518 features' time; FFTW through JavaCPP resolves
 * only for JavaCPP 1.5.13 while JavaCV needs 1.5.14, and its planner's fastest plans vary from run to run.
 * Frames in lanes need no shuffles: every step below is the same for all lanes.
 *
 * <p>The algorithm: the n/2-point complex FFT of {@code z[m] = x[2m] + i·x[2m+1]} (iterative radix-2,
 * decimation in time over bit-reversed input, twiddles from {@code Math.cos}/{@code Math.sin}), then
 * {@code X[k] = E[k] + e^(−2πik/n)·O[k]} with {@code E[k] = (Z[k] + conj Z[n/2−k]) / 2} and
 * {@code O[k] = (Z[k] − conj Z[n/2−k]) / 2i}; the imaginary parts of bins 0 and n/2 are exactly 0. With
 * the Vector API every step runs on whole vectors ({@link VectorRealFftBatch}); without it the same steps
 * run lane by lane here. Both do the same float64 operations in the same order, so their results are
 * bit-identical (tested); they agree with JTransforms to about 1e-15 of the frame's scale (tested).
 *
 * <p>An instance holds work arrays: one per thread.
 */
public final class BatchRealFft {

    private final int n;
    private final int half;
    private final int lanes;
    final int[] bitReversed;
    final double[] twiddleRe;
    final double[] twiddleIm;
    final double[] postRe;
    final double[] postIm;
    final double[] zr;
    final double[] zi;

    /** @param n frame length, a power of two, at least 4 */
    public BatchRealFft(int n) {
        this(n, VectorApi.AVAILABLE ? VectorRealFftBatch.LANES : 8);
    }

    BatchRealFft(int n, int lanes) {
        if (n < 4 || Integer.bitCount(n) != 1) throw new IllegalArgumentException("FFT length must be a power of two >= 4, got " + n);
        this.n = n;
        this.half = n / 2;
        this.lanes = lanes;
        int bits = Integer.numberOfTrailingZeros(half);
        bitReversed = new int[half];
        for (int i = 0; i < half; i++) bitReversed[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
        twiddleRe = new double[half / 2];
        twiddleIm = new double[half / 2];
        for (int k = 0; k < half / 2; k++) { // e^(−2πik/(n/2))
            twiddleRe[k] = Math.cos(2 * Math.PI * k / half);
            twiddleIm[k] = -Math.sin(2 * Math.PI * k / half);
        }
        postRe = new double[half + 1];
        postIm = new double[half + 1];
        for (int k = 0; k <= half; k++) { // e^(−2πik/n)
            postRe[k] = Math.cos(2 * Math.PI * k / n);
            postIm[k] = -Math.sin(2 * Math.PI * k / n);
        }
        zr = new double[half * lanes];
        zi = new double[half * lanes];
    }

    /** The frame length n. */
    public int n() {
        return n;
    }

    /** Frames per batch. */
    public int lanes() {
        return lanes;
    }

    /** Number of output bins, {@code n/2 + 1}. */
    public int bins() {
        return half + 1;
    }

    /**
     * The real FFTs of {@link #lanes()} frames.
     *
     * @param in [n · lanes] samples, lane-minor (not modified)
     * @param re [(n/2 + 1) · lanes] real parts, lane-minor
     * @param im [(n/2 + 1) · lanes] imaginary parts, lane-minor
     */
    public void forward(double[] in, double[] re, double[] im) {
        int l = lanes;
        if (in.length < n * l || re.length < (half + 1) * l || im.length < (half + 1) * l) {
            throw new IllegalArgumentException("arrays too short for " + l + " frames of " + n);
        }
        if (VectorApi.AVAILABLE && l == VectorRealFftBatch.LANES) {
            VectorRealFftBatch.forward(this, in, re, im);
            return;
        }
        int firstSize;
        if (half >= 4) { // the first two stages at once: twiddles 1 and −i, no products
            for (int g = 0; g < half; g += 4) {
                int i0 = 2 * bitReversed[g] * l, i1 = 2 * bitReversed[g + 1] * l;
                int i2 = 2 * bitReversed[g + 2] * l, i3 = 2 * bitReversed[g + 3] * l;
                for (int j = 0; j < l; j++) {
                    double s0r = in[i0 + j] + in[i1 + j], s0i = in[i0 + l + j] + in[i1 + l + j];
                    double d0r = in[i0 + j] - in[i1 + j], d0i = in[i0 + l + j] - in[i1 + l + j];
                    double s1r = in[i2 + j] + in[i3 + j], s1i = in[i2 + l + j] + in[i3 + l + j];
                    double d1r = in[i2 + j] - in[i3 + j], d1i = in[i2 + l + j] - in[i3 + l + j];
                    zr[g * l + j] = s0r + s1r;
                    zi[g * l + j] = s0i + s1i;
                    zr[(g + 2) * l + j] = s0r - s1r;
                    zi[(g + 2) * l + j] = s0i - s1i;
                    zr[(g + 1) * l + j] = d0r + d1i;
                    zi[(g + 1) * l + j] = d0i - d1r;
                    zr[(g + 3) * l + j] = d0r - d1i;
                    zi[(g + 3) * l + j] = d0i + d1r;
                }
            }
            firstSize = 8;
        } else {
            for (int m = 0; m < half; m++) { // z[m] = x[2m] + i·x[2m+1], stored bit-reversed
                int d = bitReversed[m] * l;
                for (int j = 0; j < l; j++) {
                    zr[d + j] = in[2 * m * l + j];
                    zi[d + j] = in[(2 * m + 1) * l + j];
                }
            }
            firstSize = 2;
        }
        for (int size = firstSize; size <= half; size <<= 1) {
            int h = size / 2;
            int step = half / size;
            for (int g = 0; g < half; g += size) {
                for (int k = 0; k < h; k++) {
                    double wr = twiddleRe[k * step], wi = twiddleIm[k * step];
                    int a = (g + k) * l, b = (g + k + h) * l;
                    for (int j = 0; j < l; j++) {
                        double br = zr[b + j], bi = zi[b + j];
                        double tr = br * wr - bi * wi;
                        double ti = br * wi + bi * wr;
                        double ar = zr[a + j], ai = zi[a + j];
                        zr[a + j] = ar + tr;
                        zi[a + j] = ai + ti;
                        zr[b + j] = ar - tr;
                        zi[b + j] = ai - ti;
                    }
                }
            }
        }
        for (int k = 0; k <= half; k++) {
            int p = (k % half) * l, q = ((half - k) % half) * l;
            double c = postRe[k], s = postIm[k];
            for (int j = 0; j < l; j++) {
                double er = (zr[p + j] + zr[q + j]) * 0.5, ei = (zi[p + j] - zi[q + j]) * 0.5;
                double or = (zi[p + j] + zi[q + j]) * 0.5, oi = (zr[p + j] - zr[q + j]) * -0.5;
                re[k * l + j] = er + (or * c - oi * s);
                im[k * l + j] = ei + (or * s + oi * c);
            }
        }
        for (int j = 0; j < l; j++) {
            im[j] = 0.0;
            im[half * l + j] = 0.0;
        }
    }
}
