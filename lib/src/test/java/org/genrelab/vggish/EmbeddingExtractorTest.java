package org.genrelab.vggish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.genrelab.SharedData;
import org.genrelab.data.AudioCollection;
import org.genrelab.data.FmaTracks;
import org.genrelab.data.Npy;
import org.genrelab.data.NpyArray;
import org.genrelab.data.StudyEmbeddings;
import org.genrelab.deep.DeviceChoice;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Embeddings of a small FMA-layout folder with the oracle's VGGish-shaped network: the values equal the
 * block run on librosa/VGGish's own reference examples of the same clip (an independent front end), the
 * folder reads back as study embeddings, a rerun redoes nothing, a lost file is redone byte for byte, and
 * failures are listed with their reason.
 */
class EmbeddingExtractorTest {

    static final int[] SMALL_CONV = {8, 16, 32, 32, 64, 64};
    static final int[] SMALL_FC = {512, 512, 128};

    @TempDir
    static Path dir;
    static Path tracksCsv;
    static VggishWeights small;

    @BeforeAll
    static void fmaFolder() throws Exception {
        Path clips = SharedData.oracle().resolve("clips");
        tracksCsv = dir.resolve("tracks.csv");
        Files.writeString(tracksCsv, "subset,split,track_id,genre_top,genres\n"
                + "small,training,2,Rock,[12]\nsmall,validation,5,Pop,[10]\nsmall,test,10,Folk,[17]\nsmall,training,11,Rock,[12]\n");
        copy(clips.resolve("sine440_30s.mp3"), 2);
        copy(clips.resolve("synth_song_30s.mp3"), 5);
        copy(clips.resolve("chord_cmaj_30s.mp3"), 10);
        Path bad = AudioCollection.fmaPath(dir.resolve("audio"), 11);
        Files.write(bad, new byte[] {1, 2, 3, 4, 5}); // not audio
        small = VggishWeights.pretrained(SharedData.oracle().resolve("vggish-net/vggish_small.pth"));
    }

    private static void copy(Path clip, long id) throws Exception {
        Path to = AudioCollection.fmaPath(dir.resolve("audio"), id);
        Files.createDirectories(to.getParent());
        Files.copy(clip, to);
    }

    @Test
    void embedsResumesAndReadsBackAsStudyEmbeddings() throws Exception {
        Path out = dir.resolve("emb");
        List<AudioCollection.Item> items = AudioCollection.tracksCsv(tracksCsv, "small");
        EmbeddingExtractor x = new EmbeddingExtractor(small, null, SMALL_CONV, SMALL_FC, 2);
        EmbeddingExtractor.Result r = x.run(items, out, d -> { });
        assertEquals(3, r.written());
        assertEquals(1, r.failed().size());
        assertEquals("11", r.failed().get(0).id());
        assertTrue(r.failed().get(0).reason().startsWith("CORRUPT"), r.failed().get(0).reason());

        // the same block on the oracle's reference examples of the clip (VGGish's own front end)
        NpyArray examples = Npy.read(SharedData.oracle().resolve("vggish/sine440_30s_mp3/examples.npy"));
        int n = examples.shape()[0];
        float[][] expected;
        try (NDManager m = NDManager.newBaseManager(DeviceChoice.device(), DeviceChoice.ENGINE)) {
            expected = new VggishBlock(SMALL_CONV, SMALL_FC, false).loadStateDict(m, small.stateDict())
                    .embed(m, examples.toFloats(), n);
        }
        NpyArray got = Npy.read(out.resolve("embeddings/2.npy"));
        assertEquals("<f4", got.dtype());
        assertArrayEquals(new int[] {n, 128}, got.shape());
        double maxAbs = 0;
        double maxDiff = 0;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 128; c++) {
                maxAbs = Math.max(maxAbs, Math.abs(expected[i][c]));
                maxDiff = Math.max(maxDiff, Math.abs(expected[i][c] - got.data()[i * 128 + c]));
            }
        }
        assertTrue(maxDiff <= 1e-4 * maxAbs, "max difference " + maxDiff + " of max " + maxAbs);

        StudyEmbeddings e = StudyEmbeddings.load(out, FmaTracks.load(tracksCsv));
        assertEquals(1, e.train().size());
        assertEquals(1, e.validation().size());
        assertEquals(1, e.test().size());
        assertEquals(2L, e.train().ids()[0]);

        byte[] before = Files.readAllBytes(out.resolve("embeddings/5.npy"));
        EmbeddingExtractor.Result again = x.run(items, out, d -> { });
        assertEquals(0, again.written());
        assertEquals(3, again.reused());
        assertEquals(1, again.failedFromCache());
        assertEquals(4, again.found());
        Files.delete(out.resolve("embeddings/5.npy"));
        EmbeddingExtractor.Result redo = x.run(items, out, d -> { });
        assertEquals(1, redo.written());
        assertArrayEquals(before, Files.readAllBytes(out.resolve("embeddings/5.npy")));
        assertTrue(Files.readString(out.resolve("failures.csv")).contains("11,"));

        EmbeddingExtractor other = new EmbeddingExtractor(VggishWeights.standIn(SMALL_CONV, SMALL_FC, 1), null, SMALL_CONV,
                SMALL_FC, 1);
        assertThrows(IllegalStateException.class, () -> other.run(items, out, d -> { }));
    }

    /**
     * A folder's unreadable entries (a broken link, a folder named like an MP3) are failures with their reasons in
     * the result and failures.csv, counted apart, and not remembered in failed/: the next run looks again.
     */
    @Test
    void unreadableInputsAreListedWithTheirReasonsAndCounted(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(SharedData.oracle().resolve("clips/sine1k_2s.wav"), in.resolve("sine.wav"));
        Files.createSymbolicLink(in.resolve("link.mp3"), tmp.resolve("nowhere.mp3"));
        Files.createDirectories(in.resolve("folder.mp3"));
        Path out = tmp.resolve("emb");
        EmbeddingExtractor x = new EmbeddingExtractor(small, null, SMALL_CONV, SMALL_FC, 1);
        EmbeddingExtractor.Result r = x.run(AudioCollection.folder(in), out, d -> { });
        assertEquals(3, r.found());
        assertEquals(1, r.written());
        assertEquals(2, r.unreadable());
        assertEquals(0, r.failedFromCache());
        assertEquals(List.of("folder.mp3", "link.mp3"), r.failed().stream().map(EmbeddingExtractor.Failure::id).toList());
        assertEquals("UNREADABLE: a directory, not an audio file", r.failed().get(0).reason());
        assertEquals("UNREADABLE: a broken symbolic link: its target " + tmp.resolve("nowhere.mp3") + " does not exist",
                r.failed().get(1).reason());
        String csv = Files.readString(out.resolve("failures.csv"));
        assertTrue(csv.contains("link.mp3,") && csv.contains("folder.mp3,"), csv);
        try (var files = Files.list(out.resolve("failed"))) {
            assertEquals(0, files.count(), "unreadable inputs are not remembered");
        }
        EmbeddingExtractor.Result again = x.run(AudioCollection.folder(in), out, d -> { });
        assertEquals(List.of(3, 0, 1, 2, 0), List.of(again.found(), again.written(), again.reused(), again.unreadable(),
                again.failedFromCache()));
    }

    @Test
    void aNonFiniteEmbeddingIsRefusedAndNothingIsWrittenForItsTrack() throws Exception {
        VggishWeights good = VggishWeights.standIn(SMALL_CONV, SMALL_FC, 3);
        java.util.Map<String, org.genrelab.vggish.TorchTensor> sd = new java.util.LinkedHashMap<>(good.stateDict());
        float[] bias = new float[SMALL_FC[2]];
        bias[5] = Float.NaN;
        sd.put("embeddings.4.bias", new TorchTensor("FloatStorage", new long[] {bias.length}, bias));
        VggishWeights broken = new VggishWeights(good.description(), false, null, "seed:3-nan", sd);
        Path out = dir.resolve("emb-nan");
        List<AudioCollection.Item> items = AudioCollection.tracksCsv(tracksCsv, "small");
        var e = assertThrows(IllegalStateException.class,
                () -> new EmbeddingExtractor(broken, null, SMALL_CONV, SMALL_FC, 1).run(items, out, d -> { }));
        assertTrue(e.getMessage().startsWith("VGGish returned NaN for track 2 (frame 0, dimension 5)"), e.getMessage());
        try (var files = Files.list(out.resolve("embeddings"))) {
            assertEquals(0, files.count(), "no embedding file for the refused track");
        }
        try (var files = Files.list(out.resolve("failed"))) {
            assertEquals(0, files.filter(f -> f.getFileName().toString().startsWith("2.")).count(), "not listed as failed: a rerun retries it");
        }
    }

    @Test
    void standInIsFixedAndLabelled() throws Exception {
        VggishWeights a = VggishWeights.standIn(SMALL_CONV, SMALL_FC, 7);
        VggishWeights b = VggishWeights.standIn(SMALL_CONV, SMALL_FC, 7);
        assertFalse(a.pretrained());
        assertTrue(a.description().startsWith("STAND-IN"));
        for (String k : a.stateDict().keySet()) assertArrayEquals(a.stateDict().get(k).data(), b.stateDict().get(k).data(), k);
        assertFalse(java.util.Arrays.equals(a.stateDict().get("features.0.weight").data(),
                VggishWeights.standIn(SMALL_CONV, SMALL_FC, 8).stateDict().get("features.0.weight").data()));
        // its tensors fit the block (shapes and keys checked by loadStateDict)
        try (NDManager m = NDManager.newBaseManager(DeviceChoice.device(), DeviceChoice.ENGINE)) {
            new VggishBlock(SMALL_CONV, SMALL_FC, false).loadStateDict(m, a.stateDict());
        }
        assertTrue(EmbeddingExtractor.fullSize(a, null, 1).configJson().contains("\"pretrained\": false"));
    }

    @Test
    void badWeightsAreClearErrors() throws Exception {
        assertThrows(java.nio.file.NoSuchFileException.class, () -> VggishWeights.pretrained(dir.resolve("none.pth")));
        Path junk = dir.resolve("junk.pth");
        Files.writeString(junk, "not a checkpoint");
        var e = assertThrows(java.io.IOException.class, () -> VggishWeights.pretrained(junk));
        assertTrue(e.getMessage().contains("not a readable PyTorch checkpoint"), e.getMessage());
        // the small network's weights do not fit the full-size block: the error names the key
        var wrong = assertThrows(IllegalArgumentException.class, () -> {
            try (NDManager m = NDManager.newBaseManager(DeviceChoice.device(), DeviceChoice.ENGINE)) {
                new VggishBlock(VggishBlock.FULL_CONV_CHANNELS, VggishBlock.FULL_FC, false).loadStateDict(m, small.stateDict());
            }
        });
        assertTrue(wrong.getMessage().contains("features.0.weight"), wrong.getMessage());
    }

    @Test
    void noEmbeddedTrackIsAClearErrorNotAnEmptyMapsException() {
        var failed = new EmbeddingExtractor.Result(dir.resolve("out"), 1, 0, 0, List.of(
                new EmbeddingExtractor.Failure("11", dir.resolve("11.mp3"), "undecodable: not an MP3\n")), 0, 0, 1.0);
        var e = assertThrows(IllegalStateException.class, () -> EmbeddingExtractor.firstEmbedded(new java.util.TreeMap<>(), failed));
        assertTrue(e.getMessage().startsWith("No track could be embedded into " + dir.resolve("out")), e.getMessage());
        assertTrue(e.getMessage().contains("1 track(s) failed, e.g. 11 (undecodable: not an MP3)"), e.getMessage());
        var none = new EmbeddingExtractor.Result(dir.resolve("out"), 0, 0, 0, List.of(), 0, 0, 0.1);
        assertTrue(assertThrows(IllegalStateException.class, () -> EmbeddingExtractor.firstEmbedded(new java.util.TreeMap<>(), none))
                .getMessage().contains("no track was given"));
        assertEquals("000002", EmbeddingExtractor.firstEmbedded(new java.util.TreeMap<>(java.util.Map.of("000005", 31, "000002", 31)), none));
    }
}
