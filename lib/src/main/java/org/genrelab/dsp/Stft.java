package org.genrelab.dsp;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Short-time Fourier transform exactly as librosa 0.5.0 {@code stft(y, n_fft, hop_length)} with
 * its defaults: periodic Hann window of length {@code nFft}, {@code center=True} with numpy
 * {@code 'reflect'} padding of {@code nFft/2} samples on both ends (the edge sample is not
 * repeated), frames {@code t = 0 .. 1 + n / hopLength - 1} centred on sample {@code t·hopLength},
 * and the conjugated spectrum ({@code fft(...).conj()}, librosa 0.5's "match phase from DPWE
 * code"). The FFT is JTransforms' real transform; the framing and padding are written here
 * because no library in the build does numpy's reflect padding.
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
        forEachFrame(y, nFft, hopLength, (t, a) -> {
            // packed real-FFT layout: a[0]=Re0, a[1]=Re(n/2), a[2k]=Re k, a[2k+1]=Im k; conj() negates Im
            re[0][t] = a[0];
            im[0][t] = 0.0;
            for (int k = 1; k < nBins - 1; k++) {
                re[k][t] = a[2 * k];
                im[k][t] = -a[2 * k + 1];
            }
            re[nBins - 1][t] = a[1];
            im[nBins - 1][t] = 0.0;
        });
        return new Stft(re, im);
    }

    /** {@code np.abs(stft(y))} with nFft 2048 and hopLength 512, as FMA's features.py computes it. */
    public static double[][] magnitude(float[] y) {
        return magnitude(toDoubles(y), N_FFT, HOP_LENGTH);
    }

    /** {@code np.abs(stft(y, n_fft=nFft, hop_length=hopLength))} without storing the complex matrix. */
    public static double[][] magnitude(double[] y, int nFft, int hopLength) {
        int nBins = nFft / 2 + 1;
        double[][] mag = new double[nBins][nFrames(y.length, nFft, hopLength)];
        forEachFrame(y, nFft, hopLength, (t, a) -> {
            mag[0][t] = Math.abs(a[0]);
            for (int k = 1; k < nBins - 1; k++) {
                mag[k][t] = Math.sqrt(a[2 * k] * a[2 * k] + a[2 * k + 1] * a[2 * k + 1]);
            }
            mag[nBins - 1][t] = Math.abs(a[1]);
        });
        return mag;
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

    /** Element-wise square of a magnitude matrix ({@code S ** 2}), a new array. */
    public static double[][] square(double[][] s) {
        double[][] p = new double[s.length][];
        for (int k = 0; k < s.length; k++) {
            double[] row = s[k];
            double[] out = new double[row.length];
            for (int t = 0; t < row.length; t++) out[t] = row[t] * row[t];
            p[k] = out;
        }
        return p;
    }

    /** Receives frame t's packed real FFT (JTransforms layout); the buffer is reused. */
    private interface FrameSink {
        void accept(int t, double[] packed);
    }

    private static void forEachFrame(double[] y, int nFft, int hopLength, FrameSink sink) {
        int nFrames = nFrames(y.length, nFft, hopLength);
        int pad = nFft / 2;
        int n = y.length;
        double[] window = Windows.hann(nFft);
        double[] buf = new double[nFft];
        DoubleFFT_1D fft = new DoubleFFT_1D(nFft);
        for (int t = 0; t < nFrames; t++) {
            int start = t * hopLength - pad; // index into y of the frame's first sample
            if (start >= 0 && start + nFft <= n) {
                for (int i = 0; i < nFft; i++) buf[i] = window[i] * y[start + i];
            } else {
                for (int i = 0; i < nFft; i++) buf[i] = window[i] * y[reflect(start + i, n)];
            }
            fft.realForward(buf);
            sink.accept(t, buf);
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
