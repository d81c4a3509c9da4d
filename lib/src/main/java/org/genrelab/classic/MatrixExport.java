package org.genrelab.classic;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.genrelab.features.FmaFeatureCsv;

/**
 * Writes the exact matrices of a {@link TrainTestSplit} — standardised, in row order — as
 * {@code train.csv} and {@code test.csv}, so the same experiment can be re-run in another toolkit.
 * Columns: {@code track_id,label,genre}, then one per feature named {@code feature:statistics:number};
 * values are printed round-trip exact ({@link Double#toString}).
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
