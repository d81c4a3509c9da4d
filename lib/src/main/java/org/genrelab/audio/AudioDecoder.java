package org.genrelab.audio;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_DURATION_FROM_BITRATE;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Locale;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Decodes an audio file (MP3, WAV, FLAC, OGG, anything FFmpeg reads) to the mono PCM that
 * {@code librosa.load(path, sr=None, mono=True)} got from the ffmpeg command line via audioread.
 *
 * <p>The chain is: FFmpeg's demuxer and decoder through JavaCV's avformat/avcodec bindings (the
 * mp3 demuxer's LAME-tag gapless trim of encoder delay and padding is applied by libavcodec as
 * side data, exactly as in the {@code ffmpeg} CLI); each decoded sample converted to int16 as
 * swresample converts to {@code s16le} ({@code av_clip_int16(lrintf(x * 32768))} for float
 * formats, {@code x >> 16} for s32, {@code (x - 128) << 8} for u8); then librosa's
 * {@code buf_to_float} ({@code int16 / 32768}) and {@code to_mono} (channel mean in float32).
 * The int16 step is written here rather than left to swresample because it is one well-defined
 * line per format and keeps the whole path free of resampler state; FFmpeg's own
 * {@code SwrContext} would give the same numbers.
 *
 * <p>Decoding problems are reported as a {@link DecodeOutcome}, never thrown; only a missing
 * file throws (a broken symbolic link is {@link DecodeOutcome#UNREADABLE}, see {@link #unreadable}). Each call opens its own FFmpeg contexts, so calls on different threads are
 * independent (FFmpeg's demuxers and decoders keep no shared mutable state once loaded; the
 * native libraries are loaded once in this class's initialiser).
 */
public final class AudioDecoder {

    /** Default minimum usable duration in seconds (one VGGish example needs 0.975 s). */
    public static final double DEFAULT_MIN_SECONDS = 1.0;
    /** Default fraction of the declared duration below which a decode counts as truncated. */
    public static final double DEFAULT_MIN_FRACTION_OF_DECLARED = 0.9;

    /** FFmpeg's probe score for a guess from the file extension alone (avformat.h). */
    private static final int AVPROBE_SCORE_EXTENSION = 50;
    private static final int AVERROR_EAGAIN = -11; // AVERROR(EAGAIN) on Linux

    static {
        Loader.load(org.bytedeco.ffmpeg.global.avutil.class);
        Loader.load(org.bytedeco.ffmpeg.global.avcodec.class);
        Loader.load(org.bytedeco.ffmpeg.global.avformat.class);
        av_log_set_level(AV_LOG_QUIET);
    }

    private AudioDecoder() {
    }

    /**
     * Decodes {@code file} with the default limits ({@value #DEFAULT_MIN_SECONDS} s minimum,
     * truncated below {@value #DEFAULT_MIN_FRACTION_OF_DECLARED} of the declared duration).
     *
     * @throws NoSuchFileException if the file does not exist (the message names it)
     */
    public static DecodedAudio decodeMono(Path file) throws NoSuchFileException {
        return decodeMono(file, DEFAULT_MIN_SECONDS, DEFAULT_MIN_FRACTION_OF_DECLARED);
    }

    /**
     * Decodes {@code file} to mono float32 PCM at its native rate.
     *
     * @param minSeconds              decodes shorter than this are {@link DecodeOutcome#TOO_SHORT}
     * @param minFractionOfDeclared   decodes shorter than this fraction of the container's declared
     *                                duration are {@link DecodeOutcome#TRUNCATED}
     * @throws NoSuchFileException if the file does not exist (the message names it)
     */
    public static DecodedAudio decodeMono(Path file, double minSeconds, double minFractionOfDeclared)
            throws NoSuchFileException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(file.toAbsolutePath().toString(), null, "audio file does not exist");
        }
        String unreadable = unreadable(file);
        if (unreadable != null) {
            return fail(file, DecodeOutcome.UNREADABLE, unreadable);
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            return fail(file, DecodeOutcome.CORRUPT, "cannot read file size: " + e.getMessage());
        }
        if (size == 0) {
            return fail(file, DecodeOutcome.EMPTY, "file is empty (0 bytes)");
        }
        return decodeWithFfmpeg(file, minSeconds, minFractionOfDeclared);
    }

    /**
     * Why {@code file} cannot be read as an audio file, or null when it is a regular file (after following symbolic
     * links) that this process can open: "no such file", a broken symbolic link (its target, and whether the links
     * loop), a directory, another non-file (named pipe, socket, device: opening one could block or never end), or
     * a file this user may not read. Never throws. As root, permission bits do not stop reads, so a file with mode
     * 000 is readable there.
     */
    public static String unreadable(Path file) {
        BasicFileAttributes link;
        try {
            link = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return "no such file";
        } catch (IOException e) {
            return "cannot be examined: " + describe(e);
        }
        BasicFileAttributes target;
        try {
            target = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            if (!link.isSymbolicLink()) return "cannot be examined: " + describe(e);
            String to;
            try {
                to = Files.readSymbolicLink(file).toString();
            } catch (IOException | UnsupportedOperationException e2) {
                to = "?";
            }
            if (e instanceof AccessDeniedException) return "a symbolic link to " + to + ", which this user may not reach (permission denied)";
            boolean loop = e instanceof FileSystemException f && !(e instanceof NoSuchFileException)
                    && String.valueOf(f.getReason()).toLowerCase(Locale.ROOT).contains("levels of symbolic links");
            return "a broken symbolic link: its target " + to + (loop ? " is a loop of links" : " does not exist");
        }
        String via = link.isSymbolicLink() ? " (a symbolic link to one)" : "";
        if (target.isDirectory()) return "a directory, not an audio file" + via;
        if (!target.isRegularFile()) return "not a regular file (a named pipe, socket or device)" + via;
        if (!Files.isReadable(file)) return "this user may not read it (permission denied)";
        try (var ch = Files.newByteChannel(file)) {
            return null;
        } catch (AccessDeniedException e) {
            return "this user may not read it (permission denied)";
        } catch (IOException e) {
            return "cannot be opened: " + describe(e);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static DecodedAudio decodeWithFfmpeg(Path file, double minSeconds, double minFraction) {
        AVFormatContext fmt = new AVFormatContext(null);
        AVCodecContext ctx = null;
        AVPacket pkt = null;
        AVFrame frame = null;
        boolean opened = false;
        try {
            int rc = avformat_open_input(fmt, file.toAbsolutePath().toString(), null, null);
            if (rc < 0) {
                if (isTagOnly(file)) {
                    return fail(file, DecodeOutcome.EMPTY, "holds only an ID3v2 tag, no audio frames");
                }
                return fail(file, DecodeOutcome.CORRUPT, "FFmpeg cannot open it as media: " + err(rc));
            }
            opened = true;
            rc = avformat_find_stream_info(fmt, (PointerPointer<?>) null);
            if (rc < 0) {
                return fail(file, DecodeOutcome.CORRUPT, "FFmpeg cannot read its stream info: " + err(rc));
            }
            int idx = av_find_best_stream(fmt, AVMEDIA_TYPE_AUDIO, -1, -1, (AVCodec) null, 0);
            String container = fmt.iformat().name().getString();
            if (idx < 0 && (fmt.nb_streams() == 0 || fmt.probe_score() <= AVPROBE_SCORE_EXTENSION)) {
                return fail(file, DecodeOutcome.CORRUPT, "not readable audio: FFmpeg's best guess is '"
                        + container + "' (probe score " + fmt.probe_score() + "/100) with no audio stream");
            }
            if (idx < 0) {
                return fail(file, DecodeOutcome.EMPTY, "a '" + container + "' file with no audio stream among its "
                        + fmt.nb_streams() + " streams");
            }
            AVStream stream = fmt.streams(idx);
            AVCodecParameters par = stream.codecpar();
            // Without a length in its headers (an MP3 with no Xing or VBRI frame) FFmpeg estimates the duration from
            // the first frame's bit rate and the file size, which is no declaration: a file that starts quieter (at
            // a lower bit rate) would seem truncated. Such an estimate is reported, not held against the decode.
            boolean estimated = fmt.duration_estimation_method() == AVFMT_DURATION_FROM_BITRATE;
            double declared = estimated ? Double.NaN : declaredSeconds(fmt, stream);
            String estimate = estimated && fmt.duration() > 0
                    ? String.format(Locale.ROOT, "; no declared duration (%.3f s estimated from the bit rate)",
                            fmt.duration() / (double) AV_TIME_BASE)
                    : "";
            AVCodec codec = avcodec_find_decoder(par.codec_id());
            if (codec == null || codec.isNull()) {
                return fail(file, DecodeOutcome.CORRUPT, "no FFmpeg decoder for codec id " + par.codec_id());
            }
            ctx = avcodec_alloc_context3(codec);
            rc = avcodec_parameters_to_context(ctx, par);
            if (rc >= 0) {
                rc = avcodec_open2(ctx, codec, (AVDictionary) null);
            }
            if (rc < 0) {
                return fail(file, DecodeOutcome.CORRUPT, "cannot open the " + codec.name().getString()
                        + " decoder: " + err(rc));
            }
            pkt = av_packet_alloc();
            frame = av_frame_alloc();
            MonoSink sink = new MonoSink(Double.isNaN(declared) ? 0 : declared * par.sample_rate());
            int decodeErrors = 0;
            String readError = null;
            while (true) {
                rc = av_read_frame(fmt, pkt);
                if (rc < 0) {
                    if (rc != AVERROR_EOF) {
                        readError = err(rc);
                    }
                    break;
                }
                if (pkt.stream_index() == idx) {
                    if (avcodec_send_packet(ctx, pkt) < 0) {
                        decodeErrors++; // the ffmpeg CLI also skips undecodable packets and goes on
                    }
                    drain(ctx, frame, sink);
                }
                av_packet_unref(pkt);
            }
            avcodec_send_packet(ctx, (AVPacket) null); // flush
            drain(ctx, frame, sink);

            if (sink.rateChange != null) {
                // ffmpeg, which librosa read through, resamples the rest to the first rate; not done here
                return new DecodedAudio(file, new float[0], sink.sampleRate, sink.channels, declared, DecodeOutcome.CORRUPT,
                        sink.rateChange + ", which GenreLab does not resample as ffmpeg would");
            }
            float[] y = sink.samples();
            int sr = sink.sampleRate > 0 ? sink.sampleRate : par.sample_rate();
            int ch = sink.channels > 0 ? sink.channels : par.ch_layout().nb_channels();
            String notes = estimate + (decodeErrors > 0 ? "; " + decodeErrors + " packets failed to decode" : "")
                    + (readError != null ? "; reading stopped early: " + readError : "");
            return classify(file, y, sr, ch, declared, minSeconds, minFraction, notes);
        } finally {
            if (frame != null) {
                av_frame_free(frame);
            }
            if (pkt != null) {
                av_packet_free(pkt);
            }
            if (ctx != null) {
                avcodec_free_context(ctx);
            }
            if (opened) {
                avformat_close_input(fmt);
            }
        }
    }

    private static DecodedAudio classify(Path file, float[] y, int sr, int ch, double declared,
                                         double minSeconds, double minFraction, String notes) {
        if (y.length == 0) {
            return new DecodedAudio(file, y, sr, ch, declared,
                    notes.isEmpty() ? DecodeOutcome.EMPTY : DecodeOutcome.CORRUPT,
                    "no audio samples decoded" + notes);
        }
        double seconds = y.length / (double) sr;
        if (!Double.isNaN(declared) && seconds < minFraction * declared) {
            return new DecodedAudio(file, y, sr, ch, declared, DecodeOutcome.TRUNCATED,
                    String.format("decoded %.3f s of a declared %.3f s%s", seconds, declared, notes));
        }
        if (seconds < minSeconds) {
            return new DecodedAudio(file, y, sr, ch, declared, DecodeOutcome.TOO_SHORT,
                    String.format("only %.3f s of audio, below the minimum of %.3f s%s", seconds, minSeconds, notes));
        }
        boolean silent = true;
        for (float v : y) {
            if (v != 0f) {
                silent = false;
                break;
            }
        }
        if (silent) {
            return new DecodedAudio(file, y, sr, ch, declared, DecodeOutcome.SILENT,
                    String.format("all %d samples are zero%s", y.length, notes));
        }
        return new DecodedAudio(file, y, sr, ch, declared, DecodeOutcome.OK,
                String.format("decoded %.3f s at %d Hz, %d channel(s)%s", seconds, sr, ch, notes));
    }

    /** True when the file is an ID3v2 tag (id3v2.4.0 §3.1 header, syncsafe size) plus at most an ID3v1 tag. */
    private static boolean isTagOnly(Path file) {
        try (var in = Files.newInputStream(file)) {
            byte[] h = in.readNBytes(10);
            if (h.length < 10 || h[0] != 'I' || h[1] != 'D' || h[2] != '3') {
                return false;
            }
            long tagSize = 10L + ((h[6] & 0x7f) << 21 | (h[7] & 0x7f) << 14 | (h[8] & 0x7f) << 7 | (h[9] & 0x7f));
            return Files.size(file) <= tagSize + 10 + 128; // optional footer and ID3v1 tag
        } catch (IOException e) {
            return false;
        }
    }

    private static double declaredSeconds(AVFormatContext fmt, AVStream stream) {
        if (fmt.duration() != AV_NOPTS_VALUE && fmt.duration() > 0) {
            return fmt.duration() / (double) AV_TIME_BASE;
        }
        if (stream.duration() != AV_NOPTS_VALUE && stream.duration() > 0) {
            return stream.duration() * stream.time_base().num() / (double) stream.time_base().den();
        }
        return Double.NaN;
    }

    private static void drain(AVCodecContext ctx, AVFrame frame, MonoSink sink) {
        while (true) {
            int rc = avcodec_receive_frame(ctx, frame);
            if (rc == AVERROR_EAGAIN || rc == AVERROR_EOF || rc < 0) {
                return;
            }
            sink.accept(frame);
        }
    }

    private static DecodedAudio fail(Path file, DecodeOutcome outcome, String reason) {
        return new DecodedAudio(file, new float[0], 0, 0, Double.NaN, outcome, reason);
    }

    private static String err(int rc) {
        byte[] buf = new byte[256];
        av_strerror(rc, buf, buf.length);
        int n = 0;
        while (n < buf.length && buf[n] != 0) {
            n++;
        }
        return new String(buf, 0, n, StandardCharsets.UTF_8) + " (" + rc + ")";
    }

    /** Collects decoded frames as int16 per channel, then mixes to mono the way librosa does. */
    private static final class MonoSink {
        int sampleRate;
        int channels;
        /** The first change of sample rate after the first frame, described; null if none. */
        String rateChange;
        private float[] mono;
        private int n;
        private float[][] scratch = new float[0][];

        /** @param expected the samples the container declares (0 when unknown): the buffer starts that large */
        MonoSink(double expected) {
            mono = new float[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(1 << 16, expected + 8192))];
        }

        void accept(AVFrame frame) {
            int ns = frame.nb_samples();
            int ch = frame.ch_layout().nb_channels();
            if (ns <= 0 || ch <= 0) {
                return;
            }
            if (channels == 0) {
                channels = ch;
                sampleRate = frame.sample_rate();
            }
            if (frame.sample_rate() != sampleRate) {
                if (rateChange == null) {
                    rateChange = String.format(Locale.ROOT, "the sample rate changes mid-stream, from %d Hz to %d Hz at %.3f s",
                            sampleRate, frame.sample_rate(), n / (double) sampleRate);
                }
                return; // samples of another rate are not this signal's (the ffmpeg CLI would resample them)
            }
            int format = frame.format();
            boolean planar = SampleFormat.isPlanar(format);
            int bytes = SampleFormat.bytesPerSample(format);
            ByteBuffer[] planes = new ByteBuffer[planar ? ch : 1];
            for (int p = 0; p < planes.length; p++) {
                BytePointer ptr = frame.extended_data(p);
                long len = (long) ns * bytes * (planar ? 1 : ch);
                planes[p] = ptr.capacity(len).asByteBuffer().order(ByteOrder.nativeOrder());
            }
            if (n + ns > mono.length) {
                mono = Arrays.copyOf(mono, Math.max(mono.length * 2, n + ns));
            }
            if (SampleFormat.isFloat(format)) { // MP3's and most decoders' output: read in bulk, same arithmetic
                acceptFloats(planes, ns, ch, planar);
                return;
            }
            for (int i = 0; i < ns; i++) {
                // librosa to_mono: np.mean over channels of float32 values, accumulated in float32
                float sum = 0f;
                for (int c = 0; c < ch; c++) {
                    ByteBuffer b = planes[planar ? c : 0];
                    int pos = planar ? i * bytes : (i * ch + c) * bytes;
                    sum += SampleFormat.toInt16(b, pos, format) / 32768f; // librosa buf_to_float
                }
                mono[n++] = ch == 1 ? sum : sum / ch;
            }
        }

        /**
         * The float formats' path: each plane copied out in one bulk read, then the per-sample rule of
         * {@link SampleFormat#floatToInt16} and the channel mean in the same order as the general loop. Reading
         * sample by sample through the buffer took as long as FFmpeg's whole decode.
         */
        private void acceptFloats(ByteBuffer[] planes, int ns, int ch, boolean planar) {
            int perPlane = planar ? ns : ns * ch;
            if (scratch.length < planes.length || scratch[0].length < perPlane) {
                scratch = new float[planes.length][Math.max(perPlane, 4096)];
            }
            for (int p = 0; p < planes.length; p++) {
                float[] x = scratch[p];
                planes[p].asFloatBuffer().get(x, 0, perPlane);
                SampleFormat.floatsToInt16Scaled(x, perPlane);
            }
            if (!planar) {
                float[] x = scratch[0];
                for (int i = 0; i < ns; i++) {
                    float sum = 0f;
                    for (int c = 0; c < ch; c++) sum += x[i * ch + c];
                    mono[n + i] = ch == 1 ? sum : sum / ch;
                }
            } else {
                // the channel sum in the general loop's order: ((0 + ch0) + ch1) + ..., where 0 + ch0 is ch0 (never -0)
                System.arraycopy(scratch[0], 0, mono, n, ns);
                for (int c = 1; c < ch; c++) {
                    float[] x = scratch[c];
                    for (int i = 0; i < ns; i++) mono[n + i] += x[i];
                }
                if (ch > 1) for (int i = 0; i < ns; i++) mono[n + i] /= ch;
            }
            n += ns;
        }

        float[] samples() {
            return Arrays.copyOf(mono, n);
        }
    }
}
