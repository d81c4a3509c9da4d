package org.genrelab.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.genrelab.SharedData;
import org.genrelab.data.FmaTracks;
import org.genrelab.data.Split;
import org.genrelab.data.StudyEmbeddings;
import org.genrelab.eval.ClassificationMetrics;
import org.genrelab.features.FmaFeatureCsv;
import org.genrelab.features.FmaFeatureLayout;
import org.genrelab.results.ResultRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Part 1 models and protocol on real data: FMA's CSV layout and the study's embeddings. */
class ClassicModelsTest {

    /** The study's embeddings as a per-track mean/std table (all 8 genres, official split). */
    static FeatureTable embeddings;
    /** 100 tracks per genre of it: quick runs. */
    static FeatureTable small;
    /** The threads the models train on here (their results do not depend on it). */
    static final int THREADS = 2;

    @BeforeAll
    static void load() throws Exception {
        StudyEmbeddings emb = StudyEmbeddings.load(SharedData.studyEmbeddings(),
                FmaTracks.load(SharedData.data().resolve("fma_small_tracks.csv")));
        embeddings = FeatureTable.ofEmbeddings(emb);
        small = embeddings.headPerGenre(100);
    }

    @Test
    void readsFmaFeaturesCsvLayout() throws Exception {
        FeatureTable t = FeatureTable.readFmaCsv(SharedData.oracle().resolve("features/legacy_features.csv"));
        assertEquals(7, t.size());
        assertEquals(FmaFeatureLayout.fmaColumns(), t.columns());
        assertEquals("sine1k_2s.wav", t.trackIds().get(0));
        assertEquals(14.607625008, t.values()[0][0], 1e-12); // first cell of the file: 1.4607625008e+01
        // the study's set = MFCC (20·7) + Tonnetz (6·7) + three single values; the oracle table has no extras
        FeatureTable mt = t.selectFeatures(List.of("mfcc", "tonnetz"));
        assertEquals(182, mt.columns().size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, t::studyFeatureSet);
        assertTrue(e.getMessage().contains("tempo") && e.getMessage().contains("legacy_features.csv"), e.getMessage());
    }

    @Test
    void badCsvNamesFileAndLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "feature,mfcc,mfcc\nstatistics,mean,mean\nnumber,01,02\ntrack_id,,\n2,1.0,abc\n");
        Exception e = assertThrows(java.io.IOException.class, () -> FeatureTable.readFmaCsv(f));
        assertTrue(e.getMessage().contains("bad.csv: line 5") && e.getMessage().contains("abc"), e.getMessage());
        Files.writeString(f, "track_id,a\n2,1.0\n");
        e = assertThrows(java.io.IOException.class, () -> FeatureTable.readFmaCsv(f));
        assertTrue(e.getMessage().contains("feature"), e.getMessage());
    }

    private static FeatureTable tiny(double bad, String[] genres) {
        List<FmaFeatureCsv.Column> cols = List.of(new FmaFeatureCsv.Column("mfcc", "mean", "01"), new FmaFeatureCsv.Column("mfcc", "std", "01"));
        double[][] v = {{1, 2}, {3, bad}, {5, 6}, {7, 8}};
        return new FeatureTable("tiny.csv", List.of("10", "11", "12", "13"), cols, v, genres, null);
    }

    @Test
    void badTablesAreRefusedWithTheProblemNamed() {
        String[] ok = {"Rock", "Rock", "Pop", "Pop"};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tiny(Double.NaN, ok).validate());
        assertTrue(e.getMessage().contains("track 11") && e.getMessage().contains("mfcc/std/01")
                && e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TrainTestSplit.stratified(tiny(Double.POSITIVE_INFINITY, ok), 0.25, 1));
        assertTrue(e.getMessage().contains("infinite") && e.getMessage().contains("track 11"), e.getMessage());
        String[] lonely = {"Rock", "Rock", "Rock", "Folk"};
        e = assertThrows(IllegalArgumentException.class, () -> tiny(4, lonely).validate());
        assertTrue(e.getMessage().contains("'Folk' has 1 track"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> tiny(4, new String[]{"Rock", null, "Pop", "Pop"}).validate());
        assertTrue(e.getMessage().contains("track 11 has no genre"), e.getMessage());
        tiny(4, ok).validate();
    }

    @Test
    void embeddingTableCoversTheOfficialSplit() {
        assertEquals(256, embeddings.columns().size());
        assertEquals(8, embeddings.genreNames().size());
        long train = java.util.Arrays.stream(embeddings.splits()).filter(s -> s == Split.TRAINING).count();
        long test = java.util.Arrays.stream(embeddings.splits()).filter(s -> s == Split.TEST).count();
        assertTrue(train > 6350 && train <= 6396, "training rows " + train);
        assertTrue(test > 790 && test <= 800, "test rows " + test);
        for (double[] r : embeddings.values()) {
            for (int d = 128; d < 256; d++) assertTrue(r[d] >= 0, "std column negative");
        }
    }

    @Test
    void stratifiedSplitKeepsGenreProportionsAndStandardisesOnTrainingOnly() {
        TrainTestSplit s = TrainTestSplit.stratified(small, 0.25, 7);
        assertEquals(600, s.yTrain().length);
        assertEquals(200, s.yTest().length);
        int[] perGenre = new int[8];
        for (int y : s.yTest()) perGenre[y]++;
        for (int c : perGenre) assertEquals(25, c); // round(0.25 · 100) per genre
        Set<String> ids = new HashSet<>(s.idsTrain());
        for (String id : s.idsTest()) assertTrue(ids.add(id), "track " + id + " in both parts");
        assertEquals(800, ids.size());
        // StandardScaler identity: every training column has mean 0 and population std 1
        for (int j = 0; j < 256; j += 17) {
            double m = 0, v = 0;
            for (double[] r : s.xTrain()) m += r[j] / 600;
            for (double[] r : s.xTrain()) v += (r[j] - m) * (r[j] - m) / 600;
            assertEquals(0, m, 1e-9);
            assertEquals(1, v, 1e-9);
        }
        // a different seed draws a different test part
        assertTrue(!new HashSet<>(TrainTestSplit.stratified(small, 0.25, 8).idsTest()).equals(new HashSet<>(s.idsTest())));
    }

    @Test
    void officialSplitUsesFmaTrainingAndTest() {
        TrainTestSplit s = TrainTestSplit.official(embeddings, false);
        Map<String, Split> split = new java.util.HashMap<>();
        for (int i = 0; i < embeddings.size(); i++) split.put(embeddings.trackIds().get(i), embeddings.splits()[i]);
        assertTrue(s.idsTest().size() > 790 && s.idsTrain().size() > 6350, s.idsTest().size() + " / " + s.idsTrain().size());
        for (String id : s.idsTrain()) assertEquals(Split.TRAINING, split.get(id));
        for (String id : s.idsTest()) assertEquals(Split.TEST, split.get(id));
    }

    @Test
    void gammaScaleMatchesScikitLearn() {
        // entries {0,0,2,2}: variance 1, two features → gamma = 1 / (2 · 1)
        assertEquals(0.5, SvcTrainer.gammaScale(new double[][]{{0, 0}, {2, 2}}), 1e-15);
        // entries {1,2,3,4,5,6}: variance 35/12, three features → 12 / 105
        assertEquals(12.0 / 105, SvcTrainer.gammaScale(new double[][]{{1, 2, 3}, {4, 5, 6}}), 1e-15);
    }

    @Test
    void rbfGramHoldsLibsvmsOwnKernelValues() throws Exception {
        // the reference is libsvm's own RBF kernel, Kernel.k_function (a package-private class of the jar),
        // cast to float as its kernel cache does; 4·7 + 3 rows: whole blocks of four, a partial one, and
        // the first-with-last pairing of blocks, on 1 and 3 threads
        java.lang.reflect.Method kernel = Class.forName("libsvm.Kernel").getDeclaredMethod("k_function",
                libsvm.svm_node[].class, libsvm.svm_node[].class, libsvm.svm_parameter.class);
        kernel.setAccessible(true);
        java.util.Random random = new java.util.Random(11);
        double[][] x = new double[31][37];
        for (double[] row : x) for (int f = 0; f < row.length; f++) row[f] = random.nextGaussian();
        double gamma = SvcTrainer.gammaScale(x);
        libsvm.svm_parameter param = LibsvmReference.parameters(gamma, 3, 1e-3, true);
        float[][] one = SvcTrainer.rbfGram(x, gamma, 1);
        float[][] three = SvcTrainer.rbfGram(x, gamma, 3);
        for (int a = 0; a < x.length; a++) {
            for (int b = 0; b < x.length; b++) {
                float expected = (float) (double) kernel.invoke(null, LibsvmReference.row(x[a]), LibsvmReference.row(x[b]), param);
                assertEquals(expected, one[a][b], 0f, "K[" + a + "][" + b + "]");
                assertEquals(expected, three[a][b], 0f, "K[" + a + "][" + b + "] on three threads");
            }
        }
    }

    @Test
    void baggingTemperatureMapsToSubsampleRate() {
        // independent: Python math.gamma → 1 / (Γ(1.1)/Γ(1.05)² ) = 0.996173635515675
        assertEquals(0.996173635515675, CatBoostStandInTrainer.subsampleOfBaggingTemperature(0.05), 1e-12);
        assertEquals(1.0, CatBoostStandInTrainer.subsampleOfBaggingTemperature(0), 0);
        assertEquals(100, LogisticRegressionTrainer.lambdaOfC(0.01), 1e-12);
        // scikit-learn's compute_class_weight('balanced'): n / (k · n_c); counts 3, 1, 4 of 8 → 8/9, 8/3, 8/12
        assertArrayEquals(new double[]{8.0 / 9, 8.0 / 3, 8.0 / 12},
                ClassificationForest.balanced(new int[]{0, 0, 1, 2, 2, 2, 2, 0}, 3), 1e-15);
        assertArrayEquals(new double[]{1, 1}, ClassificationForest.balanced(new int[]{0, 1, 1, 0, 0, 1}, 2), 0);
    }

    static List<ModelTrainer> quickModels() {
        return List.of(new SvcTrainer(THREADS), new RandomForestTrainer(60, THREADS), new GradientBoostingTrainer(20, 5, 0.05, 0.5),
                new LogisticRegressionTrainer(THREADS), new CatBoostStandInTrainer(12, 4, 0.3, 0.05, 1));
    }

    @Test
    void everyModelLearnsGenresFromRealEmbeddings() {
        TrainTestSplit s = TrainTestSplit.stratified(small, 0.25, 3);
        for (ModelTrainer m : quickModels()) {
            StudyProtocol.Run r = StudyProtocol.run(m, s, 11);
            // chance is 1/8; the study reports about 0.5 with all 6400 training tracks
            assertTrue(r.macroF1() > 0.30, m.name() + " macro-F1 " + r.macroF1());
            System.out.printf("%-30s macroF1 %.3f acc %.3f train %.2fs%n", m.name(), r.macroF1(), r.accuracy(), r.trainSeconds());
        }
    }

    @Test
    void sameSeedSameTableSameResultTwice() {
        TrainTestSplit s1 = TrainTestSplit.stratified(small, 0.25, 5);
        TrainTestSplit s2 = TrainTestSplit.stratified(small, 0.25, 5);
        assertEquals(s1.idsTest(), s2.idsTest());
        assertArrayEquals(s1.xTrain()[3], s2.xTrain()[3]);
        for (ModelTrainer m : quickModels()) {
            int[] p1 = m.fit(s1.xTrain(), s1.yTrain(), 8, 42).predict(s1.xTest());
            int[] p2 = m.fit(s2.xTrain(), s2.yTrain(), 8, 42).predict(s2.xTest());
            assertArrayEquals(p1, p2, m.name() + " differs between two runs with the same seed");
        }
    }

    @Test
    void theCallersThreadsChangeNothingButTheRowsDevice() {
        TrainTestSplit s = TrainTestSplit.stratified(small, 0.25, 7);
        List<List<ModelTrainer>> byThreads = List.of(StudyProtocol.studyModels(1), StudyProtocol.studyModels(3));
        for (int m : new int[] {0, 1, 3}) { // SVC, the forest, logistic regression: the models that take threads
            ModelTrainer one = byThreads.get(0).get(m);
            ModelTrainer three = byThreads.get(1).get(m);
            assertArrayEquals(one.fit(s.xTrain(), s.yTrain(), 8, 42).predict(s.xTest()),
                    three.fit(s.xTrain(), s.yTrain(), 8, 42).predict(s.xTest()), one.name() + " on 1 and 3 threads");
        }
        StudyProtocol.Outcome o = StudyProtocol.stratified("threads", small, List.of(new LogisticRegressionTrainer(3)), 1);
        assertTrue(o.resultRows(3).stream().allMatch(r -> r.device().equals("cpu (3 threads)")), o.resultRows(3).toString());
        assertThrows(IllegalArgumentException.class, () -> new SvcTrainer(0));
        assertThrows(IllegalArgumentException.class, () -> new RandomForestTrainer(10, 0));
        assertThrows(IllegalArgumentException.class, () -> new LogisticRegressionTrainer(0));
    }

    @Test
    void forestLearnsFromAFewTracksPerGenre() {
        // 9 training tracks per genre, as in the embedded corpus: every tree must still see every genre
        FeatureTable tiny = embeddings.headPerGenre(12);
        TrainTestSplit s = TrainTestSplit.stratified(tiny, 0.25, 1);
        StudyProtocol.Run r = StudyProtocol.run(new RandomForestTrainer(100, THREADS), s, 3);
        assertTrue(IntStream.of(new RandomForestTrainer(100, THREADS).fit(s.xTrain(), s.yTrain(), 8, 3).predict(s.xTrain()))
                .distinct().count() == 8, "the forest should tell the training genres apart");
        assertTrue(r.macroF1() > 0.2, "forest macro-F1 " + r.macroF1() + " on 24 test tracks (chance 0.125)");
        assertTrue(java.util.Arrays.stream(r.importance()).sum() > 0, "no tree split");
    }

    @Test
    void svcPairsTrainedOnSeveralThreadsGiveLibsvmsOwnMultiClassModel() {
        TrainTestSplit s = TrainTestSplit.stratified(small, 0.25, 5);
        int[] ours = assertSvcIsLibsvmsOwn(s.xTrain(), s.yTrain(), s.xTest());
        assertTrue(IntStream.of(ours).distinct().count() > 4, "the SVC should predict most genres");
    }

    @Test
    void svcWithClassesOfUnequalSizesIsLibsvmsOwn() {
        // pairs of unequal sizes: classes 4..7 halved
        TrainTestSplit s = TrainTestSplit.stratified(small, 0.25, 5);
        int[] seen = new int[8];
        int[] keep = IntStream.range(0, s.yTrain().length)
                .filter(r -> s.yTrain()[r] < 4 || seen[s.yTrain()[r]]++ % 2 == 0).toArray();
        double[][] x = IntStream.of(keep).mapToObj(r -> s.xTrain()[r]).toArray(double[][]::new);
        int[] y = IntStream.of(keep).map(r -> s.yTrain()[r]).toArray();
        assertTrue(keep.length < s.yTrain().length * 0.8, "classes 4..7 halved");
        assertSvcIsLibsvmsOwn(x, y, s.xTest());
    }

    @Test
    void svcAgreesWithLibsvmsShrinkingScikitLearnsDefault() {
        // shrinking (scikit-learn's default) stops at the same optimality test by another path: the same model to
        // within the tolerance, so a few support vectors and a rare test row near a boundary may differ
        TrainTestSplit s = TrainTestSplit.stratified(small, 0.25, 5);
        var ours = new SvcTrainer(THREADS).oneVersusOne(s.xTrain(), s.yTrain(), 2);
        libsvm.svm_model shrinking = libsvmWhole(s.xTrain(), s.yTrain(), true);
        assertEquals(shrinking.l, ours.supportVectors(), shrinking.l * 0.02, "support vectors");
        int[] predicted = ours.predict(s.xTest());
        int same = 0;
        for (int r = 0; r < predicted.length; r++) {
            if (predicted[r] == (int) libsvm.svm.svm_predict(shrinking, LibsvmReference.row(s.xTest()[r]))) same++;
        }
        assertTrue(same >= 0.98 * predicted.length, same + " of " + predicted.length + " test rows agree");
    }

    /** Trains SvcTrainer on one and three threads and libsvm on the whole problem; returns our test predictions. */
    private static int[] assertSvcIsLibsvmsOwn(double[][] xTrain, int[] yTrain, double[][] xTest) {
        SvcTrainer svc = new SvcTrainer(THREADS);
        var one = svc.oneVersusOne(xTrain, yTrain, 1);
        var three = svc.oneVersusOne(xTrain, yTrain, 3);
        libsvm.svm_model whole = libsvmWhole(xTrain, yTrain, false);
        assertEquals(whole.l, one.supportVectors(), "support vectors");
        assertEquals(whole.l, three.supportVectors(), "support vectors, three threads");
        int[] ours = one.predict(xTest);
        for (int r = 0; r < xTest.length; r++) {
            assertEquals((int) libsvm.svm.svm_predict(whole, LibsvmReference.row(xTest[r])), ours[r], "test row " + r);
            assertEquals(ours[r], three.predict(xTest[r]), "three threads, test row " + r);
        }
        return ours;
    }

    /**
     * The reference: libsvm's svm_train on the whole multi-class problem with its own RBF kernel. The Java port
     * orders classes as they first appear (ties in the vote go to the first); scikit-learn's copy sorts them, as
     * SvcTrainer does, so the rows go in by class, each class in its original order.
     */
    private static libsvm.svm_model libsvmWhole(double[][] xTrain, int[] yTrain, boolean shrinking) {
        int[] byClass = IntStream.range(0, yTrain.length).boxed()
                .sorted(java.util.Comparator.comparingInt(r -> yTrain[r])).mapToInt(Integer::intValue).toArray();
        libsvm.svm_problem prob = new libsvm.svm_problem();
        prob.l = byClass.length;
        prob.x = new libsvm.svm_node[prob.l][];
        prob.y = new double[prob.l];
        for (int q = 0; q < prob.l; q++) {
            prob.x[q] = LibsvmReference.row(xTrain[byClass[q]]);
            prob.y[q] = yTrain[byClass[q]];
        }
        return LibsvmReference.train(prob, LibsvmReference.parameters(SvcTrainer.gammaScale(xTrain), 3, 1e-3, shrinking)).model();
    }

    @Test
    void protocolSummarisesSeedsAndForestImportances() {
        List<ModelTrainer> models = List.of(new RandomForestTrainer(30, THREADS), new LogisticRegressionTrainer(THREADS));
        StudyProtocol.Outcome o = StudyProtocol.stratified("test", small, models, 1, 2, 3);
        assertEquals(6, o.runs().size());
        List<ResultRow> rows = o.resultRows(THREADS);
        assertEquals(8, rows.size());
        ResultRow f1 = rows.stream().filter(r -> r.model().equals("Random forest") && r.metric().equals("macro_f1")).findFirst().orElseThrow();
        double[] v = o.runs("Random forest").stream().mapToDouble(StudyProtocol.Run::macroF1).toArray();
        assertEquals(3, f1.runs());
        assertEquals((v[0] + v[1] + v[2]) / 3, f1.value(), 1e-12);
        assertTrue(f1.std() > 0, "three different splits give the same score");
        String best = o.bestModel();
        int total = 0;
        for (int[] row : o.confusion(best)) for (int c : row) total += c;
        assertEquals(3 * 200, total);
        Map<FmaFeatureCsv.Column, Double> imp = o.importance("Random forest");
        assertEquals(256, imp.size());
        assertEquals(1.0, imp.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        assertTrue(o.importance("Logistic regression").isEmpty());
    }

    @Test
    void theOfficialSplitsPredictionsGiveIntervalsOverItsTestTracksAndStratifiedSplitsRefuse() {
        List<ModelTrainer> models = List.of(new RandomForestTrainer(30, THREADS), new LogisticRegressionTrainer(THREADS));
        StudyProtocol.Outcome o = StudyProtocol.official("official", embeddings, models, 1, 2);
        var byModel = o.predictions();
        assertEquals(List.of("Random forest", "Logistic regression"), List.copyOf(byModel.keySet()));
        TrainTestSplit split = TrainTestSplit.official(embeddings, false);
        List<String> testGenres = java.util.Arrays.stream(split.yTest()).mapToObj(split.classes()::get).toList();
        for (String m : byModel.keySet()) {
            assertEquals(2, byModel.get(m).size());
            for (int k = 0; k < 2; k++) {
                var run = byModel.get(m).get(k);
                assertEquals(testGenres, run.truth(), m + " run " + k + " holds the official test tracks' genres");
                int[] truth = run.truth().stream().mapToInt(o.classes()::indexOf).toArray();
                int[] pred = run.predicted().stream().mapToInt(o.classes()::indexOf).toArray();
                assertEquals(o.runs(m).get(k).macroF1(), ClassificationMetrics.macroF1(truth, pred, o.classes().size()), 1e-15);
            }
        }
        var rows = org.genrelab.eval.TestSetIntervals.of(byModel, "Logistic regression", 500, 0.95, 7);
        assertEquals(o.meanMacroF1("Random forest"), rows.get(0).macroF1().estimate(), 1e-12);
        assertTrue(rows.get(0).macroF1().lower() < rows.get(0).macroF1().upper());
        var e = assertThrows(IllegalStateException.class, () -> StudyProtocol.stratified("strat", small, models, 1, 2).predictions());
        assertTrue(e.getMessage().contains("different tracks"), e.getMessage());
    }

    @Test
    void exportedMatricesReadBackExactly(@TempDir Path dir) throws Exception {
        TrainTestSplit s = TrainTestSplit.stratified(small, 0.25, 9);
        List<Path> files = MatrixExport.write(s, dir);
        List<String> lines = Files.readAllLines(files.get(1));
        assertEquals(201, lines.size());
        assertTrue(lines.get(0).startsWith("track_id,label,genre,vggish:mean:001,"));
        String[] cells = lines.get(5).split(",");
        assertEquals(s.idsTest().get(4), cells[0]);
        assertEquals(s.yTest()[4], Integer.parseInt(cells[1]));
        assertEquals(s.classes().get(s.yTest()[4]), cells[2]);
        for (int j = 0; j < 256; j++) assertEquals(s.xTest()[4][j], Double.parseDouble(cells[3 + j]), 0.0);
        // read back: the same rows, labels, genre names and values, and a model trained on them scores the same
        MatrixExport.Rows train = MatrixExport.read(files.get(0));
        assertEquals(s.idsTrain(), train.ids());
        assertArrayEquals(s.yTrain(), train.y());
        assertEquals(s.classes(), train.classes());
        for (int i = 0; i < s.xTrain().length; i++) assertArrayEquals(s.xTrain()[i], train.x()[i], 0.0);
        double[][] xs = train.x();
        int[] p1 = new LogisticRegressionTrainer(THREADS).fit(s.xTrain(), s.yTrain(), 8, 1).predict(s.xTest());
        int[] p2 = new LogisticRegressionTrainer(THREADS).fit(xs, s.yTrain(), 8, 1).predict(s.xTest());
        assertEquals(ClassificationMetrics.macroF1(s.yTest(), p1, 8), ClassificationMetrics.macroF1(s.yTest(), p2, 8), 0.0);
    }

    @Test
    void aDamagedExportedMatrixIsAnErrorNamingItsLine(@TempDir Path dir) throws Exception {
        Path f = MatrixExport.write(TrainTestSplit.stratified(small, 0.25, 9), dir).get(1);
        List<String> lines = Files.readAllLines(f);
        String[][] damage = {
                {"3", lines.get(2).substring(0, lines.get(2).lastIndexOf(',')), "cells, the header has 259"},
                {"4", lines.get(3).replaceFirst(",[^,]*$", ",x1"), "not a number"},
                {"2", lines.get(1).replaceFirst("^([^,]*),([^,]*),([^,]*),", "$1,$2,Polka,"), "above"},
        };
        int labelOfLine2 = Integer.parseInt(lines.get(1).split(",")[1]);
        for (String[] d : damage) {
            List<String> bad = new ArrayList<>(lines);
            int line = Integer.parseInt(d[0]);
            bad.set(line - 1, d[1]);
            if (d[2].equals("above")) {
                // line 2 keeps its label under another genre name, and a later row with that label names the real genre
                int later = 2;
                while (Integer.parseInt(lines.get(later).split(",")[1]) != labelOfLine2) later++;
                line = later + 1;
            }
            Path g = dir.resolve("bad.csv");
            Files.write(g, bad);
            var e = assertThrows(IllegalArgumentException.class, () -> MatrixExport.read(g));
            assertTrue(e.getMessage().contains("line " + line + ":") && e.getMessage().contains(d[2]), e.getMessage());
        }
        Path g = dir.resolve("other.csv");
        Files.write(g, List.of("a,b,c", "1,2,3"));
        var e = assertThrows(IllegalArgumentException.class, () -> MatrixExport.read(g));
        assertTrue(e.getMessage().contains("not an exported matrix"), e.getMessage());
    }
}
