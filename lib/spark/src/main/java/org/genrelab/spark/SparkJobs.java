package org.genrelab.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.ArrayList;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.genrelab.cli.SparkEngine;
import org.genrelab.data.AudioCollection;
import org.genrelab.deep.DeviceChoice;
import org.genrelab.features.FeatureExtractor;
import org.genrelab.features.FmaFeatureCsv;
import org.genrelab.vggish.EmbeddingExtractor;

/**
 * {@code genrelab features --spark} and {@code genrelab embed --spark}: the tracks an extractor's plan left to compute,
 * as Spark tasks running the library's own per-track step ({@link FeatureExtractor#extractInto},
 * {@link EmbeddingExtractor#embedInto}) into the same per-track files the local command writes. The driver plans and
 * finishes as locally, so the table, the failure list and the split files are the local command's, byte for byte.
 *
 * <p>Why this holds under Spark's retries and kills: each track's file is written under a temporary name of its own
 * and moved into place, so a retried task rewrites the same bytes (and skips the tracks its first attempt finished),
 * and the rows come from those files, once each, not from the tasks. A job killed part-way leaves every finished
 * track in place; started again, the plan holds only the rest. A track that throws or runs out of memory is its own
 * failure, as locally; a task lost for good (an executor that died on every attempt) leaves its unfinished tracks
 * listed as not computed, which the next run computes.
 *
 * <p>The inputs and the output must be paths every executor sees at the same place: one machine, or a file system
 * mounted alike on every node (NFS, a shared home). {@code hdfs://} and {@code s3a://} are not read.
 */
public final class SparkJobs implements SparkEngine {

    /** A track as an executor receives it: its id and audio path ({@link Path} is not serializable). */
    record TrackRef(String id, String audio) implements Serializable {
    }

    @Override
    public void check(String master) throws IOException {
        SparkContexts.requireReachable(master);
    }

    @Override
    public Timing features(String master, FeatureExtractor extractor, FeatureExtractor.Plan plan, IntConsumer progress)
            throws IOException {
        List<TrackRef> todo = plan.todo().stream().map(t -> new TrackRef(t.id(), t.audio().toAbsolutePath().toString())).toList();
        progress.accept(plan.settled());
        if (todo.isEmpty()) return new Timing(0, 0);
        String cache = plan.cache().toAbsolutePath().toString();
        long t0 = System.nanoTime();
        try (JavaSparkContext sc = SparkContexts.open(master, "GenreLab features")) {
            double start = SparkContexts.awaitExecutors(sc, t0);
            long t1 = System.nanoTime();
            LongAccumulator done = sc.sc().longAccumulator("tracks done");
            try (SparkProgress p = new SparkProgress(done, plan.settled(), progress)) {
                sc.parallelize(todo, TrackSlices.count(todo.size(), sc.defaultParallelism())).foreachPartition(part -> {
                    Path dir = Path.of(cache);
                    while (part.hasNext()) {
                        TrackRef t = part.next();
                        if (!Files.exists(dir.resolve(t.id() + ".f32"))) { // a retried task skips what its first attempt finished
                            extractor.extractInto(new FeatureExtractor.Track(t.id(), Path.of(t.audio())), dir);
                        }
                        done.add(1);
                    }
                });
            } catch (RuntimeException e) {
                throw new IOException("the Spark job stopped: " + e.getMessage()
                        + "; the tracks it finished are kept, run again to compute the rest", e);
            }
            progress.accept(plan.settled() + done.value().intValue());
            return new Timing(start, (System.nanoTime() - t1) / 1e9);
        }
    }

    @Override
    public LocalCluster loopbackCluster(int cores, String memory) throws IOException, InterruptedException {
        LoopbackCluster c = LoopbackCluster.start(cores, memory);
        return new LocalCluster() {
            @Override
            public String url() {
                return c.url();
            }

            @Override
            public void close() {
                c.close();
            }
        };
    }

    @Override
    public void parquet(String master, FeatureExtractor.Plan plan, List<FmaFeatureCsv.Column> columns, List<String> ids,
            Path out) throws IOException {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("track_id", DataTypes.StringType, false));
        for (FmaFeatureCsv.Column c : columns) {
            fields.add(DataTypes.createStructField(c.feature() + "_" + c.statistics() + "_" + c.number(), DataTypes.FloatType, true));
        }
        StructType schema = DataTypes.createStructType(fields);
        String cache = plan.cache().toAbsolutePath().toString();
        try (JavaSparkContext sc = SparkContexts.open(master, "GenreLab features to Parquet")) {
            SparkSession spark = SparkSession.builder().sparkContext(sc.sc()).getOrCreate();
            JavaRDD<Row> rows = sc.parallelize(ids, TrackSlices.count(Math.max(1, ids.size()), sc.defaultParallelism())).map(id -> {
                float[] v = FeatureExtractor.cachedRow(Path.of(cache), id);
                Object[] values = new Object[v.length + 1];
                values[0] = id;
                for (int i = 0; i < v.length; i++) values[i + 1] = v[i];
                return RowFactory.create(values);
            });
            spark.createDataFrame(rows, schema).write().mode(SaveMode.Overwrite).parquet(out.toAbsolutePath().toString());
        } catch (RuntimeException e) {
            throw new IOException("writing " + out + " as Parquet failed: " + e.getMessage(), e);
        }
    }

    @Override
    public int embeddings(String master, EmbeddingExtractor.Recipe recipe, EmbeddingExtractor.Plan plan,
            IntConsumer progress) throws IOException {
        List<TrackRef> todo = plan.todo().stream().map(t -> new TrackRef(t.id(), t.audio().toAbsolutePath().toString())).toList();
        progress.accept(plan.settled());
        if (todo.isEmpty()) return 0;
        String out = plan.out().toAbsolutePath().toString();
        try (JavaSparkContext sc = SparkContexts.open(master, "GenreLab embed")) {
            LongAccumulator done = sc.sc().longAccumulator("tracks done");
            LongAccumulator written = sc.sc().longAccumulator("embeddings written");
            int cpusPerTask = sc.getConf().getInt("spark.task.cpus", 1);
            try (SparkProgress p = new SparkProgress(done, plan.settled(), progress)) {
                sc.parallelize(todo, TrackSlices.count(todo.size(), sc.defaultParallelism())).foreachPartition(part -> {
                    ExecutorNetwork net = ExecutorNetwork.of(recipe);
                    DeviceChoice.setTorchThreadsOfThisThread(cpusPerTask); // the task's cores, not the whole machine's
                    Path dir = Path.of(out);
                    while (part.hasNext()) {
                        TrackRef t = part.next();
                        if (!Files.exists(dir.resolve("embeddings").resolve(t.id() + ".npy"))) {
                            if (net.embedInto(new AudioCollection.Item(t.id(), Path.of(t.audio()), null), dir)) written.add(1);
                        }
                        done.add(1);
                    }
                });
            } catch (RuntimeException e) {
                throw new IOException("the Spark job stopped: " + e.getMessage()
                        + "; the embeddings it finished are kept, run again to compute the rest", e);
            }
            progress.accept(plan.settled() + done.value().intValue());
            return written.value().intValue();
        }
    }
}
