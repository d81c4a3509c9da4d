package org.genrelab.features;

import org.genrelab.OracleFiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.genrelab.SharedData;
import org.junit.jupiter.api.Test;

/**
 * End to end on the two 16-bit PCM WAV clips of the oracle (no MP3 decoder needed: the samples
 * are int16 / 32768): a 2-s 1 kHz sine and 5 s of digital silence, whose constant rows exercise
 * scipy 0.19's skew 0 / kurtosis −3, librosa's zero-norm columns and power_to_db's amin floor.
 */
class WavClipStatisticsTest {

    @Test
    void statisticsMatchLegacyFeaturesCsv() throws IOException {
        Path oracle = SharedData.oracle();
        FmaFeatureCsv golden = FmaFeatureCsv.read(oracle.resolve("features/legacy_features.csv"));
        List<FmaSpectralFeaturesTest.Tolerance> tol = FmaSpectralFeaturesTest.Tolerance.read(oracle.resolve("tolerances.csv"));
        List<String> failures = new ArrayList<>();
        Map<String, Double> worst = new LinkedHashMap<>();
        int checked = 0;
        for (String clip : List.of("sine1k_2s.wav", "silence_5s.wav")) {
            float[] y = OracleFiles.pcm16Mono(oracle.resolve("clips").resolve(clip));
            StftFeatures f = StftFeatures.compute(y, 44100);
            checked += FmaSpectralFeaturesTest.compareStatistics(golden, clip, f.statistics(), tol, failures, worst);
        }
        System.out.println("wav statistics checked: " + checked + ", failed: " + failures.size());
        worst.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(5)
                .forEach(e -> System.out.printf("  worst %s: %.3g of its tolerance%n", e.getKey(), e.getValue()));
        if (!failures.isEmpty()) fail(failures.size() + " statistics out of tolerance:\n" + String.join("\n", failures));
        assertEquals(2 * 7 * 32, checked);
    }

}
