package org.genrelab.audio;

import java.nio.file.Path;

/**
 * Mono PCM of one file as {@code librosa.load(path, sr=None, mono=True)} received it from the
 * ffmpeg command line, with the outcome of the decode.
 *
 * @param file                    the decoded file
 * @param samples                 mono float32 samples, int16 / 32768 averaged over channels in float32 (empty unless decoded)
 * @param sampleRate              the stream's native rate in Hz (0 if unknown)
 * @param channels                the stream's channel count before the mono mix (0 if unknown)
 * @param declaredDurationSeconds the container's declared duration in seconds, NaN if it declares none
 * @param outcome                 what became of the decode
 * @param reason                  a human sentence explaining the outcome
 */
public record DecodedAudio(Path file, float[] samples, int sampleRate, int channels,
                           double declaredDurationSeconds, DecodeOutcome outcome, String reason) {

    /** True when the outcome is {@link DecodeOutcome#OK}. */
    public boolean ok() {
        return outcome == DecodeOutcome.OK;
    }

    /** Decoded duration in seconds ({@code samples.length / sampleRate}), 0 if nothing decoded. */
    public double durationSeconds() {
        return sampleRate > 0 ? samples.length / (double) sampleRate : 0.0;
    }

    /** The samples widened to double (exact: every value is k/32768 or a float32 channel mean). */
    public double[] toDoubles() {
        double[] d = new double[samples.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = samples[i];
        }
        return d;
    }

    @Override
    public String toString() {
        return "DecodedAudio[" + file + ", " + outcome + ", " + samples.length + " samples @ " + sampleRate
                + " Hz, " + channels + " ch, declared " + declaredDurationSeconds + " s: " + reason + "]";
    }
}
