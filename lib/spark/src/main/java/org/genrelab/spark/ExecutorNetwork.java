package org.genrelab.spark;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.genrelab.data.AudioCollection;
import org.genrelab.deep.DeviceChoice;
import org.genrelab.vggish.EmbeddingExtractor;
import org.genrelab.vggish.VggishBlock;

/**
 * The VGGish network of one executor JVM, built once from a recipe and shared by its tasks (their forward passes
 * only read the weights; each makes its own arrays). Reading a 290 MB checkpoint per task would cost more than the
 * tracks. It lives as long as the executor.
 */
final class ExecutorNetwork {

    private static final Map<String, ExecutorNetwork> BUILT = new ConcurrentHashMap<>();

    private final EmbeddingExtractor extractor;
    private final NDManager manager;
    private final VggishBlock block;

    private ExecutorNetwork(EmbeddingExtractor.Recipe recipe) throws IOException {
        extractor = recipe.build(1);
        manager = NDManager.newBaseManager(DeviceChoice.device(), DeviceChoice.ENGINE);
        block = extractor.loadBlock(manager);
    }

    static ExecutorNetwork of(EmbeddingExtractor.Recipe recipe) {
        String key = recipe.weightsSha256() + "|" + recipe.pcaFile() + "|" + Arrays.toString(recipe.convChannels()) + "|"
                + Arrays.toString(recipe.fc());
        return BUILT.computeIfAbsent(key, k -> {
            try {
                return new ExecutorNetwork(recipe);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot build the VGGish network on this executor: " + e.getMessage(), e);
            }
        });
    }

    boolean embedInto(AudioCollection.Item item, Path out) throws IOException {
        return extractor.embedInto(item, out, manager, block);
    }
}
