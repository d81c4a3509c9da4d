package org.genrelab.features;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A table in FMA's {@code features.csv} layout: three header rows {@code feature,…} (read as well when
 * it says {@code features,…}, as slices of FMA's file written by pandas do), {@code statistics,…},
 * {@code number,…} naming each column by the tuple (feature, statistics,
 * number), then a row {@code track_id,,,…}, then one row per track whose first field is the track
 * id (a clip's file name in the oracle). Values are parsed as doubles; empty or {@code nan}
 * fields are NaN. Written back with {@code %.10e} as FMA's float32 values are.
 */
public final class FmaFeatureCsv {

    /** A column key: feature name, statistic and 1-based two-digit number ({@code "01"}). */
    public record Column(String feature, String statistics, String number) implements Serializable {
        @Override
        public String toString() {
            return feature + "/" + statistics + "/" + number;
        }
    }

    private final List<Column> columns;
    private final Map<Column, Integer> index = new HashMap<>();
    private final Map<String, double[]> rows;

    /** A table of the given columns and rows (row id → values in column order); both are copied. */
    public FmaFeatureCsv(List<Column> columns, Map<String, double[]> rows) {
        this.columns = List.copyOf(columns);
        for (int i = 0; i < this.columns.size(); i++) {
            if (index.put(this.columns.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate column " + this.columns.get(i));
            }
        }
        this.rows = new LinkedHashMap<>();
        rows.forEach((id, v) -> {
            if (v.length != this.columns.size()) {
                throw new IllegalArgumentException("row " + id + " has " + v.length + " values for " + this.columns.size() + " columns");
            }
            this.rows.put(id, v.clone());
        });
    }

    /** Reads an FMA-layout CSV; errors name the file, the line and the problem. */
    public static FmaFeatureCsv read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<CSVRecord> recs = CSVFormat.DEFAULT.parse(in).getRecords();
            if (recs.size() < 3) throw new IOException(file + ": expected 3 header rows (feature, statistics, number), found " + recs.size() + " lines");
            String[] heads = {"feature", "statistics", "number"};
            for (int h = 0; h < 3; h++) {
                // pandas writes the column index's name: FMA's file says "feature", some slices of it "features"
                if (!heads[h].equals(recs.get(h).get(0)) && !(h == 0 && "features".equals(recs.get(h).get(0)))) {
                    throw new IOException(file + ": line " + (h + 1) + " should start with '" + heads[h] + "' but starts with '" + recs.get(h).get(0) + "'");
                }
                if (recs.get(h).size() != recs.get(0).size()) {
                    throw new IOException(file + ": header line " + (h + 1) + " has " + recs.get(h).size() + " fields, line 1 has " + recs.get(0).size());
                }
            }
            int nCols = recs.get(0).size() - 1;
            List<Column> cols = new ArrayList<>(nCols);
            for (int c = 1; c <= nCols; c++) cols.add(new Column(recs.get(0).get(c), recs.get(1).get(c), recs.get(2).get(c)));
            Map<String, double[]> rows = new LinkedHashMap<>();
            for (int r = 3; r < recs.size(); r++) {
                CSVRecord rec = recs.get(r);
                String id = rec.get(0);
                if (r == 3 && "track_id".equals(id)) continue;
                if (rec.size() != nCols + 1) {
                    throw new IOException(file + ": line " + (r + 1) + " (" + id + ") has " + rec.size() + " fields, expected " + (nCols + 1));
                }
                double[] v = new double[nCols];
                for (int c = 0; c < nCols; c++) {
                    String s = rec.get(c + 1).trim();
                    try {
                        v[c] = s.isEmpty() || s.equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(s);
                    } catch (NumberFormatException e) {
                        throw new IOException(file + ": line " + (r + 1) + " (" + id + "), column " + cols.get(c) + ": not a number: '" + s + "'");
                    }
                }
                if (rows.put(id, v) != null) throw new IOException(file + ": duplicate track id " + id + " at line " + (r + 1));
            }
            return new FmaFeatureCsv(cols, rows);
        }
    }

    /** Writes the table in FMA's layout ({@code %.10e}, NaN as empty as pandas writes it). */
    public void write(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            String[][] heads = {{"feature"}, {"statistics"}, {"number"}};
            for (int h = 0; h < 3; h++) {
                List<String> line = new ArrayList<>();
                line.add(heads[h][0]);
                for (Column c : columns) line.add(h == 0 ? c.feature() : h == 1 ? c.statistics() : c.number());
                p.printRecord(line);
            }
            List<String> idLine = new ArrayList<>(Collections.nCopies(columns.size() + 1, ""));
            idLine.set(0, "track_id");
            p.printRecord(idLine);
            for (Map.Entry<String, double[]> e : rows.entrySet()) {
                List<String> line = new ArrayList<>(columns.size() + 1);
                line.add(e.getKey());
                for (double v : e.getValue()) line.add(Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.10e", v));
                p.printRecord(line);
            }
        }
    }

    /** The columns in file order. */
    public List<Column> columns() {
        return columns;
    }

    /** Row ids (track ids) in file order. */
    public List<String> rowIds() {
        return List.copyOf(rows.keySet());
    }

    /** All values of a row in column order (a copy). */
    public double[] row(String id) {
        double[] v = rows.get(id);
        if (v == null) throw new IllegalArgumentException("no row '" + id + "'; rows are " + rows.keySet());
        return v.clone();
    }

    /** The value at (row, feature, statistics, number). */
    public double value(String id, String feature, String statistics, String number) {
        Integer c = index.get(new Column(feature, statistics, number));
        if (c == null) throw new IllegalArgumentException("no column (" + feature + ", " + statistics + ", " + number + ")");
        return row(id)[c];
    }

    /** The values of one statistic of a feature over its numbers 01, 02, … in order. */
    public double[] values(String id, String feature, String statistics) {
        double[] all = row(id);
        List<Double> v = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            Column col = columns.get(c);
            if (col.feature().equals(feature) && col.statistics().equals(statistics)) v.add(all[c]);
        }
        if (v.isEmpty()) throw new IllegalArgumentException("no columns for feature " + feature + ", statistics " + statistics);
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * FMA's column order for features with the given number of rows each (e.g. mfcc → 20):
     * the tuples (feature, statistics, number) sorted lexicographically, statistics from
     * {@link FeatureStatistics#STATISTICS}.
     */
    public static List<Column> columns(Map<String, Integer> rowsPerFeature) {
        List<Column> cols = new ArrayList<>();
        rowsPerFeature.forEach((feature, n) -> {
            for (String st : FeatureStatistics.STATISTICS) {
                for (int i = 1; i <= n; i++) cols.add(new Column(feature, st, number(i)));
            }
        });
        cols.sort(Comparator.comparing(Column::feature).thenComparing(Column::statistics).thenComparing(Column::number));
        return cols;
    }

    /**
     * One track's values in the order of {@code columns} from per-feature statistics
     * ([7][rows] as {@link FeatureStatistics} returns them); a feature missing from the map is NaN.
     */
    public static double[] row(List<Column> columns, Map<String, float[][]> statistics) {
        double[] v = new double[columns.size()];
        for (int c = 0; c < v.length; c++) {
            Column col = columns.get(c);
            float[][] st = statistics.get(col.feature());
            if (st == null) {
                v[c] = Double.NaN;
                continue;
            }
            int s = FeatureStatistics.STATISTICS.indexOf(col.statistics());
            int i = Integer.parseInt(col.number()) - 1;
            if (s < 0 || i >= st[s].length) {
                throw new IllegalArgumentException("statistics of " + col.feature() + " have no " + col.statistics() + " " + col.number());
            }
            v[c] = st[s][i];
        }
        return v;
    }

    /** Column number as FMA writes it: two digits, 1-based. */
    public static String number(int oneBased) {
        return String.format(Locale.ROOT, "%02d", oneBased);
    }
}
