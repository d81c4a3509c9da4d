package org.genrelab.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.genrelab.SharedData;
import org.genrelab.dsp.OracleFrames;
import org.junit.jupiter.api.Test;

/** The 294 chroma/tonnetz statistics of the three frame clips against legacy_features.csv with tolerances.csv. */
class ChromaFeaturesTest {

    @Test
    void statisticsMatchLegacyFeaturesCsv() throws IOException {
        Path oracle = SharedData.oracle();
        FmaFeatureCsv golden = FmaFeatureCsv.read(oracle.resolve("features/legacy_features.csv"));
        List<FmaSpectralFeaturesTest.Tolerance> tolerances = FmaSpectralFeaturesTest.Tolerance.read(oracle.resolve("tolerances.csv"));
        List<String> failures = new ArrayList<>();
        Map<String, Double> worst = new LinkedHashMap<>();
        int checked = 0;
        for (String clip : OracleFrames.CLIPS) {
            String rowId = clip.replaceAll("_mp3$", ".mp3");
            ChromaFeatures cf = ChromaFeatures.compute(OracleFrames.y(clip), 44100);
            for (Map.Entry<String, float[][]> e : cf.statistics().entrySet()) {
                String feature = e.getKey();
                for (int s = 0; s < FeatureStatistics.STATISTICS.size(); s++) {
                    String statistic = FeatureStatistics.STATISTICS.get(s);
                    double[] expected = golden.values(rowId, feature, statistic);
                    float[] actual = e.getValue()[s];
                    assertEquals(expected.length, actual.length, feature + " " + statistic + ": number of rows");
                    var tol = FmaSpectralFeaturesTest.Tolerance.find(tolerances, feature, statistic);
                    for (int i = 0; i < expected.length; i++) {
                        double dev = Math.abs(actual[i] - expected[i]);
                        double allowed = tol.atol() + tol.rtol() * Math.abs(expected[i]);
                        checked++;
                        worst.merge(feature + "/" + statistic, dev / allowed, Math::max);
                        if (!(dev <= allowed) && !(Double.isNaN(actual[i]) && Double.isNaN(expected[i]))) {
                            failures.add(String.format("%s %s %s %d: expected %.8g, got %.8g, |diff| %.3g > %.3g",
                                    rowId, feature, statistic, i + 1, expected[i], actual[i], dev, allowed));
                        }
                    }
                }
            }
        }
        System.out.println("chroma statistics checked: " + checked + ", failed: " + failures.size());
        worst.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(5)
                .forEach(e -> System.out.printf("  worst %s: %.3g of its tolerance%n", e.getKey(), e.getValue()));
        if (!failures.isEmpty()) fail(failures.size() + " statistics out of tolerance:\n" + String.join("\n", failures));
        assertEquals(3 * 7 * 42, checked);
    }
}
