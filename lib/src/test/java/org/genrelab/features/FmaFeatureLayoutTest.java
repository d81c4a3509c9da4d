package org.genrelab.features;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.genrelab.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FmaFeatureLayoutTest {

    @Test
    void our518ColumnsAndHeaderRowsAreThoseOfLibrosasGoldenTable(@TempDir Path dir) throws IOException {
        List<String> golden = Files.readAllLines(SharedData.oracle().resolve("features/legacy_features.csv")).subList(0, 4);
        assertEquals(518, FmaFeatureLayout.fmaColumns().size());
        Path ours = dir.resolve("f.csv");
        new FmaFeatureCsv(FmaFeatureLayout.fmaColumns(), Map.of()).write(ours);
        assertEquals(golden, Files.readAllLines(ours));
    }

    @Test
    void valuesArePrintedAsFmaPrintsThem(@TempDir Path dir) throws IOException {
        // the golden table's first value of synth_song_30s.mp3 (chroma_cens kurtosis 01) read as float32 and printed back
        String row = Files.readAllLines(SharedData.oracle().resolve("features/legacy_features.csv")).get(4);
        String[] cells = row.split(",");
        double[] v = new double[518];
        for (int i = 0; i < 518; i++) v[i] = Float.parseFloat(cells[i + 1]);
        Path ours = dir.resolve("f.csv");
        new FmaFeatureCsv(FmaFeatureLayout.fmaColumns(), Map.of(cells[0], v)).write(ours);
        assertEquals(row, Files.readAllLines(ours).get(4));
    }
}
