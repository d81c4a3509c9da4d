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
}
