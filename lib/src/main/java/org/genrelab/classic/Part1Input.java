package org.genrelab.classic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.genrelab.data.FmaTracks;
import org.genrelab.data.Split;
import org.genrelab.data.SyntheticCorpus;
import org.genrelab.features.FmaFeatureLayout;
import org.genrelab.features.FmaFeatures;
import org.genrelab.results.RunParameters;

/**
 * Part 1's feature table as notebook 02 reads it: FMA's published features when
 * {@code GENRELAB_FMA_FEATURES} names a file (labelled from the data folder's tracks file), else the
 * features notebook 01 computed from Part 1's audio ({@code GENRELAB_AUDIO}, or the synthetic corpus).
 *
 * @param table     the labelled table, every column the source has
 * @param published FMA's published features and what reading them found, or {@code null} for the computed ones
 * @param source    where the features came from, in words
 */
public record Part1Input(FeatureTable table, FmaPublishedFeatures published, String source) {

    /** Reads the input the parameters name (the synthetic corpus is generated into the cache if need be). */
    public static Part1Input of(RunParameters params) throws IOException {
        if (params.fmaFeatures() != null) {
            Path tracks = FmaTracks.find(params.data());
            FmaPublishedFeatures p = FmaPublishedFeatures.read(params.fmaFeatures(), FmaTracks.load(tracks));
            return new Part1Input(p.table(), p, "FMA's published features " + params.fmaFeatures()
                    + " (GENRELAB_FMA_FEATURES), labelled from " + tracks);
        }
        Path tracksCsv = SyntheticCorpus.audioOrDefault(params.audio(), params.cache(), params.threads());
        Path featuresCsv = FmaFeatures.tableFor(params.cache(), tracksCsv);
        FeatureTable t = FeatureTable.readFmaCsv(featuresCsv).withLabels(FmaTracks.load(tracksCsv));
        return new Part1Input(t, null, "features computed by 01-features from the audio of " + tracksCsv
                + " (" + featuresCsv + ")");
    }

    /** Whether the table is FMA's published features. */
    public boolean isPublished() {
        return published != null;
    }

    /**
     * The study's feature set: every one of {@link FeatureTable#STUDY_FEATURES} for computed features (an
     * error names any missing); those the file has for FMA's published features.
     */
    public FeatureTable studyFeatureSet() {
        return published != null ? published.studyFeatureSet() : table.studyFeatureSet();
    }

    /** FMA's feature groups: all 518 columns for computed features; those the file has for published ones. */
    public FeatureTable fmaFeatureSet() {
        return published != null ? published.fmaFeatureSet()
                : table.selectFeatures(List.copyOf(FmaFeatureLayout.FEATURE_SIZES.keySet()));
    }

    /** A title for the study's feature set, naming what it holds. */
    public String studyFeaturesTitle() {
        if (published == null) return "The study's features (MFCC, Tonnetz, tempo, harmonic and percussive power)";
        FmaPublishedFeatures.Report r = published.report();
        return "The study's features in " + r.file() + " (" + String.join(", ", r.studyFeatures())
                + (r.absentStudyFeatures().isEmpty() ? "" : "; absent: " + String.join(", ", r.absentStudyFeatures())) + ")";
    }

    /** A title for FMA's feature groups: all 518 for computed features, else the groups the file has. */
    public String fmaFeaturesTitle() {
        if (published == null) return "All 518 FMA features";
        StringBuilder g = new StringBuilder();
        published.report().columnsPerFeature().forEach((f, n) -> {
            if (FmaFeatureLayout.FEATURE_SIZES.containsKey(f)) g.append(g.isEmpty() ? "" : ", ").append(f);
        });
        return "FMA's feature groups in " + published.report().file() + " (" + g + ")";
    }

    /** What the notebook prints: the source, the table's size and, for published features, the reader's report. */
    public List<String> lines() {
        List<String> l = new ArrayList<>();
        l.add("Part 1's input: " + source);
        l.add(table.size() + " labelled tracks, " + table.columns().size() + " columns, genres " + table.genreNames());
        if (published != null) l.addAll(published.report().lines());
        fewTracks().ifPresent(l::add);
        return l;
    }

    /** Below this many tracks the notebook says that its figures show the pipeline, not the models. */
    public static final int FEW_TRACKS = 50;

    /**
     * For a table of fewer than {@link #FEW_TRACKS} tracks (e.g. the ten real clips of {@code fma-sample/}), what its
     * figures can and cannot say: every model still trains, on a handful of clips, and is tested on fewer.
     */
    public Optional<String> fewTracks() {
        int n = table.size();
        if (n >= FEW_TRACKS) return Optional.empty();
        long officialTest = Arrays.stream(table.splits()).filter(sp -> sp == Split.TEST).count();
        return Optional.of(String.format(Locale.ROOT, "Only %d tracks: every model below runs, but a "
                + "stratified 75/25 split tests it on about %d of them and the official split on %d, so each figure shows "
                + "that the pipeline works on this audio, not how well a model does (one clip moves the score by tens of "
                + "points). The study's protocol needs FMA-small's 8 000 tracks.", n, Math.round(n * StudyProtocol.TEST_FRACTION),
                officialTest));
    }

    @Override
    public String toString() {
        return String.join("\n", lines());
    }
}
