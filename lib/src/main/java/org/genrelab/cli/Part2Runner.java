package org.genrelab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.genrelab.classic.EmbeddingLogisticRegression;
import org.genrelab.data.StudyEmbeddings;
import org.genrelab.deep.DeviceChoice;
import org.genrelab.deep.LstmConfig;
import org.genrelab.deep.LstmSearchResult;
import org.genrelab.deep.ModelResult;
import org.genrelab.deep.Part2Experiments;
import org.genrelab.deep.Part2Settings;
import org.genrelab.deep.TrainingRun;
import org.genrelab.eval.ProbabilityEnsemble;
import org.genrelab.eval.TestSetIntervals;
import org.genrelab.report.IntervalTables;
import org.genrelab.report.Part2Ensemble;
import org.genrelab.report.StudyReference;
import org.genrelab.results.PredictionsCsv;
import org.genrelab.results.ResultRow;

/**
 * Runs {@code genrelab part2}'s models one after the other and prints their curves and result rows. It keeps what
 * every model run so far predicted, for the two that combine earlier models: {@code ensemble}, the best on
 * validation of each family voting with their probabilities ({@link Part2Ensemble}), and {@code intervals}, bootstrap
 * intervals of the test macro-F1 of every model and their differences to the best ({@link TestSetIntervals}).
 */
final class Part2Runner {

    private final StudyEmbeddings data;
    private final Part2Settings settings;
    private final long seed;
    private final Path searchJournal;
    private final PrintStream out;

    /** Every model's test predictions so far, for {@code intervals}. */
    private final Map<String, List<PredictionsCsv.Run>> predictions = new LinkedHashMap<>();

    /** Every model trained so far, as a candidate member of an ensemble. */
    private final List<ProbabilityEnsemble.Member> members = new ArrayList<>();

    /**
     * @param seed          the first seed: a model's runs use seeds {@code seed, seed + 1, …}
     * @param searchJournal where {@code lstm-search} journals its trials: killed and started again, it resumes there
     */
    Part2Runner(StudyEmbeddings data, Part2Settings settings, long seed, Path searchJournal, PrintStream out) {
        this.data = data;
        this.settings = settings;
        this.seed = seed;
        this.searchJournal = searchJournal;
        this.out = out;
    }

    /** Trains (or combines) one model and prints its result rows. */
    void run(Part2Model model) throws Exception {
        Part2Settings p = settings;
        List<ResultRow> rows = new ArrayList<>();
        switch (model.name()) {
            case "logistic" -> {
                var r = EmbeddingLogisticRegression.run(data, EmbeddingLogisticRegression.REPRESENTATIONS,
                        EmbeddingLogisticRegression.STUDY_C_GRID,
                        p.trainLimit() > 0 ? 100 : EmbeddingLogisticRegression.STUDY_MAX_ITER,
                        p.trainLimit(), p.torchThreads());
                r.candidates().forEach(c -> out.println("  " + c));
                out.println("  chosen on validation: " + r.chosen().model());
                rows.addAll(r.rows());
                r.predictions(data.genres()).forEach(run -> predictions.computeIfAbsent(run.model(), k -> new ArrayList<>()).add(run));
                for (var c : r.choices()) {
                    double val = c.rows().stream().filter(x -> x.metric().equals(ResultRow.VAL_ACCURACY))
                            .findFirst().orElseThrow().value();
                    members.add(new ProbabilityEnsemble.Member(c.model(), val, List.<double[][]>of(c.testProbabilities()),
                            c.rows().get(0).seconds()));
                }
            }
            case "lstm-published" -> rows.addAll(print(Part2Experiments.lstmPublished(data, p, seed)));
            case "lstm-published-meanmax" -> rows.addAll(print(Part2Experiments.lstmPublishedMeanMax(data, p, seed)));
            case "lstm-search" -> {
                long t0 = System.nanoTime();
                int[] done = {0};
                LstmSearchResult r = Part2Experiments.lstmSearch(data, p, seed, searchJournal, t -> {
                    synchronized (done) {
                        done[0]++;
                        out.printf(Locale.ROOT, "  [%3d/%d %6.0f s] trial %d %s epochs %d by %s best val %.4f%s%n",
                                done[0], p.trials(), (System.nanoTime() - t0) / 1e9, t.id(), t.config(), t.stoppedAt(),
                                t.stoppedBy(), t.bestMetric(), t.failure() == null ? "" : " " + t.failure());
                    }
                });
                out.println("  best " + r.best() + " search " + r.searchSeconds() + " s"
                        + (r.resumedTrials() > 0 ? " (" + r.resumedTrials() + " trials replayed from " + searchJournal + ")" : ""));
                rows.addAll(print(r.retrained()));
            }
            case "lstm-trial" -> {
                LstmConfig c = Part2Experiments.searchConfigs(p, seed).get(model.trial());
                out.println("  trial " + model.trial() + " of the search with seed " + seed + ": " + c);
                rows.addAll(print(Part2Experiments.lstmRetrain(c, data, p, seed)));
            }
            case "fcnn-2-1-h30" -> rows.addAll(print(Part2Experiments.fcnn("2-1", 30, data, p, seed)));
            case "fcnn-variants" -> {
                for (String v : List.of("1", "2", "2-1", "3")) rows.addAll(print(Part2Experiments.fcnn(v, 30, data, p, seed)));
            }
            case "fcnn-sweep" -> Part2Experiments.fcnnSweep(data, p, seed).forEach(m -> rows.addAll(print(m)));
            case "cnn" -> rows.addAll(print(Part2Experiments.cnn(data, p, seed)));
            case "ensemble" -> {
                Part2Ensemble.Result e = Part2Ensemble.of(members, data.test().y(), data.genres(),
                        List.copyOf(StudyReference.part2().keySet()), DeviceChoice.describe(), data.source());
                e.members().forEach(m -> out.printf(Locale.ROOT, "  member %s (val accuracy %.4f, %d runs)%n",
                        m.model(), m.valAccuracy(), m.runs().size()));
                rows.addAll(e.rows());
                predictions.put(Part2Ensemble.MODEL, e.runs());
            }
            case "intervals" -> {
                String best = TestSetIntervals.best(predictions);
                var t = IntervalTables.table("Test macro-F1 (%), " + TestSetIntervals.RESAMPLES
                        + " bootstrap resamples of the test tracks; differences to " + best,
                        TestSetIntervals.of(predictions, best, seed));
                out.println(t.printAll());
            }
            default -> throw new IllegalArgumentException("unknown model " + model);
        }
        out.println(ResultRow.HEADER);
        rows.forEach(r -> out.println(String.join(",", r.experiment(), r.model(), r.metric(),
                String.valueOf(r.value()), String.valueOf(r.std()), String.valueOf(r.runs()),
                String.valueOf(r.seconds()), r.device(), r.dataset())));
    }

    /** Keeps a trained model's predictions and ensemble candidacy, prints its curves, returns its rows. */
    private List<ResultRow> print(ModelResult m) {
        predictions.put(m.model(), m.predictions(data.genres()));
        members.add(new ProbabilityEnsemble.Member(m.model(), m.meanBestValAccuracy(),
                m.runs().stream().map(TrainingRun::testProbabilities).toList(), m.row("macro_f1").seconds()));
        for (TrainingRun r : m.runs()) {
            out.println("  " + m.model() + " epochs " + r.epochs() + " best " + r.bestEpoch() + " val acc "
                    + r.valAccuracy() + "\n  train loss " + r.trainLoss() + "\n  val loss " + r.valLoss());
        }
        return m.rows();
    }
}
