package org.genrelab.dsp;

/**
 * Harmonic/percussive source separation of librosa 0.5.0 {@code decompose.hpss(D,
 * kernel_size=31, power=2.0, margin=1.0)} and {@code effects.hpss(y)}. On the magnitude S, the
 * harmonic enhancement is a median filter of width 31 along time and the percussive one a median
 * filter of width 31 along frequency (scipy 'reflect' boundary, {@link MedianFilter}); the masks
 * are {@code softmask(H, P·margin, 2)} and {@code softmask(P, H·margin, 2)}, split at 0.5 where
 * both are zero (margin 1); each component is {@code D · mask}. {@link #separate(double[])} goes
 * STFT → hpss → iSTFT with the signal's length, and {@link #meanPower(double[])} gives FMA's
 * {@code harm_power}/{@code perc_power}, {@code mean(y²)}.
 */
public final class Hpss {

    /** librosa's default median-filter width (frames and bins). */
    public static final int KERNEL_SIZE = 31;
    /** librosa's default soft-mask exponent. */
    public static final double POWER = 2.0;
    /** librosa's default margin. */
    public static final double MARGIN = 1.0;

    /** A complex spectrogram in {@link Stft}'s layout: [bins][frames]. */
    public record Spectrogram(double[][] re, double[][] im) {
    }

    /** The harmonic and percussive parts of a spectrogram. */
    public record Components(Spectrogram harmonic, Spectrogram percussive) {
    }

    /** The harmonic and percussive signals of {@code effects.hpss}. */
    public record Signals(double[] harmonic, double[] percussive) {
    }

    /** The two soft masks of {@code hpss(..., mask=True)}. */
    public record Masks(double[][] harmonic, double[][] percussive) {
    }

    private Hpss() {
    }

    /** {@code hpss(S, mask=True)} for a magnitude spectrogram [bins][frames]. */
    public static Masks masks(double[][] magnitude, int kernelSize, double power, double margin) {
        if (margin < 1) throw new IllegalArgumentException("margin must be >= 1.0, got " + margin);
        double[][] harm = MedianFilter.alongRows(magnitude, kernelSize);
        double[][] perc = MedianFilter.alongColumns(magnitude, kernelSize);
        boolean splitZeros = margin == 1.0;
        return new Masks(SoftMask.softmask(harm, scale(perc, margin), power, splitZeros),
                SoftMask.softmask(perc, scale(harm, margin), power, splitZeros));
    }

    /** {@code decompose.hpss(D)} with librosa's defaults (kernel 31, power 2, margin 1). */
    public static Components hpss(Stft d) {
        double[][] re = d.re(), im = d.im();
        Masks m = masks(d.magnitude(), KERNEL_SIZE, POWER, MARGIN);
        return new Components(apply(re, im, m.harmonic()), apply(re, im, m.percussive()));
    }

    /** {@code effects.hpss(y)}: STFT (2048, hop 512) → hpss → iSTFT of {@code y.length} samples. */
    public static Signals separate(double[] y) {
        Components c = hpss(Stft.stft(y, Stft.N_FFT, Stft.HOP_LENGTH));
        return new Signals(Istft.istft(c.harmonic().re(), c.harmonic().im(), Stft.HOP_LENGTH, y.length),
                Istft.istft(c.percussive().re(), c.percussive().im(), Stft.HOP_LENGTH, y.length));
    }

    /** {@code effects.hpss(y)} of float32 PCM. */
    public static Signals separate(float[] y) {
        double[] d = new double[y.length];
        for (int i = 0; i < y.length; i++) d[i] = y[i];
        return separate(d);
    }

    /** {@code np.mean(x ** 2)}; 0 for an empty signal is not defined, so it is rejected. */
    public static double meanPower(double[] x) {
        if (x.length == 0) throw new IllegalArgumentException("mean power of an empty signal");
        double sum = 0;
        for (double v : x) sum += v * v;
        return sum / x.length;
    }

    private static Spectrogram apply(double[][] re, double[][] im, double[][] mask) {
        double[][] r = new double[re.length][], i = new double[im.length][];
        for (int k = 0; k < re.length; k++) {
            r[k] = new double[re[k].length];
            i[k] = new double[im[k].length];
            for (int t = 0; t < re[k].length; t++) {
                r[k][t] = re[k][t] * mask[k][t];
                i[k][t] = im[k][t] * mask[k][t];
            }
        }
        return new Spectrogram(r, i);
    }

    private static double[][] scale(double[][] s, double factor) {
        if (factor == 1.0) return s;
        double[][] out = new double[s.length][];
        for (int k = 0; k < s.length; k++) {
            out[k] = s[k].clone();
            for (int t = 0; t < out[k].length; t++) out[k][t] *= factor;
        }
        return out;
    }
}
