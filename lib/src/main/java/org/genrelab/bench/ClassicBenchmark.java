package org.genrelab.bench;

import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.StandardDeviation;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.genrelab.data.FmaTracks;
import org.genrelab.data.StudyEmbeddings;
import org.genrelab.features.FmaFeatureCsv;
import org.genrelab.results.ResultsCsv;
import org.genrelab.classic.CatBoostStandInTrainer;
import org.genrelab.classic.FeatureTable;
import org.genrelab.classic.MatrixExport;
import org.genrelab.classic.ModelTrainer;
import org.genrelab.classic.StudyProtocol;
import org.genrelab.classic.TrainTestSplit;

/**
 * Benchmark entry point for Part 1: runs the study's five models on a feature table, prints training
 * and prediction time and the scores of every model and split, and writes the exact matrices of the
 * first split ({@code out/matrices/train.csv, test.csv}), the scores on that split
 * ({@code out/java_scores.csv}, read by {@code environment/sklearn_compare.py}) and the tidy result rows
 * ({@code out/results.csv}).
 *
 * <pre>
 * ClassicBenchmark --embeddings ../shared/data [--seeds 5] [--per-genre N] [--out target/classic]
 * ClassicBenchmark --csv features.csv --tracks tracks.csv [--features study|all] [--official]
 * (either form: [--held-only] leaves out the CatBoost stand-in, which scikit-learn has no twin of;
 *  [--only NAME,NAME] runs only the models so named, e.g. "SVC,Logistic regression";
 *  [--repeat N] trains each model N times on the first split and reports the fastest as well: the first
 *  fit in a JVM includes compiling the training code;
 *  [--model-seeds N] also trains each model with seeds 1..N-1 on the first split and writes those scores too, so
 *  that the randomised models (forest, boosting) can be compared with scikit-learn's by their mean over seeds:
 *  one seed's boosting moves by more than 1.5 macro-F1 points on either side)
 * </pre>
 */
public final class ClassicBenchmark {

    private ClassicBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path embeddings = null;
        Path csv = null;
        Path tracks = null;
        String features = "all";
        int nSeeds = 5;
        int perGenre = 0;
        boolean official = false;
        boolean heldOnly = false;
        List<String> only = null;
        int repeat = 1;
        int modelSeeds = 1;
        Path out = Paths.get("target", "classic");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--embeddings" -> embeddings = Paths.get(args[++i]);
                case "--csv" -> csv = Paths.get(args[++i]);
                case "--tracks" -> tracks = Paths.get(args[++i]);
                case "--features" -> features = args[++i];
                case "--seeds" -> nSeeds = Integer.parseInt(args[++i]);
                case "--model-seeds" -> modelSeeds = Integer.parseInt(args[++i]);
                case "--official" -> official = true;
                case "--held-only" -> heldOnly = true;
                case "--only" -> only = List.of(args[++i].split(","));
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                case "--per-genre" -> perGenre = Integer.parseInt(args[++i]);
                case "--out" -> out = Paths.get(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (use --embeddings DATA_DIR | --csv FEATURES.csv --tracks TRACKS.csv, --features study|all,"
                        + " --seeds N, --per-genre N, --official, --held-only, --only NAME,NAME, --repeat N, --model-seeds N, --out DIR)");
            }
        }
        FeatureTable table;
        if (embeddings != null) {
            table = FeatureTable.ofEmbeddings(StudyEmbeddings.load(embeddings.resolve("study-embeddings"),
                    FmaTracks.load(embeddings.resolve("fma_small_tracks.csv"))));
        } else if (csv != null && tracks != null) {
            table = FeatureTable.readFmaCsv(csv).withLabels(FmaTracks.load(tracks));
            if (features.equals("study")) table = table.studyFeatureSet();
        } else {
            throw new IllegalArgumentException("give --embeddings DATA_DIR, or --csv and --tracks");
        }
        if (perGenre > 0) table = table.headPerGenre(perGenre);
        table.validate();
        long[] seeds = new long[nSeeds];
        for (int s = 0; s < nSeeds; s++) seeds[s] = s;
        System.out.printf(Locale.ROOT, "table %s: %d tracks, %d columns, %d genres; %s%n", table.source(), table.size(),
                table.columns().size(), table.genreNames().size(), official ? "FMA official split" : nSeeds + " stratified 75/25 splits");

        TrainTestSplit first = official ? TrainTestSplit.official(table, false)
                : TrainTestSplit.stratified(table, StudyProtocol.TEST_FRACTION, seeds[0]);
        List<Path> files = MatrixExport.write(first, out.resolve("matrices"));
        System.out.println("matrices of the first split: " + files);

        // --held-only: the four models held to scikit-learn's scores (the CatBoost stand-in has no sklearn twin)
        final boolean withStandIn = !heldOnly;
        final List<String> named = only;
        List<ModelTrainer> models = StudyProtocol.studyModels().stream()
                .filter(m -> withStandIn || !(m instanceof CatBoostStandInTrainer))
                .filter(m -> named == null || named.contains(m.name())).toList();
        if (models.isEmpty()) {
            throw new IllegalArgumentException("--only " + only + " names none of the models "
                    + StudyProtocol.studyModels().stream().map(ModelTrainer::name).toList());
        }
        List<StudyProtocol.Run> runs = new ArrayList<>();
        Map<String, Double> fastestTrain = new java.util.HashMap<>();
        Map<String, Double> totalTrain = new java.util.HashMap<>();
        long t0 = System.nanoTime();
        System.out.printf(Locale.ROOT, "%-28s %-40s %8s %8s %9s %9s%n", "model", "split", "macroF1", "acc", "train s", "predict s");
        for (long seed : seeds) {
            TrainTestSplit s = seed == seeds[0] ? first : official ? first
                    : TrainTestSplit.stratified(table, StudyProtocol.TEST_FRACTION, seed);
            for (ModelTrainer m : models) {
                StudyProtocol.Run r = StudyProtocol.run(m, s, seed);
                runs.add(r);
                System.out.printf(Locale.ROOT, "%-28s %-40s %8.4f %8.4f %9.2f %9.2f%n", r.model(), r.split(), r.macroF1(),
                        r.accuracy(), r.trainSeconds(), r.predictSeconds());
                if (seed == seeds[0]) {
                    double fastest = r.trainSeconds();
                    double total = r.trainSeconds();
                    for (int again = 1; again < repeat; again++) {
                        double t = StudyProtocol.run(m, s, seed).trainSeconds();
                        fastest = Math.min(fastest, t);
                        total += t;
                    }
                    fastestTrain.put(r.model(), fastest);
                    totalTrain.put(r.model(), total);
                    if (repeat > 1) {
                        System.out.printf(Locale.ROOT, "%-28s fastest of %d fits: train %.3f s, all %d %.3f s%n", r.model(), repeat,
                                fastest, repeat, total);
                    }
                }
            }
        }
        List<StudyProtocol.Run> moreSeeds = new ArrayList<>(); // the first split again, with other model seeds
        for (int k = 1; k < modelSeeds; k++) {
            for (ModelTrainer m : models) {
                StudyProtocol.Run r = StudyProtocol.run(m, first, seeds[0] + k);
                moreSeeds.add(r);
                System.out.printf(Locale.ROOT, "%-28s %-40s %8.4f %8.4f %9.2f %9.2f%n", r.model(), r.split() + ", model seed "
                        + r.seed(), r.macroF1(), r.accuracy(), r.trainSeconds(), r.predictSeconds());
            }
        }
        StudyProtocol.Outcome o = new StudyProtocol.Outcome("part1-" + (embeddings != null ? "embeddings" : features),
                table.source(), table.genreNames(), table.columns(), models.stream().map(ModelTrainer::name).toList(),
                runs, (System.nanoTime() - t0) / 1e9);
        try (Writer w = Files.newBufferedWriter(out.resolve("java_scores.csv"))) {
            w.write("model,macro_f1,accuracy,train_seconds,predict_seconds,fastest_train_seconds,total_train_seconds,fits\n");
            for (StudyProtocol.Run r : runs) {
                if (r.seed() == seeds[0]) {
                    w.write(String.format(Locale.ROOT, "%s,%.6f,%.6f,%.3f,%.3f,%.3f,%.3f,%d%n", r.model(), r.macroF1(), r.accuracy(),
                            r.trainSeconds(), r.predictSeconds(), fastestTrain.get(r.model()), totalTrain.get(r.model()), repeat));
                }
            }
            for (StudyProtocol.Run r : moreSeeds) {
                w.write(String.format(Locale.ROOT, "%s,%.6f,%.6f,%.3f,%.3f,%.3f,%.3f,%d%n", r.model(), r.macroF1(), r.accuracy(),
                        r.trainSeconds(), r.predictSeconds(), r.trainSeconds(), r.trainSeconds(), 1));
            }
        }
        ResultsCsv.write(out.resolve("results.csv"), o.resultRows());
        System.out.println("\nmean ± std over " + nSeeds + " run(s):");
        for (String m : o.models()) {
            double[] f = o.runs(m).stream().mapToDouble(StudyProtocol.Run::macroF1).toArray();
            double[] t = o.runs(m).stream().mapToDouble(StudyProtocol.Run::trainSeconds).toArray();
            System.out.printf(Locale.ROOT, "%-28s macro-F1 %.4f ± %.4f   train %.2f s   %s%n", m, Mean.of(f).getAsDouble(), StandardDeviation.of(f).setBiased(true).getAsDouble(), Mean.of(t).getAsDouble(),
                    models.stream().filter(x -> x.name().equals(m)).findFirst().orElseThrow().settings());
        }
        String best = o.bestModel();
        System.out.println("\nbest model: " + best + "; per-genre F1 and confusion (rows true, columns predicted, summed over runs):");
        double[] f1 = o.perClassF1(best);
        int[][] c = o.confusion(best);
        for (int k = 0; k < f1.length; k++) {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-14s F1 %.3f |", o.classes().get(k), f1[k]));
            for (int v : c[k]) sb.append(String.format(Locale.ROOT, "%5d", v));
            System.out.println(sb);
        }
        if (o.models().contains("Random forest")) {
            System.out.println("\nrandom forest: 15 most important columns");
            o.importance("Random forest").entrySet().stream()
                    .sorted(Map.Entry.<FmaFeatureCsv.Column, Double>comparingByValue(Comparator.reverseOrder())).limit(15)
                    .forEach(e -> System.out.printf(Locale.ROOT, "  %-28s %.4f%n", e.getKey(), e.getValue()));
        }
        System.out.println("\nwrote " + out.resolve("results.csv") + " and " + out.resolve("java_scores.csv"));
    }
}
