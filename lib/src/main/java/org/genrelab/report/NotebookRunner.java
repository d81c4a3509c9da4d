package org.genrelab.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Executes notebooks headless with {@code jupyter nbconvert --execute}, in order, on GenreLab's Java
 * kernel, and renders each executed notebook to HTML.
 *
 * <p>Per notebook: a wall-clock timeout (the whole process tree is killed when it runs out); no
 * timing metadata in the executed notebook ({@code record_timing=False}), so that the same inputs
 * give the same file; every kernel JVM that the run started is ended afterwards (the kernel records
 * its pid in a folder this runner names). The run stops at the first failing notebook and reports
 * that cell's error.
 */
public final class NotebookRunner {

    /** The outcome of one notebook. */
    public record Outcome(String notebook, boolean ok, double seconds, String error, Path executed, Path html) {
    }

    private final Path root;
    private final Path outDir;
    private final Map<String, String> env;
    private final Duration timeout;
    private final String kernelName;

    /**
     * @param root      the repository (its {@code .cache/jupyter} holds the kernel spec)
     * @param outDir    the report folder: executed notebooks go to {@code notebooks/}, HTML to {@code html/}
     * @param env       extra environment for the kernels (the notebooks' parameters)
     * @param timeout   wall-clock limit per notebook (nbconvert applies it to each cell too); {@code null} for none
     */
    public NotebookRunner(Path root, Path outDir, Map<String, String> env, Duration timeout) {
        this(root, outDir, env, timeout, "genrelab-java");
    }

    public NotebookRunner(Path root, Path outDir, Map<String, String> env, Duration timeout, String kernelName) {
        this.root = root.toAbsolutePath().normalize();
        this.outDir = outDir.toAbsolutePath().normalize();
        this.env = new LinkedHashMap<>(env);
        this.timeout = timeout;
        this.kernelName = kernelName;
    }

    /** Whether a notebook reads the data folder: it calls {@code params.requireData()}, which names what is missing. */
    public static boolean readsDataFolder(Path notebook) throws java.io.IOException {
        return Files.readString(notebook).contains("requireData()");
    }

    /** The notebooks of a folder, in name order ({@code 00-…}, {@code 01-…}, …). */
    public static List<Path> notebooksIn(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    /** Runs the notebooks in order, stopping at the first failure; returns the outcomes so far. */
    public List<Outcome> runAll(List<Path> notebooks, java.util.function.Consumer<Outcome> onEach) throws IOException, InterruptedException {
        List<Outcome> out = new ArrayList<>();
        for (Path nb : notebooks) {
            Outcome o = run(nb);
            out.add(o);
            onEach.accept(o);
            if (!o.ok()) break;
        }
        return out;
    }

    /** Executes one notebook and, if it succeeded, renders it to HTML. */
    public Outcome run(Path notebook) throws IOException, InterruptedException {
        String name = notebook.getFileName().toString().replaceFirst("\\.ipynb$", "");
        Path nbDir = outDir.resolve("notebooks");
        Path htmlDir = outDir.resolve("html");
        Files.createDirectories(nbDir);
        Files.createDirectories(htmlDir);
        Path pids = Files.createTempDirectory("genrelab-kernels");
        long t0 = System.nanoTime();
        Path executed = nbDir.resolve(name + ".ipynb");
        Files.deleteIfExists(executed);
        List<String> cmd = List.of("jupyter", "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.kernel_name=" + kernelName,
                "--ExecutePreprocessor.timeout=" + (timeout == null ? -1 : timeout.toSeconds()),
                "--ExecutePreprocessor.startup_timeout=120",
                "--ExecutePreprocessor.record_timing=False",
                "--output-dir", nbDir.toString(), "--output", name + ".ipynb",
                notebook.toAbsolutePath().toString());
        Result r = exec(cmd, pids);
        double seconds = (System.nanoTime() - t0) / 1e9;
        endKernels(pids);
        if (!r.ok || !Files.exists(executed)) {
            return new Outcome(name, false, seconds, r.timedOut
                    ? "timed out after " + timeout.toSeconds() + " s\n" + cellError(r.stderr)
                    : cellError(r.stderr), null, null);
        }
        Result h = exec(List.of("jupyter", "nbconvert", "--to", "html", "--output-dir", htmlDir.toString(),
                executed.toString()), pids);
        if (!h.ok) return new Outcome(name, false, seconds, "HTML conversion failed:\n" + tail(h.stderr, 40), executed, null);
        return new Outcome(name, true, seconds, null, executed, htmlDir.resolve(name + ".html"));
    }

    private record Result(boolean ok, boolean timedOut, String stderr) {
    }

    private Result exec(List<String> cmd, Path pids) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile());
        pb.environment().putAll(env);
        pb.environment().put("JUPYTER_PATH", root.resolve(".cache/jupyter").toString());
        pb.environment().put("GENRELAB_KERNEL_PIDS", pids.toString());
        pb.environment().put("GENRELAB_ROOT", root.toString());
        pb.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        Path err = Files.createTempFile("genrelab-nbconvert", ".log");
        pb.redirectErrorStream(true).redirectOutput(err.toFile());
        Process p = pb.start();
        boolean done = true;
        if (timeout == null) p.waitFor();
        else done = p.waitFor(timeout.toSeconds() + 60, TimeUnit.SECONDS);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
        }
        String log = Files.readString(err, StandardCharsets.UTF_8);
        Files.deleteIfExists(err);
        return new Result(done && p.exitValue() == 0, !done, log);
    }

    /** Ends every kernel JVM that recorded its pid in {@code pids} and is still alive. */
    static void endKernels(Path pids) throws IOException {
        if (!Files.isDirectory(pids)) return;
        try (Stream<Path> s = Files.list(pids)) {
            for (Path f : s.toList()) {
                try {
                    long pid = Long.parseLong(Files.readString(f).trim());
                    ProcessHandle.of(pid).ifPresent(h -> {
                        h.destroy();
                        try {
                            h.onExit().get(5, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            h.destroyForcibly();
                        }
                    });
                } catch (NumberFormatException ignored) {
                    // not one of ours
                }
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(pids);
    }

    /**
     * The part of nbconvert's output that names the failing cell and its error; when no cell failed
     * (the kernel did not start, for instance), the kernel's own error lines and the log's tail.
     */
    static String cellError(String log) {
        int i = log.indexOf("An error occurred while executing the following cell");
        String s;
        if (i >= 0) {
            s = log.substring(i);
        } else {
            String kernel = log.lines().filter(l -> l.contains("Exception in thread") || l.contains("genrelab-kernel:")
                    || l.contains("SEVERE")).collect(java.util.stream.Collectors.joining("\n"));
            s = (kernel.isEmpty() ? "" : "kernel:\n" + kernel + "\n...\n") + tail(log, 25);
        }
        return s.replaceAll("\u001B\\[[;\\d]*m", "").strip();
    }

    private static String tail(String s, int lines) {
        String[] l = s.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(l, Math.max(0, l.length - lines), l.length));
    }
}
