package org.genrelab.classic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.genrelab.data.EmbeddingRepresentation;
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
     * The study's embeddings summarised per track ({@link EmbeddingRepresentation#CLIP_MEAN_STD}): the mean and
     * the population standard deviation of each of the 128 VGGish dimensions over the track's frames (256 columns,
     * {@code vggish/mean/001..128} then {@code vggish/std/...}), labelled with the genre and FMA split of every
     * split; the table's source is {@code study embeddings <folder>}.
     */
    public static FeatureTable ofEmbeddings(StudyEmbeddings embeddings) {
        return ofEmbeddings(embeddings, EmbeddingRepresentation.CLIP_MEAN_STD, "study embeddings " + embeddings.folder());
    }

    /**
     * The study's embeddings as one row per track in an {@link EmbeddingRepresentation}, one column per value
     * named by its block: for {@link EmbeddingRepresentation#CLIP_STATISTICS} 512 columns
     * {@code vggish/mean/001..128}, then {@code std}, {@code min}, {@code max}; for the flattened sequence
     * {@code vggish/frame01/001..128}, {@code frame02}, …. Labelled with the genre and FMA split of every split;
     * the table's source is {@code study-embeddings (<representation>)}.
     */
    public static FeatureTable ofEmbeddings(StudyEmbeddings embeddings, EmbeddingRepresentation representation) {
        return ofEmbeddings(embeddings, representation, "study-embeddings (" + representation.id() + ")");
    }

    private static FeatureTable ofEmbeddings(StudyEmbeddings embeddings, EmbeddingRepresentation representation,
                                             String source) {
        List<String> ids = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<String> genres = new ArrayList<>();
        List<Split> splits = new ArrayList<>();
        for (Split sp : Split.values()) {
            StudyEmbeddings.SplitData s = embeddings.split(sp);
            double[][] r = representation.rows(s);
            for (int i = 0; i < s.size(); i++) {
                ids.add(Long.toString(s.ids()[i]));
                rows.add(r[i]);
                genres.add(embeddings.genres().get(s.y()[i]));
                splits.add(sp);
            }
        }
        int width = rows.isEmpty() ? 0 : rows.get(0).length;
        List<FmaFeatureCsv.Column> cols = new ArrayList<>(width);
        for (int j = 0; j < width; j++) {
            cols.add(new FmaFeatureCsv.Column("vggish", representation.block(j / StudyEmbeddings.WIDTH),
                    String.format(Locale.ROOT, "%03d", j % StudyEmbeddings.WIDTH + 1)));
        }
        return new FeatureTable(source, ids, cols, rows.toArray(double[][]::new), genres.toArray(String[]::new),
                splits.toArray(Split[]::new));
    }

    /**
     * Joins genre labels and FMA splits from a tracks file by integer track id. Rows whose track has no
     * top-level genre (FMA's full features.csv holds every track) are left out; {@link #unlabelled} names them.
     *
     * @throws IllegalArgumentException if a track id is not an integer
     */
    public FeatureTable withLabels(FmaTracks tracks) {
        List<Integer> keep = new ArrayList<>();
        List<String> g = new ArrayList<>();
        List<Split> s = new ArrayList<>();
        for (int i = 0; i < trackIds.size(); i++) {
            FmaTrack t = labelOf(i, tracks);
            if (t != null) {
                keep.add(i);
                g.add(t.genreTop());
                s.add(t.split());
            }
        }
        return rows(keep, g.toArray(String[]::new), s.toArray(Split[]::new));
    }

    /**
     * The track ids, in table order, that {@link #withLabels(FmaTracks)} leaves out: not in the tracks
     * file, or listed there without a top-level genre.
     */
    public List<String> unlabelled(FmaTracks tracks) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < trackIds.size(); i++) if (labelOf(i, tracks) == null) out.add(trackIds.get(i));
        return out;
    }

    /** Row {@code i}'s track in the tracks file if it has a top-level genre, else {@code null}. */
    private FmaTrack labelOf(int i, FmaTracks tracks) {
        long id;
        try {
            id = Long.parseLong(trackIds.get(i));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": track id '" + trackIds.get(i)
                    + "' is not an FMA track number, cannot join labels from " + tracks.source());
        }
        FmaTrack t = tracks.get(id).orElse(null);
        return t != null && t.genreTop() != null ? t : null;
    }

    /** The table without the rows of these track ids (ids the table lacks are ignored). */
    public FeatureTable withoutTracks(Collection<String> ids) {
        Set<String> drop = new HashSet<>(ids);
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < trackIds.size(); i++) if (!drop.contains(trackIds.get(i))) keep.add(i);
        return rows(keep);
    }

    /**
     * The rows of exactly these track ids, in the order given: two tables over identical tracks in
     * identical order give identical splits.
     *
     * @throws IllegalArgumentException naming the ids the table lacks
     */
    public FeatureTable tracks(List<String> ids) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < trackIds.size(); i++) at.put(trackIds.get(i), i);
        List<String> missing = ids.stream().filter(id -> !at.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(source + ": no row for " + missing.size() + " track(s) "
                    + (missing.size() > 20 ? missing.subList(0, 20) + " …" : missing));
        }
        return rows(ids.stream().map(at::get).toList());
    }

    /** The rows {@code keep}, in that order, with their own labels and splits. */
    private FeatureTable rows(List<Integer> keep) {
        return rows(keep, keep.stream().map(i -> genres[i]).toArray(String[]::new),
                keep.stream().map(i -> splits[i]).toArray(Split[]::new));
    }

    /** The rows {@code keep}, in that order, labelled {@code g} and split {@code s}. */
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
        return rows(keep);
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

    /** The distinct feature names of the columns, in column order (e.g. {@code [mfcc, tonnetz]}). */
    public List<String> features() {
        return columns.stream().map(FmaFeatureCsv.Column::feature).distinct().toList();
    }

    /** Those of {@code features} the table has no column for, in the order given. */
    public List<String> absentFeatures(List<String> features) {
        Set<String> have = new HashSet<>(features());
        return features.stream().filter(f -> !have.contains(f)).toList();
    }

    /**
     * The columns of those of {@code features} the table has, in table order: what a file holding only
     * some of them (FMA's published features.csv has no tempo) can offer. {@link #absentFeatures} names
     * the others.
     *
     * @throws IllegalArgumentException if the table has none of them
     */
    public FeatureTable selectAvailable(List<String> features) {
        List<String> have = features.stream().filter(features()::contains).toList();
        if (have.isEmpty()) {
            throw new IllegalArgumentException(source + ": none of the feature(s) " + features
                    + " (the table has " + features() + ")");
        }
        return selectFeatures(have);
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
