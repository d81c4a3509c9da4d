package org.genrelab.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.genrelab.data.Split;
import org.genrelab.data.StudyEmbeddings;
import org.genrelab.results.ResultRow;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Tables that describe a loaded dataset: usable tracks per genre and split, frame counts, exclusions. */
public final class DatasetTables {

    private DatasetTables() {
    }

    /** Usable tracks: one row per genre plus a total row; columns training, validation, test, total. */
    public static Table countsByGenreAndSplit(StudyEmbeddings emb) {
        int g = emb.genres().size();
        int[][] n = new int[g + 1][Split.values().length];
        for (Split sp : Split.values()) {
            for (int y : emb.split(sp).y()) {
                n[y][sp.ordinal()]++;
                n[g][sp.ordinal()]++;
            }
        }
        StringColumn genre = StringColumn.create("genre");
        emb.genres().forEach(genre::append);
        genre.append("total");
        Table t = Table.create("Usable tracks per genre and split", genre);
        for (Split sp : Split.values()) {
            IntColumn c = IntColumn.create(sp.fmaName());
            for (int[] row : n) c.append(row[sp.ordinal()]);
            t.addColumns(c);
        }
        IntColumn total = IntColumn.create("total");
        for (int[] row : n) total.append(row[0] + row[1] + row[2]);
        return t.addColumns(total);
    }

    /** The usable-track counts as tidy result rows (metric {@code usable_<split>}, plus {@code excluded}). */
    public static List<ResultRow> resultRows(StudyEmbeddings emb, String dataset) {
        List<ResultRow> rows = new ArrayList<>();
        for (Split sp : Split.values()) {
            rows.add(new ResultRow("dataset", "study-embeddings", "usable_" + sp.fmaName(), emb.split(sp).size(), 0, 1,
                    Double.NaN, "-", dataset));
        }
        rows.add(new ResultRow("dataset", "study-embeddings", "excluded", emb.exclusions().size(), 0, 1, Double.NaN, "-", dataset));
        return rows;
    }

    /** How many embedding files have each number of frames. */
    public static Table frameCountHistogram(StudyEmbeddings emb) {
        Map<Integer, Integer> h = new TreeMap<>();
        emb.frameCounts().values().forEach(f -> h.merge(f, 1, Integer::sum));
        return Table.create("Frames per embedding file",
                IntColumn.create("frames", h.keySet().stream().mapToInt(Integer::intValue).toArray()),
                IntColumn.create("files", h.values().stream().mapToInt(Integer::intValue).toArray()));
    }

    /** Every excluded track with its split and reason. */
    public static Table exclusions(StudyEmbeddings emb) {
        return Table.create("Tracks left out",
                LongColumn.create("track_id", emb.exclusions().stream().mapToLong(StudyEmbeddings.Exclusion::trackId).toArray()),
                StringColumn.create("split", emb.exclusions().stream().map(e -> e.split().fmaName())),
                StringColumn.create("reason", emb.exclusions().stream().map(StudyEmbeddings.Exclusion::reason)));
    }

    /** How often each value occurs, one row per distinct value (sorted, numerically when all are integers). */
    public static Table counts(String title, String column, List<String> values) {
        boolean numeric = values.stream().allMatch(v -> v.matches("-?\\d+"));
        Map<String, Integer> m = new TreeMap<>(numeric ? Comparator.comparingLong(Long::parseLong)
                : Comparator.<String>naturalOrder());
        for (String v : values) m.merge(v, 1, Integer::sum);
        return Table.create(title, StringColumn.create(column, m.keySet()),
                IntColumn.create("tracks", m.values().stream().mapToInt(Integer::intValue).toArray()));
    }

    /** Items that failed, with their reasons. */
    public static Table failures(String title, List<String> ids, List<String> reasons) {
        if (ids.size() != reasons.size()) throw new IllegalArgumentException(ids.size() + " ids but " + reasons.size() + " reasons");
        return Table.create(title, StringColumn.create("id", ids), StringColumn.create("reason", reasons));
    }
}
