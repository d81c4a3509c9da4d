package org.genrelab.bench;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import org.genrelab.data.AudioCollection;
import org.genrelab.deep.DeviceChoice;
import org.genrelab.vggish.EmbeddingExtractor;
import org.genrelab.vggish.VggishBlock;
import org.genrelab.vggish.VggishWeights;

/**
 * Speed of embedding one clip with the full-size VGGish (stand-in weights: the arithmetic is the same):
 * the front end (decode, resample to 16 kHz, log-mel examples) on one thread, then the network on the
 * current device. Figures, not pass/fail.
 */
public final class EmbeddingBenchmark {

    /** Seconds per clip of each stage, the examples per clip, and the device. */
    public record Figures(double frontEndSeconds, double networkSeconds, int examples, String device) {
    }

    private EmbeddingBenchmark() {
    }

    public static Figures run(Path clip, int repeats) {
        AudioCollection.Item item = new AudioCollection.Item(clip.getFileName().toString(), clip, null);
        EmbeddingExtractor.Prepared p = EmbeddingExtractor.prepare(item); // warm-up
        if (p.failure() != null) throw new IllegalArgumentException(clip + ": " + p.failure());
        long t0 = System.nanoTime();
        for (int r = 0; r < repeats; r++) p = EmbeddingExtractor.prepare(item);
        double front = (System.nanoTime() - t0) / 1e9 / repeats;
        VggishWeights w = VggishWeights.standIn(VggishBlock.FULL_CONV_CHANNELS, VggishBlock.FULL_FC, VggishWeights.STAND_IN_SEED);
        try (NDManager m = NDManager.newBaseManager(DeviceChoice.device(), DeviceChoice.ENGINE)) {
            VggishBlock b = new VggishBlock(VggishBlock.FULL_CONV_CHANNELS, VggishBlock.FULL_FC, false).loadStateDict(m, w.stateDict());
            b.embed(m, p.examples(), p.count());
            long t1 = System.nanoTime();
            for (int r = 0; r < repeats; r++) b.embed(m, p.examples(), p.count());
            return new Figures(front, (System.nanoTime() - t1) / 1e9 / repeats, p.count(), DeviceChoice.describe());
        }
    }
}
