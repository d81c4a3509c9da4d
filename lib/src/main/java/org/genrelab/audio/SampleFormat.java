package org.genrelab.audio;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_DBL;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_DBLP;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16P;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S32;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S32P;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S64;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S64P;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_U8;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_U8P;

import java.nio.ByteBuffer;

/**
 * FFmpeg sample formats and their conversion to int16 as swresample's {@code audioconvert.c}
 * does it when the ffmpeg CLI writes {@code -f s16le}. Hand-written because JavaCV exposes only
 * whole-buffer {@code swr_convert}, and the per-sample rule is what the tests must pin down.
 */
final class SampleFormat {

    private SampleFormat() {
    }

    static boolean isPlanar(int format) {
        return format == AV_SAMPLE_FMT_U8P || format == AV_SAMPLE_FMT_S16P || format == AV_SAMPLE_FMT_S32P
                || format == AV_SAMPLE_FMT_FLTP || format == AV_SAMPLE_FMT_DBLP || format == AV_SAMPLE_FMT_S64P;
    }

    static boolean isFloat(int format) {
        return format == AV_SAMPLE_FMT_FLT || format == AV_SAMPLE_FMT_FLTP;
    }

    static int bytesPerSample(int format) {
        if (format == AV_SAMPLE_FMT_U8 || format == AV_SAMPLE_FMT_U8P) {
            return 1;
        }
        if (format == AV_SAMPLE_FMT_S16 || format == AV_SAMPLE_FMT_S16P) {
            return 2;
        }
        if (format == AV_SAMPLE_FMT_S32 || format == AV_SAMPLE_FMT_S32P
                || format == AV_SAMPLE_FMT_FLT || format == AV_SAMPLE_FMT_FLTP) {
            return 4;
        }
        if (format == AV_SAMPLE_FMT_DBL || format == AV_SAMPLE_FMT_DBLP
                || format == AV_SAMPLE_FMT_S64 || format == AV_SAMPLE_FMT_S64P) {
            return 8;
        }
        throw new IllegalArgumentException("unsupported FFmpeg sample format " + format);
    }

    /** One sample at byte offset {@code pos} converted to int16 the way swresample does. */
    static int toInt16(ByteBuffer b, int pos, int format) {
        if (format == AV_SAMPLE_FMT_S16 || format == AV_SAMPLE_FMT_S16P) {
            return b.getShort(pos);
        }
        if (format == AV_SAMPLE_FMT_FLT || format == AV_SAMPLE_FMT_FLTP) {
            return floatToInt16(b.getFloat(pos));
        }
        if (format == AV_SAMPLE_FMT_DBL || format == AV_SAMPLE_FMT_DBLP) {
            return clipInt16(Math.rint(b.getDouble(pos) * 32768.0)); // av_clip_int16(lrint(x * (1<<15)))
        }
        if (format == AV_SAMPLE_FMT_S32 || format == AV_SAMPLE_FMT_S32P) {
            return b.getInt(pos) >> 16;
        }
        if (format == AV_SAMPLE_FMT_S64 || format == AV_SAMPLE_FMT_S64P) {
            return (int) (b.getLong(pos) >> 48);
        }
        if (format == AV_SAMPLE_FMT_U8 || format == AV_SAMPLE_FMT_U8P) {
            return ((b.get(pos) & 0xff) - 0x80) << 8;
        }
        throw new IllegalArgumentException("unsupported FFmpeg sample format " + format);
    }

    /** av_clip_int16(lrintf(x * (1 << 15))): float product is exact, lrintf rounds half to even. */
    /**
     * Replaces {@code x[0..count)} by {@code floatToInt16(x) / 32768f}, bit for bit, without leaving float arithmetic:
     * clamped to the int16 range, then rounded half to even by adding and subtracting 1.5 · 2^23 (exact for
     * |v| ≤ 2^22, as {@code Math.rint}); a NaN, which goes through as NaN, then becomes -1 as {@code lrintf}'s INT_MIN
     * clipped does. Two plain loops, which the JIT turns into vector code: about four times as fast as a per-sample
     * call with the NaN case inside, in the decoder's hottest loop. {@code AudioDecoderTest} holds it to
     * {@link #floatToInt16} over a sweep of the float bit patterns.
     */
    static void floatsToInt16Scaled(float[] x, int count) {
        for (int i = 0; i < count; i++) {
            float c = Math.max(-32768f, Math.min(32767f, x[i] * 32768f));
            x[i] = ((c + 12582912f) - 12582912f) / 32768f;
        }
        for (int i = 0; i < count; i++) {
            if (x[i] != x[i]) x[i] = -1f;
        }
    }

    static int floatToInt16(float x) {
        return clipInt16(Math.rint(x * 32768f));
    }

    private static int clipInt16(double v) {
        if (Double.isNaN(v)) {
            return -32768; // lrintf(NaN) on x86 is INT_MIN, which av_clip_int16 clips to -32768
        }
        return (int) Math.max(-32768, Math.min(32767, v));
    }
}
