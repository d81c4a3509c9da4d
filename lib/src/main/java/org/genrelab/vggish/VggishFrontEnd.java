package org.genrelab.vggish;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.genrelab.dsp.Resample;
import org.genrelab.dsp.Windows;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * VGGish's input: 16 kHz mono waveform to log-mel examples, as tensorflow/models
 * {@code vggish_input.waveform_to_examples} computes them after resampling.
 *
 * <p>Frames of 400 samples with hop 160 (25 ms / 10 ms), no padding, incomplete tail dropped;
 * periodic Hann window of 400; magnitude of a 512-point real FFT (JTransforms); times
 * {@link VggishMelMatrix}; {@code ln(x + 0.01)}; then non-overlapping 96-frame examples
 * (0.96 s), remainder dropped. Not the {@code dsp} STFT: VGGish frames without centring or
 * padding, zero-pads each 400-sample frame to 512 and works on magnitudes, not power.
 * Thread-safe: every call allocates its own FFT and buffers.
 */
public final class VggishFrontEnd {

    /** Rate the front end expects, Hz. */
    public static final int SAMPLE_RATE = 16000;
    /** Window length in samples (round(0.025 · 16000)). */
    public static final int WIN_LENGTH = 400;
    /** Hop length in samples (round(0.010 · 16000)). */
    public static final int HOP_LENGTH = 160;
    /** FFT length: the next power of two above the window. */
    public static final int N_FFT = 512;
    /** Frames per example (round(0.96 · 100)). */
    public static final int EXAMPLE_FRAMES = 96;
    /** Offset added before the log (vggish_params.LOG_OFFSET). */
    public static final double LOG_OFFSET = 0.01;

    private static final double[][] MEL = VggishMelMatrix.melMatrix();
    /**
     * For each FFT bin, the mel bands whose weight there is not zero (at most two: the triangles overlap by half).
     * Adding only those products gives every band the same sum, bit for bit, as the dense product: the skipped
     * terms are +0.0 added to a sum that is never -0.0. A 64th of the multiplications.
     */
    private static final int[][] MEL_BANDS_OF_BIN = nonZeroBands(MEL);

    private VggishFrontEnd() {
    }

    /** Number of complete frames: {@code 1 + (n − 400) / 160}, 0 if shorter than one window. */
    public static int frameCount(int nSamples) {
        return nSamples < WIN_LENGTH ? 0 : 1 + (nSamples - WIN_LENGTH) / HOP_LENGTH;
    }

    /** Log-mel spectrogram {@code [frames][64]} of mono audio at any rate, resampled to 16 kHz first (resampy kaiser_best). */
    public static double[][] logMel(float[] y, int sr) {
        float[] y16k = Resample.resample(y, sr, SAMPLE_RATE, Resample.Filter.KAISER_BEST);
        double[] d = new double[y16k.length];
        for (int i = 0; i < d.length; i++) d[i] = y16k[i];
        return logMel(d);
    }

    /**
     * Log-mel spectrogram {@code [frames][64]} of a 16 kHz mono waveform:
     * {@code ln(|rfft_512(hann · frame)| · melMatrix + 0.01)} (mel_features.log_mel_spectrogram).
     */
    public static double[][] logMel(double[] y16k) {
        int frames = frameCount(y16k.length);
        int bins = N_FFT / 2 + 1;
        int nMels = MEL[0].length;
        double[] window = Windows.hann(WIN_LENGTH);
        DoubleFFT_1D fft = new DoubleFFT_1D(N_FFT);
        double[] buf = new double[N_FFT];
        double[] mag = new double[bins];
        double[][] out = new double[frames][nMels];
        for (int t = 0; t < frames; t++) {
            int start = t * HOP_LENGTH;
            for (int i = 0; i < WIN_LENGTH; i++) {
                buf[i] = y16k[start + i] * window[i];
            }
            Arrays.fill(buf, WIN_LENGTH, N_FFT, 0.0);
            fft.realForward(buf); // packed: [Re0, Re(N/2), Re1, Im1, ...]
            mag[0] = Math.abs(buf[0]);
            mag[bins - 1] = Math.abs(buf[1]);
            for (int k = 1; k < bins - 1; k++) {
                mag[k] = Math.hypot(buf[2 * k], buf[2 * k + 1]);
            }
            double[] row = out[t];
            for (int k = 0; k < bins; k++) {
                double m = mag[k];
                double[] wk = MEL[k];
                for (int j : MEL_BANDS_OF_BIN[k]) {
                    row[j] += m * wk[j];
                }
            }
            for (int j = 0; j < nMels; j++) {
                row[j] = Math.log(row[j] + LOG_OFFSET);
            }
        }
        return out;
    }

    private static int[][] nonZeroBands(double[][] mel) {
        int[][] bands = new int[mel.length][];
        for (int k = 0; k < mel.length; k++) {
            final double[] wk = mel[k];
            bands[k] = IntStream.range(0, wk.length).filter(j -> wk[j] != 0.0).toArray();
        }
        return bands;
    }

    /** Cuts a log-mel spectrogram into non-overlapping 96-frame examples {@code [n][96][64]}; the tail is dropped. */
    public static double[][][] examples(double[][] logMel) {
        int n = logMel.length / EXAMPLE_FRAMES;
        double[][][] ex = new double[n][EXAMPLE_FRAMES][];
        for (int e = 0; e < n; e++) {
            for (int f = 0; f < EXAMPLE_FRAMES; f++) {
                ex[e][f] = logMel[e * EXAMPLE_FRAMES + f].clone();
            }
        }
        return ex;
    }

    /**
     * A 16 kHz mono waveform to VGGish examples {@code [n][96][64]} (vggish_input.waveform_to_examples
     * after its resampling step).
     *
     * @throws IllegalArgumentException if the waveform is shorter than one example (15 760 samples, 0.985 s)
     */
    public static double[][][] waveformToExamples(double[] y16k) {
        int minSamples = WIN_LENGTH + (EXAMPLE_FRAMES - 1) * HOP_LENGTH;
        if (y16k.length < minSamples) {
            throw new IllegalArgumentException("waveform of " + y16k.length + " samples at 16 kHz is shorter than"
                    + " one VGGish example (" + minSamples + " samples)");
        }
        return examples(logMel(y16k));
    }
}
