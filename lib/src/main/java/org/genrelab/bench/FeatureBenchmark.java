package org.genrelab.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.genrelab.audio.AudioDecoder;
import org.genrelab.audio.DecodedAudio;
import org.genrelab.features.FmaFeatures;

/**
 * Measures the feature extraction's cost per 30-s clip: CPU seconds of one thread for decoding, for
 * FMA's 518 features alone, and for everything including tempo and HPSS; then the wall time per clip
 * when both cores work on a batch. Figures are printed by {@code ./genrelab bench features}, never
 * asserted in tests (the machine's load moves them).
 *
 * <p>The measured passes follow {@link #WARM_UP_PASSES} passes over the clips, because the figure wanted is
 * the cost per clip of a dataset's extraction (FMA-small: 8000 clips), not of the JIT compiling the code, which
 * makes a process's first pass several times slower (lib/README.md, "Speed"). The first pass's figure is reported
 * as well.
 */
public final class FeatureBenchmark {

    /** Passes over the clips before any is measured. */
    public static final int WARM_UP_PASSES = 3;

    /** Seconds per 30-s clip (scaled from each clip's length); {@code fma518FirstPassCpu} is a fresh JVM's first pass. */
    public record Figures(int clips, double decodeCpu, double ffmpegDecodeCpu, double fma518FirstPassCpu, double fma518Cpu,
                          double allCpu, double wallPerClipOneThread, double wallPerClipAllThreads, int threads) {
    }

    private FeatureBenchmark() {
    }

    public static Figures run(List<Path> files, int repeats, int threads) throws IOException, InterruptedException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        List<DecodedAudio> clips = new ArrayList<>();
        List<Path> clipFiles = new ArrayList<>();
        double seconds = 0;
        for (Path f : files) {
            DecodedAudio d = AudioDecoder.decodeMono(f);
            if (!d.ok() || d.samples().length < 10 * d.sampleRate()) continue; // only real clips of 10 s and more
            clips.add(d);
            clipFiles.add(f);
            seconds += (double) d.samples().length / d.sampleRate();
        }
        if (clips.isEmpty()) throw new IOException("no clip of 10 s or more among " + files.size() + " files");
        double per30 = 30.0 / (seconds / clips.size());
        // the decode beside FFmpeg's own, clip by clip, after the JIT has compiled both
        double decode = 0;
        double ffmpeg = 0;
        for (int pass = 0; pass < WARM_UP_PASSES + repeats; pass++) {
            for (Path f : clipFiles) {
                long c0 = mx.getCurrentThreadCpuTime();
                AudioDecoder.decodeMono(f);
                long c1 = mx.getCurrentThreadCpuTime();
                FfmpegDecodeBaseline.decode(f);
                long c2 = mx.getCurrentThreadCpuTime();
                if (pass >= WARM_UP_PASSES) {
                    decode += (c1 - c0) / 1e9;
                    ffmpeg += (c2 - c1) / 1e9;
                }
            }
        }
        int decodes = repeats * clips.size();
        FmaFeatures fma = new FmaFeatures(false);
        FmaFeatures all = new FmaFeatures(true);
        double firstPass = 0;
        for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
            for (DecodedAudio d : clips) {
                long c0 = mx.getCurrentThreadCpuTime();
                fma.compute(d.samples(), d.sampleRate());
                if (pass == 0) firstPass += (mx.getCurrentThreadCpuTime() - c0) / 1e9;
                if (pass < 2) all.compute(d.samples(), d.sampleRate());
            }
        }
        double fmaCpu = 0;
        double allCpu = 0;
        long w0 = System.nanoTime();
        for (int r = 0; r < repeats; r++) {
            for (DecodedAudio d : clips) {
                long c0 = mx.getCurrentThreadCpuTime();
                fma.compute(d.samples(), d.sampleRate());
                long c1 = mx.getCurrentThreadCpuTime();
                all.compute(d.samples(), d.sampleRate());
                long c2 = mx.getCurrentThreadCpuTime();
                fmaCpu += (c1 - c0) / 1e9;
                allCpu += (c2 - c1) / 1e9;
            }
        }
        double wallOne = (System.nanoTime() - w0) / 1e9;
        int n = repeats * clips.size();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long p0 = System.nanoTime();
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int r = 0; r < repeats; r++) {
                for (DecodedAudio d : clips) fs.add(pool.submit(() -> all.compute(d.samples(), d.sampleRate())));
            }
            for (Future<?> f : fs) f.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
        double wallAll = (System.nanoTime() - p0) / 1e9;
        // the single-thread wall time covered both the 518-only and the full pass: keep the full pass's share
        double oneThreadFull = wallOne * (allCpu / (fmaCpu + allCpu));
        return new Figures(clips.size(), decode / decodes * per30, ffmpeg / decodes * per30, firstPass / clips.size() * per30,
                fmaCpu / n * per30,
                allCpu / n * per30,
                oneThreadFull / n * per30, wallAll / n * per30, threads);
    }
}
