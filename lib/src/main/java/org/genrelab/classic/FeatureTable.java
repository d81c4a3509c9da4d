package org.genrelab.classic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import org.genrelab.data.FmaTrack;
import org.genrelab.data.FmaTracks;
import org.genrelab.data.Split;
import org.genrelab.data.StudyEmbeddings;
import org.genrelab.features.FmaFeatureCsv;

/**
 * A feature table in memory: one row per track (id, genre label, FMA split) and named columns, the
 * (feature, statistics, number) triples of FMA's {@code features.csv}. It is what every classical
 * model of Part 1 trains on, whatever made it (the feature extractor, FMA's published file, or the
 * study's embeddings summarised per track).
 *
 * <p>Labels and splits may be absent ({@code null}) until {@link #withLabels(FmaTracks)} joins them;
 * {@link #validate()} refuses a table that cannot be trained on, naming the problem.
 */
public final class FeatureTable {

    /** The study's hand-crafted feature set: MFCC and Tonnetz (7 statistics each), tempo, harmonic and percussive power. */
    public static final List<String> STUDY_FEATURES = List.of("mfcc", "tonnetz", "tempo", "harmonic_power",
            "percussive_power");

    private final String source;
    private final List<String> trackIds;
    private final List<FmaFeatureCsv.Column> columns;
    private final double[][] values;
    private final String[] genres;
    private final Split[] splits;

    /**
     * @param source   where the table came from, used in error messages (a file name, "study embeddings")
     * @param trackIds one id per row
     * @param columns  one triple per column
     * @param values   {@code values[row][column]}
     * @param genres   genre label per row, or {@code null} (entries may be {@code null})
     * @param splits   FMA split per row, or {@code null} (entries may be {@code null})
     */
    public FeatureTable(String source, List<String> trackIds, List<FmaFeatureCsv.Column> columns, double[][] values,
                        String[] genres, Split[] splits) {
        this.source = source;
        this.trackIds = List.copyOf(trackIds);
        this.columns = List.copyOf(columns);
        this.values = values;
        this.genres = genres != null ? genres : new String[trackIds.size()];
        this.splits = splits != null ? splits : new Split[trackIds.size()];
        if (values.length != trackIds.size() || this.genres.length != trackIds.size()
                || this.splits.length != trackIds.size()) {
            throw new IllegalArgumentException(source + ": " + trackIds.size() + " track ids but " + values.length
                    + " rows, " + this.genres.length + " labels, " + this.splits.length + " splits");
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != columns.size()) {
                throw new IllegalArgumentException(source + ": track " + trackIds.get(i) + " has " + values[i].length
                        + " values for " + columns.size() + " columns");
            }
        }
    }

    /**
     * Reads FMA's {@code features.csv} layout: header rows {@code feature}, {@code statistics},
     * {@code number}, a {@code track_id} row, then one row per track; an empty cell is NaN. Labels are
     * not in the file: join them with {@link #withLabels(FmaTracks)}.
     */
    public static FeatureTable readFmaCsv(Path csv) throws IOException {
        FmaFeatureCsv t = FmaFeatureCsv.read(csv);
        List<String> ids = t.rowIds();
        double[][] rows = ids.stream().map(t::row).toArray(double[][]::new);
        return new FeatureTable(csv.getFileName().toString(), ids, t.columns(), rows, null, null);
    }

    /**
     * The study's embeddings summarised per track: the mean and the population standard deviation of
     * each of the 128 VGGish dimensions over the track's frames (256 columns, {@code vggish/mean/001..128}
     * then {@code vggish/std/...}), labelled with the genre and FMA split of every split.
     */
    public static FeatureTable ofEmbeddings(StudyEmbeddings embeddings) {
        List<FmaFeatureCsv.Column> cols = new ArrayList<>();
        for (String stat : List.of("mean", "std")) {
            for (int d = 1; d <= StudyEmbeddings.WIDTH; d++) cols.add(new FmaFeatureCsv.Column("vggish", stat, String.format("%03d", d)));
        }
        List<String> ids = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<String> genres = new ArrayList<>();
        List<Split> splits = new ArrayList<>();
        for (Split sp : Split.values()) {
            StudyEmbeddings.SplitData s = embeddings.split(sp);
            for (int i = 0; i < s.size(); i++) {
                float[][] x = s.x()[i];
                double[] v = new double[2 * StudyEmbeddings.WIDTH];
                for (int d = 0; d < StudyEmbeddings.WIDTH; d++) {
                    double mean = 0;
                    for (float[] f : x) mean += f[d];
                    mean /= x.length;
                    double var = 0;
                    for (float[] f : x) var += (f[d] - mean) * (f[d] - mean);
                    v[d] = mean;
                    v[StudyEmbeddings.WIDTH + d] = Math.sqrt(var / x.length);
                }
                ids.add(Long.toString(s.ids()[i]));
                rows.add(v);
                genres.add(embeddings.genres().get(s.y()[i]));
                splits.add(sp);
            }
        }
        return new FeatureTable("study embeddings " + embeddings.folder(), ids, cols, rows.toArray(double[][]::new),
                genres.toArray(String[]::new), splits.toArray(Split[]::new));
    }

    /**
     * Joins genre labels and FMA splits from a tracks file by integer track id. Rows whose track has no
     * top-level genre (FMA's full features.csv holds every track) are left out.
     *
     * @throws IllegalArgumentException if a track id is not an integer
     */
    public FeatureTable withLabels(FmaTracks tracks) {
        List<Integer> keep = new ArrayList<>();
        List<String> g = new ArrayList<>();
        List<Split> s = new ArrayList<>();
        for (int i = 0; i < trackIds.size(); i++) {
            long id;
            try {
                id = Long.parseLong(trackIds.get(i));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + ": track id '" + trackIds.get(i)
                        + "' is not an FMA track number, cannot join labels from " + tracks.source());
            }
            FmaTrack t = tracks.get(id).orElse(null);
            if (t != null && t.genreTop() != null) {
                keep.add(i);
                g.add(t.genreTop());
                s.add(t.split());
            }
        }
        return rows(keep, g.toArray(String[]::new), s.toArray(Split[]::new));
    }

    private FeatureTable rows(List<Integer> keep, String[] g, Split[] s) {
        List<String> ids = new ArrayList<>();
        double[][] v = new double[keep.size()][];
        for (int k = 0; k < keep.size(); k++) {
            ids.add(trackIds.get(keep.get(k)));
            v[k] = values[keep.get(k)];
        }
        return new FeatureTable(source, ids, columns, v, g, s);
    }

    /** The first {@code n} rows of each genre, in table order: a small table for quick runs. */
    public FeatureTable headPerGenre(int n) {
        TreeMap<String, Integer> count = new TreeMap<>();
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < trackIds.size(); i++) {
            if (count.merge(String.valueOf(genres[i]), 1, Integer::sum) <= n) keep.add(i);
        }
        String[] g = keep.stream().map(i -> genres[i]).toArray(String[]::new);
        Split[] s = keep.stream().map(i -> splits[i]).toArray(Split[]::new);
        return rows(keep, g, s);
    }

    /**
     * The columns whose feature name is one of {@code features}, in table order.
     *
     * @throws IllegalArgumentException naming every requested feature the table lacks
     */
    public FeatureTable selectFeatures(List<String> features) {
        Set<String> missing = new LinkedHashSet<>(features);
        List<Integer> idx = new ArrayList<>();
        for (int j = 0; j < columns.size(); j++) {
            if (features.contains(columns.get(j).feature())) {
                idx.add(j);
                missing.remove(columns.get(j).feature());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(source + ": missing column(s) for feature(s) " + missing
                    + " (the table has " + columns.stream().map(FmaFeatureCsv.Column::feature).distinct().toList() + ")");
        }
        List<FmaFeatureCsv.Column> cols = idx.stream().map(columns::get).toList();
        double[][] v = new double[values.length][idx.size()];
        for (int i = 0; i < values.length; i++) {
            for (int k = 0; k < idx.size(); k++) v[i][k] = values[i][idx.get(k)];
        }
        return new FeatureTable(source, trackIds, cols, v, genres, splits);
    }

    /** The study's feature set ({@link #STUDY_FEATURES}): MFCC, Tonnetz, tempo, harmonic and percussive power. */
    public FeatureTable studyFeatureSet() {
        return selectFeatures(STUDY_FEATURES);
    }

    /**
     * Checks the table can be trained on: at least one row and column, every value finite, every row
     * labelled, at least two genres and at least two tracks of each.
     *
     * @throws IllegalArgumentException naming the source and the first problem (track, column, genre)
     */
    public FeatureTable validate() {
        if (trackIds.isEmpty() || columns.isEmpty()) {
            throw new IllegalArgumentException(source + ": empty feature table (" + trackIds.size() + " rows, "
                    + columns.size() + " columns)");
        }
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < columns.size(); j++) {
                double x = values[i][j];
                if (!Double.isFinite(x)) {
                    throw new IllegalArgumentException(source + ": track " + trackIds.get(i) + ", column "
                            + columns.get(j) + " is " + (Double.isNaN(x) ? "NaN (missing)" : "infinite")
                            + "; drop or impute such tracks before training");
                }
            }
            if (genres[i] == null) {
                throw new IllegalArgumentException(source + ": track " + trackIds.get(i) + " has no genre label");
            }
        }
        TreeMap<String, Integer> count = new TreeMap<>();
        for (String g : genres) count.merge(g, 1, Integer::sum);
        if (count.size() < 2) throw new IllegalArgumentException(source + ": only one genre " + count.keySet());
        count.forEach((g, n) -> {
            if (n < 2) {
                throw new IllegalArgumentException(source + ": genre '" + g + "' has " + n
                        + " track; every genre needs at least two for a stratified split");
            }
        });
        return this;
    }

    /** Where the table came from (for messages). */
    public String source() {
        return source;
    }

    public List<String> trackIds() {
        return trackIds;
    }

    public List<FmaFeatureCsv.Column> columns() {
        return columns;
    }

    /** The values, {@code [row][column]} (not copied). */
    public double[][] values() {
        return values;
    }

    /** Genre label per row (entries may be {@code null} before {@link #withLabels}). */
    public String[] genres() {
        return genres.clone();
    }

    /** FMA split per row (entries may be {@code null}). */
    public Split[] splits() {
        return splits.clone();
    }

    /** The sorted distinct genre names: class {@code k} of the models is {@code genreNames().get(k)}. */
    public List<String> genreNames() {
        return Arrays.stream(genres).filter(g -> g != null).distinct().sorted().toList();
    }

    /** Class index of each row into {@link #genreNames()}. */
    public int[] labels() {
        List<String> names = genreNames();
        int[] y = new int[genres.length];
        for (int i = 0; i < y.length; i++) {
            if (genres[i] == null) throw new IllegalArgumentException(source + ": track " + trackIds.get(i) + " has no genre label");
            y[i] = names.indexOf(genres[i]);
        }
        return y;
    }

    public int size() {
        return trackIds.size();
    }
}
