package org.genrelab.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.genrelab.SharedData;
import org.genrelab.data.Npy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AudioDecoderTest {

    private static Path clip(String name) {
        return SharedData.oracle().resolve("clips").resolve(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"synth_song_30s", "clicks_120bpm_30s", "chord_cmaj_30s"})
    void mp3DecodeEqualsLibrosaEverySample(String name) throws IOException {
        DecodedAudio a = AudioDecoder.decodeMono(clip(name + ".mp3"));
        float[] expected = Npy.read(SharedData.oracle().resolve("frames").resolve(name + "_mp3").resolve("y.npy"))
                .toFloats();
        assertEquals(DecodeOutcome.OK, a.outcome(), a.reason());
        assertEquals(44100, a.sampleRate());
        assertEquals(1_323_000, a.samples().length);
        int mismatches = 0;
        int first = -1;
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToRawIntBits(expected[i]) != Float.floatToRawIntBits(a.samples()[i])) {
                if (first < 0) {
                    first = i;
                }
                mismatches++;
            }
        }
        assertEquals(0, mismatches, "samples differ from librosa's, first at " + first);
        assertEquals(30.0, a.declaredDurationSeconds(), 0.05);
    }

    @Test
    void stereoMp3IsChannelMeanOnK65536Grid() throws IOException {
        DecodedAudio a = AudioDecoder.decodeMono(clip("synth_song_30s.mp3"));
        assertEquals(2, a.channels());
        boolean oddSeen = false;
        for (float v : a.samples()) {
            double k = v * 65536.0;
            assertEquals(Math.rint(k), k, 0.0);
            oddSeen |= ((long) k & 1) != 0;
        }
        assertTrue(oddSeen, "a stereo mean must produce some half-LSB values");
    }

    @Test
    void mp3At48kHasNativeRateAndLength() throws IOException {
        DecodedAudio a = AudioDecoder.decodeMono(clip("synth_song_30s_48k.mp3"));
        assertEquals(DecodeOutcome.OK, a.outcome(), a.reason());
        assertEquals(48000, a.sampleRate());
        assertEquals(1_440_000, a.samples().length);
    }

    @Test
    void otherMp3ClipsAre1323000Samples() throws IOException {
        DecodedAudio a = AudioDecoder.decodeMono(clip("sine440_30s.mp3"));
        assertEquals(1_323_000, a.samples().length);
        assertEquals(1, a.channels());
    }

    @Test
    void wavDecodesToItsExact16BitValues() throws IOException {
        Path wav = clip("sine1k_2s.wav");
        short[] raw = wavPcm16(wav);
        DecodedAudio a = AudioDecoder.decodeMono(wav);
        assertEquals(DecodeOutcome.OK, a.outcome(), a.reason());
        assertEquals(44100, a.sampleRate());
        assertEquals(raw.length, a.samples().length);
        for (int i = 0; i < raw.length; i++) {
            assertEquals(raw[i] / 32768f, a.samples()[i], 0f, "sample " + i);
        }
        assertEquals(2.0, a.declaredDurationSeconds(), 1e-3);
    }

    @Test
    void oracleSilenceIsSilent() throws IOException {
        DecodedAudio a = AudioDecoder.decodeMono(clip("silence_5s.wav"));
        assertEquals(DecodeOutcome.SILENT, a.outcome());
        assertEquals(5 * 44100, a.samples().length);
    }

    @Test
    void stereoWavIsFloat32MeanOfChannels(@TempDir Path dir) throws IOException {
        Random rnd = new Random(7);
        int n = 44100 * 2;
        short[] lr = new short[2 * n];
        for (int i = 0; i < lr.length; i++) {
            lr[i] = (short) (rnd.nextInt(65536) - 32768);
        }
        lr[0] = Short.MIN_VALUE;
        lr[1] = Short.MIN_VALUE;
        Path f = dir.resolve("stereo.wav");
        writeWav(f, lr, 2, 22050);
        DecodedAudio a = AudioDecoder.decodeMono(f);
        assertEquals(DecodeOutcome.OK, a.outcome(), a.reason());
        assertEquals(22050, a.sampleRate());
        assertEquals(n, a.samples().length);
        for (int i = 0; i < n; i++) {
            assertEquals((lr[2 * i] + lr[2 * i + 1]) / 65536.0, a.samples()[i], 0.0, "sample " + i);
        }
    }

    @Test
    void silentWavIsSilent(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("silent.wav");
        writeWav(f, new short[44100 * 3], 1, 44100);
        DecodedAudio a = AudioDecoder.decodeMono(f);
        assertEquals(DecodeOutcome.SILENT, a.outcome(), a.reason());
        assertTrue(a.reason().contains("zero"), a.reason());
    }

    @Test
    void shortWavIsTooShort(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("short.wav");
        short[] s = new short[4410];
        Arrays.fill(s, (short) 1000);
        writeWav(f, s, 1, 44100);
        DecodedAudio a = AudioDecoder.decodeMono(f);
        assertEquals(DecodeOutcome.TOO_SHORT, a.outcome(), a.reason());
        assertEquals(4410, a.samples().length);
        assertEquals(DecodeOutcome.OK, AudioDecoder.decodeMono(f, 0.05, 0.9).outcome());
    }

    @Test
    void emptyFileIsEmpty(@TempDir Path dir) throws IOException {
        Path f = Files.createFile(dir.resolve("empty.mp3"));
        DecodedAudio a = AudioDecoder.decodeMono(f);
        assertEquals(DecodeOutcome.EMPTY, a.outcome());
        assertEquals(0, a.samples().length);
        assertTrue(a.reason().contains("empty"), a.reason());
    }

    @Test
    void tagOnlyMp3HasNoAudio(@TempDir Path dir) throws IOException {
        // an ID3v2.4 header announcing 1000 bytes of (zero) padding and no MPEG frames after it
        byte[] tag = new byte[10 + 1000];
        tag[0] = 'I';
        tag[1] = 'D';
        tag[2] = '3';
        tag[3] = 4;
        tag[8] = (byte) (1000 >> 7);
        tag[9] = (byte) (1000 & 0x7f);
        Path f = Files.write(dir.resolve("tag-only.mp3"), tag);
        DecodedAudio a = AudioDecoder.decodeMono(f);
        assertEquals(DecodeOutcome.EMPTY, a.outcome(), a.toString());
        assertEquals(0, a.samples().length);
        assertTrue(a.reason().contains("no audio"), a.reason());
    }

    @Test
    void randomBytesAreCorrupt(@TempDir Path dir) throws IOException {
        byte[] junk = new byte[100_000];
        new Random(42).nextBytes(junk);
        Path f = Files.write(dir.resolve("junk.mp3"), junk);
        DecodedAudio a = AudioDecoder.decodeMono(f);
        assertEquals(DecodeOutcome.CORRUPT, a.outcome(), a.reason());
        assertFalseOk(a);
    }

    @Test
    void mp3CutInHalfIsTruncated(@TempDir Path dir) throws IOException {
        byte[] mp3 = Files.readAllBytes(clip("clicks_120bpm_30s.mp3"));
        Path f = Files.write(dir.resolve("half.mp3"), Arrays.copyOf(mp3, mp3.length / 2));
        DecodedAudio a = AudioDecoder.decodeMono(f);
        assertEquals(DecodeOutcome.TRUNCATED, a.outcome(), a.reason());
        assertEquals(30.0, a.declaredDurationSeconds(), 0.05);
        assertEquals(15.0, a.durationSeconds(), 0.5);
        assertTrue(a.reason().contains("declared"), a.reason());
    }

    /**
     * Two MP3 streams joined end to end, 3 s at 44.1 kHz then 3 s at 22.05 kHz: the ffmpeg CLI that librosa read
     * through would resample the second part to the first rate, which this decoder does not do; it refuses the file
     * naming the change, rather than returning samples of two rates as one signal.
     */
    @Test
    void sampleRateChangeMidStreamIsRefusedNamingIt(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.mp3"), b = dir.resolve("b.mp3");
        Mp3Encoder.encode(tone(44100, 3), 44100, 1, 128, a);
        Mp3Encoder.encode(tone(22050, 3), 22050, 1, 64, b);
        byte[] joined = new byte[(int) (Files.size(a) + Files.size(b))];
        byte[] first = Files.readAllBytes(a), second = Files.readAllBytes(b);
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        DecodedAudio d = AudioDecoder.decodeMono(Files.write(dir.resolve("joined.mp3"), joined));
        assertEquals(DecodeOutcome.CORRUPT, d.outcome(), d.reason());
        assertTrue(d.reason().contains("44100 Hz to 22050 Hz"), d.reason());
        DecodedAudio plain = AudioDecoder.decodeMono(a); // one rate throughout: decoded as before
        assertEquals(DecodeOutcome.OK, plain.outcome(), plain.reason());
    }

    /**
     * An MP3 without a Xing header has no declared duration: FFmpeg estimates one from the first frame's bit rate
     * and the file size. Here 3 s at 32 kbit/s then 3 s at 320 kbit/s, whose estimate is about 33 s: the whole file
     * decodes, so it is not truncated, and the reason says the duration was only estimated.
     */
    @Test
    void durationEstimatedFromTheBitRateIsNotADeclaredOne(@TempDir Path dir) throws Exception {
        Path low = noXingHeader(tone(44100, 3), 32, dir.resolve("low.mp3"));
        Path high = noXingHeader(tone(44100, 3), 320, dir.resolve("high.mp3"));
        byte[] first = Files.readAllBytes(low), second = Files.readAllBytes(high);
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        DecodedAudio d = AudioDecoder.decodeMono(Files.write(dir.resolve("vbr-like.mp3"), joined));
        assertEquals(DecodeOutcome.OK, d.outcome(), d.reason());
        assertEquals(6.0, d.durationSeconds(), 0.1);
        assertTrue(Double.isNaN(d.declaredDurationSeconds()), "estimated, not declared: " + d.declaredDurationSeconds());
        assertTrue(d.reason().contains("estimated from the bit rate"), d.reason());
    }

    /** A mono CBR MP3 written by FFmpeg's mp3 muxer without its Xing/Info frame (write_xing 0). */
    private static Path noXingHeader(short[] pcm, int kbps, Path out) throws Exception {
        org.bytedeco.ffmpeg.global.avutil.av_log_set_level(org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET);
        var rec = new org.bytedeco.javacv.FFmpegFrameRecorder(out.toFile(), 1);
        rec.setFormat("mp3");
        rec.setAudioCodec(org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MP3);
        rec.setSampleRate(44100);
        rec.setAudioBitrate(kbps * 1000);
        rec.setSampleFormat(org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16P);
        rec.setOption("write_xing", "0");
        rec.setOption("id3v2_version", "0");
        rec.start();
        rec.recordSamples(44100, 1, java.nio.ShortBuffer.wrap(pcm));
        rec.stop();
        rec.release();
        return out;
    }

    private static short[] tone(int sampleRate, int seconds) {
        short[] pcm = new short[sampleRate * seconds];
        for (int i = 0; i < pcm.length; i++) pcm[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / sampleRate));
        return pcm;
    }

    /** What cannot be read is UNREADABLE with the reason, never decoded: opening a named pipe could block for ever. */
    @Test
    void linksFoldersAndPipesAreUnreadableWithTheirReason(@TempDir Path dir) throws Exception {
        Path broken = Files.createSymbolicLink(dir.resolve("broken.mp3"), dir.resolve("missing.mp3"));
        DecodedAudio a = AudioDecoder.decodeMono(broken);
        assertEquals(DecodeOutcome.UNREADABLE, a.outcome(), a.reason());
        assertEquals("a broken symbolic link: its target " + dir.resolve("missing.mp3") + " does not exist", a.reason());
        Path folder = Files.createDirectories(dir.resolve("album.mp3"));
        assertEquals(DecodeOutcome.UNREADABLE, AudioDecoder.decodeMono(folder).outcome());
        assertEquals("a directory, not an audio file", AudioDecoder.decodeMono(folder).reason());
        Path linkToFolder = Files.createSymbolicLink(dir.resolve("l.mp3"), folder);
        assertEquals("a directory, not an audio file (a symbolic link to one)", AudioDecoder.unreadable(linkToFolder));
        assertEquals("no such file", AudioDecoder.unreadable(dir.resolve("nothing.mp3")));
        Path fifo = dir.resolve("pipe.mp3");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
            assertEquals("not a regular file (a named pipe, socket or device)", AudioDecoder.decodeMono(fifo).reason());
        }
        Path ok = dir.resolve("ok.mp3");
        Files.copy(clip("sine440_30s.mp3"), ok);
        assertNull(AudioDecoder.unreadable(ok));
        assertNull(AudioDecoder.unreadable(Files.createSymbolicLink(dir.resolve("alias.mp3"), ok)));
    }

    @Test
    void missingFileThrowsNamingIt(@TempDir Path dir) {
        Path f = dir.resolve("no-such-track.mp3");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> AudioDecoder.decodeMono(f));
        assertTrue(e.getMessage().contains("no-such-track.mp3"), e.getMessage());
    }

    @Test
    void twoThreadsDecodeTheSameSamples() throws Exception {
        float[] reference = AudioDecoder.decodeMono(clip("synth_song_30s.mp3")).samples();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<float[]> f1 = pool.submit(() -> AudioDecoder.decodeMono(clip("synth_song_30s.mp3")).samples());
            Future<float[]> f2 = pool.submit(() -> AudioDecoder.decodeMono(clip("synth_song_30s.mp3")).samples());
            Future<float[]> f3 = pool.submit(() -> AudioDecoder.decodeMono(clip("chord_cmaj_30s.mp3")).samples());
            Future<float[]> f4 = pool.submit(() -> AudioDecoder.decodeMono(clip("synth_song_30s.mp3")).samples());
            assertArrayEquals(reference, f1.get());
            assertArrayEquals(reference, f2.get());
            assertArrayEquals(reference, f4.get());
            assertArrayEquals(Npy.read(SharedData.oracle().resolve("frames/chord_cmaj_30s_mp3/y.npy")).toFloats(),
                    f3.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void floatToInt16RoundsHalfToEvenAndClips() {
        assertEquals(0, SampleFormat.floatToInt16(0.5f / 32768f));
        assertEquals(2, SampleFormat.floatToInt16(1.5f / 32768f));
        assertEquals(2, SampleFormat.floatToInt16(2.5f / 32768f));
        assertEquals(-2, SampleFormat.floatToInt16(-2.5f / 32768f));
        assertEquals(32767, SampleFormat.floatToInt16(1.0f));
        assertEquals(-32768, SampleFormat.floatToInt16(-1.5f));
    }

    /**
     * The float path's rounding is the double path's, bit for bit, over every 13th float's bit pattern (330 million
     * values: every exponent, both signs, NaNs, infinities, subnormals, the halfway points).
     */
    @Test
    void theFloatPathsConversionIsTheDoublePathsForEveryFloat() {
        long mismatches = 0;
        String first = null;
        float[] x = new float[4096];
        float[] want = new float[x.length];
        long bits = 0;
        while (bits <= 0xffffffffL) {
            int n = 0;
            for (; n < x.length && bits <= 0xffffffffL; n++, bits += 13) {
                x[n] = Float.intBitsToFloat((int) bits);
                want[n] = SampleFormat.floatToInt16(x[n]) / 32768f;
            }
            float[] in = x.clone();
            SampleFormat.floatsToInt16Scaled(x, n);
            for (int i = 0; i < n; i++) {
                if (Float.floatToRawIntBits(want[i]) != Float.floatToRawIntBits(x[i])) {
                    mismatches++;
                    if (first == null) first = in[i] + ": " + want[i] + " against " + x[i];
                }
            }
        }
        float[] edges = {0.5f / 32768f, 1.5f / 32768f, 2.5f / 32768f, -2.5f / 32768f, 32767.5f / 32768f, -0f, 1f, -1f, Float.NaN};
        float[] got = edges.clone();
        SampleFormat.floatsToInt16Scaled(got, got.length);
        for (int i = 0; i < edges.length; i++) {
            assertEquals(SampleFormat.floatToInt16(edges[i]) / 32768f, got[i], "x = " + edges[i]);
        }
        assertEquals(0, mismatches, first);
    }

    private static void assertFalseOk(DecodedAudio a) {
        assertTrue(!a.ok() && !a.reason().isBlank());
    }

    private static void writeWav(Path f, short[] interleaved, int channels, int sr) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(interleaved.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : interleaved) {
            b.putShort(s);
        }
        AudioFormat fmt = new AudioFormat(sr, 16, channels, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(b.array()), fmt,
                interleaved.length / channels)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, f.toFile());
        }
    }

    /** The 16-bit samples of a mono PCM WAV read with the JDK's own reader, an independent decoder. */
    private static short[] wavPcm16(Path wav) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat f = in.getFormat();
            assertEquals(16, f.getSampleSizeInBits());
            assertEquals(1, f.getChannels());
            byte[] bytes = in.readAllBytes();
            ByteBuffer b = ByteBuffer.wrap(bytes).order(f.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            short[] s = new short[bytes.length / 2];
            b.asShortBuffer().get(s);
            return s;
        } catch (javax.sound.sampled.UnsupportedAudioFileException e) {
            throw new IOException(e);
        }
    }
}
