package org.genrelab.classic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.genrelab.data.FmaTracks;
import org.genrelab.data.Split;
import org.genrelab.features.FeatureStatistics;
import org.genrelab.features.FmaFeatureCsv;
import org.genrelab.features.FmaFeatureLayout;

/**
 * FMA's published {@code features.csv} (from {@code fma_metadata.zip}: librosa 0.5.0's 518 features of
 * every FMA track), or a slice of it holding some of its feature groups, read for Part 1's models and
 * labelled from an FMA tracks file. The file is read by {@link FeatureTable#readFmaCsv} (FMA's layout,
 * {@link FmaFeatureCsv}); the labels are joined as {@link FeatureTable#withLabels} joins them.
 *
 * <p>Nothing is dropped silently: the {@link Report} names the study's features the file lacks (FMA's file
 * has MFCC and Tonnetz, not the study's tempo and harmonic/percussive powers), the blank rows and the
 * incomplete ones by track id, and the rows the tracks file gives no genre. The library prints nothing: a
 * notebook prints the report. Files that cannot be used are errors naming the problem: a feature group
 * with some of its columns missing, a features file and a tracks file that share no track.
 */
public final class FmaPublishedFeatures {

    /** How many track ids a report line lists before "… and N more". */
    public static final int IDS_SHOWN = 20;

    /**
     * What reading the file found.
     *
     * @param file                the features file's name
     * @param labels              the tracks file's name
     * @param rows                rows of the file (tracks)
     * @param columnsPerFeature   the file's feature groups, in column order, with their number of columns
     * @param studyFeatures       the study's features ({@link FeatureTable#STUDY_FEATURES}) the file has
     * @param absentStudyFeatures the study's features the file has no column for
     * @param blankRows           track ids of rows with every value empty (left out)
     * @param incompleteRows      track ids of rows with some values empty (left out)
     * @param unlabelled          track ids of rows the tracks file has no genre for (left out)
     * @param labelledNotInFile   labelled tracks of the tracks file that have no row in the features file
     * @param genres              usable tracks per genre
     * @param splits              usable tracks per FMA split
     */
    public record Report(String file, String labels, int rows, Map<String, Integer> columnsPerFeature,
                         List<String> studyFeatures, List<String> absentStudyFeatures, List<String> blankRows,
                         List<String> incompleteRows, List<String> unlabelled, int labelledNotInFile,
                         Map<String, Integer> genres, Map<Split, Integer> splits) {

        /** The number of columns of the file. */
        public int columns() {
            return columnsPerFeature.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** Tracks left to train and test on: labelled, with every value present. */
        public int usable() {
            return genres.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** The report as lines of text, every track left out named by id (the first {@link #IDS_SHOWN} of a long list). */
        public List<String> lines() {
            List<String> l = new ArrayList<>();
            StringBuilder groups = new StringBuilder();
            columnsPerFeature.forEach((f, n) -> groups.append(groups.isEmpty() ? "" : ", ").append(f).append(' ').append(n));
            l.add("FMA features file " + file + ": " + rows + " rows, " + columns() + " columns (" + groups + ")");
            l.add("the study's features it has: " + (studyFeatures.isEmpty() ? "none" : String.join(", ", studyFeatures))
                    + "; absent from it: " + (absentStudyFeatures.isEmpty() ? "none" : String.join(", ", absentStudyFeatures)));
            l.add("blank rows (every value empty), left out: " + ids(blankRows));
            l.add("incomplete rows (some values empty), left out: " + ids(incompleteRows));
            l.add("rows without a genre in " + labels + ", left out: " + ids(unlabelled));
            StringBuilder g = new StringBuilder();
            genres.forEach((k, v) -> g.append(g.isEmpty() ? "" : ", ").append(k).append(' ').append(v));
            StringBuilder s = new StringBuilder();
            splits.forEach((k, v) -> s.append(s.isEmpty() ? "" : ", ").append(k.fmaName()).append(' ').append(v));
            l.add("usable: " + usable() + " tracks (" + g + "; " + s + ")");
            if (labelledNotInFile > 0) l.add(labelledNotInFile + " labelled track(s) of " + labels + " have no row in the file");
            return l;
        }

        @Override
        public String toString() {
            return String.join("\n", lines());
        }
    }

    private final FeatureTable table;
    private final Report report;

    private FmaPublishedFeatures(FeatureTable table, Report report) {
        this.table = table;
        this.report = report;
    }

    /**
     * Reads an FMA-layout features file and labels its rows from {@code tracks}.
     *
     * @throws IOException              if the file is not in FMA's layout, or one of its feature groups lacks
     *                                  some of FMA's columns (every group holds 7 statistics × its numbers)
     * @throws IllegalArgumentException if the features file and the tracks file share no track, or no shared
     *                                  track has every value
     */
    public static FmaPublishedFeatures read(Path csv, FmaTracks tracks) throws IOException {
        FeatureTable raw = FeatureTable.readFmaCsv(csv);
        String file = csv.getFileName().toString();
        String labels = tracks.source().getFileName().toString();
        checkGroups(file, raw.columns());
        List<String> blank = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        double[][] v = raw.values();
        for (int i = 0; i < v.length; i++) {
            int missing = 0;
            for (double x : v[i]) if (Double.isNaN(x)) missing++;
            if (missing == v[i].length) blank.add(raw.trackIds().get(i));
            else if (missing > 0) incomplete.add(raw.trackIds().get(i));
        }
        List<String> unlabelled = raw.unlabelled(tracks);
        if (unlabelled.size() == raw.size()) {
            throw new IllegalArgumentException(file + " and " + labels + " share no track: none of the " + raw.size()
                    + " track ids of " + file + " (" + ids(raw.trackIds()) + ") has a genre in " + labels + ", which labels "
                    + tracks.byId().values().stream().filter(t -> t.genreTop() != null).count()
                    + " tracks; are they of the same dataset?");
        }
        Set<String> drop = new HashSet<>(blank);
        drop.addAll(incomplete);
        drop.addAll(unlabelled);
        FeatureTable usable = raw.withoutTracks(drop).withLabels(tracks);
        if (usable.size() == 0) {
            throw new IllegalArgumentException(file + ": none of the " + (raw.size() - unlabelled.size())
                    + " tracks labelled by " + labels + " has every value (blank rows " + ids(blank) + ", incomplete rows "
                    + ids(incomplete) + ")");
        }
        Set<String> inFile = new HashSet<>(raw.trackIds());
        int labelledNotInFile = (int) tracks.byId().values().stream()
                .filter(t -> t.genreTop() != null && !inFile.contains(Long.toString(t.trackId()))).count();
        Map<String, Integer> perFeature = new LinkedHashMap<>();
        for (FmaFeatureCsv.Column c : raw.columns()) perFeature.merge(c.feature(), 1, Integer::sum);
        Map<String, Integer> genres = new TreeMap<>();
        for (String g : usable.genres()) genres.merge(g, 1, Integer::sum);
        Map<Split, Integer> splits = new EnumMap<>(Split.class);
        for (Split s : usable.splits()) splits.merge(s, 1, Integer::sum);
        List<String> absent = raw.absentFeatures(FeatureTable.STUDY_FEATURES);
        List<String> present = FeatureTable.STUDY_FEATURES.stream().filter(f -> !absent.contains(f)).toList();
        Report r = new Report(file, labels, raw.size(), Collections.unmodifiableMap(perFeature), present,
                absent, List.copyOf(blank), List.copyOf(incomplete), List.copyOf(unlabelled), labelledNotInFile,
                Collections.unmodifiableMap(genres), Collections.unmodifiableMap(splits));
        return new FmaPublishedFeatures(usable, r);
    }

    /**
     * Every feature group of FMA's layout present in the file must be whole: its 7 statistics × its numbers
     * ({@link FmaFeatureLayout#FEATURE_SIZES}); groups FMA does not have (the study's tempo) are taken as they are.
     */
    private static void checkGroups(String file, List<FmaFeatureCsv.Column> columns) throws IOException {
        Set<FmaFeatureCsv.Column> have = new HashSet<>(columns);
        Set<String> features = new LinkedHashSet<>();
        for (FmaFeatureCsv.Column c : columns) features.add(c.feature());
        List<String> problems = new ArrayList<>();
        for (String f : features) {
            Integer n = FmaFeatureLayout.FEATURE_SIZES.get(f);
            if (n == null) continue;
            List<String> missing = new ArrayList<>();
            for (String st : FeatureStatistics.STATISTICS) {
                List<String> numbers = new ArrayList<>();
                for (int k = 1; k <= n; k++) {
                    if (!have.contains(new FmaFeatureCsv.Column(f, st, FmaFeatureCsv.number(k)))) numbers.add(FmaFeatureCsv.number(k));
                }
                if (numbers.size() == n) missing.add(st);
                else if (!numbers.isEmpty()) missing.add(st + " " + numbers);
            }
            if (!missing.isEmpty()) {
                problems.add(f + " lacks " + String.join(", ", missing) + " (FMA's features.csv has " + n
                        + " number(s) × the 7 statistics " + FeatureStatistics.STATISTICS + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new IOException(file + ": incomplete feature group(s): " + String.join("; ", problems)
                    + ". A file may hold any of FMA's feature groups, each one whole.");
        }
    }

    /** At most {@link #IDS_SHOWN} ids, then how many more; "none" for an empty list. */
    static String ids(List<String> ids) {
        if (ids.isEmpty()) return "none";
        String head = String.join(", ", ids.subList(0, Math.min(IDS_SHOWN, ids.size())));
        return String.format(Locale.ROOT, "%d — track%s %s%s", ids.size(), ids.size() == 1 ? "" : "s", head,
                ids.size() > IDS_SHOWN ? " … and " + (ids.size() - IDS_SHOWN) + " more" : "");
    }

    /** The usable tracks (labelled, every value present) with every column of the file, genres and FMA splits joined. */
    public FeatureTable table() {
        return table;
    }

    /** The study's features the file has ({@link Report#studyFeatures()}); the report names the absent ones. */
    public FeatureTable studyFeatureSet() {
        return table.selectAvailable(FeatureTable.STUDY_FEATURES);
    }

    /** FMA's feature groups ({@link FmaFeatureLayout#FEATURE_SIZES}) the file has: all 518 columns for FMA's full file. */
    public FeatureTable fmaFeatureSet() {
        return table.selectAvailable(List.copyOf(FmaFeatureLayout.FEATURE_SIZES.keySet()));
    }

    /** What reading found. */
    public Report report() {
        return report;
    }
}
