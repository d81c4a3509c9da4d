package org.genrelab.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ShortBuffer;
import java.nio.file.Path;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.genrelab.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FLAC and Ogg (FLAC inside) files written with FFmpeg's own encoders (through JavaCV), decoded back. */
class OtherFormatsDecodeTest {

    private static float[] sineWav() throws IOException {
        DecodedAudio a = AudioDecoder.decodeMono(SharedData.oracle().resolve("clips").resolve("sine1k_2s.wav"));
        assertEquals(DecodeOutcome.OK, a.outcome(), a.reason());
        return a.samples();
    }

    private static void encode(Path f, String format, int codec, short[] pcm) throws Exception {
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(f.toFile(), 1)) {
            r.setFormat(format);
            r.setAudioCodec(codec);
            r.setSampleRate(44100);
            r.setAudioChannels(1);
            r.start();
            r.recordSamples(44100, 1, ShortBuffer.wrap(pcm));
            r.stop();
        }
    }

    private static short[] toShorts(float[] y) {
        short[] s = new short[y.length];
        for (int i = 0; i < y.length; i++) {
            s[i] = (short) Math.round(y[i] * 32768f);
        }
        return s;
    }

    @Test
    void flacIsLosslessToTheSample(@TempDir Path dir) throws Exception {
        float[] y = sineWav();
        Path f = dir.resolve("sine.flac");
        encode(f, "flac", avcodec.AV_CODEC_ID_FLAC, toShorts(y));
        DecodedAudio a = AudioDecoder.decodeMono(f);
        assertEquals(DecodeOutcome.OK, a.outcome(), a.reason());
        assertEquals(44100, a.sampleRate());
        assertEquals(y.length, a.samples().length);
        for (int i = 0; i < y.length; i++) {
            assertEquals(y[i], a.samples()[i], 0f, "sample " + i);
        }
    }

    @Test
    void oggFlacIsLosslessToTheSample(@TempDir Path dir) throws Exception {
        // JavaCV's FFmpeg build has no usable Vorbis encoder, so the Ogg container is tested with FLAC inside
        float[] y = sineWav();
        Path f = dir.resolve("sine.ogg");
        encode(f, "ogg", avcodec.AV_CODEC_ID_FLAC, toShorts(y));
        DecodedAudio a = AudioDecoder.decodeMono(f);
        assertEquals(DecodeOutcome.OK, a.outcome(), a.reason());
        assertEquals(44100, a.sampleRate());
        assertEquals(y.length, a.samples().length);
        for (int i = 0; i < y.length; i++) {
            assertEquals(y[i], a.samples()[i], 0f, "sample " + i);
        }
        assertEquals(2.0, a.declaredDurationSeconds(), 0.01);
    }
}
