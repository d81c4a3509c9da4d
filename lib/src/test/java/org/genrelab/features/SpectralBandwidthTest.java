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
}
