package org.genrelab.dsp;

/**
 * Analysis windows as {@code scipy.signal.get_window(name, n, fftbins=True)} returns them, the
 * call librosa 0.5.0's {@code stft} makes. Hand-written: JTransforms has no windows and the
 * formula is one line.
 */
public final class Windows {

    private Windows() {
    }

    /**
     * Periodic ("DFT-even") Hann window of length {@code n}: {@code w[k] = 0.5 - 0.5 cos(2πk/n)},
     * i.e. the symmetric Hann of length n + 1 without its last sample.
     *
     * @param n window length, at least 1
     */
    public static double[] hann(int n) {
        if (n < 1) throw new IllegalArgumentException("window length must be >= 1, got " + n);
        double[] w = new double[n];
        if (n == 1) {
            w[0] = 1.0; // scipy: a length-1 window is [1.0]
            return w;
        }
        // scipy general_cosine(M+1, [0.5, 0.5]) truncated: 0.5 - 0.5 cos(2πk/M)
        double step = 2.0 * Math.PI / n;
        for (int k = 0; k < n; k++) {
            w[k] = 0.5 - 0.5 * Math.cos(step * k);
        }
        return w;
    }
}
