package org.genrelab.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The tidy results file {@code report/results/<notebook>.csv}: one row per (experiment, model,
 * metric) with columns {@value ResultRow#HEADER}. Written atomically (temporary file, then move), so
 * a crash never leaves half a file; a notebook writes it with {@link #write(RunParameters, String, List, Object)},
 * which puts the {@link RunRecord} of the run beside it.
 */
public final class ResultsCsv {

    private ResultsCsv() {
    }

    /**
     * Writes a notebook's results file ({@link RunParameters#resultsFile}) and beside it the record of the run
     * that produced it ({@link RunRecord}: commit, machine, parameters, {@code settings.toString()}). The old
     * record goes first, so a crash in between leaves results without a record, never with another run's.
     * The notebook's run journal ({@link RunParameters#runJournal}) has served its purpose then and is removed.
     *
     * @return the results file
     */
    public static Path write(RunParameters params, String notebook, List<ResultRow> rows, Object settings) throws IOException {
        Path file = params.resultsFile(notebook);
        RunRecord record = RunRecord.of(params, notebook, settings);
        Files.deleteIfExists(RunRecord.fileFor(file));
        write(file, rows);
        record.write(RunRecord.fileFor(file));
        Path journal = params.runJournal(notebook);
        if (Files.isDirectory(journal)) {
            try (var files = Files.walk(journal)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
            }
        }
        return file;
    }

    /** Writes the rows to {@code file} (no run record: see {@link #write(RunParameters, String, List, Object)}). */
    public static void write(Path file, List<ResultRow> rows) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n")
                     .setHeader(ResultRow.HEADER.split(",")).get())) {
            for (ResultRow r : rows) {
                p.printRecord(r.experiment(), r.model(), r.metric(), num(r.value()), num(r.std()), r.runs(),
                        num(r.seconds()), r.device(), r.dataset());
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static List<ResultRow> read(Path file) throws IOException {
        List<ResultRow> out = new ArrayList<>();
        try (var r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r);
            if (!parser.getHeaderNames().equals(List.of(ResultRow.HEADER.split(",")))) {
                throw new IOException(file + ": not a results file: header " + parser.getHeaderNames()
                        + ", expected " + ResultRow.HEADER);
            }
            for (CSVRecord c : parser) {
                out.add(new ResultRow(c.get(0), c.get(1), c.get(2), parse(c.get(3)), parse(c.get(4)),
                        Integer.parseInt(c.get(5)), parse(c.get(6)), c.get(7), c.get(8)));
            }
        }
        return out;
    }

    /** The rows as a Tablesaw table with the CSV's columns. */
    public static Table toTable(String name, List<ResultRow> rows) {
        return Table.create(name,
                StringColumn.create("experiment", rows.stream().map(ResultRow::experiment)),
                StringColumn.create("model", rows.stream().map(ResultRow::model)),
                StringColumn.create("metric", rows.stream().map(ResultRow::metric)),
                DoubleColumn.create("value", rows.stream().mapToDouble(ResultRow::value)),
                DoubleColumn.create("std", rows.stream().mapToDouble(ResultRow::std)),
                IntColumn.create("runs", rows.stream().mapToInt(ResultRow::runs).toArray()),
                DoubleColumn.create("seconds", rows.stream().mapToDouble(ResultRow::seconds)),
                StringColumn.create("device", rows.stream().map(ResultRow::device)),
                StringColumn.create("dataset", rows.stream().map(ResultRow::dataset)));
    }

    /**
     * The rows as one line per (experiment, model), in order of first appearance, with a column per
     * metric (in order of first appearance) holding {@code value} or {@code value ± std}, then runs, the
     * wall time, device and dataset. A metric a model lacks is an empty cell; differing devices or
     * datasets within one line are joined with "; ". Headers are a reader's ({@link #metricHeader}): macro-F1 and
     * accuracies in percent with two decimals. The CSV keeps the long form and the fractions; this is for reading.
     */
    public static Table toWideTable(String name, List<ResultRow> rows) {
        java.util.LinkedHashMap<List<String>, java.util.LinkedHashMap<String, ResultRow>> lines = new java.util.LinkedHashMap<>();
        java.util.LinkedHashSet<String> metrics = new java.util.LinkedHashSet<>();
        for (ResultRow r : rows) {
            metrics.add(r.metric());
            var line = lines.computeIfAbsent(List.of(r.experiment(), r.model()), k -> new java.util.LinkedHashMap<>());
            if (line.putIfAbsent(r.metric(), r) != null) {
                throw new IllegalArgumentException("two rows for " + r.experiment() + " / " + r.model() + " / " + r.metric());
            }
        }
        StringColumn experiment = StringColumn.create("experiment");
        StringColumn model = StringColumn.create("model");
        java.util.Map<String, StringColumn> cells = new java.util.LinkedHashMap<>();
        for (String m : metrics) cells.put(m, StringColumn.create(metricHeader(m)));
        IntColumn runs = IntColumn.create("runs");
        DoubleColumn seconds = DoubleColumn.create("wall time (s)");
        StringColumn device = StringColumn.create("device");
        StringColumn dataset = StringColumn.create("dataset");
        for (var e : lines.entrySet()) {
            experiment.append(e.getKey().get(0));
            model.append(e.getKey().get(1));
            for (String m : metrics) {
                ResultRow r = e.getValue().get(m);
                double scale = PERCENT_METRICS.contains(m) ? 100 : 1;
                cells.get(m).append(r == null ? "" : cell(scale * r.value(), scale * r.std()));
            }
            var rs = e.getValue().values();
            runs.append(rs.stream().mapToInt(ResultRow::runs).max().orElse(0));
            seconds.append(rs.iterator().next().seconds());
            device.append(String.join("; ", rs.stream().map(ResultRow::device).distinct().toList()));
            dataset.append(String.join("; ", rs.stream().map(ResultRow::dataset).distinct().toList()));
        }
        Table t = Table.create(name, experiment, model);
        cells.values().forEach(t::addColumns);
        return t.addColumns(runs, seconds, device, dataset);
    }

    /** Metrics kept as fractions in the CSV and shown in percent. */
    static final java.util.Set<String> PERCENT_METRICS = java.util.Set.of("macro_f1", "accuracy", ResultRow.VAL_ACCURACY);

    /** A metric's column header: "macro-F1 (%)", "accuracy (%)", "macro AUC", "training (s)"; others with spaces for "_". */
    static String metricHeader(String metric) {
        return switch (metric) {
            case "macro_f1" -> "macro-F1 (%)";
            case "accuracy" -> "accuracy (%)";
            case ResultRow.VAL_ACCURACY -> "validation accuracy (%)";
            case "macro_auc" -> "macro AUC";
            case "train_seconds" -> "training (s)";
            case "predict_seconds" -> "prediction (s)";
            default -> metric.replace('_', ' ');
        };
    }

    /** A value as {@link HtmlTables#format} writes it, then ± std when there is one. */
    static String cell(double value, double std) {
        String v = HtmlTables.format(value);
        if (!(std > 0)) return v;
        return v + " ± " + (Math.abs(value) >= 1 ? String.format(Locale.ROOT, "%.2f", std) : HtmlTables.format(std));
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    private static double parse(String s) {
        return s.isBlank() ? Double.NaN : Double.parseDouble(s);
    }
}
