package org.genrelab.features;

import org.genrelab.dsp.Frequencies;

/**
 * librosa 0.5.0 {@code feature.spectral_bandwidth(S=S, sr=sr)} with p = 2 and norm = True: per
 * frame {@code sqrt(Σ_k (S_kt / Σ_j S_jt) · (f_k − centroid_t)²)}. FMA passes no sr, so
 * {@link SpectralCentroid#SR} = 22050 applies.
 */
public final class SpectralBandwidth {

    private SpectralBandwidth() {
    }

    /** {@code spectral_bandwidth(S=S)} with sr 22050: [1][T]. */
    public static double[][] spectralBandwidth(double[][] s) {
        return spectralBandwidth(s, SpectralCentroid.SR);
    }

    /** {@code spectral_bandwidth(S=S, sr=sr)}: [1][T]. */
    public static double[][] spectralBandwidth(double[][] s, double sr) {
        SpectralInput.Rows rows = SpectralInput.Rows.of(s);
        SpectralInput.check(rows, "spectral_bandwidth");
        double[] norm = SpectralInput.columnSums(rows);
        return bandwidth(rows, sr, SpectralCentroid.centroid(rows, sr, norm)[0], norm);
    }

    /**
     * {@code spectral_bandwidth(S=S, sr=sr, centroid=centroid)}: [1][T], with the spectral centroid of s
     * already computed (librosa's own parameter; it computes the centroid itself when none is given).
     *
     * @throws IllegalArgumentException if the centroid does not have one value per frame of s
     */
    public static double[][] spectralBandwidth(double[][] s, double sr, double[] centroid) {
        SpectralInput.Rows rows = SpectralInput.Rows.of(s);
        SpectralInput.check(rows, "spectral_bandwidth");
        if (centroid.length != s[0].length) {
            throw new IllegalArgumentException("spectral_bandwidth: centroid has " + centroid.length + " values for "
                    + s[0].length + " frames");
        }
        return bandwidth(rows, sr, centroid, SpectralInput.columnSums(rows));
    }

    /** The bandwidth of a spectrogram that has passed {@link SpectralInput#check}, given its centroid and column sums. */
    static double[][] bandwidth(SpectralInput.Rows s, double sr, double[] centroid, double[] norm) {
        double[] freq = Frequencies.fftFrequencies(sr, 2 * (s.bins() - 1));
        int nFrames = norm.length;
        double[] b = new double[nFrames];
        double[] row = new double[nFrames];
        for (int k = 0; k < s.bins(); k++) {
            s.copy(k, row);
            double f = freq[k];
            for (int t = 0; t < nFrames; t++) {
                double d = Math.abs(f - centroid[t]);
                b[t] += (row[t] / norm[t]) * (d * d);
            }
        }
        for (int t = 0; t < nFrames; t++) b[t] = Math.pow(b[t], 0.5);
        return new double[][] {b};
    }
}
