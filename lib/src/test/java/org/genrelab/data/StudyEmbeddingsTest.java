package org.genrelab.data;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.genrelab.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyEmbeddingsTest {

    static StudyEmbeddings emb;

    @BeforeAll
    static void load() throws IOException {
        emb = StudyEmbeddings.load(SharedData.studyEmbeddings(),
                FmaTracks.load(SharedData.data().resolve("fma_small_tracks.csv")));
    }

    @Test
    void usableCountsPerSplitMatchTheOfficialSplitLessShortTracks() {
        // 6396 / 800 / 800 ids (data/README), minus the three short tracks 98565, 98567, 98569 in training
        assertEquals(6393, emb.train().size());
        assertEquals(800, emb.validation().size());
        assertEquals(800, emb.test().size());
        assertEquals(8, emb.genres().size());
    }

    @Test
    void everyExclusionHasItsReason() {
        List<StudyEmbeddings.Exclusion> ex = emb.exclusions();
        assertEquals(List.of(98565L, 98567L, 98569L, 107535L),
                ex.stream().map(StudyEmbeddings.Exclusion::trackId).sorted().toList());
        assertTrue(ex.stream().filter(e -> e.trackId() == 98567).findFirst().orElseThrow().reason().contains("0 frame"));
        assertTrue(ex.stream().filter(e -> e.trackId() == 107535).findFirst().orElseThrow().reason().contains("no embedding file"));
    }

    @Test
    void labelsFollowTheTracksFile() {
        StudyEmbeddings.SplitData tr = emb.train();
        int i = Arrays.stream(tr.ids()).boxed().toList().indexOf(2L);
        assertEquals("Hip-Hop", emb.genres().get(tr.y()[i]));
        assertEquals(-0.60501015f, tr.x()[i][0][0]); // numpy: np.load('embeddings/2.npy')[0, 0]
        // the test split is balanced: 100 per genre (FMA-small)
        int[] counts = new int[8];
        for (int y : emb.test().y()) counts[y]++;
        assertArrayEquals(new int[] {100, 100, 100, 100, 100, 100, 100, 100}, counts);
    }

    @Test
    void missingFolderAndTruncatedFileAreNamed(@TempDir Path dir) throws IOException {
        FmaTracks tracks = FmaTracks.load(SharedData.data().resolve("fma_small_tracks.csv"));
        IOException e = assertThrows(IOException.class, () -> StudyEmbeddings.load(dir.resolve("absent"), tracks));
        assertTrue(e.getMessage().contains("absent"), e.getMessage());

        Path copy = dir.resolve("emb");
        Files.createDirectories(copy.resolve("embeddings"));
        for (String s : new String[] {"train", "val", "test"}) {
            Npy.write(copy.resolve(s + ".npy"), new NpyArray("<i8", new int[] {1}, new double[] {s.equals("train") ? 2 : 5}));
        }
        Files.copy(SharedData.studyEmbeddings().resolve("embeddings/5.npy"), copy.resolve("embeddings/5.npy"));
        byte[] two = Files.readAllBytes(SharedData.studyEmbeddings().resolve("embeddings/2.npy"));
        Files.write(copy.resolve("embeddings/2.npy"), Arrays.copyOf(two, 500));
        IOException t = assertThrows(IOException.class, () -> StudyEmbeddings.load(copy, tracks));
        assertTrue(t.getMessage().contains("2.npy") && t.getMessage().contains("truncated"), t.getMessage());
    }

    /** FMA's full tracks.csv covers 16 top genres: the labels are those of the listed tracks only. */
    @Test
    void genresAreThoseOfTheListedTracksAndNonFiniteEmbeddingsAreExcluded(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("tracks.csv");
        Files.writeString(csv, """
                subset,split,track_id,genre_top,genres
                small,training,1,Rock,[12]
                small,training,2,Folk,[17]
                small,validation,3,Rock,[12]
                small,test,4,Folk,[17]
                small,test,5,Rock,[12]
                medium,training,6,Blues,[3]
                large,training,7,Classical,[5]
                """);
        Path folder = dir.resolve("emb");
        Files.createDirectories(folder.resolve("embeddings"));
        Npy.write(folder.resolve("train.npy"), new NpyArray("<i8", new int[] {2}, new double[] {1, 2}));
        Npy.write(folder.resolve("val.npy"), new NpyArray("<i8", new int[] {1}, new double[] {3}));
        Npy.write(folder.resolve("test.npy"), new NpyArray("<i8", new int[] {2}, new double[] {4, 5}));
        for (int id = 1; id <= 5; id++) {
            int frames = id == 5 ? 40 : StudyEmbeddings.FRAMES;
            double[] v = new double[frames * StudyEmbeddings.WIDTH];
            for (int i = 0; i < v.length; i++) v[i] = 0.01 * ((i * 7 + id) % 100);
            if (id == 4) v[3 * StudyEmbeddings.WIDTH + 17] = Double.NaN;
            Npy.write(folder.resolve("embeddings/" + id + ".npy"), new NpyArray("<f4", new int[] {frames, StudyEmbeddings.WIDTH}, v));
        }
        StudyEmbeddings emb = StudyEmbeddings.load(folder, FmaTracks.load(csv));
        assertEquals(java.util.List.of("Folk", "Rock"), emb.genres());
        assertArrayEquals(new int[] {1, 0}, emb.train().y()); // track 1 Rock, track 2 Folk
        assertEquals(0, emb.test().size());
        java.util.Map<Long, String> why = new java.util.HashMap<>();
        for (StudyEmbeddings.Exclusion e : emb.exclusions()) why.put(e.trackId(), e.reason());
        assertEquals("NaN or infinite value (frame 3, column 17)", why.get(4L));
        assertEquals("long track: 40 frame(s), exactly 31 needed", why.get(5L));
        assertEquals(2, why.size(), why.toString());
    }
}
