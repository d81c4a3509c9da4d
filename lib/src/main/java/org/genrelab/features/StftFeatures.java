package org.genrelab.features;

import java.util.LinkedHashMap;
import java.util.Map;

import org.genrelab.dsp.Stft;

/**
 * The STFT-based part of FMA's {@code features.py} for one clip, from one STFT magnitude
 * ({@code n_fft=2048, hop_length=512}): mfcc (20, real sr), rmse (float32), spectral_bandwidth,
 * spectral_centroid, spectral_contrast (7), spectral_rolloff (all at sr 22050 as FMA calls them)
 * and zcr (from y). 31 rows × 7 statistics = 217 of FMA's 518 values.
 *
 * @param frames frame-level rows per feature name (FMA's names), rmse included as doubles
 * @param rmse   the float32 rmse row as librosa 0.5.0 returns it (its statistics are float32)
 */
public record StftFeatures(Map<String, double[][]> frames, float[][] rmse) {

    /** Computes the features of mono PCM {@code y} decoded at sample rate {@code sr}. */
    public static StftFeatures compute(float[] y, double sr) {
        return compute(y, sr, Stft.magnitude32(y));
    }

    /**
     * As {@link #compute(float[], double)} with FMA's {@code stft} ({@link Stft#magnitude32}: the float32
     * {@code np.abs} of the complex64 STFT, n_fft 2048, hop 512) already computed. Every feature starts from
     * exactly those float32 values; mfcc and rmse from their float32 squares, as numpy's {@code stft**2}.
     */
    public static StftFeatures compute(float[] y, double sr, float[][] stft) {
        Map<String, double[][]> f = new LinkedHashMap<>();
        f.put("mfcc", Mfcc.fromMagnitude(stft, sr));
        float[][] rmse = Rmse.rmse(stft);
        double[][] rmseD = new double[1][rmse[0].length];
        for (int t = 0; t < rmse[0].length; t++) rmseD[0][t] = rmse[0][t];
        f.put("rmse", rmseD);
        // the float32 magnitude read as doubles a row at a time, checked once for the four spectral features, its
        // column sums shared by centroid and bandwidth: each of these is a pass over the whole spectrogram
        SpectralInput.Rows mag = SpectralInput.Rows.of(stft);
        SpectralInput.check(mag, "the STFT magnitude");
        double[] norm = SpectralInput.columnSums(mag);
        double sr22050 = SpectralCentroid.SR;
        double[][] centroid = SpectralCentroid.centroid(mag, sr22050, norm);
        f.put("spectral_bandwidth", SpectralBandwidth.bandwidth(mag, sr22050, centroid[0], norm));
        f.put("spectral_centroid", centroid);
        f.put("spectral_contrast", SpectralContrast.contrast(stft, sr22050, SpectralContrast.FMIN, SpectralContrast.N_BANDS,
                SpectralContrast.QUANTILE));
        f.put("spectral_rolloff", SpectralRolloff.rolloff(stft, sr22050, SpectralRolloff.ROLL_PERCENT));
        f.put("zcr", ZeroCrossingRate.zeroCrossingRate(y));
        return new StftFeatures(f, rmse);
    }

    /** FMA's 7 statistics per feature ([7][rows] in {@link FeatureStatistics#STATISTICS} order); rmse in float32. */
    public Map<String, float[][]> statistics() {
        Map<String, float[][]> s = new LinkedHashMap<>();
        frames.forEach((name, rows) -> s.put(name, name.equals("rmse") ? FeatureStatistics.of(rmse) : FeatureStatistics.of(rows)));
        return s;
    }
}
