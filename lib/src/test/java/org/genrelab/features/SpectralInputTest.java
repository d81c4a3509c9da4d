package org.genrelab.features;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpectralInputTest {

    @Test
    void badEnergiesAreRefusedNamingTheCell() {
        double negativeNaN = Double.longBitsToDouble(0xFFF8000000000000L);
        for (double bad : new double[] {Double.NaN, negativeNaN, -1e-300, -Double.MIN_VALUE, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY}) {
            double[][] s = new double[3][100];
            for (double[] row : s) java.util.Arrays.fill(row, 0.5);
            s[2][37] = bad;
            var e = assertThrows(IllegalArgumentException.class, () -> SpectralInput.check(s, "spectral_centroid"));
            assertTrue(e.getMessage().contains("S[2][37] = " + bad), e.getMessage());
        }
        double[][] ok = {{0, 1, Double.MAX_VALUE}, {-0.0, Double.MIN_VALUE, Double.MIN_NORMAL}};
        assertDoesNotThrow(() -> SpectralInput.check(ok, "spectral_centroid"));
    }
}
