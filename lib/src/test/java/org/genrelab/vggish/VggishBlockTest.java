package org.genrelab.vggish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.genrelab.SharedData;
import org.genrelab.data.Npy;
import org.genrelab.data.NpyArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class VggishBlockTest {

    private static Path net() {
        return SharedData.oracle().resolve("vggish-net");
    }
    private static final int[] SMALL_CONV = {8, 16, 32, 32, 64, 64};
    private static final int[] SMALL_FC = {512, 512, 128};

    private static float[][] rows(NpyArray a) {
        int n = (int) a.shape()[0];
        int d = (int) a.shape()[1];
        float[] f = a.toFloats();
        float[][] r = new float[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(f, i * d, r[i], 0, d);
        }
        return r;
    }

    /** max |got - want| / max |want|. */
    private static double relativeError(float[][] got, float[][] want) {
        assertEquals(want.length, got.length);
        double maxDiff = 0;
        double maxAbs = 0;
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i].length, got[i].length);
            for (int j = 0; j < want[i].length; j++) {
                maxDiff = Math.max(maxDiff, Math.abs(got[i][j] - want[i][j]));
                maxAbs = Math.max(maxAbs, Math.abs(want[i][j]));
            }
        }
        return maxDiff / maxAbs;
    }

    @ParameterizedTest
    @ValueSource(strings = {"vggish_small.pth", "vggish_small_legacy.pth"})
    void reproducesTheReferenceRawAndPostProcessedOutputs(String file) throws IOException {
        NpyArray examples = Npy.read(net().resolve("examples.npy"));
        assertArrayEquals(new int[] {8, 96, 64}, examples.shape());
        float[][] expectedRaw = rows(Npy.read(net().resolve("expected_raw.npy")));
        float[][] expectedPost = rows(Npy.read(net().resolve("expected_post.npy")));

        try (Model model = Model.newInstance("vggish-small", "PyTorch")) {
            VggishBlock block = new VggishBlock(SMALL_CONV, SMALL_FC, true);
            model.setBlock(block);
            block.loadStateDict(model.getNDManager(), TorchCheckpoint.read(net().resolve(file)));
            float[][] raw = block.embed(model.getNDManager(), examples.toFloats(), 8);

            double rawErr = relativeError(raw, expectedRaw);
            System.out.printf("%s raw rel err %.3g%n", file, rawErr);
            assertTrue(rawErr < 1e-5, "raw relative error " + rawErr);

            float[][] post = VggishPostprocessor.read(net().resolve("pca_params.pth")).apply(raw);
            double postErr = relativeError(post, expectedPost);
            System.out.printf("%s post rel err %.3g%n", file, postErr);
            assertTrue(postErr < 1e-5, "post-processed relative error " + postErr);
        }
    }

    @Test
    void postprocessorOnTheReferenceRawOutputReproducesTheReferencePostOutput() throws IOException {
        float[][] post = VggishPostprocessor.read(net().resolve("pca_params.pth"))
                .apply(rows(Npy.read(net().resolve("expected_raw.npy"))));
        assertTrue(relativeError(post, rows(Npy.read(net().resolve("expected_post.npy")))) < 1e-5);
    }

    @Test
    void aStateDictOfTheWrongWidthsIsRefusedNamingTheKey() throws IOException {
        Map<String, TorchTensor> dict = TorchCheckpoint.read(net().resolve("vggish_small.pth"));
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            VggishBlock wide = new VggishBlock(new int[] {16, 16, 32, 32, 64, 64}, SMALL_FC, true);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> wide.loadStateDict(manager, dict));
            assertTrue(e.getMessage().contains("features.0.weight"), e.getMessage());

            Map<String, TorchTensor> missing = new LinkedHashMap<>(dict);
            missing.remove("embeddings.4.bias");
            VggishBlock small = new VggishBlock(SMALL_CONV, SMALL_FC, true);
            e = assertThrows(IllegalArgumentException.class, () -> small.loadStateDict(manager, missing));
            assertTrue(e.getMessage().contains("embeddings.4.bias"), e.getMessage());
        }
    }

    /**
     * The full-size network's operations per example, counted by hand: 2·H·W·Cin·Cout·9 for the convolutions at 96×64
     * (1→64), 48×32 (64→128), 24×16 (128→256, 256→256), 12×8 (256→512, 512→512), then 2·in·out for 12288→4096,
     * 4096→4096 and 4096→128.
     */
    @Test
    void flopsPerExampleCountTheFullNetworksLayers() {
        long conv = 2L * 96 * 64 * 1 * 64 * 9 + 2L * 48 * 32 * 64 * 128 * 9 + 2L * 24 * 16 * 128 * 256 * 9
                + 2L * 24 * 16 * 256 * 256 * 9 + 2L * 12 * 8 * 256 * 512 * 9 + 2L * 12 * 8 * 512 * 512 * 9;
        long fc = 2L * 12288 * 4096 + 2L * 4096 * 4096 + 2L * 4096 * 128;
        assertEquals(1_727_791_104L, conv + fc);
        assertEquals(conv + fc, new VggishBlock(VggishBlock.FULL_CONV_CHANNELS, VggishBlock.FULL_FC, false).flopsPerExample());
    }
}
