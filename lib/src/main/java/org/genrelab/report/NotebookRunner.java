package org.genrelab.report;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Executes notebooks headless as {@code jupyter nbconvert --execute} does (through {@code environment/execute-notebook.py},
 * which also keeps a failing notebook's outputs up to its error), in order, on GenreLab's Java kernel, and renders each
 * executed notebook to HTML.
 *
 * <p>Per notebook: a wall-clock timeout (the whole process tree is killed when it runs out); no
 * timing metadata in the executed notebook ({@code record_timing=False}), so that the same inputs
 * give the same file; every kernel JVM that the run started is ended afterwards (the kernel records
 * its pid in a folder this runner names). Within a notebook, execution stops at the first failing cell; the executed
 * notebook and its HTML keep everything before it and the error. The run stops at the first failing notebook and
 * reports that cell's error.
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

    /**
     * Whether a notebook reads the data folder: it calls {@code params.requireData()} or {@code params.part2Data()},
     * which name what is missing.
     */
    public static boolean readsDataFolder(Path notebook) throws IOException {
        String text = Files.readString(notebook);
        return text.contains("requireData()") || text.contains("part2Data()");
    }

    /** The notebooks of a folder, in name order ({@code 00-…}, {@code 01-…}, …). */
    public static List<Path> notebooksIn(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    /** Runs the notebooks in order, stopping at the first failure; returns the outcomes so far. */
    public List<Outcome> runAll(List<Path> notebooks, Consumer<Outcome> onEach) throws IOException, InterruptedException {
        List<Outcome> out = new ArrayList<>();
        for (Path nb : notebooks) {
            Outcome o = run(nb);
            out.add(o);
            onEach.accept(o);
            if (!o.ok()) break;
        }
        return out;
    }

    /**
     * Executes one notebook ({@code environment/execute-notebook.py}: nbconvert's executor and writer) and renders it to
     * HTML. A notebook whose cell fails is still written and rendered up to that cell's error (the cells after it do not
     * run), and its outcome is failed; so is one whose executed notebook holds an error output.
     */
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
        List<String> cmd = List.of(jupyterPython(), root.resolve("environment/execute-notebook.py").toString(), kernelName,
                Long.toString(timeout == null ? 0 : timeout.toSeconds()), notebook.toAbsolutePath().toString(),
                executed.toString());
        Result r = exec(cmd, pids);
        double seconds = (System.nanoTime() - t0) / 1e9;
        endKernels(pids);
        String error = r.ok ? null : r.timedOut ? "timed out after " + timeout.toSeconds() + " s\n" + cellError(r.stderr)
                : cellError(r.stderr);
        if (!Files.exists(executed)) {
            return new Outcome(name, false, seconds, error != null ? error : "no executed notebook written\n" + tail(r.stderr, 25),
                    null, null);
        }
        List<String> errorOutputs = errorOutputs(executed);
        if (error == null && !errorOutputs.isEmpty()) {
            error = "the executed notebook holds error output:\n" + String.join("\n", errorOutputs);
        }
        Result h = exec(List.of("jupyter", "nbconvert", "--to", "html", "--template-file", pageTemplate().toString(),
                "--output-dir", htmlDir.toString(), executed.toString()), pids);
        if (!h.ok) {
            error = (error == null ? "" : error + "\n\n") + "HTML conversion failed:\n" + tail(h.stderr, 40);
        }
        return new Outcome(name, error == null, seconds, error, executed, h.ok ? htmlDir.resolve(name + ".html") : null);
    }

    /**
     * The template of the notebook pages ({@code environment/report-html/page.html.j2}): JupyterLab's, without the
     * require.js and MathJax scripts that Debian's nbconvert loads from {@code file:///usr/share/javascript}, so that a
     * page shows the same wherever the report is copied or served.
     */
    Path pageTemplate() {
        return root.resolve("environment/report-html/page.html.j2");
    }

    /** The error outputs of an executed notebook, one line each: the cell's number (from 1), the error's name and value. */
    static List<String> errorOutputs(Path executedNotebook) throws IOException {
        List<String> out = new ArrayList<>();
        try {
            var cells = JsonParser.parseString(Files.readString(executedNotebook, StandardCharsets.UTF_8))
                    .getAsJsonObject().getAsJsonArray("cells");
            for (int i = 0; cells != null && i < cells.size(); i++) {
                var outputs = cells.get(i).getAsJsonObject().getAsJsonArray("outputs");
                for (int j = 0; outputs != null && j < outputs.size(); j++) {
                    var o = outputs.get(j).getAsJsonObject();
                    if (!o.has("output_type") || !"error".equals(o.get("output_type").getAsString())) continue;
                    out.add("cell " + (i + 1) + ": " + (o.has("ename") ? o.get("ename").getAsString() : "error")
                            + (o.has("evalue") ? ": " + o.get("evalue").getAsString() : ""));
                }
            }
        } catch (RuntimeException e) { // not JSON, or not a notebook's
            throw new IOException(executedNotebook + ": not a notebook: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * The Python that Debian's Jupyter packages are installed for ({@code /usr/bin/python3}, as
     * {@code environment/write-kernelspec.sh} uses), so that the executor script imports the same nbconvert (a
     * {@code python3} earlier on the PATH, e.g. pyenv's, may lack it); {@code python3} where there is none.
     */
    static String jupyterPython() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
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
                    || l.contains("SEVERE")).collect(Collectors.joining("\n"));
            s = (kernel.isEmpty() ? "" : "kernel:\n" + kernel + "\n...\n") + tail(log, 25);
        }
        return s.replaceAll("\u001B\\[[;\\d]*m", "").strip();
    }

    private static String tail(String s, int lines) {
        String[] l = s.split("\n");
        return String.join("\n", Arrays.copyOfRange(l, Math.max(0, l.length - lines), l.length));
    }
}
