package org.genrelab.bench;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import ai.djl.nn.Block;
import org.genrelab.data.StudyEmbeddings;
import org.genrelab.deep.ClassifierBlocks;
import org.genrelab.deep.DeviceChoice;
import org.genrelab.deep.EpochTrainer;
import org.genrelab.deep.LstmConfig;
import org.genrelab.deep.LstmSearchResult;
import org.genrelab.deep.Part2Experiments;
import org.genrelab.deep.Part2Settings;
import org.genrelab.deep.TrainSettings;
import org.genrelab.results.Machine;

/**
 * Speed of the Part 2 models at the study's sizes on the current device: seconds per training epoch
 * (all 6393 training tracks, validation pass included) of the published LSTM, the FCNN 2-1 and the
 * CNN, and optionally the wall time of the whole ASHA search. Figures, not pass/fail.
 */
public final class Part2Benchmark {

    private Part2Benchmark() {
    }

    /** Seconds per epoch of each model, measured over {@code epochs} epochs after one warm-up epoch. */
    public static Map<String, Double> secondsPerEpoch(StudyEmbeddings data, int epochs) {
        int classes = data.genres().size();
        LstmConfig c = LstmConfig.PUBLISHED;
        Map<String, LongFunction<Block>> models = new LinkedHashMap<>();
        Map<String, TrainSettings> settings = new LinkedHashMap<>();
        models.put("lstm-published", s -> ClassifierBlocks.lstm(c.hidden(), c.layers(), c.dropBetween(), c.dropOut(), classes, s));
        settings.put("lstm-published", c.settings(epochs + 1, 0, 1));
        models.put("fcnn-2-1-h30", s -> ClassifierBlocks.fcnn(Part2Experiments.fcnnHidden("2-1", 30), 0.5, classes, s));
        settings.put("fcnn-2-1-h30", new TrainSettings("sgd", 0.005, 10, epochs + 1, 0, 1));
        models.put("cnn", s -> ClassifierBlocks.cnn(classes, s));
        settings.put("cnn", new TrainSettings("adam", 1e-3, 300, epochs + 1, 0, 1));
        Map<String, Double> out = new LinkedHashMap<>();
        for (String name : models.keySet()) {
            try (EpochTrainer t = new EpochTrainer(models.get(name).apply(1), data.train(), data.validation(), null,
                    classes, settings.get(name))) {
                t.trainEpoch(1);
                long t0 = System.nanoTime();
                for (int e = 2; e <= epochs + 1; e++) t.trainEpoch(e);
                out.put(name, (System.nanoTime() - t0) / 1e9 / epochs);
            }
        }
        return out;
    }

    /**
     * Prints the per-epoch figures and, when {@code search}, runs the full search and prints its wall time.
     *
     * @param threads the PyTorch threads the search's trials share
     */
    public static void run(StudyEmbeddings data, int epochs, boolean search, int threads, PrintStream out)
            throws InterruptedException {
        out.println("device: " + DeviceChoice.describe() + "; machine: " + Machine.describe());
        secondsPerEpoch(data, epochs).forEach((k, v) ->
                out.printf(Locale.ROOT, "  %-16s %7.2f s per epoch (%d training tracks)%n", k, v, data.train().size()));
        if (search) {
            Part2Settings p = Part2Settings.full().withTorchThreads(threads);
            long t0 = System.nanoTime();
            int[] done = {0};
            LstmSearchResult r = Part2Experiments.lstmSearch(data, p.withSeeds(1), 42, t -> {
                synchronized (done) {
                    if (++done[0] % 20 == 0) out.printf(Locale.ROOT, "  search: %d/%d trials, %.0f s%n", done[0], p.trials(),
                            (System.nanoTime() - t0) / 1e9);
                }
            });
            out.printf(Locale.ROOT, "  ASHA search, %d configurations on %d threads: %.1f min wall (target < 45 min); best %s%n",
                    r.trials().size(), p.threads(), r.searchSeconds() / 60, r.best());
        }
    }
}
