package org.genrelab.deep;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
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
        return lstm(hidden, layers, dropBetween, dropOut, classes, seed, LstmReadout.LAST_STEP);
    }

    /** The same LSTM with the top layer's outputs read by {@code readout} instead of at the last step. */
    public static Block lstm(int hidden, int layers, double dropBetween, double dropOut, int classes, long seed,
                             LstmReadout readout) {
        SequentialBlock b = new SequentialBlock();
        for (int layer = 0; layer < layers; layer++) {
            b.add(LSTM.builder().setStateSize(hidden).setNumLayers(1).optBatchFirst(true).optReturnState(false).build());
            if (layer < layers - 1 && dropBetween > 0) b.add(new SeededDropout(dropBetween, seed * 31 + layer));
        }
        b.add(new LambdaBlock(list -> new NDList(readout.apply(list.singletonOrThrow())),
                readout == LstmReadout.LAST_STEP ? "lastStep" : "readout"));
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
     * The study's CNN ({@code ConvNet}, notebook {@code part_2CNN}): the 31 time steps as channels over the
     * 128 embedding dimensions; convolution 31 → 16 (width 3, padding 1), ReLU, batch norm, dropout 0.5;
     * convolution 16 → 4 (width 3, padding 1), ReLU, flatten (4 × 128 = 512), dropout 0.5, batch norm, and a
     * linear layer to the classes. (The study's {@code AvgPool1d(kernel_size=1)} is the identity and is left
     * out.) The convolutions are {@link UnfoldedConv1d}, batch norm is {@link #batchNorm()}; dropout masks come from
     * {@code seed}.
     */
    public static Block cnn(int classes, long seed) {
        SequentialBlock b = new SequentialBlock();
        b.add(new UnfoldedConv1d(16, 3, 1));
        b.add(Activation.reluBlock());
        b.add(batchNorm());
        b.add(new SeededDropout(0.5, seed * 31 + 1));
        b.add(new UnfoldedConv1d(4, 3, 1));
        b.add(Activation.reluBlock());
        b.add(Blocks.batchFlattenBlock());
        b.add(new SeededDropout(0.5, seed * 31 + 2));
        b.add(batchNorm());
        b.add(Linear.builder().setUnits(classes).build());
        return b;
    }

    /**
     * DJL's batch norm over axis 1 as {@code torch.nn.BatchNorm1d(C)}'s defaults: ε = 1e-5 and running estimates
     * moving by 0.1 towards the batch's (DJL counts momentum from the other side: 0.9 keeps 90% of the old value).
     */
    public static Block batchNorm() {
        return BatchNorm.builder().optAxis(1).optMomentum(0.9f).optEpsilon(1e-5f).build();
    }
}
