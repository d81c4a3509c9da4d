package org.genrelab.report;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.genrelab.tune.TrialRecord;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Tables of a hyperparameter search's trials: why they ended, and the best ones. */
public final class SearchTables {

    private SearchTables() {
    }

    /** Trials per end reason ({@code asha@<rung>}, patience, max-t, ...), with their mean epochs, in reason order. */
    public static <C> Table stoppedBy(List<TrialRecord<C>> trials) {
        Map<String, int[]> by = new TreeMap<>(Comparator.comparing(SearchTables::reasonOrder).thenComparing(s -> s));
        for (TrialRecord<C> t : trials) {
            int[] a = by.computeIfAbsent(t.stoppedBy(), k -> new int[2]);
            a[0]++;
            a[1] += t.stoppedAt();
        }
        StringColumn reason = StringColumn.create("ended by");
        IntColumn count = IntColumn.create("trials");
        DoubleColumn epochs = DoubleColumn.create("mean epochs");
        by.forEach((k, v) -> {
            reason.append(k);
            count.append(v[0]);
            epochs.append(v[1] / (double) v[0]);
        });
        return Table.create("How the " + trials.size() + " trials ended", reason, count, epochs);
    }

    /** The {@code n} trials with the best validation metric (ties: lower id first). */
    public static <C> Table top(String title, List<TrialRecord<C>> trials, int n) {
        List<TrialRecord<C>> best = trials.stream().filter(t -> !t.curve().isEmpty())
                .sorted(Comparator.comparingDouble((TrialRecord<C> t) -> -t.bestMetric()).thenComparingInt(TrialRecord::id))
                .limit(n).toList();
        return Table.create(title,
                IntColumn.create("trial", best.stream().mapToInt(TrialRecord::id).toArray()),
                StringColumn.create("configuration", best.stream().map(t -> String.valueOf(t.config()))),
                IntColumn.create("epochs", best.stream().mapToInt(TrialRecord::stoppedAt).toArray()),
                StringColumn.create("ended by", best.stream().map(TrialRecord::stoppedBy)),
                DoubleColumn.create("best validation", best.stream().mapToDouble(TrialRecord::bestMetric)));
    }

    private static int reasonOrder(String reason) {
        if (reason.startsWith("asha@")) return Integer.parseInt(reason.substring(5));
        return switch (reason) {
            case "patience" -> 10_000;
            case "max-t" -> 10_001;
            case "max-epochs" -> 10_002;
            default -> 10_003;
        };
    }
}
