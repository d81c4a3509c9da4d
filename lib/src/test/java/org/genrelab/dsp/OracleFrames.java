package org.genrelab.dsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.genrelab.SharedData;
import org.genrelab.data.Npy;
import org.genrelab.data.NpyArray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Test access to {@code oracle/frames/<clip>/} and element-wise comparison with the README's tolerances. */
public final class OracleFrames {

    /** The three clips with per-frame reference arrays. */
    public static final List<String> CLIPS = List.of("synth_song_30s_mp3", "clicks_120bpm_30s_mp3", "chord_cmaj_30s_mp3");

    private OracleFrames() {
    }

    public static Path dir(String clip) {
        return SharedData.oracle().resolve("frames").resolve(clip);
    }

    public static NpyArray array(String clip, String name) {
        try {
            return Npy.read(dir(clip).resolve(name + ".npy"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The decoded PCM {@code y.npy} (float32) of a clip. */
    public static float[] y(String clip) {
        return array(clip, "y").toFloats();
    }

    /** A 2-d (or 1-d, as one row) array as rows. */
    public static double[][] matrix(String clip, String name) {
        NpyArray a = array(clip, name);
        if (a.ndim() == 1) return new double[][] {a.data()};
        return a.toMatrix();
    }

    /**
     * Asserts |actual − expected| ≤ atol + rtol·|expected| everywhere; the failure names the array,
     * the worst cell and its deviation. Returns the largest absolute deviation (for reports).
     */
    public static double assertClose(String what, double[][] expected, double[][] actual, double rtol, double atol) {
        assertArrayEquals(new int[] {expected.length, expected[0].length},
                new int[] {actual.length, actual[0].length}, what + ": shape");
        double worstExcess = Double.NEGATIVE_INFINITY;
        int wi = -1, wj = -1;
        double maxAbs = 0;
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                double e = expected[i][j], a = actual[i][j];
                double d = Math.abs(a - e);
                if (Double.isNaN(d)) d = Double.POSITIVE_INFINITY;
                maxAbs = Math.max(maxAbs, d);
                double excess = d - (atol + rtol * Math.abs(e));
                if (excess > worstExcess) {
                    worstExcess = excess;
                    wi = i;
                    wj = j;
                }
            }
        }
        if (worstExcess > 0) {
            fail(String.format("%s: [%d][%d] expected %.10g, got %.10g (|diff| %.3g > atol %.3g + rtol %.3g·|e|); max |diff| %.3g",
                    what, wi, wj, expected[wi][wj], actual[wi][wj], Math.abs(actual[wi][wj] - expected[wi][wj]),
                    atol, rtol, maxAbs));
        }
        return maxAbs;
    }

    public static double max(double[][] m) {
        return Arrays.stream(m).flatMapToDouble(Arrays::stream).max().orElseThrow();
    }
}
