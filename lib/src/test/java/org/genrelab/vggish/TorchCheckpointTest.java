package org.genrelab.vggish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.genrelab.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorchCheckpointTest {

    private static Path net() {
        return SharedData.oracle().resolve("vggish-net");
    }

    @Test
    void zipAndLegacyFormatsGiveTheSameTensorsWithTheArchitectureShapes() throws IOException {
        Map<String, TorchTensor> zip = TorchCheckpoint.read(net().resolve("vggish_small.pth"));
        Map<String, TorchTensor> legacy = TorchCheckpoint.read(net().resolve("vggish_small_legacy.pth"));
        JsonObject keys = JsonParser.parseString(Files.readString(net().resolve("architecture.json")))
                .getAsJsonObject().getAsJsonObject("state_dict_keys");

        assertEquals(new ArrayList<>(keys.keySet()), new ArrayList<>(zip.keySet()));
        assertEquals(new ArrayList<>(zip.keySet()), new ArrayList<>(legacy.keySet()));
        for (String name : keys.keySet()) {
            JsonArray dims = keys.getAsJsonArray(name);
            long[] shape = new long[dims.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = dims.get(i).getAsLong();
            }
            assertArrayEquals(shape, zip.get(name).shape(), name);
            assertArrayEquals(shape, legacy.get(name).shape(), name);
            assertArrayEquals(zip.get(name).data(), legacy.get(name).data(), 0f, name);
            assertEquals("FloatStorage", zip.get(name).storageType());
        }
        // seeded random weights: not all zero, finite
        float[] w = zip.get("features.0.weight").data();
        assertTrue(java.util.stream.IntStream.range(0, w.length).anyMatch(i -> w[i] != 0f));
    }

    @Test
    void pcaParamsLoad() throws IOException {
        Map<String, TorchTensor> pca = TorchCheckpoint.read(net().resolve("pca_params.pth"));
        assertEquals(List.of("pca_eigen_vectors", "pca_means"), new ArrayList<>(pca.keySet()));
        assertArrayEquals(new long[] {128, 128}, pca.get("pca_eigen_vectors").shape());
        assertArrayEquals(new long[] {128, 1}, pca.get("pca_means").shape());
    }

    @Test
    void refusesGlobalsOutsideStateDicts(@TempDir Path dir) throws IOException {
        // protocol-2 pickle of os.system('true'): must be refused, never called
        Path evil = dir.resolve("evil.pth");
        byte[] magic = {(byte) 0x80, 2, (byte) 0x8a, 10, 0x6c, (byte) 0xfc, (byte) 0x9c, 0x46,
                (byte) 0xf9, 0x20, 0x6a, (byte) 0xa8, 0x50, 0x19, 0x2e};
        byte[] protocol = {(byte) 0x80, 2, 'M', (byte) 0xe9, 0x03, '.'};
        byte[] sysInfo = {(byte) 0x80, 2, '}', '.'};
        byte[] body = "\u0080\u0002cos\nsystem\nX\u0004\u0000\u0000\u0000true\u0085R."
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(evil, concat(magic, protocol, sysInfo, body));
        IOException e = assertThrows(IOException.class, () -> TorchCheckpoint.read(evil));
        assertTrue(e.getMessage().contains("evil.pth"), e.getMessage());
        assertTrue(e.getMessage().contains("os.system"), e.getMessage());
    }

    @Test
    void namesTheFileWhenItIsNoCheckpoint(@TempDir Path dir) throws IOException {
        Path junk = dir.resolve("junk.pth");
        Files.writeString(junk, "not a checkpoint at all");
        IOException e = assertThrows(IOException.class, () -> TorchCheckpoint.read(junk));
        assertTrue(e.getMessage().startsWith(junk.toString()), e.getMessage());
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
