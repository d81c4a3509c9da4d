package org.genrelab.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The bandwidth given a precomputed centroid (FMA's features pass the one they already have). */
class SpectralBandwidthTest {

    @Test
    void givenCentroidGivesTheSameBandwidthAndAWrongOneIsRefused() {
        java.util.Random r = new java.util.Random(4);
        double[][] s = new double[65][40];
        for (double[] row : s) for (int t = 0; t < row.length; t++) row[t] = r.nextDouble();
        double[] centroid = SpectralCentroid.spectralCentroid(s, 22050)[0];
        // a two-bin spectrum with equal energy at 0 Hz and at Nyquist: centroid sr/4, bandwidth sr/4
        double[][] two = {{1, 1}, {0, 0}, {1, 1}};
        assertArrayEquals(new double[] {22050 / 4.0, 22050 / 4.0}, SpectralBandwidth.spectralBandwidth(two, 22050)[0], 1e-9);
        assertArrayEquals(SpectralBandwidth.spectralBandwidth(s, 22050)[0], SpectralBandwidth.spectralBandwidth(s, 22050, centroid)[0], 0.0);
        var e = assertThrows(IllegalArgumentException.class,
                () -> SpectralBandwidth.spectralBandwidth(s, 22050, java.util.Arrays.copyOf(centroid, 39)));
        assertTrue(e.getMessage().contains("39 values for 40 frames"), e.getMessage());
    }

    /** FMA's features read the float32 STFT magnitude as rows of doubles: the same centroid and bandwidth as its double copy. */
    @Test
    void float32RowsGiveTheDoubleCopysCentroidAndBandwidth() {
        java.util.Random r = new java.util.Random(9);
        float[][] s32 = new float[1025][77];
        double[][] s = new double[s32.length][77];
        for (int k = 0; k < s32.length; k++) {
            for (int t = 0; t < 77; t++) s[k][t] = s32[k][t] = t == 5 ? 0f : r.nextFloat() / (1 + k); // frame 5 silent
        }
        SpectralInput.Rows rows = SpectralInput.Rows.of(s32);
        double[] norm = SpectralInput.columnSums(rows);
        double[] centroid = SpectralCentroid.centroid(rows, 22050, norm)[0];
        assertArrayEquals(SpectralCentroid.spectralCentroid(s, 22050)[0], centroid, 0.0);
        assertArrayEquals(SpectralBandwidth.spectralBandwidth(s, 22050)[0], SpectralBandwidth.bandwidth(rows, 22050, centroid, norm)[0], 0.0);
        s32[4][1] = -0f; // allowed, as in the double check
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> SpectralInput.check(SpectralInput.Rows.of(s32), "spectral_centroid"));
        for (float bad : new float[] {-1f, -Float.MIN_VALUE, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            s32[3][70] = bad;
            var e = assertThrows(IllegalArgumentException.class, () -> SpectralInput.check(SpectralInput.Rows.of(s32), "spectral_centroid"));
            assertTrue(e.getMessage().contains("S[3][70] = " + (double) bad), e.getMessage());
        }
    }
}
