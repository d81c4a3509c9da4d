package org.genrelab.features;

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
            float[] y = readPcm16Mono(oracle.resolve("clips").resolve(clip));
            StftFeatures f = StftFeatures.compute(y, 44100);
            checked += FmaSpectralFeaturesTest.compareStatistics(golden, clip, f.statistics(), tol, failures, worst);
        }
        System.out.println("wav statistics checked: " + checked + ", failed: " + failures.size());
        worst.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(5)
                .forEach(e -> System.out.printf("  worst %s: %.3g of its tolerance%n", e.getKey(), e.getValue()));
        if (!failures.isEmpty()) fail(failures.size() + " statistics out of tolerance:\n" + String.join("\n", failures));
        assertEquals(2 * 7 * 32, checked);
    }

    /** A canonical PCM WAV (format 1, 16-bit, mono) as float32 samples k/32768. */
    static float[] readPcm16Mono(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) throw new IOException(file + ": not a RIFF/WAVE file");
        int pos = 12;
        short channels = 0, bits = 0;
        while (pos + 8 <= b.limit()) {
            int id = b.getInt(pos), size = b.getInt(pos + 4);
            if (id == 0x20746d66) { // "fmt "
                channels = b.getShort(pos + 10);
                bits = b.getShort(pos + 22);
            } else if (id == 0x61746164) { // "data"
                if (channels != 1 || bits != 16) throw new IOException(file + ": expected mono 16-bit PCM, got " + channels + " ch, " + bits + " bits");
                float[] y = new float[size / 2];
                for (int i = 0; i < y.length; i++) y[i] = b.getShort(pos + 8 + 2 * i) / 32768f;
                return y;
            }
            pos += 8 + size + (size & 1);
        }
        throw new IOException(file + ": no data chunk");
    }
}
