package org.genrelab.audio;

import java.io.IOException;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/** A minimal FFmpeg decode for tests (JavaCV's grabber): interleaved 16-bit samples and the stream's layout. */
public final class TestMp3Decoding {

    private TestMp3Decoding() {}

    /** Decoded audio: interleaved samples, sample rate and channel count as the file declares them. */
    public record Decoded(short[] samples, int sampleRate, int channels) {
        /** Frames (samples per channel). */
        public int frames() {
            return samples.length / channels;
        }

        /** Root mean square over all samples, in full-scale units (1.0 = 32768). */
        public double rms() {
            double s = 0;
            for (short v : samples) s += (double) v * v;
            return samples.length == 0 ? 0 : Math.sqrt(s / samples.length) / 32768.0;
        }
    }

    /** Decodes every audio frame of {@code file}. */
    public static Decoded decode(Path file) throws IOException {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.setSampleMode(FrameGrabber.SampleMode.SHORT);
            g.start();
            short[] out = new short[1 << 16];
            int n = 0;
            Frame f;
            while ((f = g.grabSamples()) != null) {
                ShortBuffer b = (ShortBuffer) f.samples[0];
                int k = b.remaining();
                if (n + k > out.length) out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, n + k));
                b.get(out, n, k);
                n += k;
            }
            int rate = g.getSampleRate();
            int ch = g.getAudioChannels();
            g.stop();
            return new Decoded(java.util.Arrays.copyOf(out, n), rate, ch);
        }
    }
}
