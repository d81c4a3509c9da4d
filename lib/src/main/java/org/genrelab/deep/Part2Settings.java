package org.genrelab.deep;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import org.genrelab.results.RunParameters;
import org.genrelab.tune.TrialProtocol;

/**
 * Sizes of the Part 2 experiments and how they run (threads, run journal, log): {@link #full()} is the study's
 * protocol, {@link #quick()} shrinks searches, epochs and data so CI runs in minutes.
 *
 * @param trials          LSTM random-search configurations (study: 200)
 * @param graceEpochs     ASHA grace period (study: 1)
 * @param reductionFactor ASHA reduction factor η (study: 2)
 * @param maxT            ASHA's max_t, in reported iterations (study: 50)
 * @param searchProtocol  how a search trial reports and ends (study: 50 epochs, patience 4, reports on
 *                        improvement only)
 * @param threads         search trials training at the same moment
 * @param torchThreads    PyTorch threads the search's trials share: each trains on {@code torchThreads / threads}, at
 *                        least 1 (final trainings run on the caller's thread, with PyTorch's threads as set there)
 * @param retrainEpochs   maximum epochs when retraining an LSTM
 * @param patience        early-stopping patience of final trainings (epochs without better validation accuracy)
 * @param fcnnEpochs      maximum FCNN epochs
 * @param fcnnRuns        seeds per configuration of the FCNN hidden-size sweep (study: 3)
 * @param fcnnHidden      hidden sizes of the FCNN 2-1 sweep (study: 100, 90, ..., 20)
 * @param cnnEpochs       CNN epochs (study: 60)
 * @param trainLimit      use only the first this-many training tracks (0: all)
 * @param seeds           seeds of each model in the results table (mean ± std over them)
 * @param runJournal      where finished training runs are journalled ({@link RunJournal}), or null; not part of
 *                        the settings' identity (printing, equality): it changes where runs are kept, not what they give
 * @param log             where the experiments say what they do beyond training (a run loaded from the journal instead
 *                        of trained); null for silence. Not part of the settings' identity either
 */
public record Part2Settings(int trials, int graceEpochs, int reductionFactor, int maxT, TrialProtocol searchProtocol,
                            int threads, int torchThreads, int retrainEpochs, int patience, int fcnnEpochs, int fcnnRuns,
                            int[] fcnnHidden, int cnnEpochs, int trainLimit, int seeds, Path runJournal,
                            Consumer<String> log) {

    /** Settings without a run journal, silent. */
    public Part2Settings(int trials, int graceEpochs, int reductionFactor, int maxT, TrialProtocol searchProtocol,
                         int threads, int torchThreads, int retrainEpochs, int patience, int fcnnEpochs, int fcnnRuns,
                         int[] fcnnHidden, int cnnEpochs, int trainLimit, int seeds) {
        this(trials, graceEpochs, reductionFactor, maxT, searchProtocol, threads, torchThreads, retrainEpochs, patience,
                fcnnEpochs, fcnnRuns, fcnnHidden, cnnEpochs, trainLimit, seeds, null, null);
    }

    public Part2Settings {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        if (torchThreads < 1) throw new IllegalArgumentException("torchThreads must be at least 1, got " + torchThreads);
        fcnnHidden = fcnnHidden.clone(); // a record holds its own copy: nobody can change it afterwards
        if (log == null) log = line -> { };
    }

    @Override
    public int[] fcnnHidden() {
        return fcnnHidden.clone();
    }

    /** Printed in the notebooks, so it shows the sweep's sizes, not an array's identity (the same settings print the same). */
    @Override
    public String toString() {
        return "Part2Settings[trials=" + trials + ", graceEpochs=" + graceEpochs + ", reductionFactor=" + reductionFactor
                + ", maxT=" + maxT + ", searchProtocol=" + searchProtocol + ", threads=" + threads + ", torchThreads="
                + torchThreads + ", retrainEpochs=" + retrainEpochs + ", patience=" + patience + ", fcnnEpochs="
                + fcnnEpochs + ", fcnnRuns=" + fcnnRuns + ", fcnnHidden=" + Arrays.toString(fcnnHidden) + ", cnnEpochs="
                + cnnEpochs + ", trainLimit=" + trainLimit + ", seeds=" + seeds + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Part2Settings p && trials == p.trials && graceEpochs == p.graceEpochs
                && reductionFactor == p.reductionFactor && maxT == p.maxT && searchProtocol.equals(p.searchProtocol)
                && threads == p.threads && torchThreads == p.torchThreads && retrainEpochs == p.retrainEpochs
                && patience == p.patience && fcnnEpochs == p.fcnnEpochs && fcnnRuns == p.fcnnRuns
                && Arrays.equals(fcnnHidden, p.fcnnHidden) && cnnEpochs == p.cnnEpochs && trainLimit == p.trainLimit
                && seeds == p.seeds;
    }

    @Override
    public int hashCode() {
        return Objects.hash(trials, graceEpochs, reductionFactor, maxT, searchProtocol, threads, torchThreads,
                retrainEpochs, patience, fcnnEpochs, fcnnRuns, Arrays.hashCode(fcnnHidden), cnnEpochs, trainLimit, seeds);
    }

    /** The study's settings on all cores (the FCNN's 1000 epochs are capped at 200 with early stopping). */
    public static Part2Settings full() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new Part2Settings(200, 1, 2, 50, TrialProtocol.study(), cores, cores, 100, 10, 200, 3,
                new int[] {100, 90, 80, 70, 60, 50, 40, 30, 20}, 60, 0, 5);
    }

    /** Minutes instead of hours: few trials, few epochs, a slice of the training split, two seeds, on all cores. */
    public static Part2Settings quick() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new Part2Settings(6, 1, 2, 3, new TrialProtocol(3, 1, true), cores, cores, 4, 2, 3, 2, new int[] {30}, 3,
                1500, 2);
    }

    /** The same settings with {@code n} seeds per model and per sweep configuration. */
    public Part2Settings withSeeds(int n) {
        return new Part2Settings(trials, graceEpochs, reductionFactor, maxT, searchProtocol, threads, torchThreads,
                retrainEpochs, patience, fcnnEpochs, n, fcnnHidden, cnnEpochs, trainLimit, n, runJournal, log);
    }

    /**
     * A notebook run's settings: {@link #quick()} or {@link #full()} by the run's mode, with the run's number of
     * seeds per model when it sets one ({@code GENRELAB_SEEDS}, {@code --seeds}), and its threads
     * ({@code GENRELAB_THREADS}) both as the search's trials at once and as the PyTorch threads they share.
     */
    public static Part2Settings of(RunParameters params) {
        Part2Settings base = params.quick() ? quick() : full();
        return base.withModelSeeds(params.seeds(base.seeds()).length).withThreads(params.threads())
                .withTorchThreads(params.threads());
    }

    /**
     * {@link #of(RunParameters)} for a notebook whose finished training runs are journalled in
     * {@code params.runJournal(notebook)}: killed part-way and run again, it trains only the runs it lacks.
     */
    public static Part2Settings of(RunParameters params, String notebook) {
        return of(params).withRunJournal(params.runJournal(notebook));
    }

    /** The same settings with {@code n} runs per model, the sweep's runs per configuration unchanged. */
    public Part2Settings withModelSeeds(int n) {
        if (n < 1) throw new IllegalArgumentException("seeds must be at least 1, got " + n);
        return new Part2Settings(trials, graceEpochs, reductionFactor, maxT, searchProtocol, threads, torchThreads,
                retrainEpochs, patience, fcnnEpochs, fcnnRuns, fcnnHidden, cnnEpochs, trainLimit, n, runJournal, log);
    }

    /** The same settings with {@code n} search trials training at once. */
    public Part2Settings withThreads(int n) {
        return new Part2Settings(trials, graceEpochs, reductionFactor, maxT, searchProtocol, n, torchThreads,
                retrainEpochs, patience, fcnnEpochs, fcnnRuns, fcnnHidden, cnnEpochs, trainLimit, seeds, runJournal, log);
    }

    /** The same settings with {@code n} PyTorch threads shared by the search's trials. */
    public Part2Settings withTorchThreads(int n) {
        return new Part2Settings(trials, graceEpochs, reductionFactor, maxT, searchProtocol, threads, n,
                retrainEpochs, patience, fcnnEpochs, fcnnRuns, fcnnHidden, cnnEpochs, trainLimit, seeds, runJournal, log);
    }

    /** The same settings with finished training runs journalled in {@code dir} ({@link RunJournal}). */
    public Part2Settings withRunJournal(Path dir) {
        return new Part2Settings(trials, graceEpochs, reductionFactor, maxT, searchProtocol, threads, torchThreads,
                retrainEpochs, patience, fcnnEpochs, fcnnRuns, fcnnHidden, cnnEpochs, trainLimit, seeds, dir, log);
    }

    /** The same settings saying what the experiments do to {@code log} (e.g. {@code System.out::println}). */
    public Part2Settings withLog(Consumer<String> log) {
        return new Part2Settings(trials, graceEpochs, reductionFactor, maxT, searchProtocol, threads, torchThreads,
                retrainEpochs, patience, fcnnEpochs, fcnnRuns, fcnnHidden, cnnEpochs, trainLimit, seeds, runJournal, log);
    }

    /** The seeds of the results table: {@code seed, seed + 1, ...}. */
    public long[] seedsFrom(long seed) {
        long[] s = new long[seeds];
        for (int i = 0; i < s.length; i++) s[i] = seed + i;
        return s;
    }
}
