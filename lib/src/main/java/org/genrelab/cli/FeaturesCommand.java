package org.genrelab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.genrelab.data.AudioCollection;
import org.genrelab.features.FeatureExtractor;
import org.genrelab.features.FmaFeatureCsv;
import org.genrelab.features.FmaFeatures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code genrelab features}: FMA's 518 features (+ tempo, harmonic and percussive power) for a folder or a tracks.csv. */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = {"Computes FMA's features.csv (518 columns, librosa 0.5.0's numbers) plus the study's tempo,",
                "harmonic and percussive power, for every audio file of a folder (rows keyed by file name) or every",
                "track of an FMA tracks.csv subset (rows keyed by track id, audio in FMA's 000/000123.mp3 layout).",
                "Resumable: killed and started again, it redoes nothing it finished (cache: <output>.cache/).",
                "Tracks that fail are listed with their reason in <output>.failures.csv; their failures stay in the",
                "cache (<output>.cache/<id>.failed) until a run with --retry-failed computes them again. Inputs that",
                "cannot be read (broken links, folders or other non-files named like audio, files you may not read)",
                "are listed there too, and looked at afresh on every run.",
                "The summary counts what was found, computed now, reused from the cache and failed."})
public final class FeaturesCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "INPUT", description = "An audio folder or an FMA tracks.csv.")
    Path input;

    @Parameters(index = "1", paramLabel = "OUTPUT", description = "The feature table to write (.csv).")
    Path output;

    @Option(names = "--subset", defaultValue = "small", description = "FMA subset of a tracks.csv (default: ${DEFAULT-VALUE}).")
    String subset;

    @Option(names = "--threads", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--retry-failed", description = "Compute again the tracks whose failure is cached (reused otherwise).")
    boolean retryFailed;

    @Option(names = "--no-rhythm", description = "Skip tempo and HPSS (the three extra columns are left empty; ~10x faster).")
    boolean noRhythm;

    @Mixin
    SparkOption spark = new SparkOption();

    @Option(names = "--parquet", paramLabel = "FOLDER",
            description = "With --spark: also write the rows as Parquet (track_id and one float column per feature).")
    Path parquet;

    @Override
    public Integer call() throws Exception {
        SparkEngine engine = null;
        if (parquet != null && !spark.enabled()) {
            System.err.println("genrelab features: --parquet is written by Spark: give --spark too");
            return 2;
        }
        if (spark.enabled()) {
            try {
                engine = parquet == null ? spark.engine(input, output) : spark.engine(input, output, parquet);
            } catch (IOException | IllegalStateException e) {
                System.err.println("genrelab features: " + e.getMessage());
                return 2;
            }
        }
        List<AudioCollection.Item> items;
        try {
            items = AudioCollection.of(input, subset);
        } catch (IOException e) {
            System.err.println("genrelab features: " + e.getMessage());
            return 2;
        }
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        var tracks = items.stream().map(FeatureExtractor.Track::of).toList();
        var extractor = new FeatureExtractor(FmaFeatures.COLUMNS, new FmaFeatures(!noRhythm), n);
        long t0 = System.nanoTime();
        FeatureExtractor.Result r;
        try (Progress p = new Progress("features", tracks.size())) {
            if (engine != null) {
                FeatureExtractor.Plan plan = extractor.plan(tracks, output, retryFailed);
                engine.features(spark.master(), extractor, plan, p);
                r = extractor.finish(plan);
                if (parquet != null) {
                    engine.parquet(spark.master(), plan, FmaFeatures.COLUMNS, FmaFeatureCsv.read(r.table()).rowIds(), parquet);
                }
            } else {
                r = extractor.run(tracks, output, retryFailed, p);
            }
        } catch (IllegalArgumentException | IllegalStateException | IOException e) { // bad input, found before any work
            System.err.println("genrelab features: " + e.getMessage());
            return 2;
        }
        double s = (System.nanoTime() - t0) / 1e9;
        RunSummary.print(System.out, RunSummary.found(r.found(), input, subset), r.computed(), r.reused(),
                r.failed().stream().map(f -> new RunSummary.Failed(f.id(), f.reason())).toList(), r.failedFromCache(),
                r.unreadable(), r.failures());
        System.out.printf(Locale.ROOT, "%d rows written to %s in %.1f s %s.%n", r.rows(), r.table(), s,
                spark.enabled() ? "on Spark (" + spark.master() + ")" : "on " + n + " thread(s)");
        if (r.failed().size() > r.unreadable()) {
            System.out.println("Failures are kept in " + FeatureExtractor.cacheFor(output)
                    + " (<id>.failed) and reused; to compute those tracks again, run the same command with --retry-failed.");
        }
        if (r.unreadable() > 0) System.out.println("Unreadable inputs are not cached: the next run looks at them again.");
        if (parquet != null) System.out.println("The same rows as Parquet in " + parquet + ".");
        return 0;
    }
}
