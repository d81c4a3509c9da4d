package org.genrelab.vggish;

/**
 * VGGish's mel weight matrix, as tensorflow/models {@code mel_features.spectrogram_to_mel_matrix}
 * builds it: HTK mel scale {@code 1127 ln(1 + f/700)}, triangles linear in mel with peak 1,
 * band edges evenly spaced in mel, the DC row zeroed. Shape {@code [nSpectrogramBins][nMels]},
 * so a magnitude row times this matrix gives mel energies.
 *
 * <p>Hand-written rather than taken from the {@code dsp} mel filterbank: that one follows
 * librosa's Slaney scale and area normalisation, which VGGish does not use.
 */
public final class VggishMelMatrix {

    /** VGGish's defaults: 64 bands over 125–7500 Hz, 257 bins of a 512-point FFT at 16 kHz. */
    public static final int N_MELS = 64;
    public static final double FMIN = 125.0;
    public static final double FMAX = 7500.0;
    public static final int N_SPECTROGRAM_BINS = 257;
    public static final double SR = 16000.0;

    private VggishMelMatrix() {
    }

    /** HTK mel of a frequency in Hz: {@code 1127 ln(1 + f / 700)} (mel_features.hertz_to_mel). */
    public static double hzToMel(double hz) {
        return 1127.0 * Math.log(1.0 + hz / 700.0);
    }

    /** The matrix with VGGish's defaults, {@code [257][64]}. */
    public static double[][] melMatrix() {
        return melMatrix(N_SPECTROGRAM_BINS, SR, N_MELS, FMIN, FMAX);
    }

    /**
     * The mel weight matrix {@code [nSpectrogramBins][nMels]}.
     *
     * @param nSpectrogramBins rfft bins ({@code nFft / 2 + 1}), spanning 0 to sr/2
     * @param sr               sample rate in Hz
     * @param nMels            number of mel bands
     * @param fmin             lower edge of the lowest band in Hz
     * @param fmax             upper edge of the highest band in Hz
     */
    public static double[][] melMatrix(int nSpectrogramBins, double sr, int nMels, double fmin, double fmax) {
        double nyquist = sr / 2.0;
        if (fmin < 0.0 || fmin >= fmax || fmax > nyquist) {
            throw new IllegalArgumentException("need 0 <= fmin < fmax <= sr/2, got fmin=" + fmin + ", fmax=" + fmax
                    + ", sr=" + sr);
        }
        if (nSpectrogramBins < 2 || nMels < 1) {
            throw new IllegalArgumentException("need nSpectrogramBins >= 2 and nMels >= 1");
        }
        double[] binMel = new double[nSpectrogramBins];
        for (int k = 0; k < nSpectrogramBins; k++) {
            binMel[k] = hzToMel(linspace(0.0, nyquist, nSpectrogramBins, k));
        }
        double lo = hzToMel(fmin);
        double hi = hzToMel(fmax);
        double[][] w = new double[nSpectrogramBins][nMels];
        for (int m = 0; m < nMels; m++) {
            double lower = linspace(lo, hi, nMels + 2, m);
            double center = linspace(lo, hi, nMels + 2, m + 1);
            double upper = linspace(lo, hi, nMels + 2, m + 2);
            for (int k = 1; k < nSpectrogramBins; k++) { // row 0 (DC) stays zero
                double up = (binMel[k] - lower) / (center - lower);
                double down = (upper - binMel[k]) / (upper - center);
                w[k][m] = Math.max(0.0, Math.min(up, down));
            }
        }
        return w;
    }

    /** Element i of numpy {@code linspace(start, stop, num)}: {@code start + i·(stop − start)/(num − 1)}. */
    private static double linspace(double start, double stop, int num, int i) {
        return i == num - 1 ? stop : start + i * ((stop - start) / (num - 1));
    }
}
