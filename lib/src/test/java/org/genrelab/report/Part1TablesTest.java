package org.genrelab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.genrelab.classic.FeatureTable;
import org.genrelab.classic.FmaRealSlice;
import org.genrelab.features.FmaFeatureCsv;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;
import org.genrelab.classic.StudyProtocol;

class Part1TablesTest {

    private static StudyProtocol.Run run(String model, long seed, double acc, double f1, double[] perClass, double[] imp) {
        return new StudyProtocol.Run(model, "stratified", seed, acc, f1, perClass, new int[2][2], 2.0 * seed, 0.5, imp,
                List.of("1", "2"), new int[] {0, 1}, new int[] {0, 0});
    }

    private static final List<FmaFeatureCsv.Column> COLS = List.of(new FmaFeatureCsv.Column("mfcc", "mean", "01"),
            new FmaFeatureCsv.Column("mfcc", "std", "01"), new FmaFeatureCsv.Column("tonnetz", "max", "03"));

    private static StudyProtocol.Outcome outcome() {
        return new StudyProtocol.Outcome("e", "d", List.of("Folk", "Rock"), COLS,
                List.of("SVC", "XGBoost (CatBoost stand-in)"),
                List.of(run("SVC", 1, 0.5, 0.40, new double[] {0.2, 0.6}, null),
                        run("SVC", 2, 0.7, 0.60, new double[] {0.4, 0.8}, null),
                        run("XGBoost (CatBoost stand-in)", 1, 0.6, 0.55, new double[] {0.5, 0.6}, new double[] {1, 6, 3}),
                        run("XGBoost (CatBoost stand-in)", 2, 0.6, 0.55, new double[] {0.5, 0.6}, new double[] {1, 2, 7})),
                10);
    }

    @Test
    void summaryGivesPercentMeanAndPopulationStdBesideTheStudysRow() {
        Table t = Part1Tables.summary("s", outcome(), StudyReference.part1(), StudyProtocol.studyModels(1));
        assertEquals(2, t.rowCount());
        assertEquals(50.0, t.doubleColumn("macro-F1").getDouble(0), 1e-9);
        assertEquals(10.0, t.doubleColumn("± std").getDouble(0), 1e-9); // population std of 40 and 60
        assertEquals(60.0, t.doubleColumn("accuracy").getDouble(0), 1e-9);
        assertEquals(59.92, t.doubleColumn("study F1").getDouble(0), 0);
        assertEquals(59.34, t.doubleColumn("study F1").getDouble(1), 0); // the stand-in row sits beside CatBoost
        assertEquals(3.0, t.doubleColumn("train s").getDouble(0), 1e-9);
        assertEquals(0.0, t.doubleColumn("± std").getDouble(1), 1e-9);
        assertTrue(t.stringColumn("parameters").get(0).contains("C=3"), t.stringColumn("parameters").get(0));
    }

    @Test
    void sideBySideHoldsEachSidesMeanPercentPerModel() {
        StudyProtocol.Outcome embeddings = new StudyProtocol.Outcome("e2", "d2", List.of("Folk", "Rock"), COLS,
                List.of("SVC", "XGBoost (CatBoost stand-in)"),
                List.of(run("SVC", 1, 0.85, 0.80, new double[] {0.8, 0.8}, null),
                        run("SVC", 2, 0.95, 0.90, new double[] {0.9, 0.9}, null),
                        run("XGBoost (CatBoost stand-in)", 1, 0.75, 0.70, new double[] {0.7, 0.7}, null),
                        run("XGBoost (CatBoost stand-in)", 2, 0.75, 0.70, new double[] {0.7, 0.7}, null)),
                10);
        FeatureTable tracks = new FeatureTable("slice", List.of("1", "2", "3"), COLS.subList(0, 1),
                new double[][] {{0}, {1}, {2}}, null, null);
        FmaRealSlice.Result slice = new FmaRealSlice.Result(new FmaRealSlice.Tables(null, tracks, tracks, Map.of()),
                outcome(), embeddings, null);
        Table t = Part1Tables.sideBySide(slice);
        assertEquals(List.of("SVC", "XGBoost (CatBoost stand-in)"), t.stringColumn("model").asList());
        assertEquals(50.0, t.doubleColumn("FMA MFCC macro-F1").getDouble(0), 1e-9);
        assertEquals(85.0, t.doubleColumn("VGGish macro-F1").getDouble(0), 1e-9);
        assertEquals(60.0, t.doubleColumn("FMA MFCC accuracy").getDouble(0), 1e-9);
        assertEquals(90.0, t.doubleColumn("VGGish accuracy").getDouble(0), 1e-9);
        assertEquals(55.0, t.doubleColumn("FMA MFCC macro-F1").getDouble(1), 1e-9);
        assertEquals(75.0, t.doubleColumn("VGGish accuracy").getDouble(1), 1e-9);
        assertTrue(t.name().endsWith("of the same 3 tracks"), t.name());
    }

    @Test
    void studyF1IsNaNForAModelTheStudyDidNotRun() {
        assertTrue(Double.isNaN(Part1Tables.studyF1("k-NN", StudyReference.part1())));
        assertEquals(56.23, Part1Tables.studyF1("Random forest", StudyReference.part1()), 0);
    }

    @Test
    void perGenreAndImportancesComeFromTheRunsInOrder() {
        Table g = Part1Tables.perGenreF1(outcome(), "SVC");
        assertEquals(List.of("Folk", "Rock"), g.stringColumn("genre").asList());
        assertEquals(30.0, g.doubleColumn("F1").getDouble(0), 1e-9);
        assertEquals(70.0, g.doubleColumn("F1").getDouble(1), 1e-9);
        // importances summed over runs (2, 8, 10), normalised: tonnetz 0.5, mfcc std 0.4
        Table imp = Part1Tables.topImportances(outcome(), "XGBoost (CatBoost stand-in)", 2);
        assertEquals(List.of("tonnetz/max/03", "mfcc/std/01"), imp.stringColumn("feature").asList());
        assertEquals(0.5, imp.doubleColumn("importance").getDouble(0), 1e-12);
        assertEquals(0.4, imp.doubleColumn("importance").getDouble(1), 1e-12);
        assertEquals(0, Part1Tables.topImportances(outcome(), "SVC", 5).rowCount());
    }
}
