package org.genrelab.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.genrelab.data.AudioCollection;
import org.genrelab.deep.DeviceChoice;
import org.genrelab.vggish.EmbeddingExtractor;
import org.genrelab.vggish.VggishWeights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code embed --spark} on {@code local[2]} against the local extractor: the same {@code embeddings/<id>.npy}, split
 * files and failures.csv, byte for byte, with the oracle's small VGGish-shaped network (pretrained checkpoint) over an
 * FMA-layout folder with a corrupt track; the local run's network on two PyTorch threads as {@code ./genrelab embed}
 * runs it, the tasks' on one each.
 */
class SparkEmbedJobTest {

    static final int[] SMALL_CONV = {8, 16, 32, 32, 64, 64};
    static final int[] SMALL_FC = {512, 512, 128};

    @Test
    void writesTheLocalExtractorsFilesByteForByte(@TempDir Path dir) throws Exception {
        Path clips = TestCorpus.clips();
        Path tracksCsv = dir.resolve("tracks.csv");
        Files.writeString(tracksCsv, "subset,split,track_id,genre_top,genres\n" + "small,training,2,Rock,[12]\n"
                + "small,validation,5,Pop,[10]\nsmall,test,10,Folk,[17]\nsmall,training,11,Rock,[12]\nsmall,training,12,Rock,[12]\n");
        copy(clips.resolve("sine440_30s.mp3"), dir, 2);
        copy(clips.resolve("synth_song_30s.mp3"), dir, 5);
        copy(clips.resolve("chord_cmaj_30s.mp3"), dir, 10);
        copy(clips.resolve("synth_song_30s_48k.mp3"), dir, 12);
        Path bad = AudioCollection.fmaPath(dir.resolve("audio"), 11);
        Files.write(bad, new byte[] {1, 2, 3, 4, 5});
        Path pth = clips.getParent().resolve("vggish-net/vggish_small.pth");
        List<AudioCollection.Item> items = AudioCollection.tracksCsv(tracksCsv, "small");

        var recipe = new EmbeddingExtractor.Recipe(pth.toString(), VggishWeights.sha256(pth), null, SMALL_CONV, SMALL_FC);
        EmbeddingExtractor local = recipe.build(2);
        DeviceChoice.setTorchThreadsOfThisThread(2);
        EmbeddingExtractor.Result l = local.run(items, dir.resolve("local"), n -> { });
        assertEquals(4, l.written());

        EmbeddingExtractor x = recipe.build(1);
        EmbeddingExtractor.Plan plan = x.plan(items, dir.resolve("spark"));
        int written = new SparkJobs().embeddings("local[2]", recipe, plan, n -> { });
        EmbeddingExtractor.Result s = x.finish(plan, written);
        assertEquals(4, s.written());
        assertEquals(1, s.failed().size());
        assertTrue(s.failed().get(0).reason().startsWith("CORRUPT"), s.failed().get(0).reason());

        List<String> files = relativeFiles(dir.resolve("local"));
        assertEquals(files, relativeFiles(dir.resolve("spark")));
        assertTrue(files.containsAll(List.of("embeddings/2.npy", "embeddings/12.npy", "train.npy", "val.npy", "test.npy",
                "failures.csv", "embeddings.json")), files.toString());
        for (String f : files) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("local").resolve(f)), Files.readAllBytes(dir.resolve("spark").resolve(f)), f);
        }

        EmbeddingExtractor.Plan again = x.plan(items, dir.resolve("spark"));
        assertEquals(0, new SparkJobs().embeddings("local[2]", recipe, again, n -> { }), "a rerun embeds nothing");
        assertEquals(4, again.reused());
    }

    private static void copy(Path clip, Path dir, long id) throws Exception {
        Path to = AudioCollection.fmaPath(dir.resolve("audio"), id);
        Files.createDirectories(to.getParent());
        Files.copy(clip, to);
    }

    private static List<String> relativeFiles(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }
}
