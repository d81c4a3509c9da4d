package org.genrelab.features;

import java.util.LinkedHashMap;
import java.util.Map;

import org.genrelab.dsp.ConstantQ;
import org.genrelab.dsp.Stft;
import org.genrelab.dsp.Tuning;

/**
 * The chroma part of FMA's {@code features.py} for one clip on librosa 0.5.0: chroma_cens (12),
 * chroma_cqt (12), chroma_stft (12, from |STFT|² at sr 22050 as FMA calls it) and tonnetz (6, from
 * chroma_cens). 42 rows × 7 statistics = 294 of FMA's 518 values.
 *
 * @param frames           frame-level rows per feature name (FMA's names)
 * @param tuningCqt        {@code estimate_tuning(y=y, sr=sr)}, used by the CQT
 * @param tuningChromaStft {@code estimate_tuning(S=|STFT|², sr=22050)}, used by chroma_stft
 */
public record ChromaFeatures(Map<String, double[][]> frames, double tuningCqt, double tuningChromaStft) {

    /**
     * Computes the features of mono PCM {@code y} decoded at sample rate {@code sr}.
     *
     * @throws SampleRateTooLowException when librosa 0.5.0 refuses the clip's CQT (below about 8.0–8.5 kHz)
     */
    public static ChromaFeatures compute(float[] y, double sr) {
        return compute(y, sr, Stft.magnitude32(y));
    }

    /**
     * As {@link #compute(float[], double)}, reusing the clip's float32 STFT magnitude ({@link Stft#magnitude32}):
     * librosa's {@code estimate_tuning(y=y)} for the CQT takes {@code np.abs} of the same complex64 STFT, and
     * chroma_stft gets FMA's {@code stft**2} (float32 squares).
     */
    public static ChromaFeatures compute(float[] y, double sr, float[][] stft) {
        float[] colMax = Tuning.columnMaxima(stft);
        double tCqt = Tuning.estimateTuning(stft, sr, colMax);
        SampleRateTooLowException.check(sr, tCqt); // librosa 0.5.0 refuses the CQT there: say so in a user's words
        float[][] power = ChromaStft.powerOf(stft);
        for (int t = 0; t < colMax.length; t++) colMax[t] *= colMax[t]; // the column maxima of power (float32 squares)
        double tStft = Tuning.estimateTuning(power, ChromaStft.SR, colMax);
        double[][] cqt = ConstantQ.cqtMagnitude(y, sr, 512, ConstantQ.c1(), 84, 12, tCqt);
        Map<String, double[][]> f = new LinkedHashMap<>();
        double[][] cens = ChromaCqt.chromaCens(cqt);
        f.put("chroma_cens", cens);
        f.put("chroma_cqt", ChromaCqt.chromaCqt(cqt));
        f.put("chroma_stft", ChromaStft.chromaStft(power, ChromaStft.SR, tStft));
        f.put("tonnetz", ChromaCqt.tonnetz(cens));
        return new ChromaFeatures(f, tCqt, tStft);
    }

    /** FMA's 7 statistics per feature ([7][rows] in {@link FeatureStatistics#STATISTICS} order). */
    public Map<String, float[][]> statistics() {
        Map<String, float[][]> s = new LinkedHashMap<>();
        frames.forEach((name, rows) -> s.put(name, FeatureStatistics.of(rows)));
        return s;
    }
}
