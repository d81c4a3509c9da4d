package org.genrelab.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.genrelab.SharedData;
import org.genrelab.data.FmaTracks;
import org.genrelab.data.EmbeddingRepresentation;
import org.genrelab.data.StudyEmbeddings;
import org.junit.jupiter.api.Test;

class EmbeddingLogisticRegressionTest {

    @Test
    void lambdaIsOneOverC() {
        assertEquals(1e5, EmbeddingLogisticRegression.lambdaForC(1e-5), 1e-6);
        assertEquals(1.0, EmbeddingLogisticRegression.lambdaForC(1), 0);
        assertThrows(IllegalArgumentException.class, () -> EmbeddingLogisticRegression.lambdaForC(0));
    }

    @Test
    void tinyCLeavesOnlyTheUnpenalisedInterceptsSoProbabilitiesAreClassFrequencies() {
        // 3 classes with frequencies 0.5, 0.3, 0.2; features are noise. With w forced to ~0 the
        // maximum-likelihood intercepts give exactly the class frequencies.
        Random rnd = new Random(3);
        int n = 200;
        double[][] x = new double[n][4];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) x[i][j] = rnd.nextGaussian();
            y[i] = i < 100 ? 0 : i < 160 ? 1 : 2;
        }
        MultinomialLogistic m = EmbeddingLogisticRegression.fit(x, y, 3, 1e-8, 500, 2);
        double[] p = new double[3];
        m.predict(new double[] {0.3, -0.2, 1.0, 0.5}, p);
        assertEquals(0.5, p[0], 0.01);
        assertEquals(0.3, p[1], 0.01);
        assertEquals(0.2, p[2], 0.01);
    }

    @Test
    void beatsChanceOnTheStudyEmbeddingsAndPicksCAndTheRepresentationOnValidation() throws Exception {
        StudyEmbeddings e = StudyEmbeddings.load(SharedData.studyEmbeddings(),
                FmaTracks.load(SharedData.data().resolve("fma_small_tracks.csv")));
        var r = EmbeddingLogisticRegression.run(e, EmbeddingLogisticRegression.REPRESENTATIONS,
                new double[] {1e-4, 1e-2}, 60, 800, 2);
        assertEquals(4, r.candidates().size());
        assertEquals(2, r.choices().size());
        for (var choice : r.choices()) {
            // each representation keeps the C with its own best validation macro-F1
            var own = r.candidates().stream().filter(c -> c.representation() == choice.representation()).toList();
            assertEquals(2, own.size());
            double bestVal = own.stream().mapToDouble(EmbeddingLogisticRegression.Candidate::valMacroF1).max().orElseThrow();
            assertEquals(bestVal, choice.valMacroF1(), 0);
            assertTrue(own.stream().anyMatch(c -> c.c() == choice.c() && c.valMacroF1() == bestVal));
            double testF1 = choice.rows().get(0).value();
            System.out.println(choice.model() + ": " + own + " test macroF1 " + testF1);
            assertTrue(testF1 > 0.25, choice.model() + " test macro-F1 " + testF1 + " should clearly beat chance (0.125)");
            assertEquals(e.test().size(), choice.testPredicted().length);
        }
        assertEquals("logistic-C" + r.choice(EmbeddingRepresentation.FLATTENED).c(),
                r.choice(EmbeddingRepresentation.FLATTENED).model(), "the study's row keeps its name");
        double overall = r.candidates().stream().mapToDouble(EmbeddingLogisticRegression.Candidate::valMacroF1).max()
                .orElseThrow();
        assertEquals(overall, r.chosen().valMacroF1(), 0);
        assertEquals(8, r.rows().size());
        for (var choice : r.choices()) {
            // the validation accuracy reported is that of the C chosen on validation macro-F1
            var picked = r.candidates().stream().filter(c -> c.representation() == choice.representation()
                    && c.c() == choice.c()).findFirst().orElseThrow();
            assertEquals(picked.valAccuracy(), choice.rows().stream()
                    .filter(x -> x.metric().equals(org.genrelab.results.ResultRow.VAL_ACCURACY)).findFirst().orElseThrow().value(), 0);
        }
        var table = r.candidatesTable();
        assertEquals(4, table.rowCount());
        assertEquals(overall, table.doubleColumn("val macro-F1").max(), 0);
        // each saved run is the one scored: its labels give back the reported macro-F1
        var runs = r.predictions(e.genres());
        assertEquals(2, runs.size());
        for (int k = 0; k < runs.size(); k++) {
            var run = runs.get(k);
            var choice = r.choices().get(k);
            assertEquals(choice.model(), run.model());
            int[] truth = run.truth().stream().mapToInt(e.genres()::indexOf).toArray();
            int[] pred = run.predicted().stream().mapToInt(e.genres()::indexOf).toArray();
            assertEquals(choice.rows().get(0).value(),
                    org.genrelab.eval.ClassificationMetrics.macroF1(truth, pred, e.genres().size()), 1e-12);
            // and its probabilities (saved to float precision) give back the reported AUC
            assertEquals(e.genres(), run.classes());
            assertEquals(choice.rows().get(2).value(),
                    org.genrelab.eval.ClassificationMetrics.macroOvrAuc(truth, run.probabilities()), 1e-9);
        }
    }

    @Test
    void refusesAnEmptySearch() throws Exception {
        StudyEmbeddings e = StudyEmbeddings.load(SharedData.studyEmbeddings(),
                FmaTracks.load(SharedData.data().resolve("fma_small_tracks.csv")));
        assertThrows(IllegalArgumentException.class,
                () -> EmbeddingLogisticRegression.run(e, java.util.List.of(), new double[] {1e-3}, 10, 100, 2));
        assertThrows(IllegalArgumentException.class,
                () -> EmbeddingLogisticRegression.run(e, EmbeddingLogisticRegression.REPRESENTATIONS, new double[0], 10, 100, 2));
    }
}
