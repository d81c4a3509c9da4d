package org.genrelab.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Mp3EncoderTest {

    @TempDir
    Path tmp;

    /**
     * A linear chirp from 200 Hz rising 1400 Hz per second (amplitude 0.3) plus a 440 Hz tone
     * (amplitude 0.1, phase differing per channel): not periodic, so the best lag is unambiguous.
     */
    private static short[] tones(int rate, int channels, int frames) {
        short[] pcm = new short[frames * channels];
        for (int i = 0; i < frames; i++) {
            double t = (double) i / rate;
            for (int c = 0; c < channels; c++) {
                double v = 0.3 * Math.sin(2 * Math.PI * (200 * t + 700 * t * t)) + 0.1 * Math.sin(2 * Math.PI * 440 * t + c);
                pcm[i * channels + c] = (short) Math.round(v * 32767);
            }
        }
        return pcm;
    }

    /** Best correlation of decoded channel 0 against the input over lags 0..maxLag, and the lag. */
    private static double[] bestCorrelation(short[] in, int inCh, short[] out, int outCh, int maxLag) {
        int frames = in.length / inCh;
        double best = -1;
        int bestLag = 0;
        for (int lag = 0; lag <= maxLag; lag++) {
            double sxy = 0, sxx = 0, syy = 0;
            for (int i = 4000; i < frames - 4000; i++) {
                int j = i + lag;
                if (j * outCh >= out.length) break;
                double x = in[i * inCh];
                double y = out[j * outCh];
                sxy += x * y;
                sxx += x * x;
                syy += y * y;
            }
            double r = sxy / Math.sqrt(sxx * syy);
            if (r > best) {
                best = r;
                bestLag = lag;
            }
        }
        return new double[] {best, bestLag};
    }

    @Test
    void stereoRoundTripKeepsLengthAndWaveform() throws Exception {
        int rate = 44100, frames = 2 * rate;
        short[] pcm = tones(rate, 2, frames);
        Path mp3 = tmp.resolve("a/b/tones.mp3");
        Mp3Encoder.encode(pcm, rate, 2, 192, mp3);
        TestMp3Decoding.Decoded d = TestMp3Decoding.decode(mp3);
        assertEquals(44100, d.sampleRate());
        assertEquals(2, d.channels());
        // MP3 pads to whole 1152-sample frames plus encoder delay: length within two frames
        assertTrue(Math.abs(d.frames() - frames) <= 2 * 1152 + 1105, "decoded " + d.frames() + " frames of " + frames);
        double[] c = bestCorrelation(pcm, 2, d.samples(), 2, 3000);
        assertTrue(c[0] > 0.99, "correlation " + c[0] + " at lag " + c[1]);
        // SNR at the best lag, channel 0
        int lag = (int) c[1];
        double sig = 0, err = 0;
        for (int i = 4000; i < frames - 4000; i++) {
            double x = pcm[2 * i], y = d.samples()[2 * (i + lag)];
            sig += x * x;
            err += (x - y) * (x - y);
        }
        double snrDb = 10 * Math.log10(sig / err);
        // FFmpeg writes LAME's gapless header and its decoder trims the encoder delay: no shift
        assertTrue(lag <= 2, "decoded audio is shifted by " + lag + " samples");
        System.out.printf("mp3 round trip: %d -> %d frames, correlation %.5f at lag %d, SNR %.1f dB%n", frames,
                d.frames(), c[0], lag, snrDb);
        assertTrue(snrDb > 20, "SNR " + snrDb + " dB");
    }

    @Test
    void monoResampledTo48kHz() throws Exception {
        int rate = 22050, frames = rate;
        short[] pcm = tones(rate, 1, frames);
        Path mp3 = tmp.resolve("mono.mp3");
        Mp3Encoder.encode(pcm, rate, 1, 128, 48000, mp3);
        TestMp3Decoding.Decoded d = TestMp3Decoding.decode(mp3);
        assertEquals(48000, d.sampleRate());
        assertEquals(1, d.channels());
        double expected = frames * 48000.0 / rate;
        assertTrue(Math.abs(d.frames() - expected) <= 2 * 1152 + 1105, "decoded " + d.frames() + " of " + expected);
        // the signal's energy survives resampling: decoded energy per second equals the input's
        double in = 0, out = 0;
        for (short v : pcm) in += (double) v * v;
        for (short v : d.samples()) out += (double) v * v;
        double inPerSecond = in / rate, outPerSecond = out / 48000;
        System.out.printf("mono 22050 -> 48000: %d frames, energy ratio %.4f%n", d.frames(), outPerSecond / inPerSecond);
        // measured 0.90, the same in every tenth of a second (a level change of mono encode/decode, not lost audio)
        assertEquals(1.0, outPerSecond / inPerSecond, 0.15);
    }

    @Test
    void twoEncodesAreByteIdentical() throws Exception {
        short[] pcm = tones(44100, 2, 44100);
        Path a = tmp.resolve("a.mp3"), b = tmp.resolve("b.mp3");
        Mp3Encoder.encode(pcm, 44100, 2, 160, a);
        Mp3Encoder.encode(pcm, 44100, 2, 160, b);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertTrue(Files.size(a) > 10_000);
    }

    /** Child JVM: decodes a defective MP3, encodes one, then decodes the defective file again. */
    public static void main(String[] args) throws Exception {
        Path bad = Path.of(args[0]);
        AudioDecoder.decodeMono(bad);
        Mp3Encoder.encode(tones(44100, 1, 44100), 44100, 1, 128, Path.of(args[1]));
        DecodedAudio d = AudioDecoder.decodeMono(bad);
        System.out.println("decoded: " + d.outcome() + ", log level " + org.bytedeco.ffmpeg.global.avutil.av_log_get_level());
    }

    /**
     * The decoder silences FFmpeg for the whole JVM (FFmpeg's log is global); an encode must not turn its messages back
     * on. A defective MP3 decoded after an encode writes nothing to the process's stderr (FFmpeg writes there natively).
     */
    @Test
    void decodingStaysQuietAfterAnEncode() throws Exception {
        Path bad = tmp.resolve("bad.mp3");
        byte[] junk = new byte[20_000];
        new java.util.Random(5).nextBytes(junk);
        junk[0] = (byte) 0xFF; // frame-sync-like bytes, so the MP3 demuxer tries and complains
        junk[1] = (byte) 0xFB;
        Files.write(bad, junk);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Mp3EncoderTest.class.getName(), bad.toString(), tmp.resolve("ok.mp3").toString())
                .redirectError(tmp.resolve("stderr.txt").toFile()).redirectOutput(tmp.resolve("stdout.txt").toFile()).start();
        assertEquals(0, p.waitFor(), Files.readString(tmp.resolve("stderr.txt")));
        String out = Files.readString(tmp.resolve("stdout.txt"));
        assertTrue(out.contains("decoded: CORRUPT"), out);
        String err = Files.readString(tmp.resolve("stderr.txt"));
        assertTrue(err.lines().noneMatch(l -> l.startsWith("[")), "FFmpeg wrote to stderr:\n" + err);
        assertTrue(out.contains("log level " + org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET), out);
    }

    @Test
    void badChannelCountIsRefusedNamingTheFile() {
        Path out = tmp.resolve("x.mp3");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Mp3Encoder.encode(new short[6], 44100, 3, 128, out));
        assertTrue(e.getMessage().contains("x.mp3"), e.getMessage());
    }
}
