package org.genrelab.vggish;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * VGGish's optional post-processing, as AudioSet's released embeddings and torchvggish's
 * {@code Postprocessor}: PCA {@code eigvec @ (raw^T - means)}, clip to [-2, 2], quantise to
 * 8 bits {@code round((x + 2) * 255 / 4)}. The study used the raw (un-post-processed) output.
 * Plain Java: 128x128 per example is too small to be worth a tensor library round trip.
 */
public final class VggishPostprocessor {

    /** Lower clip bound of the PCA output (vggish_params.QUANTIZE_MIN_VAL). */
    public static final double QUANTIZE_MIN_VAL = -2.0;
    /** Upper clip bound of the PCA output (vggish_params.QUANTIZE_MAX_VAL). */
    public static final double QUANTIZE_MAX_VAL = 2.0;

    private final float[] eigenVectors; // [dim][dim], rows are the PCA components
    private final float[] means;        // [dim]
    private final int dim;

    /**
     * @param eigenVectors {@code pca_eigen_vectors}, square {@code [dim, dim]}
     * @param means        {@code pca_means}, {@code [dim, 1]} or {@code [dim]}
     */
    public VggishPostprocessor(TorchTensor eigenVectors, TorchTensor means) {
        long[] e = eigenVectors.shape();
        if (e.length != 2 || e[0] != e[1]) {
            throw new IllegalArgumentException("pca_eigen_vectors must be square, got "
                    + Arrays.toString(e));
        }
        this.dim = (int) e[0];
        if (means.data().length != dim) {
            throw new IllegalArgumentException("pca_means must hold " + dim + " values, got shape "
                    + Arrays.toString(means.shape()));
        }
        this.eigenVectors = eigenVectors.data().clone();
        this.means = means.data().clone();
    }

    /**
     * Reads torchvggish's PCA parameters file ({@code pca_eigen_vectors}, {@code pca_means}).
     *
     * @param path a .pth file such as {@code vggish_pca_params-970ea276.pth}
     * @return the post-processor
     * @throws IOException if the file cannot be read or lacks one of the two tensors
     */
    public static VggishPostprocessor read(Path path) throws IOException {
        Map<String, TorchTensor> p = TorchCheckpoint.read(path);
        TorchTensor e = p.get("pca_eigen_vectors");
        TorchTensor m = p.get("pca_means");
        if (e == null || m == null) {
            throw new IOException(path + ": needs 'pca_eigen_vectors' and 'pca_means', has "
                    + p.keySet());
        }
        try {
            return new VggishPostprocessor(e, m);
        } catch (IllegalArgumentException ex) {
            throw new IOException(path + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Post-processes raw embeddings.
     *
     * @param raw {@code [n][dim]} raw network outputs
     * @return {@code [n][dim]} quantised values in 0..255 (as floats, like torchvggish)
     */
    public float[][] apply(float[][] raw) {
        float[][] out = new float[raw.length][dim];
        for (int i = 0; i < raw.length; i++) {
            if (raw[i].length != dim) {
                throw new IllegalArgumentException("embedding " + i + " has " + raw[i].length
                        + " values, the PCA expects " + dim);
            }
            for (int k = 0; k < dim; k++) {
                double s = 0; // (eigvec @ (raw^T - means))[k, i]
                for (int j = 0; j < dim; j++) {
                    s += (double) eigenVectors[k * dim + j] * (raw[i][j] - means[j]);
                }
                double clipped = Math.min(QUANTIZE_MAX_VAL, Math.max(QUANTIZE_MIN_VAL, s));
                // round half to even, as numpy/torch round
                out[i][k] = (float) Math.rint((clipped - QUANTIZE_MIN_VAL) * 255.0
                        / (QUANTIZE_MAX_VAL - QUANTIZE_MIN_VAL));
            }
        }
        return out;
    }
}
