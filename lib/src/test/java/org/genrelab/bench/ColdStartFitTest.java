package org.genrelab.bench;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.genrelab.SharedData;
import org.genrelab.classic.FeatureTable;
import org.genrelab.classic.MatrixExport;
import org.genrelab.classic.TrainTestSplit;
import org.genrelab.data.FmaTracks;
import org.genrelab.data.StudyEmbeddings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench classic}'s cold start: one fit in a fresh JVM, on matrices exported from 100 tracks per genre. */
class ColdStartFitTest {

    @Test
    void aColdStartFitRunsInAFreshJvmAndReportsItsFailures(@TempDir Path dir) throws Exception {
        FeatureTable small = FeatureTable.ofEmbeddings(StudyEmbeddings.load(SharedData.studyEmbeddings(),
                FmaTracks.load(SharedData.data().resolve("fma_small_tracks.csv")))).headPerGenre(100);
        MatrixExport.write(TrainTestSplit.stratified(small, 0.25, 9), dir);
        double s = ColdStartFit.inFreshJvm(dir, "Logistic regression", 1, 2);
        assertTrue(s > 0 && s < 60, "seconds " + s);
        var e = assertThrows(IllegalStateException.class, () -> ColdStartFit.inFreshJvm(dir, "Polka model", 1, 2));
        assertTrue(e.getMessage().contains("no study model named 'Polka model'"), e.getMessage());
    }
}
