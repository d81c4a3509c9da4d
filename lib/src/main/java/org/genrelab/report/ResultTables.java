package org.genrelab.report;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.genrelab.results.ResultRow;
import org.genrelab.results.ResultsCsv;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Result rows as a reader's table: one line per model, a column per metric, percentages where they read better. */
public final class ResultTables {

    private ResultTables() {
    }

    /**
     * The rows as one line per (experiment, model), in order of first appearance, with a column per
     * metric (in order of first appearance) holding {@code value} or {@code value ± std}, then runs, the
     * wall time, device and dataset. A metric a model lacks is an empty cell; differing devices or
     * datasets within one line are joined with "; ". Headers are a reader's ({@link #metricHeader}): macro-F1 and
     * accuracies in percent with two decimals. The results CSV ({@link ResultsCsv}) keeps the long form and the fractions; this is for reading.
     */
    public static Table wide(String name, List<ResultRow> rows) {
        LinkedHashMap<List<String>, LinkedHashMap<String, ResultRow>> lines = new LinkedHashMap<>();
        LinkedHashSet<String> metrics = new LinkedHashSet<>();
        for (ResultRow r : rows) {
            metrics.add(r.metric());
            var line = lines.computeIfAbsent(List.of(r.experiment(), r.model()), k -> new LinkedHashMap<>());
            if (line.putIfAbsent(r.metric(), r) != null) {
                throw new IllegalArgumentException("two rows for " + r.experiment() + " / " + r.model() + " / " + r.metric());
            }
        }
        StringColumn experiment = StringColumn.create("experiment");
        StringColumn model = StringColumn.create("model");
        Map<String, StringColumn> cells = new LinkedHashMap<>();
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
    static final Set<String> PERCENT_METRICS = Set.of("macro_f1", "accuracy", ResultRow.VAL_ACCURACY);

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


    /** The rows as a Tablesaw table with the CSV's columns. */
    public static Table tidy(String name, List<ResultRow> rows) {
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
}
