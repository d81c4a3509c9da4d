package org.genrelab.data;

import java.util.Arrays;

/**
 * An n-dimensional array read from or written to a NumPy {@code .npy} file, held as doubles in
 * C (row-major) order together with its shape and the NumPy dtype it was stored with.
 *
 * @param dtype NumPy dtype descriptor as stored, e.g. {@code "<f4"}, {@code "<f8"}, {@code "<i8"}
 * @param shape dimensions; an empty shape is a scalar
 * @param data  values in C order, {@code data.length == product(shape)}
 */
public record NpyArray(String dtype, int[] shape, double[] data) {

    public NpyArray {
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n
                    + " values but " + data.length + " were given");
        }
    }

    /** A float64 array of the given shape. */
    public static NpyArray ofDoubles(double[] data, int... shape) {
        return new NpyArray("<f8", shape.clone(), data);
    }

    /** Number of dimensions. */
    public int ndim() {
        return shape.length;
    }

    /** Total number of values. */
    public int size() {
        return data.length;
    }

    /** Rows of a 2-d array as {@code double[rows][cols]}. */
    public double[][] toMatrix() {
        if (shape.length != 2) throw new IllegalStateException("not 2-d: shape " + Arrays.toString(shape));
        double[][] m = new double[shape[0]][shape[1]];
        for (int i = 0; i < shape[0]; i++) System.arraycopy(data, i * shape[1], m[i], 0, shape[1]);
        return m;
    }

    /** Values as floats (the on-disk precision of the study's embeddings). */
    public float[] toFloats() {
        float[] f = new float[data.length];
        for (int i = 0; i < f.length; i++) f[i] = (float) data[i];
        return f;
    }

    /** Values as longs (id lists). */
    public long[] toLongs() {
        long[] l = new long[data.length];
        for (int i = 0; i < l.length; i++) l[i] = (long) data[i];
        return l;
    }

    @Override
    public String toString() {
        return "NpyArray[dtype=" + dtype + ", shape=" + Arrays.toString(shape) + "]";
    }
}
