package org.genrelab.features;

import org.genrelab.dsp.Hpss;
import org.genrelab.dsp.OnsetStrength;

/**
 * The study's rhythm extras of one clip, as the oracle's {@code legacy_extras.csv} defines them
 * with librosa 0.5.0: {@code tempo_bpm} and {@code n_beats} of {@code beat_track(onset_envelope=
 * onset_strength(y, sr, hop_length=512, aggregate=np.median), sr, hop_length=512)}, and
 * {@code harm_power = mean(y_h²)}, {@code perc_power = mean(y_p²)} of {@code effects.hpss(y)}.
 *
 * @param tempoBpm  estimated tempo, 0 when the onset envelope is all zero
 * @param nBeats    number of tracked beats
 * @param harmPower mean square of the harmonic signal
 * @param percPower mean square of the percussive signal
 */
public record RhythmExtras(double tempoBpm, int nBeats, double harmPower, double percPower) {

    /** FMA's hop for the onset envelope and beat tracker. */
    public static final int HOP_LENGTH = 512;

    /** The extras of mono PCM {@code y} at sample rate {@code sr} (HPSS takes about 1 s of CPU per 30 s clip). */
    public static RhythmExtras of(float[] y, double sr) {
        if (y.length == 0) throw new IllegalArgumentException("rhythm extras of an empty signal");
        BeatTracker.Beats beats = BeatTracker.beatTrack(OnsetStrength.onsetStrength(y, sr), sr, HOP_LENGTH);
        Hpss.Signals hpss = Hpss.separate(y);
        return new RhythmExtras(beats.tempo(), beats.frames().length,
                Hpss.meanPower(hpss.harmonic()), Hpss.meanPower(hpss.percussive()));
    }
}
