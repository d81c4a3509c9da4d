package org.genrelab.features;

import java.util.Locale;
import org.genrelab.dsp.ConstantQ;
import org.genrelab.dsp.Tuning;

/**
 * A clip whose sample rate is too low for FMA's features, said in a user's words. FMA's chroma_cqt, chroma_cens
 * and tonnetz come from {@code librosa.cqt(x, sr, hop_length=512, bins_per_octave=12, n_bins=7*12, tuning=None)}:
 * 84 bins from C1 (32.70 Hz) to B7 (3951.07 Hz). librosa 0.5.0's {@code filters.constant_q_lengths} refuses the
 * clip ("Filter pass-band lies beyond Nyquist") when the top filter's pass-band, {@code f_B7 · 2^(tuning/12) ·
 * (1 + ½ · 1.50018310546875 · (2^(1/12) − 1))}, reaches above half the sample rate. The limit moves with the
 * clip's tuning, which librosa estimates ({@code tuning=None}) between −0.5 and +0.48 of a bin:
 * {@link #LOWEST_SAMPLE_RATE} (8019.6 Hz, a clip tuned half a bin flat) up to
 * {@link #LOWEST_SAMPLE_RATE_ANY_TUNING} (8486.66 Hz). So 8 kHz clips never give FMA's features, and every
 * MP3 rate from 11 025 Hz up always does. FMA's {@code features.py} computes the CQT right after zcr, so its row
 * for such a clip holds zcr and NaN everywhere else; GenreLab fails the track with this message instead.
 */
public final class SampleRateTooLowException extends IllegalArgumentException {

    /** FMA's constant-Q transform: 84 bins, 12 per octave, from C1. */
    static final int N_BINS = 84;
    static final int BINS_PER_OCTAVE = 12;

    /** Below this rate no clip gives FMA's features, whatever its tuning: about 8019.6 Hz (tuning −0.5). */
    public static final double LOWEST_SAMPLE_RATE = lowestSampleRate(Tuning.LOWEST_ESTIMATE);

    /** From this rate on every clip gives FMA's features, whatever its tuning: about 8486.66 Hz (tuning +0.48). */
    public static final double LOWEST_SAMPLE_RATE_ANY_TUNING = lowestSampleRate(Tuning.HIGHEST_ESTIMATE);

    private final double sampleRate;
    private final double tuning;

    /**
     * @param sampleRate the clip's rate
     * @param tuning     its CQT tuning ({@code estimate_tuning(y=y, sr=sr)}), or NaN when the rate is below
     *                   {@link #LOWEST_SAMPLE_RATE} and the tuning was not needed
     */
    public SampleRateTooLowException(double sampleRate, double tuning) {
        super(message(sampleRate, tuning));
        this.sampleRate = sampleRate;
        this.tuning = tuning;
    }

    /** The lowest rate at which librosa 0.5.0 computes FMA's CQT for a clip of this tuning (in bins). */
    public static double lowestSampleRate(double tuning) {
        return ConstantQ.lowestSampleRate(ConstantQ.c1(), N_BINS, BINS_PER_OCTAVE, tuning);
    }

    /** Throws when librosa 0.5.0 would refuse FMA's CQT of a clip at {@code sampleRate} with this tuning. */
    public static void check(double sampleRate, double tuning) {
        if (sampleRate < lowestSampleRate(tuning)) throw new SampleRateTooLowException(sampleRate, tuning);
    }

    public double sampleRate() {
        return sampleRate;
    }

    /** The clip's estimated tuning, NaN if it was not estimated. */
    public double tuning() {
        return tuning;
    }

    private static String message(double sr, double tuning) {
        String rates = String.format(Locale.ROOT, "the lowest rate FMA's features support is %s Hz, and only for a clip"
                        + " tuned half a bin flat; from %s Hz on every clip works (11025 Hz, MP3's next rate, always does).",
                hz(Math.ceil(LOWEST_SAMPLE_RATE)), hz(Math.ceil(LOWEST_SAMPLE_RATE_ANY_TUNING)));
        String need = Double.isNaN(tuning) ? rates
                : String.format(Locale.ROOT, "at its tuning (%+.2f of a bin, estimated as librosa does) FMA's features need"
                        + " at least %s Hz; %s", tuning, hz(Math.ceil(lowestSampleRate(tuning))), rates);
        return String.format(Locale.ROOT, "sample rate too low: this clip is %s Hz; %s FMA's chroma and tonnetz come from"
                + " librosa 0.5.0's constant-Q transform of 84 bins from C1 (32.7 Hz) to B7 (3951 Hz), whose top filter"
                + " must stay below half the sample rate; librosa 0.5.0 refuses this clip too"
                + " (\"Filter pass-band lies beyond Nyquist\").", hz(sr), need);
    }

    private static String hz(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : String.format(Locale.ROOT, "%.1f", x);
    }
}
