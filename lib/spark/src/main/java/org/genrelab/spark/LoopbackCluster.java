package org.genrelab.spark;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone cluster on this machine: a master and a worker, each its own JVM started from Spark's own
 * classes ({@code org.apache.spark.deploy.master.Master}, {@code ...worker.Worker}) on 127.0.0.1, whose executors are
 * JVMs of their own again. It is how the tests and {@code bench spark} run the jobs the way a real cluster does
 * (tasks serialised to other processes, class path and JVM options given to executors), without a cluster. Stopped
 * by process id, with the executors the worker started.
 */
public final class LoopbackCluster implements AutoCloseable {

    private final Path home;
    private final Process master;
    private final Process worker;
    private final String url;

    private LoopbackCluster(Path home, Process master, Process worker, String url) {
        this.home = home;
        this.master = master;
        this.worker = worker;
        this.url = url;
    }

    /**
     * Starts a master and a worker offering {@code cores} cores and {@code memory} (e.g. {@code "3g"}) to executors,
     * and waits until the worker has registered (at most a minute).
     */
    public static LoopbackCluster start(int cores, String memory) throws IOException, InterruptedException {
        // the worker builds executors' class paths from SPARK_HOME/jars; everything they need comes from the
        // application's spark.executor.extraClassPath, so an empty folder is enough
        Path home = Files.createTempDirectory("genrelab-spark-home");
        Files.createDirectories(home.resolve("jars"));
        int port = freePort();
        String url = "spark://127.0.0.1:" + port;
        Process master = start(home, "master", List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--webui-port", Integer.toString(freePort())));
        Process worker = null;
        try {
            worker = start(home, "worker", List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                    "--cores", Integer.toString(cores), "--memory", memory, "--webui-port", Integer.toString(freePort()),
                    "--work-dir", home.resolve("work").toString(), url));
            LoopbackCluster cluster = new LoopbackCluster(home, master, worker, url);
            cluster.awaitLine(home.resolve("worker.log"), "Successfully registered with master", 60);
            return cluster;
        } catch (IOException | RuntimeException e) {
            stop(worker);
            stop(master);
            throw e;
        }
    }

    /** The master's URL, {@code spark://127.0.0.1:PORT}. */
    public String url() {
        return url;
    }

    /** The process ids of the master and the worker. */
    public long[] pids() {
        return new long[] {master.pid(), worker.pid()};
    }

    @Override
    public void close() {
        stop(worker);
        stop(master);
        try (var files = Files.walk(home)) { // the logs and the executors' work folders
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }

    private static Process start(Path home, String name, List<String> mainAndArgs) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path")));
        cmd.addAll(mainAndArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(home.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("SPARK_SCALA_VERSION", "2.13"); // else the worker looks for a Spark build tree
        return pb.start();
    }

    private void awaitLine(Path log, String text, int seconds) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (Files.exists(log) && Files.readString(log).contains(text)) return;
            if (!master.isAlive() || !worker.isAlive()) break;
            Thread.sleep(200);
        }
        throw new IOException("the loopback Spark cluster did not start within " + seconds + " s; master log:\n"
                + tail(home.resolve("master.log")) + "\nworker log:\n" + tail(home.resolve("worker.log")));
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) return "(none)";
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    private static void stop(Process p) {
        if (p == null) return;
        p.descendants().forEach(ProcessHandle::destroy); // the worker's executors
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
