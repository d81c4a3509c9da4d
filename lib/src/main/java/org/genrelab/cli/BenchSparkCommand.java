package org.genrelab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.genrelab.data.AudioCollection;
import org.genrelab.features.FeatureExtractor;
import org.genrelab.features.FmaFeatures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code genrelab bench spark}: the feature job's throughput locally, on Spark local[N] and on a loopback cluster. */
@Command(name = "spark", mixinStandardHelpOptions = true,
        description = {"Feature extraction's throughput, tracks per second, on the same clips: the local command on",
                "N threads, Spark local[N], and a standalone master and worker started on 127.0.0.1 (executors in JVMs",
                "of their own), one line each, with Spark's start-up apart and each table checked against the local one.",
                "The clips are links to the folder's audio under other names. This JVM is warmed up before the local",
                "run (and so for local[N]); the cluster's executor JVMs start cold, as a cluster's do."})
public final class BenchSparkCommand implements Callable<Integer> {

    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FOLDER",
            description = "Audio folder whose files are repeated (default: ../shared/oracle/clips).")
    Path folder;

    @Option(names = "--clips", paramLabel = "N", defaultValue = "500", description = "Tracks per run (default: ${DEFAULT-VALUE}).")
    int clips;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2",
            description = "Threads of the local command, and cores of local[N] and of the worker (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--rhythm", description = "With tempo and HPSS (about 10x slower per track).")
    boolean rhythm;

    @Override
    public Integer call() throws Exception {
        if (clips < 1 || threads < 1) throw new ParameterException(spec.commandLine(), "--clips and --threads must be at least 1");
        Path dir = folder != null ? folder : bench.main().root().resolve("../shared/oracle/clips").normalize();
        if (!Files.isDirectory(dir)) throw new ParameterException(spec.commandLine(), "no folder " + dir + " (give an audio folder)");
        List<Path> sources = AudioCollection.folder(dir).stream().filter(i -> i.unreadable() == null)
                .map(AudioCollection.Item::audio).filter(p -> p.toString().endsWith(".mp3")).sorted().toList();
        if (sources.isEmpty()) throw new ParameterException(spec.commandLine(), "no MP3 in " + dir);
        SparkEngine engine = SparkEngine.find();
        Path work = Files.createTempDirectory("genrelab-bench-spark");
        try {
            Path audio = Files.createDirectories(work.resolve("audio"));
            List<FeatureExtractor.Track> tracks = new ArrayList<>();
            for (int i = 0; i < clips; i++) {
                Path link = audio.resolve(String.format(Locale.ROOT, "%05d.mp3", i));
                Files.createSymbolicLink(link, sources.get(i % sources.size()).toAbsolutePath());
                tracks.add(new FeatureExtractor.Track(Integer.toString(i), link));
            }
            var extractor = new FeatureExtractor(FmaFeatures.COLUMNS, new FmaFeatures(rhythm), threads);
            System.out.printf(Locale.ROOT, "%d tracks (%d MP3s of %s, repeated), FMA's 518 features%s; tracks per second:%n",
                    clips, sources.size(), dir, rhythm ? " + tempo + HPSS" : " (no tempo, HPSS)");

            // the first tracks of a JVM pay for its JIT compilation: warm this one up before timing it
            extractor.run(tracks.subList(0, Math.min(clips, 4 * threads)), work.resolve("warm-up.csv"), n -> { });
            long t0 = System.nanoTime();
            extractor.run(tracks, work.resolve("local.csv"), n -> { });
            double local = (System.nanoTime() - t0) / 1e9;
            byte[] reference = Files.readAllBytes(work.resolve("local.csv"));
            System.out.printf(Locale.ROOT, "  local command, %d threads          %7.2f   (%.1f s)%n", threads, clips / local, local);

            String master = "local[" + threads + "]";
            line("Spark " + master, engine, extractor, tracks, work.resolve("local-spark.csv"), master, local, reference);
            long c0 = System.nanoTime();
            try (SparkEngine.LocalCluster cluster = engine.loopbackCluster(threads, "3g")) {
                System.out.printf(Locale.ROOT, "  (standalone master and worker started in %.1f s)%n", (System.nanoTime() - c0) / 1e9);
                line("Spark standalone, 1 worker", engine, extractor, tracks, work.resolve("cluster.csv"), cluster.url(), local,
                        reference);
            }
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    private void line(String name, SparkEngine engine, FeatureExtractor extractor, List<FeatureExtractor.Track> tracks,
            Path out, String master, double local, byte[] reference) throws IOException {
        FeatureExtractor.Plan plan = extractor.plan(tracks, out, false);
        SparkEngine.Timing t = engine.features(master, extractor, plan, n -> { });
        extractor.finish(plan);
        boolean same = Arrays.equals(reference, Files.readAllBytes(out));
        System.out.printf(Locale.ROOT, "  %-33s %7.2f   (%.1f s once started, %.0f%% of local's rate; start-up %.1f s)%s%n",
                name, clips / t.jobSeconds(), t.jobSeconds(), 100 * local / t.jobSeconds(), t.startSeconds(),
                same ? "" : "  TABLE DIFFERS FROM THE LOCAL ONE");
    }
}
