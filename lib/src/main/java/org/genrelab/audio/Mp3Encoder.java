package org.genrelab.audio;

import java.io.IOException;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;

/**
 * Writes PCM as an MP3 file with FFmpeg's libmp3lame encoder, through JavaCV's
 * {@link FFmpegFrameRecorder}. The output is reproducible: FFmpeg runs in bit-exact mode
 * ({@code fflags=+bitexact}, {@code flags=+bitexact}), so the ID3 tag carries no version
 * string and two encodes of the same samples give the same bytes.
 */
public final class Mp3Encoder {

    private Mp3Encoder() {}

    /**
     * Encodes interleaved 16-bit PCM to {@code out} as a constant-bit-rate MP3.
     *
     * @param pcm          interleaved samples, {@code channels} per frame
     * @param sampleRate   samples per second per channel (e.g. 44100, 48000)
     * @param channels     1 (mono) or 2 (stereo)
     * @param bitRateKbps  CBR bit rate in kbit/s (e.g. 128, 192, 320)
     * @param out          the MP3 file to write (parent folders are created)
     */
    public static void encode(short[] pcm, int sampleRate, int channels, int bitRateKbps, Path out)
            throws IOException {
        encode(pcm, sampleRate, channels, bitRateKbps, sampleRate, out);
    }

    /**
     * As {@link #encode(short[], int, int, int, Path)}, resampling (FFmpeg's swresample) from
     * {@code sampleRate} to {@code outputSampleRate} on the way, e.g. 44100 to 48000.
     */
    public static void encode(short[] pcm, int sampleRate, int channels, int bitRateKbps, int outputSampleRate,
            Path out) throws IOException {
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException(out + ": MP3 takes 1 or 2 channels, not " + channels);
        }
        if (pcm.length % channels != 0) {
            throw new IllegalArgumentException(out + ": " + pcm.length + " samples is not a whole number of "
                    + channels + "-channel frames");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        // FFmpeg's log level is global: keep it at AudioDecoder's AV_LOG_QUIET for the whole JVM (errors reach the
        // caller as exceptions); raising it here made every later decode of a defective file print to stderr
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
        FFmpegFrameRecorder rec = new FFmpegFrameRecorder(out.toFile(), channels);
        rec.setFormat("mp3");
        rec.setAudioCodec(avcodec.AV_CODEC_ID_MP3);
        rec.setSampleRate(outputSampleRate);
        rec.setAudioChannels(channels);
        rec.setAudioBitrate(bitRateKbps * 1000);
        rec.setSampleFormat(avutil.AV_SAMPLE_FMT_S16P);
        rec.setOption("fflags", "+bitexact");
        rec.setAudioOption("flags", "+bitexact");
        rec.setAudioOption("compression_level", "7"); // LAME -q 7: fast encoding, quality ample for analysis
        try {
            rec.start();
            rec.recordSamples(sampleRate, channels, ShortBuffer.wrap(pcm));
            rec.stop();
        } catch (FrameRecorder.Exception e) {
            throw new IOException(out + ": MP3 encoding failed: " + e.getMessage(), e);
        } finally {
            try {
                rec.release();
            } catch (FrameRecorder.Exception e) {
                // already stopped or failed above; nothing more to free
            }
        }
    }
}
