package org.genrelab.tune;

import static org.genrelab.tune.AshaScheduler.Decision.CONTINUE;
import static org.genrelab.tune.AshaScheduler.Decision.STOP;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Promotion and stopping decisions worked out by hand (η = 3, grace 1, max 9: rungs at 1 and 3). */
class AshaSchedulerTest {

    @Test
    void rungsAreGraceTimesPowersOfEtaBelowMax() {
        assertArrayEquals(new int[] {1, 3}, new AshaScheduler(1, 3, 9).rungEpochs());
        assertArrayEquals(new int[] {2, 4, 8, 16}, new AshaScheduler(2, 2, 20).rungEpochs());
        assertArrayEquals(new int[] {5, 15, 45}, new AshaScheduler(5, 3, 100).rungEpochs());
    }

    @Test
    void keepsTheTopCeilNOverEtaAtARung() {
        AshaScheduler s = new AshaScheduler(1, 3, 9);
        // n=1: keep 1 -> the first arrival is promoted optimistically
        assertEquals(CONTINUE, s.onResult(1, 0.5));
        // n=2: keep ceil(2/3)=1, best is 0.5 -> 0.3 stops
        assertEquals(STOP, s.onResult(1, 0.3));
        // n=3: keep 1, 0.6 is best -> continues
        assertEquals(CONTINUE, s.onResult(1, 0.6));
        // n=4: keep 2 of [.6,.55,.5,.3] -> cutoff .55, continues
        assertEquals(CONTINUE, s.onResult(1, 0.55));
        // n=5: keep 2 of [.6,.55,.5,.4,.3] -> cutoff .55, 0.4 stops
        assertEquals(STOP, s.onResult(1, 0.4));
        assertEquals(List.of(0.5, 0.3, 0.6, 0.55, 0.4), s.recordedAt(0));
        // between rungs nothing is decided; at max every trial stops
        assertEquals(CONTINUE, s.onResult(2, 0.0));
        assertEquals(STOP, s.onResult(9, 1.0));
        assertTrue(s.recordedAt(1).isEmpty());
    }

    @Test
    void scriptedSearchStopsEachTrialWhereWorkedOutByHand() throws Exception {
        // constant curves, run one at a time in order A, B, C, D
        List<Double> levels = List.of(0.5, 0.3, 0.6, 0.55);
        AshaScheduler s = new AshaScheduler(1, 3, 9);
        List<TrialRecord<Double>> records = RandomSearch.run(levels, (id, level) -> epoch -> level, s, 1);
        // A: first at rungs 1 and 3 -> runs to 9. B: 0.3 < 0.5 at rung 1 -> stops at 1.
        // C: best at rung 1 (n=3) and at rung 3 (n=2: [.6,.5], keep 1) -> 9.
        // D: rung 1 n=4 keep 2 -> goes on; rung 3 [.5,.6,.55] keep 1 -> stops at 3.
        int[] stopped = records.stream().mapToInt(TrialRecord::stoppedAt).toArray();
        assertArrayEquals(new int[] {9, 1, 9, 3}, stopped);
        assertEquals(3, records.get(3).curve().size());
        assertEquals(0.55, records.get(3).lastMetric());
    }

    @Test
    void aTrialThatThrowsIsRecordedNotFatal() throws Exception {
        AshaScheduler s = new AshaScheduler(1, 2, 4);
        List<TrialRecord<Integer>> r = RandomSearch.run(List.of(1), (id, c) -> epoch -> {
            if (epoch == 2) throw new IllegalStateException("boom");
            return 0.1;
        }, s, 1);
        assertEquals(1, r.get(0).stoppedAt());
        assertTrue(r.get(0).failure().contains("boom"));
    }

    @Test
    void samplingIsSeededAndWithinBounds() {
        List<Double> a = RandomSearch.sample(50, 7, rnd -> RandomSearch.logUniform(rnd, 1e-4, 1e-1));
        List<Double> b = RandomSearch.sample(50, 7, rnd -> RandomSearch.logUniform(rnd, 1e-4, 1e-1));
        assertEquals(a, b);
        assertTrue(a.stream().allMatch(v -> v >= 1e-4 && v < 1e-1));
        assertThrows(IllegalArgumentException.class, () -> new AshaScheduler(1, 1, 9));
        assertThrows(IllegalArgumentException.class, () -> new AshaScheduler(5, 3, 2));
    }
}
