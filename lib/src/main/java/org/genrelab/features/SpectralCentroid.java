package org.genrelab.features;

import org.genrelab.dsp.Frequencies;

/**
 * librosa 0.5.0 {@code feature.spectral_centroid(S=S, sr=sr)}: per frame
 * {@code Σ_k f_k · S_kt / Σ_k S_kt} over the FFT bin frequencies {@code f_k = k·sr/nFft}
 * (a frame whose sum is 0 keeps its zeros: librosa's {@code normalize} divides by 1 then).
 * FMA passes no sr, so {@link #SR} = 22050 is used whatever the clip's rate (oracle pitfall 2).
 */
public final class SpectralCentroid {

    /** librosa's default sr, which FMA's call leaves in place. */
    public static final double SR = 22050.0;

    private SpectralCentroid() {
    }

    /** {@code spectral_centroid(S=S)} with sr 22050: [1][T] from a magnitude spectrogram [bins][T]. */
    public static double[][] spectralCentroid(double[][] s) {
        return spectralCentroid(s, SR);
    }

    /** {@code spectral_centroid(S=S, sr=sr)}: [1][T]. */
    public static double[][] spectralCentroid(double[][] s, double sr) {
        SpectralInput.Rows rows = SpectralInput.Rows.of(s);
        SpectralInput.check(rows, "spectral_centroid");
        return centroid(rows, sr, SpectralInput.columnSums(rows));
    }

    /** The centroid of a spectrogram that has passed {@link SpectralInput#check}, given its column sums. */
    static double[][] centroid(SpectralInput.Rows s, double sr, double[] norm) {
        double[] freq = Frequencies.fftFrequencies(sr, 2 * (s.bins() - 1));
        int nFrames = norm.length;
        double[] c = new double[nFrames];
        double[] row = new double[nFrames];
        for (int k = 0; k < s.bins(); k++) {
            s.copy(k, row);
            double f = freq[k];
            for (int t = 0; t < nFrames; t++) c[t] += f * (row[t] / norm[t]);
        }
        return new double[][] {c};
    }
}
