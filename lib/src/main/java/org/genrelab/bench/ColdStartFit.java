package org.genrelab.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.genrelab.classic.MatrixExport;
import org.genrelab.classic.ModelTrainer;
import org.genrelab.classic.StudyProtocol;

/**
 * One Part 1 model trained once, in a JVM that has not run the training code before: the time from the
 * first touch of the model's classes to the trained model, loading and compiling that code included.
 * {@code ./genrelab bench classic} runs it in a fresh JVM per fit, beside scikit-learn's import and first fit
 * in a fresh interpreter ({@code environment/sklearn_compare.py --cold}): each runtime's one-time cost of
 * making its training code ready, on the same side of the clock.
 *
 * <pre>
 * ColdStartFit MATRICES_DIR "MODEL NAME" [SEED [THREADS]]
 * </pre>
 * reads {@code MATRICES_DIR/train.csv} ({@link MatrixExport}) before the clock starts and prints one line,
 * {@code cold-fit MODEL SECONDS}.
 */
public final class ColdStartFit {

    private ColdStartFit() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 4) {
            throw new IllegalArgumentException("usage: ColdStartFit MATRICES_DIR \"MODEL NAME\" [SEED [THREADS]]");
        }
        MatrixExport.Rows train = MatrixExport.read(Path.of(args[0]).resolve("train.csv"));
        long seed = args.length >= 3 ? Long.parseLong(args[2]) : 0;
        int threads = args.length == 4 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "cold-fit %s %.4f%n", args[1], seconds(args[1], train, seed, threads));
    }

    /**
     * Runs {@link #main} in a fresh JVM with this JVM's options and class path, and returns its seconds. The
     * child's error output, if it fails, is in the exception.
     */
    public static double inFreshJvm(Path matrices, String model, long seed, int threads) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ColdStartFit.class.getName(), matrices.toString(), model,
                String.valueOf(seed), String.valueOf(threads)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = p.waitFor();
        String prefix = "cold-fit " + model + " ";
        for (String line : output.split("\n")) {
            if (status == 0 && line.startsWith(prefix)) return Double.parseDouble(line.substring(prefix.length()).trim());
        }
        throw new IllegalStateException("the fresh JVM training " + model + " ended with status " + status + ":\n" + output.strip());
    }

    /** Seconds to look the model up among the study's models and train it once on {@code train}, on {@code threads} threads. */
    static double seconds(String model, MatrixExport.Rows train, long seed, int threads) {
        long t0 = System.nanoTime();
        ModelTrainer m = StudyProtocol.studyModels(threads).stream().filter(t -> t.name().equals(model)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no study model named '" + model + "'; have "
                        + StudyProtocol.studyModels(threads).stream().map(ModelTrainer::name).toList()));
        m.fit(train.x(), train.y(), train.classes().size(), seed);
        return (System.nanoTime() - t0) / 1e9;
    }
}
