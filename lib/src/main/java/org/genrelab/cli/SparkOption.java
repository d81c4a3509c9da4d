package org.genrelab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Stack;
import java.util.regex.Pattern;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --spark [MASTER]}, shared by {@code features} and {@code embed}: run the tracks as Apache Spark tasks. The
 * next argument is taken as the master only when it looks like one ({@code local}, {@code local[...]}, {@code yarn},
 * or a {@code spark://}, {@code k8s://}, {@code mesos://} URL), so {@code --spark INPUT OUTPUT} keeps its positional
 * parameters. Without a master: {@code spark.master} when {@code spark-submit} set it, else {@code local[*]}.
 */
public final class SparkOption {

    private static final Pattern URL_LIKE = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]+:/.*");

    private static final Pattern MASTER = Pattern.compile("local(\\[[^\\]]*\\])?|yarn|(spark|k8s|mesos)://.+");

    /** The master given, {@code ""} for {@code --spark} alone, null without {@code --spark}. */
    @Option(names = "--spark", paramLabel = "MASTER", parameterConsumer = MasterConsumer.class,
            description = {"Run the tracks as Apache Spark tasks: MASTER is local[N], spark://HOST:PORT, yarn or k8s://...",
                    "(default: what spark-submit set, else local[*]). Output, cache and resuming are as without it."})
    String master;

    /** Whether {@code --spark} was given. */
    public boolean enabled() {
        return master != null;
    }

    /** The master to use: the one given, else {@code spark.master} (set by spark-submit), else {@code local[*]}. */
    public String master() {
        if (master != null && !master.isEmpty()) return master;
        return System.getProperty("spark.master", "local[*]");
    }

    /**
     * The Spark engine, once the master answers and the paths are ones every executor can open: a URL such as
     * {@code hdfs://} or {@code s3a://} is refused (it would otherwise be taken for a local folder named
     * {@code hdfs:}), before anything is written.
     */
    SparkEngine engine(Path... paths) throws IOException {
        for (Path p : paths) {
            if (URL_LIKE.matcher(p.toString()).matches()) {
                throw new IOException(p + ": the Spark jobs read and write paths that every executor sees at the same place"
                        + " (one machine, or a file system mounted alike on every node, e.g. NFS); " + p.toString().split(":")[0]
                        + ":// URLs are not read or written");
            }
        }
        SparkEngine engine = SparkEngine.find();
        engine.check(master());
        return engine;
    }

    static boolean looksLikeMaster(String arg) {
        return MASTER.matcher(arg).matches();
    }

    /** Takes the next argument only when it looks like a master URL. */
    static final class MasterConsumer implements IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
            argSpec.setValue(!args.isEmpty() && looksLikeMaster(args.peek()) ? args.pop() : "");
        }
    }
}
