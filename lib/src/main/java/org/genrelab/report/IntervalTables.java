package org.genrelab.report;

import java.util.ArrayList;
import java.util.List;
import org.genrelab.eval.TestSetBootstrap;
import org.genrelab.eval.TestSetIntervals;
import org.genrelab.eval.TestSetIntervals.Row;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** {@link TestSetIntervals}' rows as a reader sees them: a table in percent and a chart of the intervals. */
public final class IntervalTables {

    private static final double LEVEL = TestSetIntervals.LEVEL;

    private IntervalTables() {
    }

    /** The rows as a table (percent); the differences are to the reference the rows were made with. */
    public static Table table(String title, List<Row> rows) {
        String lvl = Math.round(100 * LEVEL) + "%";
        return Table.create(title,
                StringColumn.create("model", rows.stream().map(Row::model)),
                IntColumn.create("runs", rows.stream().mapToInt(Row::runs).toArray()),
                DoubleColumn.create("macro-F1", rows.stream().mapToDouble(r -> 100 * r.macroF1().estimate())),
                DoubleColumn.create(lvl + " low", rows.stream().mapToDouble(r -> 100 * r.macroF1().lower())),
                DoubleColumn.create(lvl + " high", rows.stream().mapToDouble(r -> 100 * r.macroF1().upper())),
                DoubleColumn.create("difference", rows.stream().mapToDouble(r -> 100 * r.difference().estimate())),
                DoubleColumn.create("difference " + lvl + " low", rows.stream().mapToDouble(r -> 100 * r.difference().lower())),
                DoubleColumn.create("difference " + lvl + " high", rows.stream().mapToDouble(r -> 100 * r.difference().upper())),
                DoubleColumn.create("reference higher (% of resamples)", rows.stream().mapToDouble(r -> 100 * r.higherShare())));
    }

    /** Each model's interval as a horizontal bar through its estimate, the first model at the top. */
    public static XYChart chart(String title, List<Row> rows) {
        List<String> names = rows.stream().map(Row::model).toList();
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            TestSetBootstrap.Interval v = rows.get(i).macroF1();
            xs.add(new double[] {100 * v.lower(), 100 * v.estimate(), 100 * v.upper()});
            double at = rows.size() - i;
            ys.add(new double[] {at, at, at});
        }
        return Charts.intervals(title, "test macro-F1 (%), " + Math.round(100 * LEVEL) + "% bootstrap interval", names, xs, ys);
    }

}
