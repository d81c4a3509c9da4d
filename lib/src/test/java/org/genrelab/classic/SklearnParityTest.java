package org.genrelab.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.genrelab.SharedData;
import org.genrelab.bench.ClassicBenchmark;
import org.genrelab.data.EmbeddingRepresentation;
import org.genrelab.data.StudyEmbeddings;
import org.genrelab.eval.ClassificationMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GenreLab's logistic and Part 1 models against scikit-learn (Debian's python3-sklearn, installed by
 * environment/setup.sh), run here as the independent reference.
 *
 * <p>Issue 6's reference check: the study's models trained by GenreLab and by scikit-learn on the same
 * exported matrices — 250 tracks per genre of
 * the study's embeddings pooled to mean/std, a stratified 75/25 split — give macro-F1 within 1.5 points
 * for SVC, random forest, gradient boosting and logistic regression. The comparison and the tolerance
 * live in environment/sklearn_compare.py, which exits non-zero naming the models that are off.
 *
 * <p>Issue 3's baseline: the study's Part 2 logistic regression (newton-cg, C = 0.001, the flattened
 * embeddings of the official training split) fitted by scikit-learn and by GenreLab predicts the same
 * genres for the test split; so does the clip-statistics model that GenreLab adds (numpy's statistics
 * on scikit-learn's side).
 */
class SklearnParityTest {

    /** Seeds of the randomised models on each side, on one split. */
    static final int MODEL_SEEDS = 3;

    @Test
    void everyStudyModelWithinOnePointFiveOfScikitLearn(@TempDir Path out) throws Exception {
        assumeTrue(sklearnAvailable(), "/usr/bin/python3 with scikit-learn is needed (environment/setup.sh installs it)");
        // one split, three model seeds on each side: one seed's gradient boosting alone moves by up to 2 points on these
        // 504 test tracks (here 66.47 in Java against 64.77 in scikit-learn for seed 0), so the randomised models are
        // held by their mean over the seeds; SVC and the logistic regression draw nothing at random
        ClassicBenchmark.run(ClassicBenchmark.Options.of(new ClassicBenchmark.Embeddings(SharedData.data())).withSplits(1)
                .withPerGenre(250).withHeldOnly(true).withModelSeeds(MODEL_SEEDS).withFolder(out), System.out);
        Process p = new ProcessBuilder("/usr/bin/python3",
                SharedData.repo().resolve("environment/sklearn_compare.py").toString(), out.toString(), "--held-only",
                "--seeds", Integer.toString(MODEL_SEEDS))
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(20, TimeUnit.MINUTES);
        System.out.println(log);
        assertEquals(0, p.exitValue(), "scikit-learn comparison failed:\n" + log);
        // bench classic's cold start, scikit-learn's side: one import and one fit in a fresh interpreter
        Process cold = new ProcessBuilder("/usr/bin/python3", SharedData.repo().resolve("environment/sklearn_compare.py").toString(),
                out.toString(), "--cold", "Logistic regression").redirectErrorStream(true).start();
        String coldLog = new String(cold.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, cold.waitFor(), coldLog);
        String[] t = coldLog.substring(coldLog.lastIndexOf("cold-fit Logistic regression ") + 29).split(" ");
        assertTrue(Double.parseDouble(t[0]) > 0 && Double.parseDouble(t[1]) > 0, coldLog);
    }

    @Test
    void part2BaselinePredictsAsScikitLearnsNewtonCgOnTheStudyEmbeddings(@TempDir Path out) throws Exception {
        assertPredictsAsScikitLearn(out, EmbeddingRepresentation.FLATTENED, 0.001);
    }

    @Test
    void clipStatisticsModelPredictsAsScikitLearnsNewtonCgOnNumpysStatistics(@TempDir Path out) throws Exception {
        // scikit-learn's side computes the clip statistics with numpy: this checks the representation too
        assertPredictsAsScikitLearn(out, EmbeddingRepresentation.CLIP_STATISTICS, 0.01);
    }

    private static void assertPredictsAsScikitLearn(Path out, EmbeddingRepresentation rep, double c) throws Exception {
        assumeTrue(sklearnAvailable(), "/usr/bin/python3 with scikit-learn is needed (environment/setup.sh installs it)");
        Path csv = out.resolve("sklearn-test-predictions.csv");
        Process p = new ProcessBuilder("/usr/bin/python3",
                SharedData.repo().resolve("environment/sklearn_part2_logreg.py").toString(),
                SharedData.data().toString(), csv.toString(), "--c", Double.toString(c), "--representation", rep.id())
                .redirectErrorStream(true).start();
        StudyEmbeddings e = StudyEmbeddings.fromDataFolder(SharedData.data());
        int classes = e.genres().size();
        MultinomialLogistic m = EmbeddingLogisticRegression.fit(rep.rows(e.train()), e.train().y(), classes, c,
                EmbeddingLogisticRegression.STUDY_MAX_ITER, Runtime.getRuntime().availableProcessors());
        int[] ours = m.predict(rep.rows(e.test()));
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(20, TimeUnit.MINUTES);
        System.out.println(log);
        assertEquals(0, p.exitValue(), "scikit-learn run failed:\n" + log);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(e.test().size() + 1, lines.size(), "scikit-learn kept a different set of test tracks");
        int[] theirs = new int[ours.length];
        for (int i = 0; i < ours.length; i++) {
            String[] f = lines.get(i + 1).split(",");
            assertEquals(e.test().ids()[i], Long.parseLong(f[0]), "test track order");
            theirs[i] = Integer.parseInt(f[1]);
        }
        int differ = 0;
        for (int i = 0; i < ours.length; i++) if (ours[i] != theirs[i]) differ++;
        int[] truth = e.test().y();
        double f1Ours = ClassificationMetrics.macroF1(truth, ours, classes);
        double f1Theirs = ClassificationMetrics.macroF1(truth, theirs, classes);
        System.out.printf("Part 2 logistic regression, %s, C=%s: %d of %d test predictions differ; macro-F1 %.4f "
                + "(GenreLab, L-BFGS) vs %.4f (scikit-learn, newton-cg)%n", rep.id(), c, differ, ours.length, f1Ours,
                f1Theirs);
        // Two solvers stopped at tolerance 1e-4 reach the same optimum to within a track or two near a boundary.
        assertTrue(differ <= 2, differ + " test predictions differ from scikit-learn's");
        assertEquals(f1Theirs, f1Ours, 0.003);
    }

    private static boolean sklearnAvailable() throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/bin/python3"))) return false;
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import sklearn").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0;
    }
}
