package org.genrelab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.genrelab.results.ResultRow;
import org.genrelab.results.ResultsCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class ResultTablesTest {

    private static ResultRow row(String model, String metric, double value, double std, int runs, String device) {
        return new ResultRow("part2", model, metric, value, std, runs, 12.5, device, "study-embeddings");
    }

    @Test
    void wideTableHasOneLinePerModelAndAColumnPerMetric(@TempDir Path dir) throws Exception {
        List<ResultRow> rows = List.of(
                row("lstm", "macro_f1", 0.533, 0.008, 5, "cpu"),
                row("lstm", "accuracy", 0.5378, 0.0061, 5, "cpu"),
                row("cnn", "macro_f1", 0.5342, 0, 1, "cpu"),
                row("cnn", "macro_auc", 0.86, 0, 1, "gpu"),
                row("cnn", "tracks", 800, 0, 1, "gpu"));
        Path f = dir.resolve("r.csv");
        ResultsCsv.write(f, rows);
        Table t = ResultTables.wide("t", ResultsCsv.read(f));
        assertEquals(List.of("experiment", "model", "macro-F1 (%)", "accuracy (%)", "macro AUC", "tracks", "runs",
                "wall time (s)", "device", "dataset"), t.columnNames());
        assertEquals(2, t.rowCount());
        assertEquals("lstm", t.stringColumn("model").get(0));
        assertEquals("53.30 ± 0.80", t.stringColumn("macro-F1 (%)").get(0), "fractions shown in percent, two decimals");
        assertEquals("53.78 ± 0.61", t.stringColumn("accuracy (%)").get(0));
        assertEquals("", t.stringColumn("macro AUC").get(0), "a metric the model lacks is left empty");
        assertEquals("0.860", t.stringColumn("macro AUC").get(1), "an AUC to three significant digits");
        assertEquals("53.42", t.stringColumn("macro-F1 (%)").get(1));
        assertEquals("800", t.stringColumn("tracks").get(1));
        assertEquals(5, t.intColumn("runs").get(0));
        assertEquals("cpu; gpu", t.stringColumn("device").get(1));
        assertEquals(12.5, t.doubleColumn("wall time (s)").get(1), 0);
    }

    @Test
    void aMetricTwiceForOneModelIsRefused() {
        List<ResultRow> rows = List.of(row("lstm", "macro_f1", 0.5, 0, 1, "cpu"), row("lstm", "macro_f1", 0.6, 0, 1, "cpu"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResultTables.wide("t", rows));
        assertEquals("two rows for part2 / lstm / macro_f1", e.getMessage());
    }
}
