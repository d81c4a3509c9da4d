package org.genrelab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Gathers the results files of several notebooks into one table beside the study's numbers: one row
 * per model with our test macro-F1 (percent, mean and std over runs), accuracy, and the study's F1
 * for the model family its name starts with.
 */
public final class Part2Summary {

    private Part2Summary() {
    }

    public static Table table(RunParameters params, Map<String, Double> study, List<String> notebooks) throws IOException {
        StringColumn model = StringColumn.create("model");
        DoubleColumn ours = DoubleColumn.create("ours");
        DoubleColumn std = DoubleColumn.create("std");
        IntColumn runs = IntColumn.create("runs");
        DoubleColumn acc = DoubleColumn.create("accuracy");
        DoubleColumn ref = DoubleColumn.create("study");
        StringColumn device = StringColumn.create("device");
        List<String> missing = new ArrayList<>();
        for (String nb : notebooks) {
            var f = params.resultsFile(nb);
            if (!Files.exists(f)) {
                missing.add(nb);
                continue;
            }
            List<ResultRow> rows = ResultsCsv.read(f);
            for (ResultRow r : rows) {
                if (!r.metric().equals("macro_f1")) continue;
                model.append(r.model());
                ours.append(100 * r.value());
                std.append(100 * r.std());
                runs.append(r.runs());
                acc.append(rows.stream().filter(a -> a.model().equals(r.model()) && a.metric().equals("accuracy"))
                        .mapToDouble(a -> 100 * a.value()).findFirst().orElse(Double.NaN));
                String family = study.keySet().stream()
                        .filter(k -> r.model().toLowerCase(Locale.ROOT).startsWith(k)).findFirst().orElse(null);
                ref.append(family == null ? Double.NaN : study.get(family));
                device.append(r.device());
            }
        }
        if (model.size() == 0) {
            throw new IllegalStateException("no results yet: run the notebooks " + notebooks + " first (missing: " + missing + ")");
        }
        return Table.create("Test macro-F1 (%): ours and the study's", model, ours, std, runs, acc, ref, device);
    }
}
