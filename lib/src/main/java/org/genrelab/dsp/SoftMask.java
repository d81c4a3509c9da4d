package org.genrelab.dsp;

/**
 * librosa 0.5.0 {@code util.softmask(X, X_ref, power, split_zeros)}: {@code M = (X/Z)^p /
 * ((X/Z)^p + (X_ref/Z)^p)} with {@code Z = max(X, X_ref)}, and {@code 0.5} (split_zeros) or
 * {@code 0} where Z is below the smallest normal double. Hand-written: a one-line formula.
 */
public final class SoftMask {

    private SoftMask() {
    }

    /** The soft mask of {@code x} against {@code xRef} (same shape, non-negative), a new array. */
    public static double[][] softmask(double[][] x, double[][] xRef, double power, boolean splitZeros) {
        if (!(power > 0)) throw new IllegalArgumentException("power must be strictly positive, got " + power);
        if (x.length != xRef.length) throw new IllegalArgumentException("shape mismatch: " + x.length + " != " + xRef.length + " rows");
        double[][] mask = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double[] a = x[i], b = xRef[i];
            if (a.length != b.length) throw new IllegalArgumentException("shape mismatch in row " + i + ": " + a.length + " != " + b.length);
            double[] m = new double[a.length];
            for (int j = 0; j < a.length; j++) {
                if (a[j] < 0 || b[j] < 0) throw new IllegalArgumentException("X and X_ref must be non-negative (row " + i + ", column " + j + ")");
                double z = Math.max(a[j], b[j]);
                if (z < Double.MIN_NORMAL) {
                    m[j] = splitZeros ? 0.5 : 0.0;
                } else if (power == Double.POSITIVE_INFINITY) {
                    m[j] = a[j] > b[j] ? 1.0 : 0.0;
                } else if (power == 2.0) { // librosa's HPSS default; Math.pow is the slowest step of HPSS otherwise
                    double p = a[j] / z, q = b[j] / z;
                    p *= p;
                    q *= q;
                    m[j] = p / (p + q);
                } else {
                    double p = Math.pow(a[j] / z, power);
                    double q = Math.pow(b[j] / z, power);
                    m[j] = p / (p + q);
                }
            }
            mask[i] = m;
        }
        return mask;
    }
}
