package org.genrelab.classic;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.genrelab.data.Split;
import org.genrelab.features.FmaFeatureCsv;
import org.junit.jupiter.api.Test;

/** What notebook 02 says of a table too small for its figures to mean anything, such as fma-sample's ten real clips. */
class Part1InputTest {

    static FeatureTable table(int n, int test) {
        List<String> ids = new ArrayList<>();
        double[][] v = new double[n][1];
        String[] genres = new String[n];
        Split[] splits = new Split[n];
        for (int i = 0; i < n; i++) {
            ids.add(Integer.toString(i + 1));
            v[i][0] = i;
            genres[i] = i % 2 == 0 ? "Rock" : "Hip-Hop";
            splits[i] = i < test ? Split.TEST : Split.TRAINING;
        }
        return new FeatureTable("t", ids, List.of(new FmaFeatureCsv.Column("mfcc", "mean", "01")), v, genres, splits);
    }

    @Test
    void tenTracksAreSaidToShowThePipelineNotTheModels() {
        Part1Input ten = new Part1Input(table(10, 1), null, "ten clips");
        String note = ten.fewTracks().orElseThrow();
        assertTrue(note.startsWith("Only 10 tracks: every model below runs"), note);
        assertTrue(note.contains("about 3 of them and the official split on 1"), note);
        assertTrue(ten.lines().contains(note), "the notebook prints it with the input");
        assertTrue(new Part1Input(table(Part1Input.FEW_TRACKS, 5), null, "enough").fewTracks().isEmpty());
    }
}
