package org.genrelab.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.genrelab.dsp.ConstantQ;
import org.genrelab.dsp.Tuning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clips at low sample rates, as a user meets them: below what librosa 0.5.0's constant-Q transform accepts the track
 * fails with a reason that names its rate and the lowest one FMA's features support; from there up it gives
 * features, through librosa's full-rate top octave below about 9.5 kHz (the transform itself is checked in
 * ConstantQTest) and through the usual path at 11.025 kHz.
 */
class LowSampleRateTest {

    /**
     * The limits, from FMA's cqt call (84 bins, 12 per octave, from C1) and librosa 0.5.0's test {@code freq[-1] * (1 +
     * 0.5 * window_bandwidth('hann') / Q) > sr / 2}, at the lowest and highest tuning estimate_tuning returns (−0.5
     * and +0.48: 99 histogram bins with left edges −0.50 … +0.48). Expected values computed with numpy.
     */
    @Test
    void theLimitsFollowFromTheTopFiltersPassBandAtTheExtremeTunings() {
        assertEquals(-0.5, Tuning.LOWEST_ESTIMATE, 0.0);
        assertEquals(0.48, Tuning.HIGHEST_ESTIMATE, 1e-15);
        assertEquals(8019.59764358229, SampleRateTooLowException.LOWEST_SAMPLE_RATE, 1e-9);
        assertEquals(8486.657898035863, SampleRateTooLowException.LOWEST_SAMPLE_RATE_ANY_TUNING, 1e-9);
        double q = 1 / (Math.pow(2, 1 / 12.0) - 1);
        double b7 = ConstantQ.c1() * Math.pow(2, 83 / 12.0);
        assertEquals(2 * b7 * (1 + 0.5 * 1.50018310546875 / q), SampleRateTooLowException.lowestSampleRate(0.0), 1e-9);
        // librosa's own check, as ported, agrees at both ends
        assertThrows(IllegalArgumentException.class, () -> ConstantQ.constantQLengths(8019, ConstantQ.c1(), 84, 12, -0.5));
        ConstantQ.constantQLengths(8020, ConstantQ.c1(), 84, 12, -0.5);
        assertThrows(IllegalArgumentException.class, () -> ConstantQ.constantQLengths(8486, ConstantQ.c1(), 84, 12, 0.48));
        ConstantQ.constantQLengths(8487, ConstantQ.c1(), 84, 12, 0.48);
    }

    @Test
    void an8kHzClipFailsWithAReasonNamingItsRateAndTheLowestRateSupported(@TempDir Path dir) throws Exception {
        Path clip = dir.resolve("phone.wav");
        writeWav(clip, tone(8000, 3, 440), 8000);
        var r = new FeatureExtractor(FmaFeatures.COLUMNS, new FmaFeatures(false), 1)
                .run(List.of(new FeatureExtractor.Track("phone.wav", clip)), dir.resolve("f.csv"), n -> { });
        assertEquals(0, r.rows());
        assertEquals(1, r.failed().size());
        String why = r.failed().get(0).reason();
        assertTrue(why.startsWith("sample rate too low: this clip is 8000 Hz; the lowest rate FMA's features support is"
                + " 8020 Hz, and only for a clip tuned half a bin flat; from 8487 Hz on every clip works"), why);
        assertTrue(why.contains("librosa 0.5.0 refuses this clip too (\"Filter pass-band lies beyond Nyquist\")"), why);
    }

    /**
     * Between 8020 and 8487 Hz it depends on the clip: at 8400 Hz a tone tuned 0.4 of a bin sharp (450.3 Hz) is
     * refused, with the rate its tuning needs, and one tuned 0.4 flat (429.9 Hz) gives features.
     */
    @Test
    void betweenTheLimitsTheClipsTuningDecides(@TempDir Path dir) throws Exception {
        FmaFeatures fma = new FmaFeatures(false);
        Path sharp = dir.resolve("sharp.wav");
        writeWav(sharp, tone(8400, 4, 440 * Math.pow(2, 0.4 / 12)), 8400);
        var e = assertThrows(TrackFeatureFunction.TrackFailedException.class, () -> fma.compute(sharp));
        assertTrue(e.getMessage().startsWith("sample rate too low: this clip is 8400 Hz; at its tuning (+0.4"), e.getMessage());
        assertTrue(e.getMessage().contains("of a bin, estimated as librosa does) FMA's features need at least 84"), e.getMessage());
        Path flat = dir.resolve("flat.wav");
        writeWav(flat, tone(8400, 4, 440 * Math.pow(2, -0.4 / 12)), 8400);
        assertFinite(fma.compute(flat));
    }

    /** 8.5 kHz: librosa's full-rate top octave (below about 9.5 kHz). */
    @Test
    void an8500HzClipGivesFeatures(@TempDir Path dir) throws Exception {
        Path clip = dir.resolve("low.wav");
        writeWav(clip, chord(8500, 5), 8500);
        assertFinite(new FmaFeatures(false).compute(clip));
    }

    /** 11.025 kHz, MPEG's lowest rate above 8 kHz: the usual kaiser_fast path, all 518 values. */
    @Test
    void an11kHzClipGivesFeatures(@TempDir Path dir) throws Exception {
        Path clip = dir.resolve("eleven.wav");
        writeWav(clip, chord(11025, 5), 11025);
        var r = new FeatureExtractor(FmaFeatures.COLUMNS, new FmaFeatures(false), 1)
                .run(List.of(new FeatureExtractor.Track("eleven.wav", clip)), dir.resolve("f.csv"), n -> { });
        assertEquals(List.of(), r.failed());
        assertEquals(1, r.rows());
        assertFinite(new FmaFeatures(false).compute(clip));
    }

    private static void assertFinite(float[] row) {
        assertEquals(FmaFeatures.COLUMNS.size(), row.length);
        for (int i = 0; i < FmaFeatureLayout.fmaColumns().size(); i++) {
            assertTrue(Float.isFinite(row[i]), FmaFeatures.COLUMNS.get(i) + " = " + row[i]);
        }
    }

    private static short[] tone(int sr, int seconds, double hz) {
        short[] s = new short[sr * seconds];
        for (int i = 0; i < s.length; i++) s[i] = (short) Math.round(12000 * Math.sin(2 * Math.PI * hz * i / sr));
        return s;
    }

    /** C4 + E4 + G4 + a 3 kHz partial (the top octave) and a little noise. */
    private static short[] chord(int sr, int seconds) {
        java.util.Random rnd = new java.util.Random(sr);
        short[] s = new short[sr * seconds];
        for (int i = 0; i < s.length; i++) {
            double t = (double) i / sr;
            double v = Math.sin(2 * Math.PI * 261.63 * t) + Math.sin(2 * Math.PI * 329.63 * t) + Math.sin(2 * Math.PI * 392.0 * t)
                    + 0.5 * Math.sin(2 * Math.PI * 3000 * t) + 0.05 * rnd.nextGaussian();
            s[i] = (short) Math.round(6000 * v);
        }
        return s;
    }

    static void writeWav(Path f, short[] mono, int sr) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(mono.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : mono) b.putShort(s);
        AudioFormat fmt = new AudioFormat(sr, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(b.array()), fmt, mono.length)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, f.toFile());
        }
    }
}
