package org.genrelab.features;

import org.genrelab.dsp.Dct;
import org.genrelab.dsp.PowerToDb;

/**
 * MFCC as FMA computes them with librosa 0.5.0:
 * {@code mfcc(S=power_to_db(melspectrogram(sr=sr, S=|stft|²)), n_mfcc=20)}, i.e. the first 20
 * orthonormal DCT-II coefficients over the 128 log-mel bands of every frame.
 */
public final class Mfcc {

    /** The number of coefficients FMA keeps. */
    public static final int N_MFCC = 20;

    private Mfcc() {
    }

    /** {@code mfcc(S=logMelDb, n_mfcc=nMfcc)}: [nMfcc][T] from log-mel dB [nMels][T]. */
    public static double[][] mfcc(double[][] logMelDb, int nMfcc) {
        return Dct.dct(logMelDb, nMfcc);
    }

    /** FMA's 20 MFCC from its float32 STFT magnitude [1025][T] ({@code stft}) at the clip's real sample rate. */
    public static double[][] fromMagnitude(float[][] stftMag, double sr) {
        double[][] melPower = MelSpectrogram.fromMagnitude(stftMag, sr);
        return mfcc(PowerToDb.powerToDb(melPower), N_MFCC);
    }
}
