package org.genrelab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.genrelab.classic.FeatureTable;
import org.genrelab.classic.LogisticRegressionTrainer;
import org.genrelab.classic.ModelTrainer;
import org.genrelab.classic.StudyProtocol;
import org.genrelab.classic.SvcTrainer;
import org.genrelab.data.AudioCollection;
import org.genrelab.data.FmaTracks;
import org.genrelab.data.Split;
import org.genrelab.data.SyntheticCorpus;
import org.genrelab.eval.TestSetIntervals;
import org.genrelab.features.FeatureExtractor;
import org.genrelab.features.FmaFeatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * lib/README.md's example of calling the library from a plain Java program, run as written there on a small
 * synthetic corpus in FMA's layout: the features of a tracks.csv's audio, two models with explicit settings on the
 * official split, and the bootstrap intervals of their test predictions.
 */
class LibraryExampleTest {

    @Test
    void theReadmeExampleRunsEndToEnd(@TempDir Path dir) throws Exception {
        SyntheticCorpus.ensure(dir.resolve("corpus"), new SyntheticCorpus.Parameters(6, 7, 5.0), 2);
        Path tracksCsv = dir.resolve("corpus/tracks.csv");
        Path featuresCsv = dir.resolve("features.csv");

        // --- lib/README.md, "Calling the library" ---
        // 1. FMA's 518 features of the small subset's clips (no tempo/HPSS: false), on 2 threads; resumable
        var tracks = AudioCollection.tracksCsv(tracksCsv, "small").stream().map(FeatureExtractor.Track::of).toList();
        var extracted = new FeatureExtractor(FmaFeatures.COLUMNS, new FmaFeatures(false), 2)
                .run(tracks, featuresCsv, done -> { });
        extracted.failed().forEach(f -> System.out.println("failed: " + f.id() + ": " + f.reason()));

        // 2. MFCC statistics, labelled from tracks.csv; an SVC and a logistic regression with explicit settings, trained
        //    on the official training split and scored on its test split
        FeatureTable mfcc = FeatureTable.readFmaCsv(extracted.table()).withLabels(FmaTracks.load(tracksCsv))
                .selectFeatures(List.of("mfcc"));
        List<ModelTrainer> models = List.of(new SvcTrainer(1.0, 1e-3, 2), new LogisticRegressionTrainer(2));
        var outcome = StudyProtocol.official("my-experiment", mfcc, models, 42);

        // 3. test macro-F1 with 95% bootstrap intervals over the test tracks, and each model's difference to the SVC
        var intervals = TestSetIntervals.of(outcome.predictions(), "SVC", 42);
        intervals.forEach(r -> System.out.printf("%s: %.1f%% (%.1f–%.1f)%n", r.model(), 100 * r.macroF1().estimate(),
                100 * r.macroF1().lower(), 100 * r.macroF1().upper()));
        // --- end of the example ---

        assertEquals(tracks.size(), extracted.rows() + extracted.failed().size(), "a row or a failure per listed track");
        assertEquals(tracks.size() - extracted.failed().size(), mfcc.size(), "the labelled table holds every computed track");
        assertEquals(List.of("SVC", "Logistic regression"), intervals.stream().map(TestSetIntervals.Row::model).toList());
        long testTracks = Arrays.stream(mfcc.splits()).filter(x -> x == Split.TEST).count();
        for (var r : intervals) {
            assertTrue(r.macroF1().lower() <= r.macroF1().estimate() && r.macroF1().estimate() <= r.macroF1().upper(),
                    r.toString());
            assertEquals(outcome.meanMacroF1(r.model()), r.macroF1().estimate(), 1e-12, "the interval is around the model's test score");
            assertEquals(testTracks, outcome.predictions().get(r.model()).get(0).truth().size(), "scored on the official test split");
        }
        assertEquals(0, intervals.get(0).difference().estimate(), 0, "the SVC's difference to itself");
    }
}
