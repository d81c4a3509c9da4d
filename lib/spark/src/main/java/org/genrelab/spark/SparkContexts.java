package org.genrelab.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Starts Spark for a GenreLab job: the master checked before anything runs, and the executors given what GenreLab's
 * code needs on JDK 25 (the Vector API module, native access for PyTorch and FFmpeg, DJL offline) and, when the
 * driver does not run from the cluster jar (as {@code ./genrelab --spark} does), the driver's own class path, which is
 * right wherever executors see the checkout at the same path (this machine, a shared home).
 */
final class SparkContexts {

    /** Options every executor JVM gets, beside those the cluster sets. */
    static final String EXECUTOR_JAVA_OPTIONS = "--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED"
            + " --sun-misc-unsafe-memory-access=allow -Dai.djl.offline=true -Djava.awt.headless=true";

    private static final Pattern STANDALONE = Pattern.compile("spark://(.+)");

    private SparkContexts() {
    }

    /**
     * Spark for {@code master}, or the context {@code spark-submit} already made.
     *
     * @throws IOException when a standalone master does not answer (checked before Spark starts, in seconds)
     */
    static JavaSparkContext open(String master, String appName) throws IOException {
        requireReachable(master);
        SparkConf conf = new SparkConf().setAppName(appName).setIfMissing("spark.master", master)
                .set("spark.ui.showConsoleProgress", "false");
        String executorOptions = conf.get("spark.executor.extraJavaOptions", "");
        conf.set("spark.executor.extraJavaOptions", (executorOptions + " " + EXECUTOR_JAVA_OPTIONS).strip());
        if (!conf.contains("spark.jars") && !master.startsWith("local")) {
            conf.setIfMissing("spark.executor.extraClassPath", System.getProperty("java.class.path"));
        }
        return JavaSparkContext.fromSparkContext(SparkContext.getOrCreate(conf));
    }

    /**
     * Waits (at most two minutes) until a cluster's executors have registered with the driver, so that a job's
     * timing starts with its cores there; returns the seconds since {@code t0}. In local mode the executor is the
     * driver and this returns at once.
     */
    static double awaitExecutors(JavaSparkContext sc, long t0) {
        if (!sc.master().startsWith("local")) {
            long end = System.nanoTime() + 120_000_000_000L;
            // getExecutorInfos lists the driver too
            while (sc.statusTracker().getExecutorInfos().length < 2 && System.nanoTime() < end) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** A {@code spark://host:port[,host:port]} master must accept a connection within 5 s; other masters are Spark's. */
    static void requireReachable(String master) throws IOException {
        Matcher m = STANDALONE.matcher(master);
        if (!m.matches()) return;
        IOException last = null;
        for (String hostPort : m.group(1).split(",")) {
            URI u = URI.create("spark://" + hostPort.strip());
            if (u.getHost() == null || u.getPort() < 0) {
                throw new IOException("the Spark master " + master + " is not of the form spark://HOST:PORT");
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(u.getHost(), u.getPort()), 5_000);
                return;
            } catch (IOException e) {
                last = e;
            }
        }
        throw new IOException("the Spark master " + master + " cannot be reached (" + last.getMessage()
                + "); nothing was computed. Is the master running, and is its address the one its web page shows?");
    }
}
