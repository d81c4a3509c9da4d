package org.genrelab.deep;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A 1-D convolution, stride 1, as {@code torch.nn.Conv1d(in, filters, kernel, padding=padding)} computes it:
 * y[n, o, l] = b[o] + Σ_c Σ_k W[o, c, k] · x_pad[n, c, l + k], with x zero-padded by {@code padding} on both
 * sides of its last axis. The input is unfolded into its kernel-wide windows, (N, C·K, L), and multiplied by
 * W as an (O, C·K) matrix. Its parameters are those of DJL's {@code Conv1d} (weight (O, C, K) of type
 * WEIGHT, bias (O) of type BIAS), so the same seed draws the same initial weights.
 *
 * <p>Written here because DJL 0.36's {@code Conv1d} on PyTorch 2.7.1's CPU engine returns NaN now and then
 * on finite input when the input channels are not a multiple of oneDNN's block (16 with AVX-512), and the
 * study's CNN takes 31 (lib/README.md, "Known traps"). The matrix product here does not go through oneDNN.
 */
public final class UnfoldedConv1d extends AbstractBlock {

    private final int filters;
    private final int kernel;
    private final int padding;
    private final Parameter weight;
    private final Parameter bias;

    /**
     * @param filters output channels O
     * @param kernel  kernel width K
     * @param padding zeros added at each end of the input's last axis
     */
    public UnfoldedConv1d(int filters, int kernel, int padding) {
        super((byte) 1);
        if (filters < 1 || kernel < 1 || padding < 0) {
            throw new IllegalArgumentException("filters and kernel must be >= 1 and padding >= 0, got " + filters + ", "
                    + kernel + ", " + padding);
        }
        this.filters = filters;
        this.kernel = kernel;
        this.padding = padding;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build());
        bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build());
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        weight.setShape(new Shape(filters, inputShapes[0].get(1), kernel));
        bias.setShape(new Shape(filters));
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape s = x.getShape();
        if (s.dimension() != 3) throw new IllegalArgumentException("UnfoldedConv1d takes (N, C, L) input, got " + s);
        long n = s.get(0);
        long c = s.get(1);
        long lOut = outputLength(s.get(2));
        if (lOut < 1) throw new IllegalArgumentException("input length " + s.get(2) + " is shorter than the kernel " + kernel);
        Device device = x.getDevice();
        NDArray w = parameterStore.getValue(weight, device, training);
        NDArray b = parameterStore.getValue(bias, device, training);
        if (w.getShape().get(1) != c) {
            throw new IllegalArgumentException("UnfoldedConv1d was initialised for " + w.getShape().get(1) + " channels, got " + s);
        }
        NDArray padded = x;
        if (padding > 0) {
            NDArray zeros = x.getManager().zeros(new Shape(n, c, padding), x.getDataType(), device);
            padded = NDArrays.concat(new NDList(zeros, x, zeros), 2);
        }
        NDList windows = new NDList(kernel);
        for (int k = 0; k < kernel; k++) windows.add(padded.get(new NDIndex(":, :, {}:{}", k, k + lOut)));
        NDArray unfolded = NDArrays.stack(windows, 2).reshape(n, c * kernel, lOut); // row c·K + k: x_pad[n, c, l + k]
        // views of the parameters belong to the input's manager, so they and the product (which goes to the left
        // operand's manager) are freed with the batch, not kept with the parameters for the life of the model
        NDArray w2 = w.reshape(filters, c * kernel);
        w2.attach(x.getManager());
        NDArray b3 = b.reshape(1, filters, 1);
        b3.attach(x.getManager());
        return new NDList(w2.matMul(unfolded).add(b3)); // (O, C·K) × (N, C·K, L) → (N, O, L)
    }

    private long outputLength(long length) {
        return length + 2L * padding - kernel + 1;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), filters, outputLength(s.get(2)))};
    }
}
