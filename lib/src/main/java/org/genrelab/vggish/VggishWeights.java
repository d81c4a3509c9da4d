package org.genrelab.vggish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The weights a VGGish network runs with: torchvggish's pretrained checkpoint
 * ({@code vggish-10086976.pth}, fetched by {@code data/fetch-vggish.sh}), or — where none is on the
 * machine — a clearly labelled stand-in: the same network with fixed seeded random weights (He-normal
 * convolutions and layers, zero biases), drawn from a Java {@link Random} so every run gets the same
 * numbers. Embeddings from the stand-in are not AudioSet features; they only let the notebooks run.
 *
 * @param description what they are, for notebooks and {@code embeddings.json}
 * @param pretrained  true for a real checkpoint
 * @param file        the checkpoint file, or null for the stand-in
 * @param sha256      the checkpoint's SHA-256, or the stand-in's seed as {@code "seed:N"}
 * @param stateDict   tensors by torchvggish key
 */
public record VggishWeights(String description, boolean pretrained, Path file, String sha256,
                            Map<String, TorchTensor> stateDict) {

    /** Where {@code data/fetch-vggish.sh} puts the pretrained checkpoint, under the repository root. */
    public static final String DEFAULT_CHECKPOINT = "data/vggish/vggish-10086976.pth";
    /** Where {@code data/fetch-vggish.sh} puts the PCA parameters, under the repository root. */
    public static final String DEFAULT_PCA = "data/vggish/vggish_pca_params-970ea276.pth";
    /** The stand-in's seed. */
    public static final long STAND_IN_SEED = 2020;

    /** Reads a torchvggish checkpoint (zip or legacy pickle). */
    public static VggishWeights pretrained(Path pth) throws IOException {
        if (!Files.isRegularFile(pth)) throw new NoSuchFileException(pth.toString(), null, "no VGGish checkpoint there");
        Map<String, TorchTensor> sd;
        try {
            sd = TorchCheckpoint.read(pth);
        } catch (IOException | RuntimeException e) {
            throw new IOException(pth + " is not a readable PyTorch checkpoint: " + e.getMessage(), e);
        }
        return new VggishWeights("pretrained: " + pth.getFileName(), true, pth, sha256(pth), sd);
    }

    /** The stand-in for a network of the given widths. */
    public static VggishWeights standIn(int[] convChannels, int[] fc, long seed) {
        Random rnd = new Random(seed);
        Map<String, TorchTensor> sd = new LinkedHashMap<>();
        int in = 1;
        int index = 0;
        int[] poolAfter = {1, 2, 4, 6};
        for (int c = 0; c < 6; c++) {
            int out = convChannels[c];
            sd.put("features." + index + ".weight", heNormal(rnd, new long[] {out, in, 3, 3}, in * 9));
            sd.put("features." + index + ".bias", new TorchTensor("FloatStorage", new long[] {out}, new float[out]));
            in = out;
            index += 2;
            final int conv = c + 1;
            if (Arrays.stream(poolAfter).anyMatch(p -> p == conv)) index++;
        }
        int width = in * (VggishBlock.NUM_FRAMES / 16) * (VggishBlock.NUM_BANDS / 16); // four 2x2 pools
        for (int f = 0; f < 3; f++) {
            sd.put("embeddings." + 2 * f + ".weight", heNormal(rnd, new long[] {fc[f], width}, width));
            sd.put("embeddings." + 2 * f + ".bias", new TorchTensor("FloatStorage", new long[] {fc[f]}, new float[fc[f]]));
            width = fc[f];
        }
        return new VggishWeights("STAND-IN: random weights (seed " + seed + "), not AudioSet-pretrained", false, null,
                "seed:" + seed, sd);
    }

    /**
     * The pretrained checkpoint at {@code explicit} when given, else at {@link #DEFAULT_CHECKPOINT}
     * under {@code root} when it exists, else the stand-in with {@link #STAND_IN_SEED}.
     */
    public static VggishWeights find(Path explicit, Path root) throws IOException {
        if (explicit != null) return pretrained(explicit);
        Path def = root.resolve(DEFAULT_CHECKPOINT);
        if (Files.isRegularFile(def)) return pretrained(def);
        return standIn(VggishBlock.FULL_CONV_CHANNELS, VggishBlock.FULL_FC, STAND_IN_SEED);
    }

    private static TorchTensor heNormal(Random rnd, long[] shape, int fanIn) {
        long n = 1;
        for (long d : shape) n *= d;
        float[] data = new float[Math.toIntExact(n)];
        double std = Math.sqrt(2.0 / fanIn); // He et al. 2015: N(0, 2 / fan_in)
        for (int i = 0; i < data.length; i++) data[i] = (float) (rnd.nextGaussian() * std);
        return new TorchTensor("FloatStorage", shape, data);
    }

    /** Hex SHA-256 of a file. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) > 0; ) md.update(buf, 0, r);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
