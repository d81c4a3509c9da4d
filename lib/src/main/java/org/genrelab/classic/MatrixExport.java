package org.genrelab.classic;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.genrelab.features.FmaFeatureCsv;

/**
 * Writes the exact matrices of a {@link TrainTestSplit} — standardised, in row order — as
 * {@code train.csv} and {@code test.csv}, so the same experiment can be re-run in another toolkit, and
 * reads such a file back. Columns: {@code track_id,label,genre}, then one per feature named
 * {@code feature:statistics:number}; values are printed round-trip exact ({@link Double#toString}).
 */
public final class MatrixExport {

    private MatrixExport() {
    }

    /** Writes {@code folder/train.csv} and {@code folder/test.csv}; returns the two paths. */
    public static List<Path> write(TrainTestSplit s, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path train = folder.resolve("train.csv");
        Path test = folder.resolve("test.csv");
        write(train, s.columns(), s.idsTrain(), s.yTrain(), s.classes(), s.xTrain());
        write(test, s.columns(), s.idsTest(), s.yTest(), s.classes(), s.xTest());
        return List.of(train, test);
    }

    /** One exported file read back: track ids, labels, genre names by label, and the matrix, in row order. */
    public record Rows(List<String> ids, int[] y, List<String> classes, double[][] x) {
    }

    /**
     * Reads a file {@link #write} wrote. A row with another number of cells than the header, a label that
     * is not a whole number from 0, a label given two genre names, or a value that is not a number is an
     * error naming the file and line.
     */
    public static Rows read(Path f) throws IOException {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).startsWith("track_id,label,genre")) {
            throw new IllegalArgumentException(f + ": not an exported matrix (the header must start with track_id,label,genre)");
        }
        int width = lines.get(0).split(",", -1).length;
        List<String> ids = new ArrayList<>();
        List<double[]> x = new ArrayList<>();
        int[] y = new int[lines.size() - 1];
        Map<Integer, String> names = new TreeMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] c = lines.get(i).split(",", -1);
            String at = f + " line " + (i + 1);
            if (c.length != width) throw new IllegalArgumentException(at + ": " + c.length + " cells, the header has " + width);
            try {
                y[i - 1] = Integer.parseInt(c[1]);
                double[] r = new double[width - 3];
                for (int j = 3; j < width; j++) r[j - 3] = Double.parseDouble(c[j]);
                x.add(r);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(at + ": not a number (" + e.getMessage() + ")");
            }
            if (y[i - 1] < 0) throw new IllegalArgumentException(at + ": label " + y[i - 1] + " is negative");
            String known = names.putIfAbsent(y[i - 1], c[2]);
            if (known != null && !known.equals(c[2])) {
                throw new IllegalArgumentException(at + ": label " + y[i - 1] + " is " + c[2] + " here, " + known + " above");
            }
            ids.add(c[0]);
        }
        List<String> classes = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            if (!names.containsKey(k)) throw new IllegalArgumentException(f + ": no row has label " + k + " (labels must be 0.."
                    + (names.size() - 1) + ")");
            classes.add(names.get(k));
        }
        return new Rows(List.copyOf(ids), y, List.copyOf(classes), x.toArray(double[][]::new));
    }

    private static void write(Path f, List<FmaFeatureCsv.Column> cols, List<String> ids, int[] y, List<String> classes,
                              double[][] x) throws IOException {
        try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            StringBuilder sb = new StringBuilder("track_id,label,genre");
            for (FmaFeatureCsv.Column c : cols) sb.append(',').append(c.feature()).append(':').append(c.statistics()).append(':').append(c.number());
            w.write(sb.append('\n').toString());
            for (int i = 0; i < x.length; i++) {
                sb.setLength(0);
                sb.append(ids.get(i)).append(',').append(y[i]).append(',').append(classes.get(y[i]));
                for (double v : x[i]) sb.append(',').append(v);
                w.write(sb.append('\n').toString());
            }
        }
    }
}
