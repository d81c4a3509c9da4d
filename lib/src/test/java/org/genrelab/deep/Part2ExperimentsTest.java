package org.genrelab.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.genrelab.SharedData;
import org.genrelab.data.FmaTracks;
import org.genrelab.data.StudyEmbeddings;
import org.genrelab.results.ResultRow;
import org.genrelab.tune.RandomSearch;
import org.genrelab.tune.TrialProtocol;
import org.genrelab.tune.TrialRecord;
import org.junit.jupiter.api.Test;

/** The Part 2 entry points in a tiny mode: shapes of what they return, and the study's search space. */
class Part2ExperimentsTest {

    /** Two trials at once sharing two PyTorch threads: one each. */
    private static final Part2Settings TINY = new Part2Settings(3, 1, 2, 2, new TrialProtocol(2, 1, true), 2, 2, 2, 1, 2, 2,
            new int[] {20}, 2, 400, 2);

    @Test
    void searchSpaceIsTheStudys() {
        for (LstmConfig c : RandomSearch.sample(500, 1, LstmConfig::sample)) {
            assertTrue(Integer.bitCount(c.hidden()) == 1 && c.hidden() >= 8 && c.hidden() <= 256, c.toString());
            assertTrue(c.layers() >= 1 && c.layers() <= 5, c.toString());
            assertTrue(c.lr() >= 1e-4 && c.lr() < 1e-1, c.toString());
            assertTrue(List.of(16, 32, 64, 128, 256).contains(c.batch()), c.toString());
            assertTrue(c.dropBetween() >= 0 && c.dropBetween() < 0.25 && c.dropOut() >= 0 && c.dropOut() < 0.25);
        }
        assertEquals(new LstmConfig(64, 2, 0.006, 64, 0.1, 0.15), LstmConfig.PUBLISHED);
        assertEquals(LstmConfig.sample(new Random(5)), LstmConfig.sample(new Random(5)));
    }

    @Test
    void fcnnVariantsHaveTheirLayers() {
        assertArrayEquals(new int[] {30}, Part2Experiments.fcnnHidden("1", 30));
        assertArrayEquals(new int[] {128, 30}, Part2Experiments.fcnnHidden("2-1", 30));
        assertArrayEquals(new int[] {128, 60, 30}, Part2Experiments.fcnnHidden("3", 30));
        assertThrows(IllegalArgumentException.class, () -> Part2Experiments.fcnnHidden("4", 30));
    }

    @Test
    void tinySearchAndFcnnReturnCurvesTrialsAndRows() throws Exception {
        StudyEmbeddings e = StudyEmbeddings.load(SharedData.studyEmbeddings(),
                FmaTracks.load(SharedData.data().resolve("fma_small_tracks.csv")));
        LstmSearchResult s = Part2Experiments.lstmSearch(e, TINY, 11);
        assertEquals(3, s.trials().size());
        for (TrialRecord<LstmConfig> t : s.trials()) {
            assertEquals(null, t.failure());
            assertTrue(t.stoppedAt() == 1 || t.stoppedAt() == 2, "at most 2 epochs: " + t);
            assertEquals(t.stoppedAt(), t.curve().size());
        }
        // the first trial to reach rung 1 is always promoted, so at least one ran to the max
        assertTrue(s.trials().stream().anyMatch(t -> t.stoppedAt() == 2));
        assertEquals(2, s.retrained().runs().size(), "one retraining per seed");
        TrainingRun r = s.retrained().runs().get(0);
        assertTrue(r.epochs() >= 1 && r.epochs() <= 2);
        assertEquals(e.test().size(), r.testPredicted().length);
        assertEquals(e.genres().size(), r.testProbabilities()[0].length);
        ResultRow f1 = s.retrained().row("macro_f1");
        assertTrue(f1.value() > 0 && f1.value() <= 1);

        ModelResult f = Part2Experiments.fcnn("2-1", 20, e, TINY, 3);
        assertEquals(2, f.runs().size());
        ResultRow auc = f.row("macro_auc");
        assertEquals(2, auc.runs());
        assertTrue(auc.value() > 0.6, "FCNN macro AUC " + auc.value());
        assertNotEquals(f.runs().get(0).trainLoss().get(0), f.runs().get(1).trainLoss().get(0), "seeds differ"); // values, not boxes
        // the validation accuracy reported is that of each run's tested epoch, whose predictions are the argmax of its probabilities
        assertEquals(f.meanBestValAccuracy(), f.row(ResultRow.VAL_ACCURACY).value(), 1e-12);
        var saved = f.predictions(e.genres());
        for (int k = 0; k < saved.size(); k++) {
            int[] argmax = org.genrelab.eval.ProbabilityEnsemble.predict(saved.get(k).probabilities());
            assertArrayEquals(f.runs().get(k).testPredicted(), argmax);
        }
    }

    @Test
    void aKilledSearchRunAgainReplaysItsJournalAndEndsAsAnUninterruptedOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        StudyEmbeddings e = StudyEmbeddings.load(SharedData.studyEmbeddings(),
                FmaTracks.load(SharedData.data().resolve("fma_small_tracks.csv")));
        Part2Settings six = new Part2Settings(6, 1, 2, 2, new TrialProtocol(2, 1, true), 2, 2, 1, 1, 2, 2, new int[] {20}, 2, 400, 1);
        List<TrialRecord<LstmConfig>> uninterrupted = Part2Experiments.lstmSearch(e, six, 11).trials();

        java.util.concurrent.atomic.AtomicInteger ended = new java.util.concurrent.atomic.AtomicInteger();
        IllegalStateException killed = assertThrows(IllegalStateException.class, () -> Part2Experiments.lstmSearch(e, six, 11, dir, t -> {
            if (ended.incrementAndGet() == 3) throw new AssertionError("killed after 3 trials");
        }));
        assertTrue(killed.getCause() instanceof AssertionError, String.valueOf(killed.getCause()));
        try (var files = java.nio.file.Files.list(dir)) {
            assertEquals(1, files.filter(f -> f.toString().endsWith(".jsonl")).count(), "the killed search left its journal");
        }

        LstmSearchResult resumed = Part2Experiments.lstmSearch(e, six, 11, dir, t -> { });
        assertTrue(resumed.resumedTrials() >= 3 && resumed.resumedTrials() <= 6, resumed.resumedTrials() + " replayed");
        assertEquals(uninterrupted, resumed.trials(), "the same trials, curves and decisions as without the kill");
        try (var files = java.nio.file.Files.list(dir)) {
            assertEquals(0, files.filter(f -> f.toString().endsWith(".jsonl")).count(), "a finished search removes its journal");
        }
    }

    @Test
    void aRunWhoseLossIsNaNIsRefusedAndNotJournalled(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        StudyEmbeddings e = StudyEmbeddings.load(SharedData.studyEmbeddings(),
                FmaTracks.load(SharedData.data().resolve("fma_small_tracks.csv")));
        int classes = e.genres().size();
        TrainSettings ts = new TrainSettings("sgd", 0.005, 100, 2, 0, 3);
        java.util.function.LongFunction<ai.djl.nn.Block> nanFrom2 = s -> { // the second seed's network outputs NaN
            ai.djl.nn.SequentialBlock b = new ai.djl.nn.SequentialBlock();
            b.add(ClassifierBlocks.fcnn(new int[] {8}, 0, classes, s));
            if (s == 2) b.add(new ai.djl.nn.LambdaBlock(l -> new ai.djl.ndarray.NDList(l.singletonOrThrow().mul(Float.NaN))));
            return b;
        };
        var err = assertThrows(IllegalStateException.class,
                () -> Part2Experiments.train("fcnn", "nan", nanFrom2, e, TINY.withRunJournal(dir), ts, new long[] {1, 2}));
        assertTrue(err.getMessage().startsWith("fcnn, seed 2: the training loss was NaN at epoch 1"), err.getMessage());
        try (var files = java.nio.file.Files.list(dir)) {
            assertEquals(1, files.filter(f -> f.toString().endsWith(".json")).count(), "seed 1 journalled, seed 2 not");
        }
    }

    @Test
    void aNotebookKilledBetweenRunsLoadsTheRunsItFinishedAndTrainsOnlyTheRest(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        StudyEmbeddings e = StudyEmbeddings.load(SharedData.studyEmbeddings(),
                FmaTracks.load(SharedData.data().resolve("fma_small_tracks.csv")));
        int classes = e.genres().size();
        long[] seeds = {5, 6, 7};
        TrainSettings ts = new TrainSettings("adam", 1e-3, 300, 2, 0, 5);
        ModelResult plain = Part2Experiments.train("cnn", "ConvNet", s -> ClassifierBlocks.cnn(classes, s), e, TINY, ts, seeds);

        Part2Settings journalled = TINY.withRunJournal(dir);
        assertEquals(TINY, journalled, "where runs are kept is not part of the settings");
        assertThrows(IllegalStateException.class, () -> Part2Experiments.train("cnn", "ConvNet", s -> {
            if (s == 7) throw new IllegalStateException("killed before the third run");
            return ClassifierBlocks.cnn(classes, s);
        }, e, journalled, ts, seeds));
        try (var files = java.nio.file.Files.list(dir)) {
            assertEquals(2, files.filter(f -> f.toString().endsWith(".json")).count(), "the two finished runs are journalled");
        }
        java.util.concurrent.atomic.AtomicInteger built = new java.util.concurrent.atomic.AtomicInteger();
        List<String> said = new java.util.ArrayList<>();
        Part2Settings saying = journalled.withLog(said::add);
        assertEquals(journalled, saying, "where the experiments say what they do is not part of the settings");
        ModelResult resumed = Part2Experiments.train("cnn", "ConvNet", s -> {
            built.incrementAndGet();
            return ClassifierBlocks.cnn(classes, s);
        }, e, saying, ts, seeds);
        assertEquals(1, built.get(), "only the third run is trained");
        assertEquals(2, said.size(), said.toString());
        assertTrue(said.get(0).startsWith("cnn, seed 5: trained before") && said.get(0).contains("run journal"), said.get(0));
        for (int i = 0; i < seeds.length; i++) {
            TrainingRun a = plain.runs().get(i);
            TrainingRun b = resumed.runs().get(i);
            assertEquals(a.valAccuracy(), b.valAccuracy(), "seed " + seeds[i]);
            assertEquals(a.trainLoss(), b.trainLoss(), "seed " + seeds[i]);
            assertEquals(a.bestEpoch(), b.bestEpoch());
            assertArrayEquals(a.testPredicted(), b.testPredicted());
            assertTrue(java.util.Arrays.deepEquals(a.testProbabilities(), b.testProbabilities()));
        }
        assertEquals(plain.row("macro_f1").value(), resumed.row("macro_f1").value(), 0);
        assertEquals(plain.row("macro_auc").value(), resumed.row("macro_auc").value(), 0);

        built.set(0);
        Part2Experiments.train("cnn", "ConvNet, another network", s -> {
            built.incrementAndGet();
            return ClassifierBlocks.cnn(classes, s);
        }, e, journalled, ts, new long[] {5});
        assertEquals(1, built.get(), "a run of another network is not taken from the journal");
    }
}
