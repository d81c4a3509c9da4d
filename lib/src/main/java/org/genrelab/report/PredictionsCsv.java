package org.genrelab.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Test-split predictions of a notebook's models, {@code report/predictions/<notebook>.csv}:
 * one row per (model, run, test item) with the true and the predicted class names, so that the
 * summary notebook can draw per-genre scores and confusion matrices without retraining. Written
 * atomically.
 */
public final class PredictionsCsv {

    /** Columns of the file. */
    public static final String HEADER = "model,run,item,truth,predicted";

    /** One run's predictions of the test split, as class names. */
    public record Run(String model, int run, List<String> truth, List<String> predicted) {

        public Run {
            if (truth.size() != predicted.size()) {
                throw new IllegalArgumentException(model + " run " + run + ": " + truth.size() + " true labels but "
                        + predicted.size() + " predictions");
            }
        }

        /** A run from class indices into {@code classes}. */
        public static Run of(String model, int run, int[] truth, int[] predicted, List<String> classes) {
            return new Run(model, run, names(truth, classes), names(predicted, classes));
        }

        private static List<String> names(int[] idx, List<String> classes) {
            List<String> out = new ArrayList<>(idx.length);
            for (int i : idx) out.add(classes.get(i));
            return out;
        }
    }

    private PredictionsCsv() {
    }

    /** A notebook's predictions file, {@code <report>/predictions/<notebook>.csv} (results/ holds only result rows). */
    public static Path fileFor(RunParameters params, String notebook) {
        return params.report().resolve("predictions").resolve(notebook + ".csv");
    }

    public static void write(Path file, List<Run> runs) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n")
                     .setHeader(HEADER.split(",")).get())) {
            for (Run r : runs) {
                for (int i = 0; i < r.truth().size(); i++) p.printRecord(r.model(), r.run(), i, r.truth().get(i), r.predicted().get(i));
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The runs of a file, in file order. */
    public static List<Run> read(Path file) throws IOException {
        Map<String, List<String>[]> byRun = new LinkedHashMap<>();
        try (var r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r);
            if (!parser.getHeaderNames().equals(List.of(HEADER.split(",")))) {
                throw new IOException(file + ": not a predictions file: header " + parser.getHeaderNames() + ", expected " + HEADER);
            }
            for (CSVRecord c : parser) {
                @SuppressWarnings("unchecked")
                List<String>[] lists = byRun.computeIfAbsent(c.get(0) + "\u0000" + c.get(1),
                        k -> new List[] {new ArrayList<String>(), new ArrayList<String>()});
                lists[0].add(c.get(3));
                lists[1].add(c.get(4));
            }
        }
        List<Run> out = new ArrayList<>();
        byRun.forEach((k, v) -> {
            String[] key = k.split("\u0000");
            out.add(new Run(key[0], Integer.parseInt(key[1]), v[0], v[1]));
        });
        return out;
    }
}
