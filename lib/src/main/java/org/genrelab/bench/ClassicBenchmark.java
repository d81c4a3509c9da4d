package org.genrelab.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.StandardDeviation;
import org.genrelab.classic.CatBoostStandInTrainer;
import org.genrelab.classic.FeatureTable;
import org.genrelab.classic.MatrixExport;
import org.genrelab.classic.ModelTrainer;
import org.genrelab.classic.StudyProtocol;
import org.genrelab.classic.TrainTestSplit;
import org.genrelab.data.FmaTracks;
import org.genrelab.data.StudyEmbeddings;
import org.genrelab.features.FmaFeatureCsv;
import org.genrelab.results.ResultsCsv;

/**
 * The Part 1 benchmark: runs the study's five models on a feature table, prints training and prediction time and
 * the scores of every model and split, and writes the exact matrices of the first split
 * ({@code matrices/train.csv, test.csv}), the scores on that split ({@code java_scores.csv}, read by
 * {@code environment/sklearn_compare.py}) and the tidy result rows ({@code results.csv}) into the output folder.
 * {@code ./genrelab bench classic} and {@code SklearnParityTest} call {@link #run}.
 */
public final class ClassicBenchmark {

    /** Where the feature table comes from. */
    public sealed interface Source {
    }

    /** The study's embeddings pooled to mean/std per track: a data folder with study-embeddings/ and a tracks file. */
    public record Embeddings(Path dataFolder) implements Source {
    }

    /**
     * FMA's published features.csv (or a file in its layout) labelled from a tracks.csv; {@code studyFeatures} keeps
     * only the study's feature set, else every column.
     */
    public record FmaCsv(Path features, Path tracks, boolean studyFeatures) implements Source {
    }

    /**
     * What {@link #run} does.
     *
     * @param source        the feature table
     * @param splits        runs per model: stratified 75/25 splits with seeds 0, 1, …, each model trained with its split's
     *                      seed (with {@code officialSplit}: FMA's split every time, the seeds only the models')
     * @param perGenre      the first this-many tracks of each genre (0: all)
     * @param officialSplit FMA's own training and test split instead of stratified ones
     * @param heldOnly      leaves out the CatBoost stand-in, which scikit-learn has no twin of
     * @param only          the names of the models to run (empty: all of them)
     * @param repeat        fits of each model on the first split; the fastest and the total are reported too (a JVM's
     *                      first fit includes compiling the training code)
     * @param modelSeeds    also trains each model with seeds 1 … modelSeeds − 1 on the first split and writes those
     *                      scores too, so that the randomised models (forest, boosting) can be compared with
     *                      scikit-learn's by their mean over seeds: one seed's boosting moves by more than 1.5 macro-F1
     *                      points on either side
     * @param folder        where the matrices, {@code java_scores.csv} and {@code results.csv} go
     */
    public record Options(Source source, int splits, int perGenre, boolean officialSplit, boolean heldOnly, List<String> only,
                          int repeat, int modelSeeds, Path folder, int threads) {

        public Options {
            if (source == null || folder == null) throw new IllegalArgumentException("a source and an output folder are needed");
            if (splits < 1 || repeat < 1 || modelSeeds < 1) {
                throw new IllegalArgumentException("splits, repeat and modelSeeds must be at least 1, not " + splits + ", "
                        + repeat + ", " + modelSeeds);
            }
            if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, not " + threads);
            if (perGenre < 0) throw new IllegalArgumentException("perGenre must be 0 (all) or more, not " + perGenre);
            only = List.copyOf(only);
        }

        /** Every model on the whole table, 5 stratified splits, one fit each, into {@code target/classic}. */
        public static Options of(Source source) {
            return new Options(source, 5, 0, false, false, List.of(), 1, 1, Path.of("target", "classic"), Runtime.getRuntime().availableProcessors());
        }

        public Options withSplits(int n) {
            return new Options(source, n, perGenre, officialSplit, heldOnly, only, repeat, modelSeeds, folder, threads);
        }

        public Options withPerGenre(int n) {
            return new Options(source, splits, n, officialSplit, heldOnly, only, repeat, modelSeeds, folder, threads);
        }

        public Options withOfficialSplit(boolean official) {
            return new Options(source, splits, perGenre, official, heldOnly, only, repeat, modelSeeds, folder, threads);
        }

        public Options withHeldOnly(boolean held) {
            return new Options(source, splits, perGenre, officialSplit, held, only, repeat, modelSeeds, folder, threads);
        }

        public Options withOnly(List<String> models) {
            return new Options(source, splits, perGenre, officialSplit, heldOnly, models, repeat, modelSeeds, folder, threads);
        }

        /** The threads SVC, the forest and logistic regression train on (their results do not depend on it). */
        public Options withThreads(int n) {
            return new Options(source, splits, perGenre, officialSplit, heldOnly, only, repeat, modelSeeds, folder, n);
        }

        public Options withRepeat(int n) {
            return new Options(source, splits, perGenre, officialSplit, heldOnly, only, n, modelSeeds, folder, threads);
        }

        public Options withModelSeeds(int n) {
            return new Options(source, splits, perGenre, officialSplit, heldOnly, only, repeat, n, folder, threads);
        }

        public Options withFolder(Path dir) {
            return new Options(source, splits, perGenre, officialSplit, heldOnly, only, repeat, modelSeeds, dir, threads);
        }
    }

    private ClassicBenchmark() {
    }

    /**
     * Runs the benchmark, printing to {@code out}, and returns its outcome (the runs of the splits; the extra model
     * seeds' runs are only printed and written).
     *
     * @throws IllegalArgumentException if {@code options.only()} names none of the study's models
     */
    public static StudyProtocol.Outcome run(Options options, PrintStream out) throws IOException {
        FeatureTable table = switch (options.source()) {
            case Embeddings e -> FeatureTable.ofEmbeddings(StudyEmbeddings.fromDataFolder(e.dataFolder()));
            case FmaCsv c -> {
                FeatureTable t = FeatureTable.readFmaCsv(c.features()).withLabels(FmaTracks.load(c.tracks()));
                yield c.studyFeatures() ? t.studyFeatureSet() : t;
            }
        };
        String experiment = "part1-" + switch (options.source()) {
            case Embeddings e -> "embeddings";
            case FmaCsv c -> c.studyFeatures() ? "study" : "all";
        };
        int perGenre = options.perGenre();
        int nSeeds = options.splits();
        boolean official = options.officialSplit();
        int repeat = options.repeat();
        Path folder = options.folder();
        if (perGenre > 0) table = table.headPerGenre(perGenre);
        table.validate();
        long[] seeds = new long[nSeeds];
        for (int s = 0; s < nSeeds; s++) seeds[s] = s;
        out.printf(Locale.ROOT, "table %s: %d tracks, %d columns, %d genres; %s%n", table.source(), table.size(),
                table.columns().size(), table.genreNames().size(), official ? "FMA official split" : nSeeds + " stratified 75/25 splits");

        TrainTestSplit first = official ? TrainTestSplit.official(table, false)
                : TrainTestSplit.stratified(table, StudyProtocol.TEST_FRACTION, seeds[0]);
        List<Path> files = MatrixExport.write(first, folder.resolve("matrices"));
        out.println("matrices of the first split: " + files);

        // held only: the four models held to scikit-learn's scores (the CatBoost stand-in has no sklearn twin)
        List<ModelTrainer> models = StudyProtocol.studyModels(options.threads()).stream()
                .filter(m -> !options.heldOnly() || !(m instanceof CatBoostStandInTrainer))
                .filter(m -> options.only().isEmpty() || options.only().contains(m.name())).toList();
        if (models.isEmpty()) {
            throw new IllegalArgumentException("only " + options.only() + " names none of the models "
                    + StudyProtocol.studyModels(options.threads()).stream().map(ModelTrainer::name).toList());
        }
        List<StudyProtocol.Run> runs = new ArrayList<>();
        Map<String, Double> fastestTrain = new HashMap<>();
        Map<String, Double> totalTrain = new HashMap<>();
        long t0 = System.nanoTime();
        out.printf(Locale.ROOT, "%-28s %-40s %8s %8s %9s %9s%n", "model", "split", "macroF1", "acc", "train s", "predict s");
        for (long seed : seeds) {
            TrainTestSplit s = seed == seeds[0] ? first : official ? first
                    : TrainTestSplit.stratified(table, StudyProtocol.TEST_FRACTION, seed);
            for (ModelTrainer m : models) {
                StudyProtocol.Run r = StudyProtocol.run(m, s, seed);
                runs.add(r);
                out.printf(Locale.ROOT, "%-28s %-40s %8.4f %8.4f %9.2f %9.2f%n", r.model(), r.split(), r.macroF1(),
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
                        out.printf(Locale.ROOT, "%-28s fastest of %d fits: train %.3f s, all %d %.3f s%n", r.model(), repeat,
                                fastest, repeat, total);
                    }
                }
            }
        }
        List<StudyProtocol.Run> moreSeeds = new ArrayList<>(); // the first split again, with other model seeds
        for (int k = 1; k < options.modelSeeds(); k++) {
            for (ModelTrainer m : models) {
                StudyProtocol.Run r = StudyProtocol.run(m, first, seeds[0] + k);
                moreSeeds.add(r);
                out.printf(Locale.ROOT, "%-28s %-40s %8.4f %8.4f %9.2f %9.2f%n", r.model(), r.split() + ", model seed "
                        + r.seed(), r.macroF1(), r.accuracy(), r.trainSeconds(), r.predictSeconds());
            }
        }
        StudyProtocol.Outcome o = new StudyProtocol.Outcome(experiment,
                table.source(), table.genreNames(), table.columns(), models.stream().map(ModelTrainer::name).toList(),
                runs, (System.nanoTime() - t0) / 1e9);
        try (Writer w = Files.newBufferedWriter(folder.resolve("java_scores.csv"))) {
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
        ResultsCsv.write(folder.resolve("results.csv"), o.resultRows(options.threads()));
        out.println("\nmean ± std over " + nSeeds + " run(s):");
        for (String m : o.models()) {
            double[] f = o.runs(m).stream().mapToDouble(StudyProtocol.Run::macroF1).toArray();
            double[] t = o.runs(m).stream().mapToDouble(StudyProtocol.Run::trainSeconds).toArray();
            out.printf(Locale.ROOT, "%-28s macro-F1 %.4f ± %.4f   train %.2f s   %s%n", m, Mean.of(f).getAsDouble(), StandardDeviation.of(f).setBiased(true).getAsDouble(), Mean.of(t).getAsDouble(),
                    models.stream().filter(x -> x.name().equals(m)).findFirst().orElseThrow().settings());
        }
        String best = o.bestModel();
        out.println("\nbest model: " + best + "; per-genre F1 and confusion (rows true, columns predicted, summed over runs):");
        double[] f1 = o.perClassF1(best);
        int[][] c = o.confusion(best);
        for (int k = 0; k < f1.length; k++) {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-14s F1 %.3f |", o.classes().get(k), f1[k]));
            for (int v : c[k]) sb.append(String.format(Locale.ROOT, "%5d", v));
            out.println(sb);
        }
        if (o.models().contains("Random forest")) {
            out.println("\nrandom forest: 15 most important columns");
            o.importance("Random forest").entrySet().stream()
                    .sorted(Map.Entry.<FmaFeatureCsv.Column, Double>comparingByValue(Comparator.reverseOrder())).limit(15)
                    .forEach(e -> out.printf(Locale.ROOT, "  %-28s %.4f%n", e.getKey(), e.getValue()));
        }
        out.println("\nwrote " + folder.resolve("results.csv") + " and " + folder.resolve("java_scores.csv"));
        return o;
    }
}
