package org.genrelab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.IntConsumer;
import org.genrelab.features.FeatureExtractor;
import org.genrelab.features.FmaFeatureCsv;
import org.genrelab.vggish.EmbeddingExtractor;

/**
 * Computes the tracks of an extraction plan on Apache Spark instead of this machine's threads. The Spark module
 * ({@code lib/spark}) implements it and is found with {@link ServiceLoader}, so the library does not depend on Spark
 * (whose Scala 2.13 cannot share a class path with XGBoost's 2.12). Planning (what is cached, what is unreadable) and
 * finishing (the table, the failure list) stay with the extractors: the engine only fills the same per-track cache.
 */
public interface SparkEngine {

    /**
     * Checks, before anything is planned or written, that Spark can run there: a standalone master must answer.
     *
     * @throws IOException with the reason, when it cannot
     */
    void check(String master) throws IOException;

    /**
     * Computes {@code plan.todo()} into {@code plan.cache()} with {@link FeatureExtractor#extractInto}, as Spark tasks.
     *
     * @param master   Spark's master URL ({@code local[*]}, {@code spark://host:7077}, {@code yarn}, ...)
     * @param progress called with the number of the plan's tracks done so far, settled ones included
     * @return how long Spark took to start and the job to run (zero when nothing was left to compute)
     */
    Timing features(String master, FeatureExtractor extractor, FeatureExtractor.Plan plan, IntConsumer progress)
            throws IOException;

    /**
     * Writes the rows a finished plan's cache holds as Parquet, from the executors: one row per track (the part files
     * in the table's order, though readers need not keep it), a {@code track_id} string column and one float column per feature column, named
     * {@code feature_statistics_number} ({@code mfcc_mean_01}). Spark's commit protocol makes the folder appear whole
     * or not at all.
     *
     * @param ids the table's row ids, in its order
     */
    void parquet(String master, FeatureExtractor.Plan plan, List<FmaFeatureCsv.Column> columns, List<String> ids, Path out)
            throws IOException;

    /**
     * Embeds {@code plan.todo()} into {@code plan.out()} with {@link EmbeddingExtractor#embedInto}, as Spark tasks;
     * every executor builds the extractor from the recipe once.
     *
     * @return how many embeddings were written
     */
    int embeddings(String master, EmbeddingExtractor.Recipe recipe, EmbeddingExtractor.Plan plan, IntConsumer progress)
            throws IOException;

    /**
     * A Spark job's wall time, apart: starting Spark (the context, and on a cluster its executors' registration as
     * the first tasks wait for it) and running the job's tasks.
     */
    record Timing(double startSeconds, double jobSeconds) {
    }

    /** A standalone master and worker on this machine, stopped by {@link #close}. */
    interface LocalCluster extends AutoCloseable {

        /** The master's URL. */
        String url();

        @Override
        void close();
    }

    /** Starts a standalone master and worker on 127.0.0.1, the worker offering {@code cores} and {@code memory}. */
    LocalCluster loopbackCluster(int cores, String memory) throws IOException, InterruptedException;

    /** The Spark module's engine, or an error that says how to get it on the class path. */
    static SparkEngine find() {
        return ServiceLoader.load(SparkEngine.class).findFirst().orElseThrow(() -> new IllegalStateException(
                "--spark needs GenreLab's Spark module (lib/spark) on the class path: run it through ./genrelab, which adds"
                        + " it, or spark-submit the cluster jar (README, \"More than one machine\")"));
    }
}
