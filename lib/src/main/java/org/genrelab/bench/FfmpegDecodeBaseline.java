package org.genrelab.bench;

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
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.PointerPointer;
import org.genrelab.audio.AudioDecoder;

/**
 * FFmpeg's own decode of a file, as the baseline {@code bench features} sets {@link AudioDecoder} beside: the same
 * demuxer and decoder calls (open, stream info, every packet sent and every frame received), with nothing done to the
 * samples. What {@link AudioDecoder} spends beyond it is its own work: checks, conversion to librosa's mono float.
 */
final class FfmpegDecodeBaseline {

    private FfmpegDecodeBaseline() {
    }

    /** Decodes every audio frame of {@code file} and returns how many samples per channel FFmpeg produced. */
    static long decode(Path file) throws IOException {
        AudioDecoder.class.getName(); // its initialiser loads FFmpeg's natives
        AVFormatContext fmt = new AVFormatContext(null);
        if (avformat_open_input(fmt, file.toAbsolutePath().toString(), null, null) < 0) throw new IOException("cannot open " + file);
        AVCodecContext ctx = null;
        AVPacket pkt = av_packet_alloc();
        AVFrame frame = av_frame_alloc();
        try {
            if (avformat_find_stream_info(fmt, (PointerPointer<?>) null) < 0) throw new IOException("no stream info in " + file);
            int idx = av_find_best_stream(fmt, AVMEDIA_TYPE_AUDIO, -1, -1, (AVCodec) null, 0);
            if (idx < 0) throw new IOException("no audio stream in " + file);
            AVCodec codec = avcodec_find_decoder(fmt.streams(idx).codecpar().codec_id());
            ctx = avcodec_alloc_context3(codec);
            avcodec_parameters_to_context(ctx, fmt.streams(idx).codecpar());
            if (avcodec_open2(ctx, codec, (AVDictionary) null) < 0) throw new IOException("cannot open the decoder of " + file);
            long samples = 0;
            while (av_read_frame(fmt, pkt) >= 0) {
                if (pkt.stream_index() == idx && avcodec_send_packet(ctx, pkt) >= 0) {
                    while (avcodec_receive_frame(ctx, frame) >= 0) samples += frame.nb_samples();
                }
                av_packet_unref(pkt);
            }
            avcodec_send_packet(ctx, (AVPacket) null);
            while (avcodec_receive_frame(ctx, frame) >= 0) samples += frame.nb_samples();
            return samples;
        } finally {
            av_frame_free(frame);
            av_packet_free(pkt);
            if (ctx != null) avcodec_free_context(ctx);
            avformat_close_input(fmt);
        }
    }
}
