package org.genrelab.deep;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.ndarray.types.Shape;

/**
 * The study's Part 2 networks as DJL blocks over a batch of embedding sequences (N, 31, 128).
 * Each ends in raw class scores (logits); training applies softmax cross-entropy, which equals the
 * study's {@code log_softmax} + {@code NLLLoss}.
 */
public final class ClassifierBlocks {

    private ClassifierBlocks() {
    }

    /**
     * LSTM: {@code layers} stacked LSTM layers of {@code hidden} units with dropout
     * {@code dropBetween} between layers, the last time step's output, dropout {@code dropOut}, then a
     * linear layer to the classes ({@code torch.nn.LSTM(num_layers, dropout)} + {@code Dropout} +
     * {@code Linear}, as the study's). The layers are single-layer LSTMs with {@link SeededDropout}
     * between them, the same function as PyTorch's stacked LSTM, so that masks come from {@code seed}.
     */
    public static Block lstm(int hidden, int layers, double dropBetween, double dropOut, int classes, long seed) {
        SequentialBlock b = new SequentialBlock();
        for (int layer = 0; layer < layers; layer++) {
            b.add(LSTM.builder().setStateSize(hidden).setNumLayers(1).optBatchFirst(true).optReturnState(false).build());
            if (layer < layers - 1 && dropBetween > 0) b.add(new SeededDropout(dropBetween, seed * 31 + layer));
        }
        b.add(new LambdaBlock(list -> new NDList(list.singletonOrThrow().get(":, -1, :")), "lastStep"));
        if (dropOut > 0) b.add(new SeededDropout(dropOut, seed * 31 + 30));
        b.add(Linear.builder().setUnits(classes).build());
        return b;
    }

    /**
     * Fully connected net on the flattened 31·128 sequence: ReLU hidden layers of the given sizes,
     * each followed by dropout {@code dropout} when it is positive ({@link SeededDropout} from {@code seed}),
     * then a linear layer to the classes.
     */
    public static Block fcnn(int[] hidden, double dropout, int classes, long seed) {
        SequentialBlock b = new SequentialBlock();
        b.add(Blocks.batchFlattenBlock());
        for (int i = 0; i < hidden.length; i++) {
            b.add(Linear.builder().setUnits(hidden[i]).build());
            b.add(Activation.reluBlock());
            if (dropout > 0) b.add(new SeededDropout(dropout, seed * 31 + i));
        }
        b.add(Linear.builder().setUnits(classes).build());
        return b;
    }

    /**
     * CNN: the 128 embedding dimensions as channels over the 31 time steps, two 1-D convolutions
     * ({@code filters1}, {@code filters2} filters of width {@code kernel}, ReLU), flattened, one linear
     * layer to the classes.
     *
     * <p>Not the study's exact network. Its {@code ConvNet} (notebook {@code part_2CNN}) takes the 31 time
     * steps as channels: conv 16 (width 3, padding 1), ReLU, batch norm, dropout 0.5, conv 4, ReLU,
     * flatten (512), dropout 0.5, batch norm, linear. Built with DJL 0.36's {@code BatchNorm} on the
     * PyTorch 2.7.1 CPU engine, its forward pass gave NaN now and then (2 passes in 8 of a convolution
     * followed by batch norm, on random input) and training diverged to NaN, so that network waits for a
     * batch norm that behaves; this one has no normalisation.
     */
    public static Block cnn(int filters1, int filters2, int kernel, int classes) {
        SequentialBlock b = new SequentialBlock();
        b.add(new LambdaBlock(list -> new NDList(list.singletonOrThrow().transpose(0, 2, 1)), "toChannels"));
        b.add(Conv1d.builder().setKernelShape(new Shape(kernel)).setFilters(filters1).build());
        b.add(Activation.reluBlock());
        b.add(Conv1d.builder().setKernelShape(new Shape(kernel)).setFilters(filters2).build());
        b.add(Activation.reluBlock());
        b.add(Blocks.batchFlattenBlock());
        b.add(Linear.builder().setUnits(classes).build());
        return b;
    }
}
