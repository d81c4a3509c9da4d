package org.genrelab.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The 2020 study's reported test macro-F1 (percent), to show beside ours. Part 1 on its hand-crafted
 * features, Part 2 on its VGGish embeddings (shared/data/README.md).
 */
public final class StudyReference {

    private StudyReference() {
    }

    /** Part 1 models on the hand-crafted features. */
    public static Map<String, Double> part1() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("SVC", 59.92);
        m.put("Random forest", 56.23);
        m.put("Gradient boosting", 57.13);
        m.put("Logistic regression", 53.59);
        m.put("CatBoost", 59.34);
        return m;
    }

    /** Part 2 models on the VGGish embeddings. */
    public static Map<String, Double> part2() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("logistic", 52.63);
        m.put("lstm", 54.01);
        m.put("fcnn", 48.32);
        m.put("cnn", 53.28);
        return m;
    }
}
