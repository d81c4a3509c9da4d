package org.genrelab.vggish;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/**
 * Micro-benchmark, not a test: seconds per 30-s clip (31 examples of 0.96 s) for the
 * FULL-SIZE VGGish block with seeded random weights on the CPU. Run with
 * {@code java -cp ... org.genrelab.vggish.VggishBenchmark [repeats]} and
 * {@code -Dai.djl.offline=true}.
 */
public final class VggishBenchmark {

    /** Examples in one 30-s clip (torchvggish frames 0.96-s windows without overlap). */
    public static final int EXAMPLES_PER_CLIP = 31;

    private VggishBenchmark() {
    }

    /**
     * @param args optional number of timed clips (default 5)
     */
    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Engine.getEngine("PyTorch").setRandomSeed(20201216);
        Random random = new Random(20201216);
        float[] clip = new float[EXAMPLES_PER_CLIP * VggishBlock.NUM_FRAMES * VggishBlock.NUM_BANDS];
        for (int i = 0; i < clip.length; i++) {
            clip[i] = (float) random.nextGaussian();
        }
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            VggishBlock block = new VggishBlock();
            block.initialize(manager, DataType.FLOAT32,
                    new Shape(1, 1, VggishBlock.NUM_FRAMES, VggishBlock.NUM_BANDS));
            block.embed(manager, clip, EXAMPLES_PER_CLIP); // warm-up
            long start = System.nanoTime();
            for (int r = 0; r < repeats; r++) {
                block.embed(manager, clip, EXAMPLES_PER_CLIP);
            }
            double seconds = (System.nanoTime() - start) / 1e9 / repeats;
            System.out.printf("full-size VGGish, %d examples per 30-s clip, %s threads: %.3f s per clip%n",
                    EXAMPLES_PER_CLIP, System.getProperty("ai.djl.pytorch.num_threads", "default"),
                    seconds);
        }
    }
}
