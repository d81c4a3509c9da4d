package org.genrelab.classic;

/**
 * Standardisation as scikit-learn's {@code StandardScaler}: z = (x − mean) / std with the population
 * standard deviation of the training rows, and scale 1 for a column constant up to rounding (scikit-learn's
 * test). Hand-written (Smile's
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
        double eps = Math.ulp(1.0);
        int n = x.length;
        for (int j = 0; j < p; j++) {
            double var = scale[j] / n;
            // scikit-learn 1.2's _is_constant_feature: var ≤ n·eps·var + (n·mean·eps)², so that a column constant
            // up to rounding (all 0.1, say) gets scale 1, not ~1e-17
            boolean constant = var <= n * eps * var + Math.pow(n * mean[j] * eps, 2);
            scale[j] = constant ? 1.0 : Math.sqrt(var);
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
