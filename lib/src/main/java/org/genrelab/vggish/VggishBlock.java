package org.genrelab.vggish;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The VGGish network (Hershey et al. 2017) as a DJL block, laid out as torchvggish's
 * {@code VGG} module so its state dict loads key for key: input {@code [batch, 1, 96, 64]}
 * log-mel examples; {@code features}: conv3x3-ReLU-maxpool2, conv-ReLU-pool,
 * conv-ReLU-conv-ReLU-pool, conv-ReLU-conv-ReLU-pool; transpose NCHW→NHWC then flatten (as
 * torchvggish, so the first fully-connected layer sees TensorFlow's element order);
 * {@code embeddings}: fc-ReLU-fc-ReLU-fc-ReLU, output {@code [batch, 128]}.
 * <p>
 * torchvggish ends the embeddings with a ReLU, so the raw output is non-negative; the oracle's
 * {@code expected_raw.npy} shows it (min 0, 46% exact zeros) and this block does the same. The
 * study's TensorFlow embeddings, read from the pre-ReLU 'embedding' tensor, do have negative
 * values: a block for those would drop the last ReLU ({@code finalRelu = false}).
 */
public final class VggishBlock extends SequentialBlock {

    /** Full-size VGGish convolution widths. */
    public static final int[] FULL_CONV_CHANNELS = {64, 128, 256, 256, 512, 512};
    /** Full-size VGGish fully-connected widths. */
    public static final int[] FULL_FC = {4096, 4096, 128};
    /** Number of frames (rows) of one input example. */
    public static final int NUM_FRAMES = 96;
    /** Number of mel bands (columns) of one input example. */
    public static final int NUM_BANDS = 64;

    /** Which convolutions (1-based) a 2x2 max pool follows, as in VGGish. */
    private static final int[] POOL_AFTER_CONV = {1, 2, 4, 6};

    private final int[] convChannels;
    private final int[] fc;
    /** torchvggish state-dict prefix (e.g. "features.3") → the layer it names. */
    private final Map<String, Block> layers = new LinkedHashMap<>();

    /** The full-size network (64-128-256-256-512-512 / 4096-4096-128) with its final ReLU. */
    public VggishBlock() {
        this(FULL_CONV_CHANNELS, FULL_FC, true);
    }

    /**
     * @param convChannels the six convolution widths
     * @param fc           the three fully-connected widths (the last is the embedding size)
     * @param finalRelu    whether a ReLU follows the last fully-connected layer (torchvggish: yes)
     */
    public VggishBlock(int[] convChannels, int[] fc, boolean finalRelu) {
        if (convChannels.length != 6 || fc.length != 3) {
            throw new IllegalArgumentException("VGGish needs 6 conv widths and 3 fc widths, got "
                    + Arrays.toString(convChannels) + " and " + Arrays.toString(fc));
        }
        this.convChannels = convChannels.clone();
        this.fc = fc.clone();
        int index = 0; // torchvggish's nn.Sequential index within 'features'
        for (int c = 0; c < 6; c++) {
            Conv2d conv = Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                    .setFilters(convChannels[c]).build();
            add(conv);
            layers.put("features." + index, conv);
            add(Activation.reluBlock());
            index += 2;
            if (Arrays.stream(POOL_AFTER_CONV).anyMatch(p -> p == layersCount())) {
                add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
                index++;
            }
        }
        // torch.transpose(x, 1, 3) then (1, 2): NCHW -> NHWC, then flatten
        add(new LambdaBlock(x -> {
            NDArray a = x.singletonOrThrow().transpose(0, 2, 3, 1);
            return new NDList(a.reshape(a.getShape().get(0), -1));
        }, "nchw_to_nhwc_flatten"));
        for (int f = 0; f < 3; f++) {
            Linear linear = Linear.builder().setUnits(fc[f]).build();
            add(linear);
            layers.put("embeddings." + (2 * f), linear);
            if (f < 2 || finalRelu) {
                add(Activation.reluBlock());
            }
        }
    }

    private int layersCount() {
        return (int) layers.keySet().stream().filter(k -> k.startsWith("features.")).count();
    }

    /** @return the six convolution widths */
    public int[] convChannels() {
        return convChannels.clone();
    }

    /** @return the three fully-connected widths */
    public int[] fc() {
        return fc.clone();
    }

    /**
     * Floating-point operations of one example's forward pass (a multiply and an add each count one): the six 3×3
     * convolutions at their resolutions (96×64, pooled by 2 after the first, second, fourth and sixth) and the three
     * fully connected layers. About 1.73 GFLOP for the full-size network.
     */
    public long flopsPerExample() {
        int[] poolAfter = {1, 2, 4, 6};
        long h = NUM_FRAMES;
        long w = NUM_BANDS;
        long in = 1;
        long flops = 0;
        for (int c = 0; c < 6; c++) {
            flops += 2L * h * w * in * convChannels[c] * 9;
            in = convChannels[c];
            final int conv = c + 1;
            if (Arrays.stream(poolAfter).anyMatch(p -> p == conv)) {
                h /= 2;
                w /= 2;
            }
        }
        long width = in * h * w;
        for (int f : fc) {
            flops += 2L * width * f;
            width = f;
        }
        return flops;
    }

    /** @return the embedding size (the last fully-connected width) */
    public int embeddingSize() {
        return fc[2];
    }

    /**
     * Initialises the block for {@code [*, 1, 96, 64]} input if it is not yet, then copies a
     * torchvggish state dict ({@code features.N.weight/bias}, {@code embeddings.N.weight/bias})
     * into its parameters. DJL's Conv2d and Linear keep PyTorch's weight layouts
     * ({@code [out, in, kh, kw]}, {@code [out, in]}), so tensors are copied as they are.
     *
     * @param manager   the manager that owns the parameters
     * @param stateDict tensors by torchvggish key, e.g. from {@link TorchCheckpoint#read}
     * @return this block
     * @throws IllegalArgumentException naming the key if a tensor is missing or of the wrong shape
     */
    public VggishBlock loadStateDict(NDManager manager, Map<String, TorchTensor> stateDict) {
        if (!isInitialized()) {
            initialize(manager, DataType.FLOAT32, new Shape(1, 1, NUM_FRAMES, NUM_BANDS));
        }
        List<String> unused = new ArrayList<>(stateDict.keySet());
        for (Map.Entry<String, Block> layer : layers.entrySet()) {
            for (Parameter p : layer.getValue().getParameters().values()) {
                String kind = switch (p.getType()) {
                    case WEIGHT -> "weight";
                    case BIAS -> "bias";
                    default -> throw new IllegalStateException("unexpected parameter " + p.getName());
                };
                String key = layer.getKey() + "." + kind;
                TorchTensor t = stateDict.get(key);
                if (t == null) {
                    throw new IllegalArgumentException("state dict has no '" + key + "'");
                }
                Shape want = p.getArray().getShape();
                if (!Arrays.equals(want.getShape(), t.shape())) {
                    throw new IllegalArgumentException("state dict '" + key + "' has shape "
                            + Arrays.toString(t.shape()) + ", the block needs " + want
                            + " (check the conv/fc widths)");
                }
                p.getArray().set(FloatBuffer.wrap(t.data()));
                unused.remove(key);
            }
        }
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("state dict keys the block has no layer for: " + unused);
        }
        return this;
    }

    /**
     * Runs the network in inference mode.
     *
     * @param manager  the manager for the input and output arrays
     * @param examples {@code count} log-mel examples of 96 x 64, in C order
     * @param count    number of examples
     * @return {@code [count][embeddingSize()]} embeddings
     */
    public float[][] embed(NDManager manager, float[] examples, int count) {
        if (examples.length != count * NUM_FRAMES * NUM_BANDS) {
            throw new IllegalArgumentException("expected " + count + " examples of 96x64 = "
                    + count * NUM_FRAMES * NUM_BANDS + " values, got " + examples.length);
        }
        try (NDManager sub = manager.newSubManager()) {
            NDArray x = sub.create(examples, new Shape(count, 1, NUM_FRAMES, NUM_BANDS));
            float[] out = forward(new ParameterStore(sub, false), new NDList(x), false)
                    .singletonOrThrow().toFloatArray();
            float[][] rows = new float[count][];
            int e = embeddingSize();
            for (int i = 0; i < count; i++) {
                rows[i] = Arrays.copyOfRange(out, i * e, (i + 1) * e);
            }
            return rows;
        }
    }
}
