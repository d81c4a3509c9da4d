package org.genrelab.features;

import java.util.Arrays;
import org.genrelab.dsp.Windows;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Autocorrelation tempogram of librosa 0.5.0 {@code feature.tempogram(onset_envelope=env,
 * win_length, center=True, window='hann', norm=np.inf)}: the envelope is padded by
 * {@code win_length // 2} on both sides with numpy's {@code 'linear_ramp'} to 0, cut into frames
 * of {@code win_length} with hop 1 (one per envelope value), each frame multiplied by a periodic
 * Hann window and autocorrelated ({@code core.autocorrelate}, lags {@code 0 .. win_length−1}),
 * and each column divided by its largest absolute value. The autocorrelation uses a JTransforms
 * real FFT of at least {@code 2·win_length − 1} points (the linear autocorrelation; librosa pads
 * to {@code 2·win_length + 1}, which gives the same lags up to rounding).
 */
public final class Tempogram {

    private Tempogram() {
    }

    /** The tempogram [winLength lags][n frames] of an onset envelope of n frames. */
    public static double[][] tempogram(double[] onsetEnvelope, int winLength) {
        if (winLength < 1) throw new IllegalArgumentException("winLength must be a positive integer, got " + winLength);
        int n = onsetEnvelope.length;
        if (n == 0) throw new IllegalArgumentException("onset envelope is empty");
        int half = winLength / 2;
        double[] padded = linearRampPad(onsetEnvelope, half);
        if (padded.length < winLength) throw new IllegalArgumentException("onset envelope of " + n + " frames is too short for winLength " + winLength);
        double[] window = Windows.hann(winLength);
        int fftSize = Integer.highestOneBit(Math.max(1, 2 * winLength - 1));
        if (fftSize < 2 * winLength - 1) fftSize <<= 1;
        fftSize = Math.max(fftSize, 2);
        DoubleFFT_1D fft = new DoubleFFT_1D(fftSize);
        double[] buf = new double[fftSize];
        double[][] tg = new double[winLength][n];
        for (int t = 0; t < n; t++) {
            Arrays.fill(buf, 0.0);
            for (int i = 0; i < winLength; i++) buf[i] = padded[t + i] * window[i];
            autocorrelateInPlace(fft, buf);
            double max = 0;
            for (int lag = 0; lag < winLength; lag++) max = Math.max(max, Math.abs(buf[lag]));
            double norm = max < Double.MIN_NORMAL ? 1.0 : max; // util.normalize: tiny columns are left as they are
            for (int lag = 0; lag < winLength; lag++) tg[lag][t] = buf[lag] / norm;
        }
        return tg;
    }

    /** {@code np.pad(x, width, mode='linear_ramp', end_values=0)}: ramps {@code linspace(0, edge, width, endpoint=False)}, the right one flipped. */
    static double[] linearRampPad(double[] x, int width) {
        int n = x.length;
        double[] padded = new double[n + 2 * width];
        double left = x[0], right = x[n - 1];
        for (int i = 0; i < width; i++) {
            padded[i] = i * (left / width); // numpy linspace: start + i·step
            padded[n + 2 * width - 1 - i] = i * (right / width);
        }
        System.arraycopy(x, 0, padded, width, n);
        return padded;
    }

    /** Replaces a zero-padded real buffer by its circular autocorrelation {@code ifft(|fft(x)|²)}. */
    private static void autocorrelateInPlace(DoubleFFT_1D fft, double[] buf) {
        int m = buf.length;
        fft.realForward(buf);
        buf[0] = buf[0] * buf[0];
        buf[1] = buf[1] * buf[1];
        for (int k = 1; k < m / 2; k++) {
            double re = buf[2 * k], im = buf[2 * k + 1];
            buf[2 * k] = re * re + im * im;
            buf[2 * k + 1] = 0.0;
        }
        fft.realInverse(buf, true);
    }
}
