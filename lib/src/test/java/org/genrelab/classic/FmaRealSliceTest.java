package org.genrelab.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.genrelab.SharedData;
import org.genrelab.data.Split;
import org.genrelab.report.Part1Tables;
import org.genrelab.results.PredictionsCsv;
import org.genrelab.results.ResultRow;
import org.genrelab.eval.TestSetIntervals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notebook 02's "Real FMA: Hip-Hop and Rock": the study's Part 1 models on FMA's published MFCC statistics
 * of the 2 000 FMA-small Hip-Hop and Rock tracks and on the study's VGGish embeddings of the same tracks,
 * FMA's official split, through {@link FmaRealSlice} as the notebook calls it; macro-F1 held to
 * scikit-learn's on the same exported matrices by {@code environment/sklearn_compare.py}, as
 * {@link SklearnParityTest} holds the study's models (tolerance 1.5 points; the CatBoost stand-in has no
 * scikit-learn twin and is not held).
 */
class FmaRealSliceTest {

    static FmaRealSlice.Result result;
    /** The notebook's default: all cores (the models' results do not depend on it). */
    static final int THREADS = Runtime.getRuntime().availableProcessors();

    @BeforeAll
    static void runAsTheNotebookDoes() throws Exception {
        // notebook 02: FmaRealSlice.runIfPresent(params.data(), StudyProtocol.studyModels(params.threads()), params.seeds(1)) in quick mode
        result = FmaRealSlice.runIfPresent(SharedData.data(), StudyProtocol.studyModels(THREADS), 42);
        assertTrue(result.present(), result.describe());
        System.out.println(result.describe());
        System.out.println(Part1Tables.sideBySide(result).printAll());
    }

    @Test
    void bothSidesHoldIdenticalTracksWithTheOmissionsNamed() {
        FmaRealSlice.Tables t = result.tables();
        // 2000 rows − 10 blank − 108925 unlabelled = 1989; 98565, 98567, 98569 have 1, 0 and 1 frames of embedding
        assertEquals(List.of("98565", "98567", "98569"), List.copyOf(t.withoutEmbedding().keySet()));
        assertTrue(t.withoutEmbedding().get("98567").contains("0 frame"), t.withoutEmbedding().toString());
        assertEquals(1986, t.features().size());
        assertEquals(t.features().trackIds(), t.embeddings().trackIds());
        assertEquals(140, t.features().columns().size());
        assertEquals(512, t.embeddings().columns().size());
        assertEquals(List.of("Hip-Hop", "Rock"), t.features().genreNames());
        assertTrue(result.describe().contains("108925") && result.describe().contains("2, 5, 182, 255"), result.describe());
        TrainTestSplit f = TrainTestSplit.official(t.features(), false);
        TrainTestSplit e = TrainTestSplit.official(t.embeddings(), false);
        assertEquals(f.idsTest(), e.idsTest(), "one test set for both sides");
        long validation = java.util.Arrays.stream(t.features().splits()).filter(s -> s == Split.VALIDATION).count();
        assertEquals(t.features().size() - validation, f.idsTrain().size() + f.idsTest().size(), "validation tracks unused");
    }

    @Test
    void rowsPredictionsAndIntervalsCarryDistinctNames() {
        List<ResultRow> rows = result.resultRows(THREADS);
        assertEquals(10, rows.stream().filter(r -> r.metric().equals("macro_f1")).count());
        assertTrue(rows.stream().anyMatch(r -> r.experiment().equals(FmaRealSlice.EXPERIMENT)
                && r.dataset().equals(FmaRealSlice.FILE)), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.experiment().equals(FmaRealSlice.EMBEDDINGS_EXPERIMENT)), rows.toString());
        List<PredictionsCsv.Run> runs = result.predictions();
        assertEquals(10, runs.size());
        assertTrue(runs.stream().allMatch(r -> r.model().startsWith("real slice: ")), runs.toString());
        assertEquals(10, runs.stream().map(PredictionsCsv.Run::model).distinct().count());
        List<TestSetIntervals.Row> iv = result.intervals(7);
        assertEquals(10, iv.size());
        for (TestSetIntervals.Row r : iv) {
            assertTrue(r.macroF1().lower() <= r.macroF1().estimate() && r.macroF1().estimate() <= r.macroF1().upper(), r.toString());
            // two genres, real features: every model far above chance (0.5)
            assertTrue(r.macroF1().estimate() > 0.7, r.model() + " macro-F1 " + r.macroF1().estimate());
        }
    }

    @Test
    void aDataFolderWithoutTheSliceSkipsItInOneLine(@TempDir Path data) throws Exception {
        Files.createDirectories(data.resolve("study-embeddings"));
        FmaRealSlice.Result none = FmaRealSlice.runIfPresent(data, StudyProtocol.studyModels(THREADS), 42);
        assertTrue(!none.present() && none.outcomes().isEmpty() && none.resultRows(THREADS).isEmpty() && none.predictions().isEmpty());
        assertEquals("Real FMA slice skipped: the data folder " + data + " has no fma-sample/fma_features_mfcc_2000.csv.",
                none.describe());
    }

    @Test
    void fmasFeaturesMacroF1WithinOnePointFiveOfScikitLearn(@TempDir Path out) throws Exception {
        // the notebook's full mode: five seeds. On 199 test tracks (one track = 0.5 points) one seed's forest or
        // boosting varies by 2.5 points on either side (Java's boosting 90.95..93.47 over seeds 0..4, scikit-learn's
        // 91.46..92.96): the randomised models are held by their mean over five seeds, here and in scikit-learn
        List<ModelTrainer> held = StudyProtocol.studyModels(THREADS).stream().filter(m -> !(m instanceof CatBoostStandInTrainer)).toList();
        StudyProtocol.Outcome five = StudyProtocol.official(FmaRealSlice.EXPERIMENT, result.tables().features(), held,
                42, 43, 44, 45, 46);
        assertHeldToScikitLearn(result.tables().features(), five, out, "--held-only", "--seeds", "5");
    }

    @Test
    void theEmbeddingsDeterministicModelsMatchScikitLearn(@TempDir Path out) throws Exception {
        // SVC and logistic regression draw nothing at random: the notebook's single run is compared as it is (the
        // randomised models on these embeddings are held by SklearnParityTest, on all eight genres)
        assertHeldToScikitLearn(result.tables().embeddings(), result.embeddings(), out, "--only", "SVC,Logistic regression");
    }

    /** The exact matrices the runs trained and tested on, and their scores, through environment/sklearn_compare.py. */
    private static void assertHeldToScikitLearn(FeatureTable table, StudyProtocol.Outcome o, Path out, String... options)
            throws Exception {
        assumeTrue(sklearnAvailable(), "/usr/bin/python3 with scikit-learn is needed (environment/setup.sh installs it)");
        MatrixExport.write(TrainTestSplit.official(table, false), out.resolve("matrices"));
        try (Writer w = Files.newBufferedWriter(out.resolve("java_scores.csv"))) {
            w.write("model,macro_f1,accuracy,train_seconds,predict_seconds\n");
            for (StudyProtocol.Run r : o.runs()) {
                w.write(String.format(Locale.ROOT, "%s,%.6f,%.6f,%.3f,%.3f%n", r.model(), r.macroF1(), r.accuracy(),
                        r.trainSeconds(), r.predictSeconds()));
            }
        }
        List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/python3",
                SharedData.repo().resolve("environment/sklearn_compare.py").toString(), out.toString()));
        command.addAll(List.of(options));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(20, TimeUnit.MINUTES);
        System.out.println(o.dataset() + ":\n" + log);
        assertEquals(0, p.exitValue(), "scikit-learn comparison failed on " + o.dataset() + ":\n" + log);
        assertTrue(log.contains("OK: every held model within 1.5 macro-F1 points"), log);
    }

    private static boolean sklearnAvailable() throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/bin/python3"))) return false;
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import sklearn").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0;
    }
}
