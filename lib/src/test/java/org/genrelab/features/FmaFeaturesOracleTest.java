package org.genrelab.features;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.genrelab.SharedData;
import org.genrelab.data.AudioCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end, from the audio files: every clip of {@code oracle/clips} through decoding, all of
 * FMA's features, the statistics, the extractor and the CSV writer, against librosa 0.5.0's golden
 * table ({@code legacy_features.csv}) with the oracle's recommended tolerances, and against its
 * extras (tempo within 1 BPM, harmonic/percussive power).
 */
class FmaFeaturesOracleTest {

    static Path ours;
    static FeatureExtractor.Result result;

    @BeforeAll
    static void extract() throws Exception {
        Path dir = Files.createTempDirectory("genrelab-oracle-features");
        ours = dir.resolve("features.csv");
        var items = AudioCollection.folder(SharedData.oracle().resolve("clips"));
        var tracks = items.stream().map(i -> new FeatureExtractor.Track(i.id(), i.audio())).toList();
        result = new FeatureExtractor(FmaFeatures.COLUMNS, new FmaFeatures(), 2).run(tracks, ours, n -> { });
    }

    @Test
    void every518ValueOfEveryClipIsWithinTheOraclesTolerance() throws IOException {
        assertEquals(List.of(), result.failed(), "no clip fails");
        FmaFeatureCsv golden = FmaFeatureCsv.read(SharedData.oracle().resolve("features/legacy_features.csv"));
        FmaFeatureCsv mine = FmaFeatureCsv.read(ours);
        var tolerances = FmaSpectralFeaturesTest.Tolerance.read(SharedData.oracle().resolve("tolerances.csv"));
        Map<FmaFeatureCsv.Column, Integer> at = new HashMap<>();
        for (int i = 0; i < mine.columns().size(); i++) at.put(mine.columns().get(i), i);
        List<String> off = new ArrayList<>();
        int checked = 0;
        for (String clip : golden.rowIds()) {
            double[] g = golden.row(clip);
            double[] m = mine.row(clip);
            for (int c = 0; c < golden.columns().size(); c++) {
                FmaFeatureCsv.Column col = golden.columns().get(c);
                var tol = FmaSpectralFeaturesTest.Tolerance.find(tolerances, col.feature(), col.statistics());
                double a = m[at.get(col)];
                double b = g[c];
                checked++;
                boolean ok = Double.isNaN(b) ? Double.isNaN(a) : Math.abs(a - b) <= tol.atol() + tol.rtol() * Math.abs(b);
                if (!ok) {
                    off.add(String.format(Locale.ROOT, "%s %s/%s/%s: ours %.8g, librosa %.8g, off by %.3g (allowed %.3g)", clip,
                            col.feature(), col.statistics(), col.number(), a, b, Math.abs(a - b), tol.atol() + tol.rtol() * Math.abs(b)));
                }
            }
        }
        assertEquals(7 * 518, checked);
        assertTrue(off.isEmpty(), off.size() + " of " + checked + " values off:\n" + String.join("\n", off.subList(0, Math.min(60, off.size()))));
    }

    @Test
    void theOraclesOwnComparisonScriptAgrees() throws Exception {
        // compare.py (Python standard library only) is the oracle's reference checker: exit 0 = pass
        Process p = new ProcessBuilder("python3", SharedData.oracle().resolve("compare.py").toString(), ours.toString(),
                SharedData.oracle().resolve("features/legacy_features.csv").toString(), "--tolerances",
                SharedData.oracle().resolve("tolerances.csv").toString(), "--quiet").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }

    @Test
    void tempoAndHarmonicPercussivePowerMatchLibrosasExtras() throws IOException {
        FmaFeatureCsv mine = FmaFeatureCsv.read(ours);
        List<String> lines = Files.readAllLines(SharedData.oracle().resolve("features/legacy_extras.csv"));
        List<String> head = List.of(lines.get(0).split(","));
        List<String> off = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            String clip = f[0];
            double tempo = Double.parseDouble(f[head.indexOf("tempo_bpm")]);
            double harm = Double.parseDouble(f[head.indexOf("harm_power")]);
            double perc = Double.parseDouble(f[head.indexOf("perc_power")]);
            double t = mine.value(clip, "tempo", "value", "01");
            double h = mine.value(clip, "harmonic_power", "value", "01");
            double q = mine.value(clip, "percussive_power", "value", "01");
            if (Math.abs(t - tempo) > 1.0) off.add(clip + " tempo " + t + " vs " + tempo);
            if (Math.abs(h - harm) > 1e-4 * Math.abs(harm) + 1e-9) off.add(clip + " harmonic power " + h + " vs " + harm);
            if (Math.abs(q - perc) > 1e-4 * Math.abs(perc) + 1e-9) off.add(clip + " percussive power " + q + " vs " + perc);
        }
        assertTrue(off.isEmpty(), String.join("\n", off));
    }
}
