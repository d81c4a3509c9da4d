package org.genrelab.classic;

/**
 * Standardisation as scikit-learn's {@code StandardScaler}: z = (x − mean) / std with the population
 * standard deviation of the training rows, and scale 1 for a constant column. Hand-written (Smile's
 * {@code Standardizer} works on DataFrames and divides by the sample deviation) because the exported
 * matrices must match what scikit-learn would make of the same rows.
 */
public final class Standardizer {

    private final double[] mean;
    private final double[] scale;

    private Standardizer(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /** Column means and population standard deviations of {@code x} (constant columns get scale 1). */
    public static Standardizer fit(double[][] x) {
        int p = x[0].length;
        double[] mean = new double[p];
        double[] scale = new double[p];
        for (double[] r : x) for (int j = 0; j < p; j++) mean[j] += r[j];
        for (int j = 0; j < p; j++) mean[j] /= x.length;
        for (double[] r : x) for (int j = 0; j < p; j++) scale[j] += (r[j] - mean[j]) * (r[j] - mean[j]);
        for (int j = 0; j < p; j++) {
            double sd = Math.sqrt(scale[j] / x.length);
            scale[j] = sd > 0 ? sd : 1.0;
        }
        return new Standardizer(mean, scale);
    }

    /** (x − mean) / scale, row by row, into new arrays. */
    public double[][] transform(double[][] x) {
        double[][] out = new double[x.length][mean.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < mean.length; j++) out[i][j] = (x[i][j] - mean[j]) / scale[j];
        }
        return out;
    }

    public double[] mean() {
        return mean.clone();
    }

    public double[] scale() {
        return scale.clone();
    }
}
