package org.genrelab.features;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.genrelab.SharedData;
import org.genrelab.audio.AudioDecoder;
import org.genrelab.audio.DecodeOutcome;
import org.genrelab.audio.DecodedAudio;
import org.genrelab.data.AudioCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real FMA-small audio end to end: the ten clips of {@code fma-sample/} in FMA's folder layout, found from their
 * {@code tracks.csv}, decoded and turned into FMA's feature rows. FMA's published file leaves exactly these ten rows
 * blank; ours fill them, in its layout, on its scale.
 */
class RealFmaClipsTest {

    @Test
    void theTenRealClipsDecodeAt44kHzFor30sAndFillTheRowsFmasPublishedFileLeavesBlank(@TempDir Path dir) throws Exception {
        Path sample = SharedData.data().resolve("fma-sample");
        List<AudioCollection.Item> items = AudioCollection.tracksCsv(sample.resolve("tracks.csv"), "small");
        assertEquals(10, items.size(), "ten clips found through FMA's layout (audio/000/000002.mp3, ...)");
        for (AudioCollection.Item item : items) {
            DecodedAudio d = AudioDecoder.decodeMono(item.audio());
            assertEquals(DecodeOutcome.OK, d.outcome(), item.audio() + ": " + d.reason());
            assertEquals(44100, d.sampleRate(), item.audio().toString());
            assertEquals(30.0, d.durationSeconds(), 0.5, item.audio().toString());
        }
        Path out = dir.resolve("fma-sample-features.csv");
        var result = new FeatureExtractor(FmaFeatures.COLUMNS, new FmaFeatures(false), 2)
                .run(items.stream().map(FeatureExtractor.Track::of).toList(), out, i -> { });
        assertEquals(10, result.rows());
        assertTrue(result.failed().isEmpty(), result.failed().toString());

        FmaFeatureCsv ours = FmaFeatureCsv.read(out);
        FmaFeatureCsv fma = FmaFeatureCsv.read(sample.resolve("fma_features_mfcc_2000.csv"));
        assertEquals(140, fma.columns().size());
        for (AudioCollection.Item item : items) {
            assertTrue(Arrays.stream(fma.row(item.id())).allMatch(Double::isNaN), "FMA's own row of " + item.id() + " is blank");
            for (FmaFeatureCsv.Column c : fma.columns()) {
                assertTrue(Double.isFinite(ours.value(item.id(), c.feature(), c.statistics(), c.number())),
                        "ours fills " + item.id() + " " + c);
            }
        }
        // on FMA's scale: each coefficient's mean over a clip lies within the range FMA published for the 1 990 others
        for (int k = 1; k <= 20; k++) {
            String n = FmaFeatureCsv.number(k);
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (String id : fma.rowIds()) {
                double v = fma.value(id, "mfcc", "mean", n);
                if (Double.isNaN(v)) continue;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            for (AudioCollection.Item item : items) {
                double v = ours.value(item.id(), "mfcc", "mean", n);
                assertTrue(v >= lo && v <= hi, "mfcc mean " + n + " of " + item.id() + ": " + v + " outside FMA's [" + lo + ", " + hi + "]");
            }
        }
    }
}
