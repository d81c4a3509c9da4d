package org.genrelab.features;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a feature table in FMA's {@code features.csv} layout: three header rows ({@code feature},
 * {@code statistics}, {@code number}), a {@code track_id} row, then one row per track, values as
 * {@code %.10e} (FMA's float32 values printed as pandas does). The file appears whole or not at all.
 */
public final class FeatureCsvWriter {

    private FeatureCsvWriter() {
    }

    /** Writes rows (track id → values in column order) in the map's iteration order. */
    public static void write(Path file, List<FeatureColumn> columns, Map<String, float[]> rows) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = parent.resolve(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            header(w, "feature", columns.stream().map(FeatureColumn::feature).toList());
            header(w, "statistics", columns.stream().map(FeatureColumn::statistics).toList());
            header(w, "number", columns.stream().map(FeatureColumn::number).toList());
            w.write("track_id" + ",".repeat(columns.size()) + "\n");
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<String, float[]> e : rows.entrySet()) {
                float[] v = e.getValue();
                if (v.length != columns.size()) {
                    throw new IllegalArgumentException("track " + e.getKey() + ": " + v.length + " values for "
                            + columns.size() + " columns");
                }
                sb.setLength(0);
                sb.append(e.getKey());
                for (float x : v) sb.append(',').append(Float.isNaN(x) ? "" : String.format(Locale.ROOT, "%.10e", (double) x));
                sb.append('\n');
                w.write(sb.toString());
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void header(Writer w, String name, List<String> cells) throws IOException {
        w.write(name);
        for (String c : cells) w.write("," + c);
        w.write("\n");
    }
}
