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

    /** The seven statistics, in the order the sorted layout gives them. */
    public static final List<String> STATISTICS = List.of("kurtosis", "max", "mean", "median", "min", "skew", "std");

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
    public static List<FeatureColumn> fmaColumns() {
        List<FeatureColumn> cols = new ArrayList<>();
        FEATURE_SIZES.forEach((f, n) -> {
            for (String s : STATISTICS) {
                for (int i = 1; i <= n; i++) cols.add(new FeatureColumn(f, s, String.format("%02d", i)));
            }
        });
        Collections.sort(cols);
        return List.copyOf(cols);
    }

    /** The study's extra columns, one value per track: tempo (BPM), harmonic power, percussive power. */
    public static List<FeatureColumn> studyExtraColumns() {
        return List.of(new FeatureColumn("tempo", "value", "01"),
                new FeatureColumn("harmonic_power", "value", "01"),
                new FeatureColumn("percussive_power", "value", "01"));
    }

    /** FMA's 518 columns followed by the study's extras: what the extractor writes. */
    public static List<FeatureColumn> allColumns() {
        List<FeatureColumn> all = new ArrayList<>(fmaColumns());
        all.addAll(studyExtraColumns());
        return List.copyOf(all);
    }
}
