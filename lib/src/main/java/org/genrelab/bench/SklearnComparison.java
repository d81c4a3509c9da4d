package org.genrelab.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * scikit-learn's side of the Part 1 benchmark: {@code environment/sklearn_compare.py} trains the same models on the
 * matrices {@link ClassicBenchmark} exported, and the cold start puts Java's first fit in a fresh JVM
 * ({@link ColdStartFit}) beside scikit-learn's import and first fit in a fresh interpreter.
 *
 * @param python the interpreter with scikit-learn (Debian's {@code /usr/bin/python3})
 * @param script {@code environment/sklearn_compare.py}
 * @param folder the benchmark's output folder ({@code matrices/}, {@code java_scores.csv})
 */
public record SklearnComparison(Path python, Path script, Path folder) {

    /** The models whose training time is held to scikit-learn's: the ones the cold start compares. */
    public static final List<String> TIME_HELD = List.of("SVC", "Random forest", "Logistic regression");

    /**
     * Runs the script on the exported matrices with this process's output, and returns its exit status.
     *
     * @param models     the models to train, by name
     * @param repeat     fits per model
     * @param modelSeeds seeds of the randomised models (compared by their mean over seeds)
     * @param heldOnly   leaves out the CatBoost analogue
     */
    public int fits(List<String> models, int repeat, int modelSeeds, boolean heldOnly) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(python.toString(), script.toString(), folder.toString(), "--only",
                String.join(",", models), "--repeat", String.valueOf(repeat)));
        if (modelSeeds > 1) cmd.addAll(List.of("--seeds", String.valueOf(modelSeeds)));
        if (heldOnly) cmd.add("--held-only");
        return new ProcessBuilder(cmd).inheritIO().start().waitFor();
    }

    /**
     * Each model trained once per fresh process ({@code threads} threads on Java's side), {@code runs} times per side, Java
     * and Python alternating; prints the medians and which side's is lower.
     */
    public void coldStart(List<String> models, int runs, int threads, PrintStream out) throws IOException, InterruptedException {
        out.printf(Locale.ROOT, "%ncold start: each model trained once per fresh process; processes per model and side: %d, Java and Python alternating"
                + " (median); the data read before the clock starts%n", runs);
        out.printf(Locale.ROOT, "%-22s %16s %34s%n", "model", "Java, first fit", "scikit-learn, import + first fit");
        List<String> lower = new ArrayList<>();
        List<String> higher = new ArrayList<>();
        for (String model : models) {
            double[] jvm = new double[runs];
            double[] imports = new double[runs];
            double[] fits = new double[runs];
            double[] sums = new double[runs];
            for (int r = 0; r < runs; r++) {
                jvm[r] = ColdStartFit.inFreshJvm(folder.resolve("matrices"), model, 0, threads);
                Process p = new ProcessBuilder(python.toString(), script.toString(), folder.toString(), "--cold", model)
                        .redirectErrorStream(true).start();
                String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                String line = text.lines().filter(l -> l.startsWith("cold-fit " + model + " ")).findFirst().orElse(null);
                if (p.waitFor() != 0 || line == null) throw new IllegalStateException("scikit-learn's cold start of " + model + " failed:\n" + text.strip());
                String[] t = line.substring(("cold-fit " + model + " ").length()).trim().split(" ");
                imports[r] = Double.parseDouble(t[0]);
                fits[r] = Double.parseDouble(t[1]);
                sums[r] = imports[r] + fits[r];
            }
            double j = median(jvm);
            double s = median(sums);
            (j <= s ? lower : higher).add(model);
            out.printf(Locale.ROOT, "%-22s %14.2f s %10.2f s (import %.2f, fit %.2f)%n", model, j, s, median(imports), median(fits));
        }
        out.println("Java's first fit in a fresh JVM includes loading and compiling its training code; scikit-learn's"
                + " compiled code is ready once imported. Counting both, Java's is lower for " + (lower.isEmpty() ? "none" : String.join(", ", lower))
                + (higher.isEmpty() ? "" : "; higher for " + String.join(", ", higher)) + ".");
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
