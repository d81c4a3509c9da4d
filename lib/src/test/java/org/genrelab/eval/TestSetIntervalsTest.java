package org.genrelab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.genrelab.results.PredictionsCsv;
import org.genrelab.results.RunParameters;
import org.genrelab.report.IntervalTables;

class TestSetIntervalsTest {

    @TempDir
    java.nio.file.Path dir;

    private static final List<String> CLASSES = List.of("Folk", "Pop", "Rock");

    /** 600 items, classes in turn; the model is wrong on every item i with i % every == 0 (never, for every = 0). */
    private static int[] predictions(int every) {
        int[] p = new int[600];
        for (int i = 0; i < p.length; i++) p[i] = every > 0 && i % every == 0 ? (i + 1) % 3 : i % 3;
        return p;
    }

    private static int[] truth() {
        return predictions(0);
    }

    private static List<PredictionsCsv.Run> runs(String model, int... everies) {
        List<PredictionsCsv.Run> out = new ArrayList<>();
        for (int k = 0; k < everies.length; k++) out.add(PredictionsCsv.Run.of(model, k, truth(), predictions(everies[k]), CLASSES));
        return out;
    }

    @Test
    void aClearlyWeakerModelDiffersFromTheReferenceOnEveryResampleAndATwinDoesNot() {
        Map<String, List<PredictionsCsv.Run>> byModel = new LinkedHashMap<>();
        byModel.put("good", runs("good", 10, 12)); // wrong on 10% and 8.3% of items
        byModel.put("twin", runs("twin", 10, 12));
        byModel.put("weak", runs("weak", 2)); // wrong on half
        List<TestSetIntervals.Row> rows = TestSetIntervals.of(byModel, "good", 1000, 0.95, 42);
        assertEquals(List.of("good", "twin", "weak"), rows.stream().map(TestSetIntervals.Row::model).toList());

        TestSetIntervals.Row good = rows.get(0);
        double expected = (ClassificationMetrics.macroF1(truth(), predictions(10), 3)
                + ClassificationMetrics.macroF1(truth(), predictions(12), 3)) / 2;
        assertEquals(expected, good.macroF1().estimate(), 1e-15);
        assertTrue(good.macroF1().lower() < expected && expected < good.macroF1().upper(), good.toString());
        assertEquals(2, good.runs());
        assertEquals(0, good.difference().lower());
        assertEquals(0, good.difference().upper());
        assertEquals(0, good.higherShare());

        TestSetIntervals.Row twin = rows.get(1);
        assertEquals(good.macroF1(), twin.macroF1(), "same predictions, same resamples, same interval");
        assertEquals(0, twin.difference().lower(), "paired with the reference resample by resample: " + twin);
        assertEquals(0, twin.difference().upper(), "paired with the reference resample by resample: " + twin);

        TestSetIntervals.Row weak = rows.get(2);
        assertEquals(ClassificationMetrics.macroF1(truth(), predictions(2), 3) - expected, weak.difference().estimate(), 1e-15);
        assertTrue(weak.difference().upper() < 0 && weak.difference().excludesZero(), weak.toString());
        assertEquals(1.0, weak.higherShare());
    }

    @Test
    void theNotebooksSavedPredictionsGiveTheSameRowsAsTheRunsInMemory() throws Exception {
        RunParameters params = RunParameters.from(Map.of("GENRELAB_ROOT", dir.toString(), "GENRELAB_REPORT", dir.toString()));
        List<PredictionsCsv.Run> lstm = new ArrayList<>(runs("lstm", 6, 7));
        lstm.addAll(runs("lstm-other", 3));
        PredictionsCsv.write(PredictionsCsv.fileFor(params, "05-lstm"), lstm);
        PredictionsCsv.write(PredictionsCsv.fileFor(params, "07-cnn"), runs("cnn", 4, 5));
        List<TestSetIntervals.Row> fromFiles = TestSetIntervals.fromNotebooks(params, List.of("04-missing", "05-lstm", "07-cnn"),
                List.of("cnn", "lstm"), "lstm", 9);
        Map<String, List<PredictionsCsv.Run>> inMemory = new LinkedHashMap<>();
        inMemory.put("cnn", runs("cnn", 4, 5));
        inMemory.put("lstm", runs("lstm", 6, 7));
        assertEquals(TestSetIntervals.of(inMemory, "lstm", TestSetIntervals.RESAMPLES, TestSetIntervals.LEVEL, 9), fromFiles);
        var e = assertThrows(IllegalStateException.class,
                () -> TestSetIntervals.fromNotebooks(params, List.of("05-lstm"), List.of("lstm", "cnn"), "lstm", 9));
        assertTrue(e.getMessage().contains("'cnn'"), e.getMessage());
    }

    @Test
    void versusPutsTheModelFirstAndTheReferenceSecond() {
        List<TestSetIntervals.Row> rows = TestSetIntervals.versus("ensemble", runs("ensemble", 11, 13), "best", runs("best", 9), 5);
        assertEquals(List.of("ensemble", "best"), rows.stream().map(TestSetIntervals.Row::model).toList());
        assertTrue(rows.get(0).difference().estimate() > 0, rows.get(0).toString());
        assertEquals(0, rows.get(1).difference().estimate());
    }

    @Test
    void theSameSeedGivesTheSameIntervals() {
        Map<String, List<PredictionsCsv.Run>> byModel = Map.of("a", runs("a", 4), "b", runs("b", 5));
        assertEquals(TestSetIntervals.of(byModel, "a", 300, 0.9, 1), TestSetIntervals.of(byModel, "a", 300, 0.9, 1));
    }

    @Test
    void runsOnOtherItemsOrAnUnknownReferenceAreRefused() {
        Map<String, List<PredictionsCsv.Run>> byModel = new LinkedHashMap<>();
        byModel.put("a", runs("a", 4));
        int[] otherTruth = truth();
        otherTruth[0] = 2;
        byModel.put("b", List.of(PredictionsCsv.Run.of("b", 0, otherTruth, predictions(5), CLASSES)));
        var e = assertThrows(IllegalArgumentException.class, () -> TestSetIntervals.of(byModel, "a", 100, 0.95, 1));
        assertTrue(e.getMessage().contains("b run 0 was tested on other items"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TestSetIntervals.of(Map.of("a", runs("a", 4)), "z", 100, 0.95, 1));
        assertTrue(e.getMessage().contains("'z'"), e.getMessage());
    }

    @Test
    void theBestModelHasTheHighestMeanMacroF1() {
        Map<String, List<PredictionsCsv.Run>> byModel = new LinkedHashMap<>();
        byModel.put("weak", runs("weak", 2));
        byModel.put("mixed", runs("mixed", 2, 50)); // one run as weak, one nearly right: mean between
        byModel.put("good", runs("good", 10, 12));
        byModel.put("goodTwin", runs("goodTwin", 10, 12)); // the same runs: the first on a tie
        assertEquals("good", TestSetIntervals.best(byModel));
        byModel.remove("good");
        byModel.remove("goodTwin");
        assertEquals("mixed", TestSetIntervals.best(byModel));
        assertThrows(IllegalArgumentException.class, () -> TestSetIntervals.best(Map.of()));
    }

    @Test
    void theTableAndChartShowEveryModel() {
        Map<String, List<PredictionsCsv.Run>> byModel = new LinkedHashMap<>();
        byModel.put("a", runs("a", 4));
        byModel.put("b", runs("b", 3));
        List<TestSetIntervals.Row> rows = TestSetIntervals.of(byModel, "a", 200, 0.95, 3);
        var t = IntervalTables.table("t", rows);
        assertEquals(2, t.rowCount());
        assertEquals(100 * rows.get(1).macroF1().lower(), t.doubleColumn("95% low").getDouble(1), 1e-12);
        assertEquals(100 * rows.get(1).difference().upper(), t.doubleColumn("difference 95% high").getDouble(1), 1e-12);
        var chart = IntervalTables.chart("c", rows);
        assertEquals(List.of("a", "b"), List.copyOf(chart.getSeriesMap().keySet()));
        assertEquals(2.0, chart.getSeriesMap().get("a").getYData()[0], "the first model at the top");
        assertEquals(1.0, chart.getSeriesMap().get("b").getYData()[0]);
        assertEquals(100 * rows.get(1).macroF1().upper(), chart.getSeriesMap().get("b").getXData()[2], 1e-12);
    }
}
