package org.genrelab.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import org.genrelab.data.AudioCollection;
import org.genrelab.deep.DeviceChoice;
import org.genrelab.vggish.EmbeddingExtractor;
import org.genrelab.vggish.VggishBlock;
import org.genrelab.vggish.VggishWeights;

/**
 * Speed of embedding one clip with the full-size VGGish (stand-in weights: the arithmetic is the same):
 * the front end (decode, resample to 16 kHz, log-mel examples: CPU time on one thread, after the JIT's warm-up
 * passes), then the network on the
 * current device, and beside it the float32 matrix-product rate the same PyTorch reaches on a large product
 * ({@value #GEMM_SIZE}², the machine's practical peak), so the network's rate reads as a share of it.
 * Figures, not pass/fail.
 */
public final class EmbeddingBenchmark {

    /** The side of the square matrices whose product gives the peak. */
    public static final int GEMM_SIZE = 2048;

    /**
     * Seconds per clip of each stage, the examples per clip, the device, the network's GFLOP/s and the large
     * product's GFLOP/s.
     */
    public record Figures(double frontEndSeconds, double networkSeconds, int examples, String device,
                          double networkGflops, double gemmGflops) {
    }

    private EmbeddingBenchmark() {
    }

    public static Figures run(Path clip, int repeats) {
        AudioCollection.Item item = new AudioCollection.Item(clip.getFileName().toString(), clip, null);
        EmbeddingExtractor.Prepared p = EmbeddingExtractor.prepare(item);
        if (p.failure() != null) throw new IllegalArgumentException(clip + ": " + p.failure());
        for (int r = 0; r < FeatureBenchmark.WARM_UP_PASSES; r++) p = EmbeddingExtractor.prepare(item); // the JIT compiles first
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long t0 = mx.getCurrentThreadCpuTime();
        for (int r = 0; r < repeats; r++) p = EmbeddingExtractor.prepare(item);
        double front = (mx.getCurrentThreadCpuTime() - t0) / 1e9 / repeats;
        VggishWeights w = VggishWeights.standIn(VggishBlock.FULL_CONV_CHANNELS, VggishBlock.FULL_FC, VggishWeights.STAND_IN_SEED);
        try (NDManager m = NDManager.newBaseManager(DeviceChoice.device(), DeviceChoice.ENGINE)) {
            VggishBlock b = new VggishBlock(VggishBlock.FULL_CONV_CHANNELS, VggishBlock.FULL_FC, false).loadStateDict(m, w.stateDict());
            b.embed(m, p.examples(), p.count());
            long t1 = System.nanoTime();
            for (int r = 0; r < repeats; r++) b.embed(m, p.examples(), p.count());
            double network = (System.nanoTime() - t1) / 1e9 / repeats;
            double networkGflops = (double) b.flopsPerExample() * p.count() / network / 1e9;
            return new Figures(front, network, p.count(), DeviceChoice.describe(), networkGflops, gemmGflops(m));
        }
    }

    /**
     * GFLOP/s of the fastest of ten {@code GEMM_SIZE}² float32 products through the engine, after one untimed
     * product: a peak, so the fastest, not the mean (on a shared virtual machine single products vary by 1.5×).
     */
    static double gemmGflops(NDManager manager) {
        try (NDManager m = manager.newSubManager()) {
            NDArray a = m.randomUniform(-1, 1, new Shape(GEMM_SIZE, GEMM_SIZE));
            NDArray b = m.randomUniform(-1, 1, new Shape(GEMM_SIZE, GEMM_SIZE));
            a.matMul(b).close();
            double best = Double.MAX_VALUE;
            for (int r = 0; r < 10; r++) {
                long t0 = System.nanoTime();
                a.matMul(b).close();
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            }
            return 2.0 * GEMM_SIZE * GEMM_SIZE * GEMM_SIZE / best / 1e9;
        }
    }
}
