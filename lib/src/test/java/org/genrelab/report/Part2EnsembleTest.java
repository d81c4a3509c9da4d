package org.genrelab.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.genrelab.results.ResultRow;
import org.genrelab.results.PredictionsCsv;
import org.genrelab.results.RunParameters;
import org.genrelab.results.ResultsCsv;

/** The ensemble of the notebooks' saved models: who joins, and its scores, worked by hand. */
class Part2EnsembleTest {

    @TempDir
    Path dir;

    private static final List<String> CLASSES = List.of("Folk", "Rock");
    private static final List<String> FAMILIES = List.copyOf(StudyReference.part2().keySet());
    private static final int[] TRUTH = {0, 0, 1, 1};

    private static ResultRow val(String model, double v) {
        return ResultRow.of("part2", model, ResultRow.VAL_ACCURACY, new double[] {v}, 10, "cpu", "d");
    }

    private static ResultRow f1(String model) {
        return ResultRow.of("part2", model, "macro_f1", new double[] {0.5}, 10, "cpu", "d");
    }

    private static PredictionsCsv.Run run(String model, int k, double... pFolk) {
        double[][] p = new double[pFolk.length][];
        int[] pred = new int[pFolk.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = new double[] {pFolk[i], 1 - pFolk[i]};
            pred[i] = pFolk[i] >= 0.5 ? 0 : 1;
        }
        return PredictionsCsv.Run.of(model, k, TRUTH, pred, p, CLASSES);
    }

    @Test
    void theBestOfEachFamilyOnValidationVoteAndAreScoredRunByRun() throws Exception {
        RunParameters params = RunParameters.from(Map.of("GENRELAB_ROOT", dir.toString(), "GENRELAB_REPORT", dir.toString()));
        // LSTM family: lstm-published (val .60) loses to lstm-mean-max (val .62); the CNN has two runs
        ResultsCsv.write(params.resultsFile("05-lstm"), List.of(f1("lstm-published"), val("lstm-published", 0.60),
                f1("lstm-mean-max"), val("lstm-mean-max", 0.62)));
        PredictionsCsv.write(PredictionsCsv.fileFor(params, "05-lstm"), List.of(
                run("lstm-published", 0, 0.0, 0.0, 0.0, 0.0),
                run("lstm-mean-max", 0, 0.75, 0.25, 0.25, 0.25)));
        ResultsCsv.write(params.resultsFile("07-cnn"), List.of(f1("cnn"), val("cnn", 0.55)));
        PredictionsCsv.write(PredictionsCsv.fileFor(params, "07-cnn"), List.of(
                run("cnn", 0, 0.75, 0.25, 0.25, 0.25),
                run("cnn", 1, 0.25, 0.875, 0.25, 0.875)));
        var e = Part2Ensemble.fromNotebooks(params, List.of("04-missing", "05-lstm", "07-cnn"), FAMILIES);
        assertEquals(List.of("lstm-mean-max", "cnn"), e.members().stream().map(m -> m.model()).toList());
        assertEquals(2, e.runs().size());
        // run 0: mean P(Folk) = .75 .25 .25 .25 -> Folk Rock Rock Rock: 3 of 4 right; F1 Folk 2/3, Rock .8
        assertArrayEquals(new double[] {0.75, 0.25}, e.runs().get(0).probabilities()[0], 0);
        assertEquals(List.of("Folk", "Rock", "Rock", "Rock"), e.runs().get(0).predicted());
        // run 1: the LSTM's only run with the CNN's second: .5 .5625 .25 .5625 -> Folk Folk Rock Folk: 3 of 4; F1 .8, 2/3
        assertEquals(List.of("Folk", "Folk", "Rock", "Folk"), e.runs().get(1).predicted());
        ResultRow accuracy = e.rows().stream().filter(r -> r.metric().equals("accuracy")).findFirst().orElseThrow();
        assertEquals(0.75, accuracy.value(), 1e-12);
        assertEquals(0, accuracy.std(), 1e-12);
        assertEquals(2, accuracy.runs());
        assertEquals((2.0 / 3 + 0.8) / 2, e.rows().get(0).value(), 1e-12);
        assertEquals(20, e.rows().get(0).seconds(), 1e-12, "the members' training time");
        assertEquals(Part2Ensemble.MODEL, e.rows().get(0).model());
        assertEquals("cpu", e.rows().get(0).device(), "each device the members trained on, once");
        assertEquals(2, e.membersTable().rowCount());
        assertEquals(62.0, e.membersTable().doubleColumn("val accuracy (%)").getDouble(0), 1e-9);
    }

    @Test
    void theFcnnSweepsRowsInTheSameResultsFileDoNotStandInForTheVariants() throws Exception {
        RunParameters params = RunParameters.from(Map.of("GENRELAB_ROOT", dir.toString(), "GENRELAB_REPORT", dir.toString()));
        // 06-fcnn writes the variants and the hidden-size sweep, whose fcnn-2-1-h30 has other runs and another validation score
        var sweep = List.of(new org.genrelab.deep.ModelResult("fcnn-2-1-h30", List.of(), List.of(f1("fcnn-2-1-h30"),
                val("fcnn-2-1-h30", 0.70))));
        var rows = new java.util.ArrayList<>(List.of(f1("fcnn-2-1-h30"), val("fcnn-2-1-h30", 0.60)));
        rows.addAll(org.genrelab.deep.Part2Experiments.fcnnSweepRows(sweep));
        ResultsCsv.write(params.resultsFile("06-fcnn"), rows);
        PredictionsCsv.write(PredictionsCsv.fileFor(params, "06-fcnn"), List.of(run("fcnn-2-1-h30", 0, 0.75, 0.25, 0.25, 0.25)));
        var e = Part2Ensemble.fromNotebooks(params, List.of("06-fcnn"), FAMILIES);
        assertEquals(60.0, e.membersTable().doubleColumn("val accuracy (%)").getDouble(0), 1e-9, "the variant's, not the sweep's");
    }

    @Test
    void modelsWithoutValidationOrProbabilitiesStayOutAndOtherTestItemsAreRefused() throws Exception {
        RunParameters params = RunParameters.from(Map.of("GENRELAB_ROOT", dir.toString(), "GENRELAB_REPORT", dir.toString()));
        ResultsCsv.write(params.resultsFile("07-cnn"), List.of(f1("cnn")));
        PredictionsCsv.write(PredictionsCsv.fileFor(params, "07-cnn"), List.of(run("cnn", 0, 0.75, 0.25, 0.25, 0.25)));
        var none = assertThrows(IllegalStateException.class,
                () -> Part2Ensemble.fromNotebooks(params, List.of("07-cnn"), FAMILIES));
        assertTrue(none.getMessage().contains("validation"), none.getMessage());

        ResultsCsv.write(params.resultsFile("07-cnn"), List.of(f1("cnn"), val("cnn", 0.5)));
        ResultsCsv.write(params.resultsFile("06-fcnn"), List.of(f1("fcnn-1"), val("fcnn-1", 0.5)));
        PredictionsCsv.write(PredictionsCsv.fileFor(params, "06-fcnn"), List.of(PredictionsCsv.Run.of("fcnn-1", 0,
                new int[] {1, 0, 1, 1}, new int[] {1, 0, 1, 1}, new double[][] {{0, 1}, {1, 0}, {0, 1}, {0, 1}}, CLASSES)));
        var other = assertThrows(IllegalStateException.class,
                () -> Part2Ensemble.fromNotebooks(params, List.of("06-fcnn", "07-cnn"), FAMILIES));
        assertTrue(other.getMessage().contains("other items"), other.getMessage());
    }

    @Test
    void aModelOfNoStudyFamilyIsItsOwnGroup() {
        assertEquals("lstm", Part2Ensemble.family("LSTM-published", FAMILIES));
        assertEquals("logistic", Part2Ensemble.family("logistic-clip-statistics-C0.01", FAMILIES));
        assertEquals("svm", Part2Ensemble.family("svm", FAMILIES));
    }
}
