package org.genrelab.vggish;

import java.util.Arrays;

/**
 * One tensor read from a PyTorch checkpoint: its storage type (e.g. {@code FloatStorage}),
 * its shape and its elements as floats in C (row-major) order.
 *
 * @param storageType the torch storage class name the tensor was saved with
 * @param shape       the tensor's shape (empty for a scalar)
 * @param data        the elements in C order, {@code product(shape)} of them
 */
public record TorchTensor(String storageType, long[] shape, float[] data) {

    /** Checks that the data length matches the shape. */
    public TorchTensor {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("tensor of shape " + Arrays.toString(shape)
                    + " needs " + n + " elements, got " + data.length);
        }
    }

    /** @return the shape as ints, for DJL's {@code Shape} and array indexing */
    public int[] intShape() {
        return Arrays.stream(shape).mapToInt(Math::toIntExact).toArray();
    }

    @Override
    public String toString() {
        return "TorchTensor[" + storageType + " " + Arrays.toString(shape) + "]";
    }
}
