package org.genrelab.data;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.genrelab.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** data/fetch-study-embeddings.sh's check: the digests it pins are those of the study's files, and a changed copy fails. */
class FetchStudyEmbeddingsTest {

    static String[] verify(Path dir) throws Exception {
        Process p = new ProcessBuilder(List.of("bash", SharedData.repo().resolve("data/fetch-study-embeddings.sh").toString(),
                "--verify", dir.toString())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new String[] {Integer.toString(p.exitValue()), out};
    }

    @Test
    void theSharedCopyOfTheStudysDataMatchesThePinnedDigests() throws Exception {
        String[] r = verify(SharedData.data());
        assertEquals("0", r[0], r[1]);
        assertTrue(r[1].contains("study-embeddings: digest ok") && r[1].contains("fma_small_tracks.csv: checksum ok"), r[1]);
    }

    @Test
    void aCopyWithAFileMissingOrChangedFails(@TempDir Path dir) throws Exception {
        Path src = SharedData.studyEmbeddings();
        Files.createDirectories(dir.resolve("study-embeddings/embeddings"));
        for (String s : List.of("train.npy", "val.npy", "test.npy")) Files.copy(src.resolve(s), dir.resolve("study-embeddings").resolve(s));
        Files.copy(SharedData.data().resolve("fma_small_tracks.csv"), dir.resolve("fma_small_tracks.csv"));
        // the split lists without the embeddings
        String[] r = verify(dir);
        assertEquals("1", r[0], r[1]);
        assertTrue(r[1].contains("missing, extra or changed files") && r[1].contains("fma_small_tracks.csv: checksum ok"), r[1]);
        Files.writeString(dir.resolve("fma_small_tracks.csv"), "changed\n", java.nio.file.StandardOpenOption.APPEND);
        assertTrue(verify(dir)[1].contains("fma_small_tracks.csv: missing or checksum mismatch"));
    }
}
