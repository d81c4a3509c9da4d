package org.genrelab.dsp;

/**
 * Short-time Fourier transform exactly as librosa 0.5.0 {@code stft(y, n_fft, hop_length)} with
 * its defaults: periodic Hann window of length {@code nFft}, {@code center=True} with numpy
 * {@code 'reflect'} padding of {@code nFft/2} samples on both ends (the edge sample is not
 * repeated), frames {@code t = 0 .. 1 + n / hopLength - 1} centred on sample {@code t·hopLength},
 * and the conjugated spectrum ({@code fft(...).conj()}, librosa 0.5's "match phase from DPWE
 * code"). The FFT is {@link BatchRealFft}, a block of frames at a time, one per vector lane, so that
 * each block comes out as columns of the [bins][frames] result; the framing and padding are written
 * here because no library in the build does numpy's reflect padding. nFft must be a power of two.
 *
 * <p>The result is a complex matrix of shape {@code [1 + nFft/2][T]} (bins × frames, librosa's
 * layout) held as two {@code double[][]}: {@link #re()} and {@link #im()}. librosa stores it as
 * complex64; this port keeps float64 (the oracle's tolerances are set for a float64 port).
 * When only the magnitude is needed, {@link #magnitude(double[], int, int)} skips the complex
 * matrix altogether.
 */
public final class Stft {

    /** librosa's default FFT size. */
    public static final int N_FFT = 2048;
    /** librosa's default hop ({@code n_fft / 4}). */
    public static final int HOP_LENGTH = 512;

    private final double[][] re;
    private final double[][] im;

    private Stft(double[][] re, double[][] im) {
        this.re = re;
        this.im = im;
    }

    /** {@code stft(y)} with nFft 2048 and hopLength 512. */
    public static Stft stft(float[] y) {
        return stft(toDoubles(y), N_FFT, HOP_LENGTH);
    }

    /** {@code stft(y, n_fft=nFft, hop_length=hopLength)} of float32 PCM. */
    public static Stft stft(float[] y, int nFft, int hopLength) {
        return stft(toDoubles(y), nFft, hopLength);
    }

    /** {@code stft(y, n_fft=nFft, hop_length=hopLength)}: the complex matrix [1 + nFft/2][T]. */
    public static Stft stft(double[] y, int nFft, int hopLength) {
        int nBins = nFft / 2 + 1;
        int nFrames = nFrames(y.length, nFft, hopLength);
        double[][] re = new double[nBins][nFrames];
        double[][] im = new double[nBins][nFrames];
        forEachBlock(y, nFft, hopLength, (t0, nb, l, bRe, bIm) -> {
            for (int k = 0; k < nBins; k++) {
                double[] r = re[k], i = im[k];
                for (int j = 0; j < nb; j++) {
                    r[t0 + j] = bRe[k * l + j];
                    i[t0 + j] = -bIm[k * l + j]; // librosa 0.5.0 conjugates
                }
            }
        });
        for (int t = 0; t < nFrames; t++) { // -0.0 → 0.0 where the spectrum is real
            im[0][t] = 0.0;
            im[nBins - 1][t] = 0.0;
        }
        return new Stft(re, im);
    }

    /** {@code np.abs(stft(y))} with nFft 2048 and hopLength 512, as FMA's features.py computes it. */
    public static double[][] magnitude(float[] y) {
        return magnitude(toDoubles(y), N_FFT, HOP_LENGTH);
    }

    /** {@code np.abs(stft(y, n_fft=nFft, hop_length=hopLength))} without storing the complex matrix. */
    public static double[][] magnitude(double[] y, int nFft, int hopLength) {
        return magnitudes(y, nFft, hopLength, true, false).magnitude();
    }

    /**
     * {@code np.abs(stft(y))} twice over from one transform: in float64, and as librosa 0.5.0's complex64
     * STFT gives it: the real and imaginary parts rounded to float32, then numpy 1.24's {@code np.abs} of
     * complex64 ({@link #absComplex64}).
     *
     * @param magnitude  [1 + nFft/2][T] float64
     * @param complex64  the same, float32 as numpy's {@code np.abs} of the complex64 STFT
     */
    public record Magnitudes(double[][] magnitude, float[][] complex64) {
    }

    /**
     * FMA's {@code stft = np.abs(librosa.stft(x, n_fft=2048, hop_length=512))}: the float32 magnitude of librosa
     * 0.5.0's complex64 STFT ({@link Magnitudes#complex64()}), without the float64 one. Every spectral feature of
     * FMA's {@code features.py} starts from this array.
     */
    public static float[][] magnitude32(float[] y) {
        return magnitude32(toDoubles(y), N_FFT, HOP_LENGTH);
    }

    /** {@code np.abs(librosa.stft(y, n_fft=nFft, hop_length=hopLength))}: float32, as from librosa 0.5.0's complex64 STFT. */
    public static float[][] magnitude32(double[] y, int nFft, int hopLength) {
        return magnitudes(y, nFft, hopLength, false, true).complex64();
    }

    /** The values of a float32 matrix as doubles (exact), for code that takes {@code double[][]}. */
    public static double[][] toDoubles(float[][] s) {
        double[][] d = new double[s.length][];
        for (int k = 0; k < s.length; k++) {
            float[] row = s[k];
            double[] out = new double[row.length];
            for (int t = 0; t < row.length; t++) out[t] = row[t];
            d[k] = out;
        }
        return d;
    }

    /** {@link Magnitudes} of float32 PCM with nFft 2048 and hopLength 512. */
    public static Magnitudes magnitudes(float[] y) {
        return magnitudes(toDoubles(y), N_FFT, HOP_LENGTH);
    }

    /** {@link Magnitudes} with the given frame size and hop, without storing the complex matrix. */
    public static Magnitudes magnitudes(double[] y, int nFft, int hopLength) {
        return magnitudes(y, nFft, hopLength, true, true);
    }

    /** Frames are transformed in blocks, one per lane, and written bin by bin, so each output row is written contiguously. */
    private static Magnitudes magnitudes(double[] y, int nFft, int hopLength, boolean withFloat64, boolean withComplex64) {
        int nBins = nFft / 2 + 1;
        int nFrames = nFrames(y.length, nFft, hopLength);
        double[][] mag = withFloat64 ? new double[nBins][nFrames] : null;
        float[][] mag32 = withComplex64 ? new float[nBins][nFrames] : null;
        forEachBlock(y, nFft, hopLength, (t0, nb, l, bRe, bIm) -> {
            if (VectorApi.AVAILABLE && l == VectorRealFftBatch.LANES) {
                VectorRealFftBatch.magnitudes(bRe, bIm, nBins, mag, mag32, t0, nb);
                return;
            }
            for (int k = 0; k < nBins; k++) {
                int o = k * l;
                if (withFloat64) {
                    double[] row = mag[k];
                    for (int j = 0; j < nb; j++) row[t0 + j] = Math.sqrt(bRe[o + j] * bRe[o + j] + bIm[o + j] * bIm[o + j]);
                }
                if (withComplex64) {
                    float[] row32 = mag32[k];
                    for (int j = 0; j < nb; j++) row32[t0 + j] = absComplex64((float) bRe[o + j], (float) bIm[o + j]);
                }
            }
        });
        return new Magnitudes(mag, mag32);
    }

    /**
     * numpy 1.24's {@code np.abs} of one complex64 value {@code re + i·im} (finite parts), as its AVX-512F
     * kernel computes it on a contiguous array, on the machine the oracle was made on: with
     * {@code l = max(|re|, |im|)} and {@code s = min(|re|, |im|)}, {@code l · √(fma(s/l, s/l, 1))}, every step in
     * float32 (0 when l = 0). This is not glibc's hypotf ({@code float(√(re² + im²))} in float64): the two
     * differ by an ulp in about a third of an STFT's cells. On the oracle's clip {@code synth_song_30s_mp3}
     * numpy's {@code np.abs} of the complex64 STFT equals this formula, evaluated in numpy float32, in every
     * cell (and the oracle's {@code stft_mag.npy} bit for bit).
     */
    public static float absComplex64(float re, float im) {
        float a = Math.abs(re), b = Math.abs(im);
        float l = Math.max(a, b), s = Math.min(a, b);
        float r = l == 0f ? 0f : s / l;
        return (float) Math.sqrt(Math.fma(r, r, 1f)) * l;
    }

    /**
     * Number of frames librosa 0.5.0 makes with {@code center=True}: {@code 1 + n / hopLength}
     * ({@code util.frame} on the signal padded by {@code nFft/2} each side).
     */
    public static int nFrames(int n, int nFft, int hopLength) {
        if (nFft < 2 || nFft % 2 != 0) throw new IllegalArgumentException("nFft must be even and >= 2, got " + nFft);
        if (hopLength < 1) throw new IllegalArgumentException("hopLength must be >= 1, got " + hopLength);
        if (n < 1) throw new IllegalArgumentException("signal is empty: the STFT needs at least one sample");
        return 1 + (n + 2 * (nFft / 2) - nFft) / hopLength;
    }

    /** Real parts, [1 + nFft/2][T]. The array is the instance's own (not copied). */
    public double[][] re() {
        return re;
    }

    /** Imaginary parts (of the conjugated spectrum, as librosa 0.5.0), [1 + nFft/2][T]. */
    public double[][] im() {
        return im;
    }

    /** Number of frequency bins, {@code 1 + nFft/2}. */
    public int nBins() {
        return re.length;
    }

    /** Number of frames T. */
    public int nFrames() {
        return re[0].length;
    }

    /** {@code np.abs(D)}, [bins][frames]. */
    public double[][] magnitude() {
        double[][] m = new double[re.length][re[0].length];
        for (int k = 0; k < re.length; k++) {
            for (int t = 0; t < re[k].length; t++) m[k][t] = Math.sqrt(re[k][t] * re[k][t] + im[k][t] * im[k][t]);
        }
        return m;
    }

    /** {@code np.abs(D) ** 2}, [bins][frames]. */
    public double[][] power() {
        double[][] p = new double[re.length][re[0].length];
        for (int k = 0; k < re.length; k++) {
            for (int t = 0; t < re[k].length; t++) p[k][t] = re[k][t] * re[k][t] + im[k][t] * im[k][t];
        }
        return p;
    }

    /** Receives the spectra of frames t0 … t0 + nb − 1: bin k of frame t0 + j at {@code re[k·lanes + j]}; buffers are reused. */
    private interface BlockSink {
        void accept(int t0, int nb, int lanes, double[] re, double[] im);
    }

    /** Windows the frames, a block of {@link BatchRealFft#lanes()} at a time, and hands each block's spectra to the sink. */
    private static void forEachBlock(double[] y, int nFft, int hopLength, BlockSink sink) {
        int nFrames = nFrames(y.length, nFft, hopLength);
        int pad = nFft / 2;
        int n = y.length;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("audio buffer is not finite everywhere: y[" + i + "] = " + y[i]);
            }
        }
        double[] window = Windows.hann(nFft);
        BatchRealFft fft = new BatchRealFft(nFft);
        int l = fft.lanes();
        double[] in = new double[nFft * l];
        double[] re = new double[fft.bins() * l];
        double[] im = new double[fft.bins() * l];
        for (int t0 = 0; t0 < nFrames; t0 += l) {
            int nb = Math.min(l, nFrames - t0);
            int first = t0 * hopLength - pad; // index into y of the block's first sample
            if (nb == l && first >= 0 && first + (l - 1) * hopLength + nFft <= n && VectorApi.AVAILABLE && l == VectorRealFftBatch.LANES) {
                VectorRealFftBatch.frames(y, first, hopLength, window, in);
            } else {
                for (int j = 0; j < l; j++) {
                    int start = first + j * hopLength;
                    for (int i = 0; i < nFft; i++) {
                        in[i * l + j] = j >= nb ? 0.0 : window[i] * y[start + i >= 0 && start + i < n ? start + i : reflect(start + i, n)];
                    }
                }
            }
            fft.forward(in, re, im);
            sink.accept(t0, nb, l, re, im);
        }
    }

    /** numpy 'reflect' padding index: mirror about the end samples without repeating them. */
    static int reflect(int j, int n) {
        if (n == 1) return 0;
        int period = 2 * (n - 1);
        int m = Math.floorMod(j, period);
        return m < n ? m : period - m;
    }

    private static double[] toDoubles(float[] y) {
        double[] d = new double[y.length];
        for (int i = 0; i < y.length; i++) d[i] = y[i];
        return d;
    }
}
