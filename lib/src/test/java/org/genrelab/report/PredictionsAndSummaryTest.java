package org.genrelab.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.genrelab.results.RunParameters;
import org.genrelab.results.ResultRow;
import org.genrelab.results.ResultsCsv;
import org.genrelab.results.PredictionsCsv;
import org.genrelab.results.Machine;

/** Predictions round-trip through their file; the summary's best model, per-genre F1 and confusion by hand. */
class PredictionsAndSummaryTest {

    @TempDir
    Path dir;

    @Test
    void predictionsRoundTripAndFeedPerGenreScores() throws Exception {
        RunParameters p = RunParameters.from(Map.of("GENRELAB_ROOT", dir.toString(), "GENRELAB_REPORT", dir.toString()));
        List<String> classes = List.of("Folk", "Rock");
        // run 0: truth F F R R, predicted F R R R -> Folk P=1 R=.5 F1=2/3; Rock P=2/3 R=1 F1=.8
        // run 1: all right -> F1 1 and 1
        List<PredictionsCsv.Run> runs = List.of(
                PredictionsCsv.Run.of("cnn", 0, new int[] {0, 0, 1, 1}, new int[] {0, 1, 1, 1}, classes),
                PredictionsCsv.Run.of("cnn", 1, new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 1}, classes),
                PredictionsCsv.Run.of("fcnn", 0, new int[] {0, 1}, new int[] {1, 0}, classes));
        PredictionsCsv.write(PredictionsCsv.fileFor(p, "07-cnn"), runs);
        assertEquals(runs, PredictionsCsv.read(PredictionsCsv.fileFor(p, "07-cnn")));

        List<PredictionsCsv.Run> cnn = Part2Summary.predictions(p, List.of("06-missing", "07-cnn"), "cnn");
        assertEquals(2, cnn.size());
        var t = Part2Summary.perClassF1("per genre", cnn);
        assertEquals(List.of("Folk", "Rock"), t.stringColumn("genre").asList());
        assertEquals(100 * (2.0 / 3 + 1) / 2, t.doubleColumn("F1 (%)").getDouble(0), 1e-9);
        assertEquals(100 * (1.0 / 3) / 2, t.doubleColumn("std").getDouble(0), 1e-9);
        assertEquals(90.0, t.doubleColumn("F1 (%)").getDouble(1), 1e-9);
        int[][] c = Part2Summary.confusion(cnn);
        assertArrayEquals(new int[] {3, 1}, c[0]);
        assertArrayEquals(new int[] {0, 4}, c[1]);
        assertThrows(IllegalStateException.class, () -> Part2Summary.predictions(p, List.of("07-cnn"), "lstm"));
    }

    @Test
    void summaryTableCarriesTimeAndDeviceAndNamesTheBestModel() throws Exception {
        RunParameters p = RunParameters.from(Map.of("GENRELAB_ROOT", dir.toString(), "GENRELAB_REPORT", dir.toString()));
        ResultsCsv.write(p.resultsFile("07-cnn"), List.of(
                ResultRow.of("part2", "cnn", "macro_f1", new double[] {0.50, 0.54}, 12.5, "cpu", "d"),
                ResultRow.of("part2", "cnn", "accuracy", new double[] {0.55, 0.57}, 12.5, "cpu", "d")));
        ResultsCsv.write(p.resultsFile("06-fcnn"), List.of(
                ResultRow.of("part2", "fcnn-2-1-h30", "macro_f1", new double[] {0.49}, 3, "cpu", "d")));
        var t = Part2Summary.table(p, StudyReference.part2(), List.of("06-fcnn", "07-cnn"));
        assertEquals(2, t.rowCount());
        assertEquals(52.0, t.doubleColumn("ours").getDouble(1), 1e-9);
        assertEquals(12.5, t.doubleColumn("train seconds").getDouble(1), 1e-9);
        assertEquals(53.28, t.doubleColumn("study").getDouble(1), 1e-9);
        assertEquals("cnn", Part2Summary.bestModel(t));
        assertTrue(Machine.describe().contains("cores"));
        assertTrue(Files.exists(p.resultsFile("06-fcnn")));
    }

    @Test
    void probabilitiesRoundTripToFloatPrecisionAndOnlyWhenEveryRunHasThem() throws Exception {
        List<String> classes = List.of("Folk", "Rock");
        double third = (float) (1.0 / 3);
        var withP = PredictionsCsv.Run.of("cnn", 0, new int[] {0, 1}, new int[] {1, 1},
                new double[][] {{third, (float) (2.0 / 3)}, {0.25, 0.75}}, classes);
        Path f = dir.resolve("p.csv");
        PredictionsCsv.write(f, List.of(withP));
        assertTrue(Files.readString(f).startsWith(PredictionsCsv.HEADER + ",p_Folk,p_Rock\n"), Files.readString(f));
        assertEquals(List.of(withP), PredictionsCsv.read(f));
        // a double that is not a float comes back as the nearest float
        var exact = PredictionsCsv.Run.of("cnn", 0, new int[] {0}, new int[] {1}, new double[][] {{1.0 / 3, 2.0 / 3}}, classes);
        PredictionsCsv.write(f, List.of(exact));
        assertEquals((float) (1.0 / 3), PredictionsCsv.read(f).get(0).probabilities()[0][0], 0);
        // one run without probabilities: the file has none, and the runs read back without them
        var without = PredictionsCsv.Run.of("fcnn", 0, new int[] {0, 1}, new int[] {0, 1}, classes);
        PredictionsCsv.write(f, List.of(withP, without));
        assertEquals(PredictionsCsv.HEADER, Files.readAllLines(f).get(0));
        assertTrue(PredictionsCsv.read(f).stream().noneMatch(PredictionsCsv.Run::hasProbabilities));
        // a probability that is not a number is named
        Files.writeString(f, PredictionsCsv.HEADER + ",p_Folk,p_Rock\ncnn,0,0,Folk,Rock,0.5,x\n");
        var e = assertThrows(java.io.IOException.class, () -> PredictionsCsv.read(f));
        assertTrue(e.getMessage().contains("'x'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PredictionsCsv.Run.of("cnn", 0, new int[] {0}, new int[] {0},
                new double[][] {{1.0}}, classes), "a row of probabilities per class");
    }

    @Test
    void aFileThatIsNotPredictionsIsRefused() throws Exception {
        Path f = dir.resolve("x.csv");
        Files.writeString(f, "a,b\n1,2\n");
        assertThrows(java.io.IOException.class, () -> PredictionsCsv.read(f));
        assertThrows(IllegalArgumentException.class, () -> new PredictionsCsv.Run("m", 0, List.of("a"), List.of()));
    }

    @Test
    void theFcnnSweepSharesTheResultsFileButNotTheSummary() throws Exception {
        RunParameters p = RunParameters.from(Map.of("GENRELAB_ROOT", dir.toString(), "GENRELAB_REPORT", dir.toString()));
        var variant = ResultRow.of("part2", "fcnn-2-1-h30", "macro_f1", new double[] {0.49, 0.51}, 3, "cpu", "d");
        var swept = List.of(ResultRow.of("part2", "fcnn-2-1-h30", "macro_f1", new double[] {0.45}, 3, "cpu", "d"),
                ResultRow.of("part2", "fcnn-2-1-h100", "macro_f1", new double[] {0.47}, 3, "cpu", "d"));
        var rows = new java.util.ArrayList<>(List.of(variant));
        rows.addAll(org.genrelab.deep.Part2Experiments.fcnnSweepRows(List.of(
                new org.genrelab.deep.ModelResult("fcnn-2-1-h30", List.of(), swept.subList(0, 1)),
                new org.genrelab.deep.ModelResult("fcnn-2-1-h100", List.of(), swept.subList(1, 2)))));
        ResultsCsv.write(p.resultsFile("06-fcnn"), rows);
        var read = ResultsCsv.read(p.resultsFile("06-fcnn"));
        assertEquals(3, read.size(), "the sweep is kept in the results file");
        assertEquals(List.of("part2", "part2-fcnn-sweep", "part2-fcnn-sweep"), read.stream().map(ResultRow::experiment).toList());
        assertEquals(0.47, read.get(2).value(), 1e-9);
        var t = Part2Summary.table(p, StudyReference.part2(), List.of("06-fcnn"));
        assertEquals(1, t.rowCount(), "only the variant is a Part 2 result");
        assertEquals(50.0, t.doubleColumn("ours").getDouble(0), 1e-9);
    }
}
