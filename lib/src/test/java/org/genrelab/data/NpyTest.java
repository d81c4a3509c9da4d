package org.genrelab.data;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.genrelab.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {

    @Test
    void readsTheStudysInt64IdList() throws IOException {
        NpyArray train = Npy.read(SharedData.studyEmbeddings().resolve("train.npy"));
        assertEquals("<i8", train.dtype());
        assertArrayEquals(new int[] {6396}, train.shape());
        // ids are FMA track ids: positive, unique
        long[] ids = train.toLongs();
        assertTrue(Arrays.stream(ids).allMatch(i -> i > 0));
        assertEquals(ids.length, Arrays.stream(ids).distinct().count());
    }

    @Test
    void readsAFloat32Embedding() throws IOException {
        NpyArray e = Npy.read(SharedData.studyEmbeddings().resolve("embeddings/2.npy"));
        assertEquals("<f4", e.dtype());
        assertArrayEquals(new int[] {31, 128}, e.shape());
        // known answers from numpy.load: a[0, :3], min and max
        assertEquals(-0.60501015f, (float) e.data()[0]);
        assertEquals(-0.05738166f, (float) e.data()[1]);
        assertEquals(0.017904937f, (float) e.data()[2]);
        assertEquals(-1.696691f, (float) Arrays.stream(e.data()).min().orElseThrow());
        assertEquals(1.8556979f, (float) Arrays.stream(e.data()).max().orElseThrow());
    }

    @Test
    void readsAnEmptyEmbedding() throws IOException {
        NpyArray e = Npy.read(SharedData.studyEmbeddings().resolve("embeddings/98567.npy"));
        assertEquals(0, e.size());
        assertEquals(0, e.shape()[0]);
    }

    @Test
    void readsOracleFloat64Frames() throws IOException {
        NpyArray mel = Npy.read(SharedData.oracle().resolve("frames/synth_song_30s_mp3/mel_basis.npy"));
        assertEquals("<f8", mel.dtype());
        assertArrayEquals(new int[] {128, 1025}, mel.shape());
    }

    @Test
    void roundTripsEveryWritableDtype(@TempDir Path dir) throws IOException {
        double[] v = {0, 1.5, -2.25, 3e5, 7, -8};
        for (String dtype : new String[] {"<f4", "<f8", "<i4", "<i8"}) {
            double[] expected = dtype.startsWith("<i") ? new double[] {0, 1, -2, 300000, 7, -8} : v;
            NpyArray a = new NpyArray(dtype, new int[] {2, 3}, expected.clone());
            Path f = dir.resolve("a" + dtype.substring(1) + ".npy");
            Npy.write(f, a);
            assertEquals(0, (Files.size(f) - 6 * (dtype.endsWith("4") ? 4 : 8)) % 64, "header padded to 64 bytes");
            NpyArray b = Npy.read(f);
            assertEquals(dtype, b.dtype());
            assertArrayEquals(new int[] {2, 3}, b.shape());
            assertArrayEquals(expected, b.data(), 0);
        }
    }

    @Test
    void truncatedFileNamesTheFileAndTheProblem(@TempDir Path dir) throws IOException {
        byte[] whole = Files.readAllBytes(SharedData.studyEmbeddings().resolve("embeddings/2.npy"));
        Path cut = dir.resolve("cut.npy");
        Files.write(cut, Arrays.copyOf(whole, whole.length - 100));
        IOException e = assertThrows(IOException.class, () -> Npy.read(cut));
        assertTrue(e.getMessage().contains("cut.npy"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated data"), e.getMessage());

        Path garbage = dir.resolve("garbage.npy");
        Files.writeString(garbage, "this is not numpy at all");
        IOException g = assertThrows(IOException.class, () -> Npy.read(garbage));
        assertTrue(g.getMessage().contains("garbage.npy") && g.getMessage().contains("bad magic"), g.getMessage());
    }
}
