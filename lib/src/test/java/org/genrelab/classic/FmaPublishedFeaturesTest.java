package org.genrelab.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.genrelab.SharedData;
import org.genrelab.data.FmaTracks;
import org.genrelab.data.Split;
import org.genrelab.features.FmaFeatureCsv;
import org.genrelab.results.RunParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FMA's published features.csv read for Part 1: the real slice, FMA's layout with several groups, and bad inputs. */
class FmaPublishedFeaturesTest {

    static final Path SLICE = SharedData.data().resolve("fma-sample/fma_features_mfcc_2000.csv");

    static FmaTracks labels() throws IOException {
        return FmaTracks.load(SharedData.data().resolve("fma_small_tracks.csv"));
    }

    @Test
    void theRealSliceIsReadWithItsBlankAndUnlabelledRowsNamed() throws Exception {
        FmaPublishedFeatures f = FmaPublishedFeatures.read(SLICE, labels());
        FmaPublishedFeatures.Report r = f.report();
        assertEquals(2000, r.rows());
        assertEquals(140, r.columns());
        assertEquals(Map.of("mfcc", 140), r.columnsPerFeature());
        assertEquals(List.of("2", "5", "182", "255", "256", "368", "459", "574", "676", "690"), r.blankRows());
        assertEquals(List.of(), r.incompleteRows());
        assertEquals(List.of("108925"), r.unlabelled());
        assertEquals(List.of("mfcc"), r.studyFeatures());
        assertEquals(List.of("tonnetz", "tempo", "harmonic_power", "percussive_power"), r.absentStudyFeatures());
        assertEquals(1989, r.usable());
        assertEquals(Map.of("Hip-Hop", 997, "Rock", 992), r.genres());
        assertEquals(1989, r.splits().values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(199, r.splits().get(Split.TEST));
        // the table: the usable rows, labelled, every value finite; the study's set is the MFCC the file has
        FeatureTable t = f.table();
        assertEquals(1989, t.size());
        assertFalse(t.trackIds().contains("108925") || t.trackIds().contains("2"));
        t.validate();
        assertEquals(140, f.studyFeatureSet().columns().size());
        assertEquals(140, f.fmaFeatureSet().columns().size());
        // a value of the file, read as FMA's utils.py reads it: track 108925's first cell (kurtosis of MFCC 1)
        assertEquals(13.987810135, FeatureTable.readFmaCsv(SLICE).values()[FeatureTable.readFmaCsv(SLICE).trackIds()
                .indexOf("108925")][0], 1e-12);
        String text = r.toString();
        assertTrue(text.contains("blank rows (every value empty), left out: 10 — tracks 2, 5, 182, 255, 256, 368, 459, 574, 676, 690"), text);
        assertTrue(text.contains("rows without a genre in fma_small_tracks.csv, left out: 1 — track 108925"), text);
        assertTrue(text.contains("absent from it: tonnetz, tempo, harmonic_power, percussive_power"), text);
    }

    /** An FMA-layout file of whole groups (header "feature", as FMA's own file) with the given rows. */
    static Path write(Path dir, String name, Map<String, Integer> groups, Map<String, double[]> rows) throws IOException {
        Path f = dir.resolve(name);
        new FmaFeatureCsv(FmaFeatureCsv.columns(groups), rows).write(f);
        return f;
    }

    static double[] row(int n, double v) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) r[i] = v + i * 0.01;
        return r;
    }

    @Test
    void fmasLayoutWithMfccAndTonnetzGivesTheirStudySetAndNamesIncompleteRows(@TempDir Path dir) throws Exception {
        Map<String, Integer> groups = new LinkedHashMap<>();
        groups.put("chroma_cens", 12);
        groups.put("mfcc", 20);
        groups.put("tonnetz", 6);
        int n = 7 * (12 + 20 + 6);
        Map<String, double[]> rows = new LinkedHashMap<>();
        rows.put("2", row(n, 1)); // Hip-Hop, training
        rows.put("5", row(n, 2)); // Hip-Hop, training
        rows.put("182", row(n, 3)); // Rock, test
        double[] partial = row(n, 4);
        partial[17] = Double.NaN;
        rows.put("255", partial); // Rock, training: one value empty
        rows.put("99999999", row(n, 5)); // not in the tracks file
        Path f = write(dir, "features.csv", groups, rows);
        FmaPublishedFeatures p = FmaPublishedFeatures.read(f, labels());
        FmaPublishedFeatures.Report r = p.report();
        assertEquals(List.of("255"), r.incompleteRows());
        assertEquals(List.of("99999999"), r.unlabelled());
        assertEquals(List.of(), r.blankRows());
        assertEquals(List.of("mfcc", "tonnetz"), r.studyFeatures());
        assertEquals(List.of("tempo", "harmonic_power", "percussive_power"), r.absentStudyFeatures());
        assertEquals(3, p.table().size());
        assertEquals(7 * 26, p.studyFeatureSet().columns().size());
        assertEquals(n, p.fmaFeatureSet().columns().size());
        assertTrue(r.toString().contains("incomplete rows (some values empty), left out: 1 — track 255"), r.toString());
    }

    @Test
    void aFeatureGroupMissingSomeOfItsColumnsIsAnErrorNamingThem(@TempDir Path dir) throws Exception {
        List<FmaFeatureCsv.Column> cols = new java.util.ArrayList<>(FmaFeatureCsv.columns(Map.of("mfcc", 20)));
        cols.removeIf(c -> c.statistics().equals("skew") || (c.statistics().equals("std") && c.number().equals("20")));
        Path f = dir.resolve("no-skew.csv");
        new FmaFeatureCsv(cols, Map.of("2", row(cols.size(), 1), "182", row(cols.size(), 2))).write(f);
        IOException e = assertThrows(IOException.class, () -> FmaPublishedFeatures.read(f, labels()));
        assertTrue(e.getMessage().contains("no-skew.csv: incomplete feature group(s): mfcc lacks skew, std [20]"), e.getMessage());
    }

    @Test
    void aFileWithNoneOfTheStudysFeaturesSaysSoWhenTheStudySetIsAsked(@TempDir Path dir) throws Exception {
        Path f = write(dir, "chroma.csv", Map.of("chroma_cens", 12), Map.of("2", row(84, 1), "182", row(84, 2)));
        FmaPublishedFeatures p = FmaPublishedFeatures.read(f, labels());
        assertEquals(List.of(), p.report().studyFeatures());
        assertEquals(FeatureTable.STUDY_FEATURES, p.report().absentStudyFeatures());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, p::studyFeatureSet);
        assertTrue(e.getMessage().contains("none of the feature(s) [mfcc, tonnetz, tempo, harmonic_power, percussive_power]")
                && e.getMessage().contains("[chroma_cens]"), e.getMessage());
    }

    @Test
    void aTracksFileSharingNoTrackWithTheFeaturesIsAClearError(@TempDir Path dir) throws Exception {
        Path tracks = dir.resolve("other_tracks.csv");
        Files.writeString(tracks, "subset,split,track_id,genre_top,genres\nsmall,training,1,Rock,[12]\nsmall,test,3,Pop,[10]\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FmaPublishedFeatures.read(SLICE, FmaTracks.load(tracks)));
        assertTrue(e.getMessage().contains("fma_features_mfcc_2000.csv and other_tracks.csv share no track")
                && e.getMessage().contains("2000 — tracks 2, 5, 182") && e.getMessage().contains("labels 2 tracks"), e.getMessage());
    }

    @Test
    void sharedTracksThatAreAllBlankAreAClearError(@TempDir Path dir) throws Exception {
        double[] blank = row(140, 0);
        java.util.Arrays.fill(blank, Double.NaN);
        Path f = write(dir, "blank.csv", Map.of("mfcc", 20), Map.of("2", blank, "5", blank.clone()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FmaPublishedFeatures.read(f, labels()));
        assertTrue(e.getMessage().contains("none of the 2 tracks labelled by fma_small_tracks.csv has every value"), e.getMessage());
    }

    @Test
    void notebook02sInputOptionReadsThePublishedFileLabelledFromTheDataFolder() throws Exception {
        Part1Input in = Part1Input.of(RunParameters.from(Map.of("GENRELAB_DATA", SharedData.data().toString(),
                "GENRELAB_FMA_FEATURES", SLICE.toString())));
        assertTrue(in.isPublished());
        assertEquals(1989, in.table().size());
        assertEquals(140, in.studyFeatureSet().columns().size());
        assertEquals(140, in.fmaFeatureSet().columns().size());
        assertTrue(in.studyFeaturesTitle().contains("fma_features_mfcc_2000.csv (mfcc; absent: tonnetz, tempo, harmonic_power, "
                + "percussive_power)"), in.studyFeaturesTitle());
        assertTrue(in.toString().contains("labelled from " + SharedData.data().resolve("fma_small_tracks.csv")), in.toString());
        assertTrue(in.toString().contains("track 108925"), in.toString());
    }
}
