package org.genrelab.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Test-split predictions of a notebook's models, {@code report/predictions/<notebook>.csv}:
 * one row per (model, run, test item) with the true and the predicted class names and, when every
 * run of the file has them, the predicted probability of each class (columns {@code p_<class>}), so
 * that the summary notebook can draw per-genre scores and confusion matrices, and average models'
 * probabilities, without retraining. Written atomically.
 */
public final class PredictionsCsv {

    /** Columns of the file before the probabilities. */
    public static final String HEADER = "model,run,item,truth,predicted";

    /** Prefix of a probability column's name, followed by the class name. */
    public static final String PROBABILITY_PREFIX = "p_";

    /**
     * One run's predictions of the test split, as class names.
     *
     * @param classes       class names of the probabilities' columns (empty without probabilities)
     * @param probabilities predicted probability of each class in {@code classes} order, one row per test item;
     *                      null when the run has none
     */
    public record Run(String model, int run, List<String> truth, List<String> predicted, List<String> classes,
                      double[][] probabilities) {

        public Run {
            if (truth.size() != predicted.size()) {
                throw new IllegalArgumentException(model + " run " + run + ": " + truth.size() + " true labels but "
                        + predicted.size() + " predictions");
            }
            classes = List.copyOf(classes);
            if (probabilities != null) {
                if (probabilities.length != truth.size()) {
                    throw new IllegalArgumentException(model + " run " + run + ": " + truth.size() + " true labels but "
                            + probabilities.length + " rows of probabilities");
                }
                for (double[] p : probabilities) {
                    if (p.length != classes.size()) {
                        throw new IllegalArgumentException(model + " run " + run + ": " + p.length
                                + " probabilities in a row for " + classes.size() + " classes " + classes);
                    }
                }
            }
        }

        /** A run without probabilities. */
        public Run(String model, int run, List<String> truth, List<String> predicted) {
            this(model, run, truth, predicted, List.of(), null);
        }

        /** A run from class indices into {@code classes}. */
        public static Run of(String model, int run, int[] truth, int[] predicted, List<String> classes) {
            return new Run(model, run, names(truth, classes), names(predicted, classes));
        }

        /** A run from class indices into {@code classes}, with each item's probabilities in {@code classes} order. */
        public static Run of(String model, int run, int[] truth, int[] predicted, double[][] probabilities,
                             List<String> classes) {
            return new Run(model, run, names(truth, classes), names(predicted, classes), classes, probabilities);
        }

        public boolean hasProbabilities() {
            return probabilities != null;
        }

        private static List<String> names(int[] idx, List<String> classes) {
            List<String> out = new ArrayList<>(idx.length);
            for (int i : idx) out.add(classes.get(i));
            return out;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Run r && model.equals(r.model) && run == r.run && truth.equals(r.truth)
                    && predicted.equals(r.predicted) && classes.equals(r.classes)
                    && Arrays.deepEquals(probabilities, r.probabilities);
        }

        @Override
        public int hashCode() {
            return Objects.hash(model, run, truth, predicted, classes) * 31 + Arrays.deepHashCode(probabilities);
        }

        @Override
        public String toString() {
            return "Run[" + model + " #" + run + ", " + truth.size() + " items" + (hasProbabilities()
                    ? ", probabilities of " + classes : "") + "]";
        }
    }

    private PredictionsCsv() {
    }

    /** A notebook's predictions file, {@code <report>/predictions/<notebook>.csv} (results/ holds only result rows). */
    public static Path fileFor(RunParameters params, String notebook) {
        return params.report().resolve("predictions").resolve(notebook + ".csv");
    }

    /**
     * Writes the runs; the probabilities go in only when every run has them for the same classes
     * (written to float precision, the deep models' own, as Java's shortest decimal that reads back as that float).
     */
    public static void write(Path file, List<Run> runs) throws IOException {
        List<String> classes = runs.isEmpty() || !runs.stream().allMatch(r -> r.hasProbabilities()
                && r.classes().equals(runs.get(0).classes())) ? List.of() : runs.get(0).classes();
        List<String> header = new ArrayList<>(List.of(HEADER.split(",")));
        classes.forEach(c -> header.add(PROBABILITY_PREFIX + c));
        AtomicFiles.writeCsv(file, header, p -> {
            for (Run r : runs) {
                for (int i = 0; i < r.truth().size(); i++) {
                    List<Object> cells = new ArrayList<>(List.of(r.model(), r.run(), i, r.truth().get(i), r.predicted().get(i)));
                    for (int c = 0; c < classes.size(); c++) cells.add((float) r.probabilities()[i][c]);
                    p.printRecord(cells);
                }
            }
        });
    }

    /** The runs of a file, in file order. */
    public static List<Run> read(Path file) throws IOException {
        Map<String, List<CSVRecord>> byRun = new LinkedHashMap<>();
        List<String> classes = new ArrayList<>();
        try (var r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r);
            List<String> names = parser.getHeaderNames();
            List<String> fixed = List.of(HEADER.split(","));
            if (names.size() < fixed.size() || !names.subList(0, fixed.size()).equals(fixed)
                    || !names.subList(fixed.size(), names.size()).stream().allMatch(n -> n.startsWith(PROBABILITY_PREFIX))) {
                throw new IOException(file + ": not a predictions file: header " + names + ", expected " + HEADER
                        + " and optional " + PROBABILITY_PREFIX + "<class> columns");
            }
            names.subList(fixed.size(), names.size()).forEach(n -> classes.add(n.substring(PROBABILITY_PREFIX.length())));
            for (CSVRecord c : parser) {
                if (c.size() != names.size()) {
                    throw new IOException(file + " line " + parser.getCurrentLineNumber() + ": " + c.size()
                            + " cells, expected " + names.size());
                }
                byRun.computeIfAbsent(c.get(0) + "\u0000" + c.get(1), k -> new ArrayList<>()).add(c);
            }
        }
        List<Run> out = new ArrayList<>();
        for (var e : byRun.entrySet()) {
            String[] key = e.getKey().split("\u0000");
            List<CSVRecord> rows = e.getValue();
            List<String> truth = rows.stream().map(c -> c.get(3)).toList();
            List<String> predicted = rows.stream().map(c -> c.get(4)).toList();
            double[][] prob = null;
            if (!classes.isEmpty()) {
                prob = new double[rows.size()][classes.size()];
                for (int i = 0; i < rows.size(); i++) {
                    for (int k = 0; k < classes.size(); k++) {
                        try {
                            prob[i][k] = Float.parseFloat(rows.get(i).get(5 + k));
                        } catch (NumberFormatException x) {
                            throw new IOException(file + ": run " + key[0] + " #" + key[1] + " item " + i + ": probability '"
                                    + rows.get(i).get(5 + k) + "' is not a number");
                        }
                    }
                }
            }
            out.add(new Run(key[0], Integer.parseInt(key[1]), truth, predicted, classes, prob));
        }
        return out;
    }

    /** The classes seen in the runs' labels and predictions, sorted. */
    public static List<String> classes(List<PredictionsCsv.Run> runs) {
        TreeSet<String> s = new TreeSet<>();
        runs.forEach(r -> {
            s.addAll(r.truth());
            s.addAll(r.predicted());
        });
        return List.copyOf(s);
    }

    /** Each name's position in {@code classes}. */
    public static int[] indices(List<String> names, List<String> classes) {
        int[] out = new int[names.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = classes.indexOf(names.get(i));
        }
        return out;
    }
}
