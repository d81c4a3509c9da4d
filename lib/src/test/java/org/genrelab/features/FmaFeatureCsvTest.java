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
