package org.genrelab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.genrelab.classic.EmbeddingLogisticRegression;
import org.genrelab.data.FmaTracks;
import org.genrelab.data.StudyEmbeddings;
import org.genrelab.deep.DeviceChoice;
import org.genrelab.deep.LstmConfig;
import org.genrelab.deep.LstmSearchResult;
import org.genrelab.deep.ModelResult;
import org.genrelab.deep.Part2Experiments;
import org.genrelab.deep.Part2Settings;
import org.genrelab.deep.TrainingRun;
import org.genrelab.eval.ProbabilityEnsemble;
import org.genrelab.report.IntervalTables;
import org.genrelab.report.Part2Ensemble;
import org.genrelab.results.PredictionsCsv;
import org.genrelab.results.ResultRow;
import org.genrelab.results.RunParameters;
import org.genrelab.report.StudyReference;
import org.genrelab.eval.TestSetIntervals;

/**
 * Runs Part 2 models from the command line and prints their result rows and curves:
 * {@code Part2Main <dataFolder> <quick|full|full1> <model>...} with models {@code logistic},
 * {@code lstm-published}, {@code lstm-published-meanmax}, {@code lstm-search}, {@code lstm-trial=ID} (retrains the search's configuration
 * number ID, e.g. the best of an earlier run of the same seed, once per seed), {@code fcnn-2-1-h30},
 * {@code fcnn-variants} (1, 2, 2-1 and 3 at hidden 30), {@code fcnn-sweep}, {@code cnn}, {@code ensemble}: the best
 * on validation of each family among the models run before it, voting with their probabilities
 * ({@link Part2Ensemble}), and {@code intervals}: bootstrap intervals of the test macro-F1 of every model run before
 * it and their differences to the best ({@link TestSetIntervals}). Seeds start at 42, or at the system property {@code genrelab.seed}. The search journals its trials in {@code .cache/lstm-search/}
 * ({@code GENRELAB_ROOT}): killed and started again, it resumes where it was.
 */
public final class Part2Main {

    private Part2Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: Part2Main <shared/data folder> <quick|full|full1> <model>...");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]);
        Part2Settings mode = switch (args[1]) {
            case "full" -> Part2Settings.full();
            case "full1" -> Part2Settings.full().withSeeds(1); // full settings, one seed per model
            case "quick" -> Part2Settings.quick();
            default -> throw new IllegalArgumentException("mode must be quick, full or full1, got '" + args[1] + "'");
        };
        StudyEmbeddings data = StudyEmbeddings.load(dataDir.resolve("study-embeddings"),
                FmaTracks.load(dataDir.resolve("fma_small_tracks.csv")));
        int threads = RunParameters.fromEnvironment().threads(); // GENRELAB_THREADS, default all cores
        String searchThreads = System.getProperty("genrelab.searchThreads");
        Part2Settings p = (searchThreads == null ? mode : mode.withThreads(Integer.parseInt(searchThreads.trim())))
                .withTorchThreads(threads);
        System.out.println("device: " + DeviceChoice.describe() + "; mode " + args[1] + "; " + p);
        long seed = Long.getLong("genrelab.seed", 42); // runs use seeds seed, seed+1, ...
        System.out.println("seed " + seed);
        for (int i = 2; i < args.length; i++) {
            List<ResultRow> rows = new ArrayList<>();
            switch (args[i]) {
                case "logistic" -> {
                    var r = EmbeddingLogisticRegression.run(data, EmbeddingLogisticRegression.REPRESENTATIONS,
                            EmbeddingLogisticRegression.STUDY_C_GRID,
                            p.trainLimit() > 0 ? 100 : EmbeddingLogisticRegression.STUDY_MAX_ITER,
                            p.trainLimit(), threads);
                    r.candidates().forEach(c -> System.out.println("  " + c));
                    System.out.println("  chosen on validation: " + r.chosen().model());
                    rows.addAll(r.rows());
                    r.predictions(data.genres()).forEach(run -> PREDICTIONS.computeIfAbsent(run.model(), k -> new ArrayList<>()).add(run));
                    for (var c : r.choices()) {
                        double val = c.rows().stream().filter(x -> x.metric().equals(ResultRow.VAL_ACCURACY))
                                .findFirst().orElseThrow().value();
                        MEMBERS.add(new ProbabilityEnsemble.Member(c.model(), val, List.<double[][]>of(c.testProbabilities()),
                                c.rows().get(0).seconds()));
                    }
                }
                case "lstm-published" -> rows.addAll(print(data.genres(), lstmPublished(data, p, seed)));
                case "lstm-published-meanmax" -> rows.addAll(print(data.genres(), Part2Experiments.lstmPublishedMeanMax(data, p, seed)));
                case "lstm-search" -> {
                    long t0 = System.nanoTime();
                    int[] done = {0};
                    Path journal = org.genrelab.results.RunParameters.fromEnvironment().cache().resolve("lstm-search");
                    LstmSearchResult r = Part2Experiments.lstmSearch(data, p, seed, journal, t -> {
                        synchronized (done) {
                            done[0]++;
                            System.out.printf(java.util.Locale.ROOT, "  [%3d/%d %6.0f s] trial %d %s epochs %d by %s best val %.4f%s%n",
                                    done[0], p.trials(), (System.nanoTime() - t0) / 1e9, t.id(), t.config(), t.stoppedAt(),
                                    t.stoppedBy(), t.bestMetric(), t.failure() == null ? "" : " " + t.failure());
                        }
                    });
                    System.out.println("  best " + r.best() + " search " + r.searchSeconds() + " s"
                            + (r.resumedTrials() > 0 ? " (" + r.resumedTrials() + " trials replayed from " + journal + ")" : ""));
                    rows.addAll(print(data.genres(), r.retrained()));
                }
                case "fcnn-2-1-h30" -> rows.addAll(print(data.genres(), Part2Experiments.fcnn("2-1", 30, data, p, seed)));
                case "fcnn-variants" -> {
                    for (String v : List.of("1", "2", "2-1", "3")) rows.addAll(print(data.genres(), Part2Experiments.fcnn(v, 30, data, p, seed)));
                }
                case "ensemble" -> {
                    Part2Ensemble.Result e = Part2Ensemble.of(MEMBERS, data.test().y(), data.genres(),
                            List.copyOf(StudyReference.part2().keySet()), DeviceChoice.describe(), data.source());
                    e.members().forEach(m -> System.out.printf(java.util.Locale.ROOT, "  member %s (val accuracy %.4f, %d runs)%n",
                            m.model(), m.valAccuracy(), m.runs().size()));
                    rows.addAll(e.rows());
                    PREDICTIONS.put(Part2Ensemble.MODEL, e.runs());
                }
                case "intervals" -> {
                    if (PREDICTIONS.isEmpty()) throw new IllegalArgumentException("'intervals' needs models run before it");
                    String best = TestSetIntervals.best(PREDICTIONS);
                    var t = IntervalTables.table("Test macro-F1 (%), " + TestSetIntervals.RESAMPLES
                            + " bootstrap resamples of the test tracks; differences to " + best,
                            TestSetIntervals.of(PREDICTIONS, best, seed));
                    System.out.println(t.printAll());
                }
                case "fcnn-sweep" -> Part2Experiments.fcnnSweep(data, p, seed).forEach(m -> rows.addAll(print(data.genres(), m)));
                case "cnn" -> rows.addAll(print(data.genres(), Part2Experiments.cnn(data, p, seed)));
                default -> {
                    if (!args[i].startsWith("lstm-trial=")) throw new IllegalArgumentException("unknown model '" + args[i] + "'");
                    int id = Integer.parseInt(args[i].substring("lstm-trial=".length()));
                    LstmConfig c = Part2Experiments.searchConfigs(p, seed).get(id);
                    System.out.println("  trial " + id + " of the search with seed " + seed + ": " + c);
                    rows.addAll(print(data.genres(), Part2Experiments.lstmRetrain(c, data, p, seed)));
                }
            }
            System.out.println(ResultRow.HEADER);
            rows.forEach(r -> System.out.println(String.join(",", r.experiment(), r.model(), r.metric(),
                    String.valueOf(r.value()), String.valueOf(r.std()), String.valueOf(r.runs()),
                    String.valueOf(r.seconds()), r.device(), r.dataset())));
        }
    }

    private static ModelResult lstmPublished(StudyEmbeddings data, Part2Settings p, long seed) {
        return Part2Experiments.lstmPublished(data, p, seed);
    }

    /** Every model's test predictions so far, for {@code intervals}. */
    private static final java.util.Map<String, List<PredictionsCsv.Run>> PREDICTIONS = new java.util.LinkedHashMap<>();

    /** Every model trained so far, as a candidate member of an ensemble. */
    private static final List<ProbabilityEnsemble.Member> MEMBERS = new ArrayList<>();

    private static List<ResultRow> print(List<String> genres, ModelResult m) {
        PREDICTIONS.put(m.model(), m.predictions(genres));
        MEMBERS.add(new ProbabilityEnsemble.Member(m.model(), m.meanBestValAccuracy(),
                m.runs().stream().map(TrainingRun::testProbabilities).toList(), m.row("macro_f1").seconds()));
        for (TrainingRun r : m.runs()) {
            System.out.println("  " + m.model() + " epochs " + r.epochs() + " best " + r.bestEpoch() + " val acc "
                    + r.valAccuracy() + "\n  train loss " + r.trainLoss() + "\n  val loss " + r.valLoss());
        }
        return m.rows();
    }
}
