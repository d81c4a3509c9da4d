package org.genrelab.dsp;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Inverse STFT of librosa 0.5.0 {@code istft(D, hop_length, center=True)} for the conjugated
 * spectra {@link Stft} makes: each frame is {@code irfft(conj(D[:, t]))} times the periodic Hann
 * window, overlap-added at {@code t·hopLength}, divided by the summed squared window wherever
 * that sum exceeds the smallest normal number, and trimmed by {@code nFft/2} at both ends; then
 * {@code util.fix_length} to the requested length (zero-padded or cut), as
 * {@code effects.hpss} does. The FFT is JTransforms'; the overlap-add is written here because no
 * library in the build has librosa's window-sum normalisation.
 */
public final class Istft {

    private Istft() {
    }

    /**
     * The signal of a complex spectrogram ({@code re}, {@code im}: [1 + nFft/2][T], librosa's
     * conjugated convention) of {@code length} samples.
     */
    public static double[] istft(double[][] re, double[][] im, int hopLength, int length) {
        int nBins = re.length;
        if (nBins < 2 || im.length != nBins) throw new IllegalArgumentException("need matching re/im with at least 2 bins, got " + nBins + " and " + im.length);
        if (hopLength < 1) throw new IllegalArgumentException("hopLength must be >= 1, got " + hopLength);
        if (length < 0) throw new IllegalArgumentException("length must be >= 0, got " + length);
        int nFft = 2 * (nBins - 1);
        int nFrames = re[0].length;
        double[] window = Windows.hann(nFft);
        int expected = nFft + hopLength * (nFrames - 1);
        double[] y = new double[expected];
        double[] windowSum = new double[expected];
        DoubleFFT_1D fft = new DoubleFFT_1D(nFft);
        // frames are read BLOCK at a time: a row's next BLOCK values share cache lines ([bins][frames] layout)
        final int block = 16;
        double[][] bufs = new double[block][nFft];
        for (int t0 = 0; t0 < nFrames; t0 += block) {
            int nb = Math.min(block, nFrames - t0);
            // packed layout for realInverse: a[0]=Re0, a[1]=Re(n/2), a[2k]=Re k, a[2k+1]=Im k; conj() undoes Stft's conj
            for (int b = 0; b < nb; b++) {
                bufs[b][0] = re[0][t0 + b];
                bufs[b][1] = re[nBins - 1][t0 + b];
            }
            for (int k = 1; k < nBins - 1; k++) {
                double[] rk = re[k];
                double[] ik = im[k];
                for (int b = 0; b < nb; b++) {
                    bufs[b][2 * k] = rk[t0 + b];
                    bufs[b][2 * k + 1] = -ik[t0 + b];
                }
            }
            for (int b = 0; b < nb; b++) {
                double[] buf = bufs[b];
                fft.realInverse(buf, true);
                int start = (t0 + b) * hopLength;
                for (int i = 0; i < nFft; i++) {
                    y[start + i] += window[i] * buf[i];
                    windowSum[start + i] += window[i] * window[i];
                }
            }
        }
        for (int i = 0; i < expected; i++) {
            if (windowSum[i] > Double.MIN_NORMAL) y[i] /= windowSum[i];
        }
        double[] out = new double[length];
        int offset = nFft / 2; // center=True trimming
        int available = Math.max(0, expected - 2 * offset);
        System.arraycopy(y, offset, out, 0, Math.min(length, available));
        return out;
    }
}
