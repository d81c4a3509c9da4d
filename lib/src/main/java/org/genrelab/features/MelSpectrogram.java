package org.genrelab.features;

import org.genrelab.dsp.MelFilterbank;

/**
 * librosa 0.5.0 {@code feature.melspectrogram(sr=sr, S=S)} for a given power spectrogram:
 * {@code np.dot(filters.mel(sr, n_fft), S)} with {@code n_fft = 2·(bins − 1)} and the default 128
 * Slaney bands from 0 Hz to sr/2. FMA calls it with the clip's real sr and {@code S = |stft|²}.
 */
public final class MelSpectrogram {

    private MelSpectrogram() {
    }

    /** Mel power [128][T] of a power spectrogram [1 + nFft/2][T] at sample rate {@code sr}. */
    public static double[][] melspectrogram(double[][] power, double sr) {
        int nFft = 2 * (power.length - 1);
        return MelFilterbank.apply(MelFilterbank.mel(sr, nFft), power);
    }

    /**
     * FMA's {@code melspectrogram(sr=sr, S=stft**2)} from its float32 {@code stft} magnitude: the squares are
     * float32, as numpy's {@code **2} of a float32 array (taken on the fly, same values).
     */
    public static double[][] fromMagnitude(float[][] magnitude, double sr) {
        int nFft = 2 * (magnitude.length - 1);
        return MelFilterbank.applyToFloat32Squares(MelFilterbank.mel(sr, nFft), magnitude);
    }
}
