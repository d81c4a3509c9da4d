package org.genrelab.deep;

import ai.djl.nn.Block;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.genrelab.data.StudyEmbeddings.SplitData;
import org.genrelab.data.StudyEmbeddings;
import org.genrelab.eval.ClassificationMetrics;
import org.genrelab.results.CodeFingerprint;
import org.genrelab.results.GitRevision;
import org.genrelab.results.ResultRow;
import org.genrelab.tune.AshaScheduler;
import org.genrelab.tune.RandomSearch;
import org.genrelab.tune.SearchJournal;
import org.genrelab.tune.TrialRecord;

/**
 * The study's Part 2 on its VGGish embeddings: LSTM (ASHA random search, retrain, published
 * configuration), fully connected nets (variants 1, 2, 2-1, 3 and the 2-1 hidden-size sweep) and the
 * CNN. Each entry point returns curves, test predictions and tidy {@link ResultRow}s.
 */
public final class Part2Experiments {

    /** Experiment name in result rows. */
    public static final String EXPERIMENT = ResultRow.PART2_EXPERIMENT;

    private Part2Experiments() {
    }

    /** The first {@code n} tracks of a split (all when n ≤ 0 or n ≥ size). */
    public static SplitData head(SplitData s, int n) {
        if (n <= 0 || n >= s.size()) return s;
        return new SplitData(s.split(), Arrays.copyOf(s.ids(), n), Arrays.copyOf(s.x(), n), Arrays.copyOf(s.y(), n));
    }

    /**
     * Trains {@code block(seed)} once per seed and scores each run on the test split. With a run journal
     * ({@link Part2Settings#runJournal()}), a run already journalled under the same key (by an interrupted run of
     * the notebook, or earlier in this one: the FCNN sweep's 2-1 at hidden 30 is the variant's) is loaded instead of
     * trained (said to {@link Part2Settings#log()}), and each trained run is journalled; the result's seconds then add the
     * loaded runs' own training time.
     *
     * @param network the network as its configuration describes it (part of a journalled run's key)
     */
    public static ModelResult train(String model, String network, LongFunction<Block> block, StudyEmbeddings data,
                                    Part2Settings p, TrainSettings settings, long[] seeds) {
        SplitData tr = head(data.train(), p.trainLimit());
        int classes = data.genres().size();
        RunJournal journal = p.runJournal() == null ? null : new RunJournal(p.runJournal());
        String dataKey = journal == null ? "" : dataAndCode(tr, data.validation(), data.test());
        List<TrainingRun> runs = new ArrayList<>();
        double loadedSeconds = 0;
        long t0 = System.nanoTime();
        for (long seed : seeds) {
            String key = model + "; " + network + "; " + settings.withSeed(seed) + dataKey;
            var journalled = journal == null ? Optional.<TrainingRun>empty() : journal.find(model, key);
            if (journalled.isPresent()) {
                p.log().accept(model + ", seed " + seed + ": trained before (earlier in this notebook, or by a run "
                        + "of it that was interrupted), loaded from " + journal.dir().getFileName() + "'s run journal");
                runs.add(journalled.get());
                loadedSeconds += journalled.get().seconds();
                continue;
            }
            try (EpochTrainer t = new EpochTrainer(block.apply(seed), tr, data.validation(), data.test(), classes,
                    settings.withSeed(seed))) {
                TrainingRun run = t.fit();
                requireFiniteLoss(model, seed, run);
                if (journal != null) journal.save(model, key, run);
                runs.add(run);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9 + loadedSeconds;
        return new ModelResult(model, runs, rows(model, runs, classes, seconds, data.source()));
    }

    /**
     * Refuses a run whose training loss became NaN or infinite: its network then outputs one class for every track,
     * and its scores would look like a model's. Nothing of it is journalled, so the notebook run again retrains it
     * (the runs finished before it are kept). The search's trials are not held to this: a trial may diverge.
     */
    static void requireFiniteLoss(String model, long seed, TrainingRun run) {
        for (int e = 0; e < run.trainLoss().size(); e++) {
            double loss = run.trainLoss().get(e);
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException(model + ", seed " + seed + ": the training loss was " + loss + " at epoch "
                        + (e + 1) + "; the run is not kept. A fixed configuration should not diverge: check the input "
                        + "and the engine (DJL's Conv1d once returned NaN on finite input, see UnfoldedConv1d).");
            }
        }
    }

    /**
     * Test macro-F1, accuracy and macro one-vs-rest AUC over runs (mean ± population std), and the validation
     * accuracy at each run's best epoch (the epoch whose model is tested).
     */
    public static List<ResultRow> rows(String model, List<TrainingRun> runs, int classes, double seconds, String dataset) {
        double[] f1 = new double[runs.size()];
        double[] acc = new double[runs.size()];
        double[] auc = new double[runs.size()];
        double[] val = new double[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            TrainingRun r = runs.get(i);
            f1[i] = ClassificationMetrics.macroF1(r.testTruth(), r.testPredicted(), classes);
            acc[i] = ClassificationMetrics.accuracy(r.testTruth(), r.testPredicted());
            auc[i] = ClassificationMetrics.macroOvrAuc(r.testTruth(), r.testProbabilities());
            val[i] = r.bestValAccuracy();
        }
        String device = runs.isEmpty() ? DeviceChoice.describe() : runs.get(0).device();
        return List.of(ResultRow.of(EXPERIMENT, model, "macro_f1", f1, seconds, device, dataset),
                ResultRow.of(EXPERIMENT, model, "accuracy", acc, seconds, device, dataset),
                ResultRow.of(EXPERIMENT, model, "macro_auc", auc, seconds, device, dataset),
                ResultRow.of(EXPERIMENT, model, ResultRow.VAL_ACCURACY, val, seconds, device, dataset));
    }

    /** The study's published LSTM configuration, trained with early stopping once per seed. */
    public static ModelResult lstmPublished(StudyEmbeddings data, Part2Settings p, long seed) {
        LstmConfig c = LstmConfig.PUBLISHED;
        return train("lstm-published", c.toString(), s -> lstmBlock(c, data.genres().size(), s), data, p,
                c.settings(p.retrainEpochs(), p.patience(), seed), p.seedsFrom(seed));
    }

    /**
     * Beyond the study: its published configuration with the top layer's outputs read as their mean and
     * maximum over time ({@link LstmReadout#MEAN_MAX}), trained as {@link #lstmPublished} is.
     */
    public static ModelResult lstmPublishedMeanMax(StudyEmbeddings data, Part2Settings p, long seed) {
        LstmConfig c = LstmConfig.PUBLISHED;
        LstmReadout r = LstmReadout.MEAN_MAX;
        return train("lstm-published-meanmax", c + ", readout " + r.description(),
                s -> ClassifierBlocks.lstm(c.hidden(), c.layers(), c.dropBetween(), c.dropOut(), data.genres().size(), s, r),
                data, p, c.settings(p.retrainEpochs(), p.patience(), seed), p.seedsFrom(seed));
    }

    /** {@link #lstmSearch(StudyEmbeddings, Part2Settings, long, Path, Consumer)} without a journal or progress reports. */
    public static LstmSearchResult lstmSearch(StudyEmbeddings data, Part2Settings p, long seed)
            throws InterruptedException {
        return lstmSearch(data, p, seed, null, r -> { });
    }

    /** {@link #lstmSearch(StudyEmbeddings, Part2Settings, long, Path, Consumer)} without a journal. */
    public static LstmSearchResult lstmSearch(StudyEmbeddings data, Part2Settings p, long seed,
                                              Consumer<TrialRecord<LstmConfig>> progress) throws InterruptedException {
        return lstmSearch(data, p, seed, null, progress);
    }

    /**
     * The study's search: {@code p.trials()} random configurations under ASHA on validation accuracy
     * (Ray Tune's rule; trials report on improvement and end after {@code patience} epochs without
     * one, as the study's training function did), then the configuration with the best validation
     * accuracy retrained with early stopping once per seed and scored on the test split. Trials train
     * {@code p.threads()} at a time; the decisions, and so the result, are those of a one-thread run.
     *
     * <p>With {@code journalDir}, every trial that ends is journalled there ({@link SearchJournal}, keyed by
     * the configurations, scheduler, protocol, seed, data and the code's commit), so a search killed at any
     * moment and run again resumes: journalled trials are replayed, not trained. The journal is removed once
     * the retrained model's results exist.
     */
    public static LstmSearchResult lstmSearch(StudyEmbeddings data, Part2Settings p, long seed, Path journalDir,
                                              Consumer<TrialRecord<LstmConfig>> progress) throws InterruptedException {
        int classes = data.genres().size();
        SplitData tr = head(data.train(), p.trainLimit());
        List<LstmConfig> configs = searchConfigs(p, seed);
        AshaScheduler asha = new AshaScheduler(p.graceEpochs(), p.reductionFactor(), p.maxT());
        SearchJournal<LstmConfig> journal = null;
        if (journalDir != null) {
            try {
                journal = SearchJournal.open(journalDir, searchKey(configs, p, seed, tr, data.validation()), LstmConfig.class);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the search journal in " + journalDir, e);
            }
        }
        long t0 = System.nanoTime();
        int torchThreads = Math.max(1, p.torchThreads() / p.threads()); // the cores are shared by the trials at once
        List<TrialRecord<LstmConfig>> trials = RandomSearch.run(configs, (id, c) -> {
            DeviceChoice.setTorchThreadsOfThisThread(torchThreads);
            return new EpochTrainer(lstmBlock(c, classes, seed + id), tr, data.validation(), null, classes,
                    c.settings(p.searchProtocol().maxEpochs(), 0, seed + id));
        }, asha, p.searchProtocol(), p.threads(), journal, progress);
        double searchSeconds = (System.nanoTime() - t0) / 1e9;
        LstmConfig best = bestTrial(trials).config();
        LstmSearchResult result = new LstmSearchResult(trials, best, lstmRetrain(best, data, p, seed), searchSeconds,
                journal == null ? 0 : journal.resumed());
        if (journal != null) {
            try {
                journal.delete();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the finished search's journal " + journal.file(), e);
            }
        }
        return result;
    }

    /**
     * What defines the search's records, as its journal's key: seed, configurations, scheduler, protocol, a
     * fingerprint of the training and validation data, and the code (its commit, {@link GitRevision} of the
     * working directory, and the compiled classes' {@link CodeFingerprint}).
     */
    static String searchKey(List<LstmConfig> configs, Part2Settings p, long seed, SplitData train, SplitData validation) {
        return "LSTM search; seed " + seed + "; " + configs.size() + " configurations " + configs
                + "; ASHA grace " + p.graceEpochs() + ", reduction " + p.reductionFactor() + ", max_t " + p.maxT()
                + "; " + p.searchProtocol() + dataAndCode(train, validation);
    }

    /**
     * What a journalled result depends on beyond its settings: each split's size and content hash, the commit, and
     * the compiled code's digest (which still tells versions apart where the commit is unknown).
     */
    static String dataAndCode(SplitData... splits) {
        StringBuilder sb = new StringBuilder();
        for (SplitData s : splits) sb.append("; ").append(s.split()).append(' ').append(fingerprint(s));
        return sb.append("; code ").append(GitRevision.of(Path.of(""))).append(", classes ").append(CodeFingerprint.ofLibrary())
                .toString();
    }

    /** Size and content hash of a split (ids, sequences, labels). */
    static String fingerprint(SplitData s) {
        int h = 31 * (31 * Arrays.hashCode(s.ids()) + Arrays.deepHashCode(s.x())) + Arrays.hashCode(s.y());
        return s.size() + " tracks #" + Integer.toHexString(h);
    }

    /** The search's configurations for a seed, in trial order (trial i is element i). */
    public static List<LstmConfig> searchConfigs(Part2Settings p, long seed) {
        return RandomSearch.sample(p.trials(), seed, LstmConfig::sample);
    }

    /** A configuration retrained with early stopping once per seed and scored on the test split, as the search's best. */
    public static ModelResult lstmRetrain(LstmConfig c, StudyEmbeddings data, Part2Settings p, long seed) {
        return train("lstm-asha-best", c.toString(), s -> lstmBlock(c, data.genres().size(), s), data, p,
                c.settings(p.retrainEpochs(), p.patience(), seed), p.seedsFrom(seed));
    }

    /** The trial with the best validation accuracy (Ray's {@code get_best_config}); the lowest id on ties. */
    public static <C> TrialRecord<C> bestTrial(List<TrialRecord<C>> trials) {
        return trials.stream().filter(t -> t.failure() == null && !t.curve().isEmpty())
                .max(Comparator.comparingDouble((TrialRecord<C> t) -> t.bestMetric())
                        .thenComparing(Comparator.comparingInt((TrialRecord<C> t) -> t.id()).reversed()))
                .orElseThrow(() -> new IllegalStateException("every search trial failed"));
    }

    static Block lstmBlock(LstmConfig c, int classes, long seed) {
        return ClassifierBlocks.lstm(c.hidden(), c.layers(), c.dropBetween(), c.dropOut(), classes, seed);
    }

    /**
     * Hidden layers of the FCNN variants on the flattened 31·128 input: "1" one hidden layer of
     * {@code h}; "2" 128 then {@code h}; "2-1" as "2" with dropout 0.5; "3" 128, 60, then {@code h}.
     */
    public static int[] fcnnHidden(String variant, int h) {
        return switch (variant) {
            case "1" -> new int[] {h};
            case "2", "2-1" -> new int[] {128, h};
            case "3" -> new int[] {128, 60, h};
            default -> throw new IllegalArgumentException("unknown FCNN variant '" + variant + "' (1, 2, 2-1, 3)");
        };
    }

    /** One FCNN variant with SGD lr 0.005, batch 10 (the study's), once per seed of the results table. */
    public static ModelResult fcnn(String variant, int h, StudyEmbeddings data, Part2Settings p, long seed) {
        return fcnn(variant, h, data, p, p.seedsFrom(seed));
    }

    private static ModelResult fcnn(String variant, int h, StudyEmbeddings data, Part2Settings p, long[] seeds) {
        int[] hidden = fcnnHidden(variant, h);
        double dropout = variant.equals("2-1") ? 0.5 : 0.0;
        return train("fcnn-" + variant + "-h" + h, "hidden " + Arrays.toString(hidden) + ", dropout " + dropout,
                s -> ClassifierBlocks.fcnn(hidden, dropout, data.genres().size(), s),
                data, p, new TrainSettings("sgd", 0.005, 10, p.fcnnEpochs(), p.patience(), seeds[0]), seeds);
    }

    /** The FCNN 2-1 hidden-size sweep, {@code p.fcnnRuns()} seeds per size in {@code p.fcnnHidden()}. */
    public static List<ModelResult> fcnnSweep(StudyEmbeddings data, Part2Settings p, long seed) {
        long[] seeds = new long[p.fcnnRuns()];
        for (int i = 0; i < seeds.length; i++) seeds[i] = seed + i;
        List<ModelResult> out = new ArrayList<>();
        for (int h : p.fcnnHidden()) out.add(fcnn("2-1", h, data, p, seeds));
        return out;
    }

    /**
     * Experiment of the FCNN 2-1 hidden-size sweep's result rows: they share {@code 06-fcnn}'s results file with the
     * variants (experiment {@link #EXPERIMENT}) but not their table (the sweep's {@code fcnn-2-1-h30} has other runs).
     */
    public static final String FCNN_SWEEP_EXPERIMENT = "part2-fcnn-sweep";

    /** The result rows of a {@link #fcnnSweep}, one model per hidden size, under {@link #FCNN_SWEEP_EXPERIMENT}. */
    public static List<ResultRow> fcnnSweepRows(List<ModelResult> sweep) {
        List<ResultRow> out = new ArrayList<>();
        for (ModelResult m : sweep) {
            for (ResultRow r : m.rows()) {
                out.add(new ResultRow(FCNN_SWEEP_EXPERIMENT, r.model(), r.metric(), r.value(), r.std(), r.runs(), r.seconds(),
                        r.device(), r.dataset()));
            }
        }
        return out;
    }

    /** The study's CNN ({@link ClassifierBlocks#cnn}), Adam lr 1e-3, batch 300, fixed epochs, once per seed. */
    public static ModelResult cnn(StudyEmbeddings data, Part2Settings p, long seed) {
        return train("cnn", "ConvNet", s -> ClassifierBlocks.cnn(data.genres().size(), s), data, p,
                new TrainSettings("adam", 1e-3, 300, p.cnnEpochs(), 0, seed), p.seedsFrom(seed));
    }
}
