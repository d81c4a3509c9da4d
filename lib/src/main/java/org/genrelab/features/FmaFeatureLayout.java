package org.genrelab.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The column layout of FMA's {@code features.csv} (FMA's {@code features.py}): 74 feature rows × 7
 * statistics = 518 columns, sorted as pandas sorts the (feature, statistics, number) triples; and the
 * study's three extra single-value columns (tempo, harmonic power, percussive power).
 */
public final class FmaFeatureLayout {

    /** FMA's features and their number of rows (coefficients, bands, pitch classes). */
    public static final Map<String, Integer> FEATURE_SIZES;

    static {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("chroma_cens", 12);
        m.put("chroma_cqt", 12);
        m.put("chroma_stft", 12);
        m.put("mfcc", 20);
        m.put("rmse", 1);
        m.put("spectral_bandwidth", 1);
        m.put("spectral_centroid", 1);
        m.put("spectral_contrast", 7);
        m.put("spectral_rolloff", 1);
        m.put("tonnetz", 6);
        m.put("zcr", 1);
        FEATURE_SIZES = Collections.unmodifiableMap(m);
    }

    private FmaFeatureLayout() {
    }

    /** FMA's 518 columns in {@code features.csv} order. */
    public static List<FmaFeatureCsv.Column> fmaColumns() {
        return List.copyOf(FmaFeatureCsv.columns(FEATURE_SIZES));
    }

    /** The study's extra columns, one value per track: tempo (BPM), harmonic power, percussive power. */
    public static List<FmaFeatureCsv.Column> studyExtraColumns() {
        return List.of(new FmaFeatureCsv.Column("tempo", "value", "01"),
                new FmaFeatureCsv.Column("harmonic_power", "value", "01"),
                new FmaFeatureCsv.Column("percussive_power", "value", "01"));
    }

    /** FMA's 518 columns followed by the study's extras: what the extractor writes. */
    public static List<FmaFeatureCsv.Column> allColumns() {
        List<FmaFeatureCsv.Column> all = new ArrayList<>(fmaColumns());
        all.addAll(studyExtraColumns());
        return List.copyOf(all);
    }
}
