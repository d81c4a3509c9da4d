package org.genrelab.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.genrelab.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FmaFeatureCsvTest {

    @Test
    void readsGoldenLegacyFeatures() throws IOException {
        FmaFeatureCsv csv = FmaFeatureCsv.read(SharedData.oracle().resolve("features/legacy_features.csv"));
        assertEquals(518, csv.columns().size());
        assertEquals(7, csv.rowIds().size());
        assertTrue(csv.rowIds().contains("synth_song_30s.mp3"));
        assertEquals(new FmaFeatureCsv.Column("chroma_cens", "kurtosis", "01"), csv.columns().get(0));
        assertEquals(new FmaFeatureCsv.Column("zcr", "std", "01"), csv.columns().get(517));
        assertEquals(20, csv.values("synth_song_30s.mp3", "mfcc", "mean").length);
        // the silence clip's rows are constant: scipy 0.19 kurtosis −3
        assertEquals(-3.0, csv.value("silence_5s.wav", "zcr", "kurtosis", "01"), 0);
    }

    /** FMA's 11 features with their row counts give exactly the golden file's 518 columns in order. */
    @Test
    void columnsForFmaFeaturesAreTheGoldenOnes() throws IOException {
        FmaFeatureCsv csv = FmaFeatureCsv.read(SharedData.oracle().resolve("features/legacy_features.csv"));
        Map<String, Integer> sizes = new java.util.LinkedHashMap<>();
        // deliberately not in sorted order
        sizes.put("zcr", 1); sizes.put("mfcc", 20); sizes.put("chroma_stft", 12); sizes.put("tonnetz", 6);
        sizes.put("chroma_cqt", 12); sizes.put("rmse", 1); sizes.put("spectral_contrast", 7);
        sizes.put("chroma_cens", 12); sizes.put("spectral_rolloff", 1); sizes.put("spectral_centroid", 1);
        sizes.put("spectral_bandwidth", 1);
        assertEquals(csv.columns(), FmaFeatureCsv.columns(sizes));
        // and row() places each statistic where the golden file has it
        List<FmaFeatureCsv.Column> cols = FmaFeatureCsv.columns(Map.of("zcr", 1, "spectral_contrast", 7));
        float[][] contrast = new float[7][7];
        contrast[FeatureStatistics.SKEW][6] = 42f;
        double[] row = FmaFeatureCsv.row(cols, Map.of("spectral_contrast", contrast));
        assertEquals(42.0, row[cols.indexOf(new FmaFeatureCsv.Column("spectral_contrast", "skew", "07"))]);
        assertTrue(Double.isNaN(row[cols.indexOf(new FmaFeatureCsv.Column("zcr", "max", "01"))]));
    }

    @Test
    void roundTripsAndReportsBadFiles(@TempDir Path dir) throws IOException {
        List<FmaFeatureCsv.Column> cols = List.of(new FmaFeatureCsv.Column("rmse", "max", "01"),
                new FmaFeatureCsv.Column("rmse", "mean", "01"));
        FmaFeatureCsv t = new FmaFeatureCsv(cols, Map.of("a.mp3", new double[] {0.25f, Double.NaN}));
        Path f = dir.resolve("t.csv");
        t.write(f);
        assertEquals("track_id,,", Files.readAllLines(f).get(3));
        FmaFeatureCsv back = FmaFeatureCsv.read(f);
        assertEquals(cols, back.columns());
        assertArrayEquals(new double[] {0.25, Double.NaN}, back.row("a.mp3"));

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "feature,rmse\nstatistics,max\nnumber,01\ntrack_id,\nx.mp3,abc\n");
        IOException e = assertThrows(IOException.class, () -> FmaFeatureCsv.read(bad));
        assertTrue(e.getMessage().contains("bad.csv") && e.getMessage().contains("abc"), e.getMessage());
    }
}
