package org.genrelab.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PowerToDbTest {

    @Test
    void knownValuesAndWholeArrayFloor() {
        double[][] s = {{1.0, 100.0, 1e-3}, {0.0, 1e-12, 10.0}};
        double[][] db = PowerToDb.powerToDb(s);
        // max is 20 dB (S=100) anywhere in the array → floor at −60 dB for every row
        assertEquals(0.0, db[0][0], 1e-12);
        assertEquals(20.0, db[0][1], 1e-12);
        assertEquals(-30.0, db[0][2], 1e-12);
        assertEquals(-60.0, db[1][0], 1e-12); // 0 → amin 1e-10 = −100 dB, floored
        assertEquals(-60.0, db[1][1], 1e-12);
        assertEquals(10.0, db[1][2], 1e-12);
    }

    @Test
    void refAminAndNoTopDb() {
        double[][] db = PowerToDb.powerToDb(new double[][] {{0.0, 10.0}}, 10.0, 1e-10, Double.POSITIVE_INFINITY);
        assertEquals(-110.0, db[0][0], 1e-9);
        assertEquals(0.0, db[0][1], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> PowerToDb.powerToDb(new double[][] {{1}}, 1, 0, 80));
        assertThrows(IllegalArgumentException.class, () -> PowerToDb.powerToDb(new double[][] {{1}}, 1, 1e-10, -1));
    }

    @Test
    void longRowsMatchTheFormulaValueByValue() {
        java.util.Random r = new java.util.Random(5);
        double[][] s = new double[3][1003]; // longer than any vector, with a tail
        for (double[] row : s) {
            for (int t = 0; t < row.length; t++) {
                row[t] = switch (t % 7) {
                    case 0 -> 0.0;
                    case 1 -> -Math.pow(10, -12 + 14 * r.nextDouble()); // |S| is taken
                    case 2 -> 1e-300;
                    default -> Math.pow(10, -14 + 17 * r.nextDouble());
                };
            }
        }
        s[2][500] = 5e3; // the array's maximum: 10·log10(5000) ≈ 36.99 dB, so the floor is ≈ −43.01 dB
        double[][] db = PowerToDb.powerToDb(s);
        double max = 10 * Math.log10(5e3);
        for (int i = 0; i < s.length; i++) {
            for (int t = 0; t < s[i].length; t++) {
                double expected = Math.max(10 * Math.log10(Math.max(1e-10, Math.abs(s[i][t]))), max - 80);
                assertEquals(expected, db[i][t], 1e-12 * Math.max(1, Math.abs(expected)), "S[" + i + "][" + t + "] = " + s[i][t]);
            }
        }
    }

    @Test
    void nanIsNeverTheMaximum() {
        double[][] s = new double[1][100];
        java.util.Arrays.fill(s[0], 1.0);
        s[0][3] = Double.NaN;
        s[0][70] = 1e4; // 40 dB: the floor is −40 dB, which 1.0 (0 dB) is above
        s[0][20] = 1e-9; // −90 dB, floored to −40
        double[][] db = PowerToDb.powerToDb(s);
        assertEquals(-40.0, db[0][20], 1e-12);
        assertEquals(40.0, db[0][70], 1e-12);
        assertEquals(0.0, db[0][0], 1e-12);
        assertEquals(Double.NaN, db[0][3]);
    }
}
