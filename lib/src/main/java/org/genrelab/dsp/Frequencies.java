package org.genrelab.dsp;

/**
 * Frequency grids and scale conversions of librosa 0.5.0 {@code core.time_frequency}:
 * {@code fft_frequencies}, {@code mel_frequencies}, {@code hz_to_mel}, {@code mel_to_hz}
 * (Slaney's Auditory Toolbox scale by default, HTK on request). Hand-written: these are
 * librosa's definitions, which no Java library reproduces.
 */
public final class Frequencies {

    private static final double F_SP = 200.0 / 3;          // Slaney: 66.67 Hz per mel below 1 kHz
    private static final double MIN_LOG_HZ = 1000.0;        // start of the log region
    private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
    private static final double LOGSTEP = Math.log(6.4) / 27.0;

    private Frequencies() {
    }

    /** {@code fft_frequencies(sr, n_fft)}: {@code linspace(0, sr/2, 1 + nFft/2)}. */
    public static double[] fftFrequencies(double sr, int nFft) {
        return linspace(0.0, sr / 2.0, 1 + nFft / 2);
    }

    /** {@code hz_to_mel(f, htk)}: Slaney mel = f/(200/3) below 1 kHz, 15 + ln(f/1000)/(ln 6.4/27) above; HTK 2595·log10(1 + f/700). */
    public static double hzToMel(double f, boolean htk) {
        if (htk) return 2595.0 * Math.log10(1.0 + f / 700.0);
        if (f >= MIN_LOG_HZ) return MIN_LOG_MEL + Math.log(f / MIN_LOG_HZ) / LOGSTEP;
        return f / F_SP;
    }

    /** {@code mel_to_hz(m, htk)}, the inverse of {@link #hzToMel}. */
    public static double melToHz(double m, boolean htk) {
        if (htk) return 700.0 * (Math.pow(10.0, m / 2595.0) - 1.0);
        if (m >= MIN_LOG_MEL) return MIN_LOG_HZ * Math.exp(LOGSTEP * (m - MIN_LOG_MEL));
        return F_SP * m;
    }

    /** {@code mel_frequencies(n_mels, fmin, fmax, htk)}: nMels points evenly spaced in mel. */
    public static double[] melFrequencies(int nMels, double fmin, double fmax, boolean htk) {
        double[] mels = linspace(hzToMel(fmin, htk), hzToMel(fmax, htk), nMels);
        for (int i = 0; i < nMels; i++) mels[i] = melToHz(mels[i], htk);
        return mels;
    }

    /** numpy {@code linspace(start, stop, num)} (endpoint included): {@code start + i·step}, last = stop. */
    static double[] linspace(double start, double stop, int num) {
        double[] y = new double[num];
        if (num == 1) {
            y[0] = start;
            return y;
        }
        double step = (stop - start) / (num - 1);
        for (int i = 0; i < num; i++) y[i] = i * step + start;
        y[num - 1] = stop;
        return y;
    }
}
