package org.genrelab.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class SpinningTeamTest {

    @Test
    void everyIndexRunsOnceInEveryLoopOfMany() {
        try (SpinningTeam team = new SpinningTeam(3, "test-team")) {
            for (int loop = 0; loop < 2000; loop++) {
                int n = 1 + loop % 9;
                AtomicIntegerArray runs = new AtomicIntegerArray(n);
                team.forEach(n, i -> {
                    long until = System.nanoTime() + 20_000; // so that forEach must wait for the helpers' indices
                    while (System.nanoTime() < until) Thread.onSpinWait();
                    runs.incrementAndGet(i);
                });
                int[] once = new int[n];
                java.util.Arrays.fill(once, 1);
                int[] seen = new int[n];
                for (int i = 0; i < n; i++) seen[i] = runs.get(i);
                assertArrayEquals(once, seen, "loop " + loop);
            }
        }
    }

    @Test
    void helpersTakePart() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (SpinningTeam team = new SpinningTeam(2, "test-team")) {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (threads.size() < 2 && System.nanoTime() < deadline) {
                team.forEach(8, i -> {
                    threads.add(Thread.currentThread().getName());
                    long until = System.nanoTime() + 200_000; // work long enough for a helper to claim an index
                    while (System.nanoTime() < until) Thread.onSpinWait();
                });
            }
        }
        assertTrue(threads.contains("test-team-1"), "the helper never ran an index: " + threads);
    }

    @Test
    void oneThreadRunsOnTheCaller() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (SpinningTeam team = new SpinningTeam(1, "test-team")) {
            assertEquals(1, team.threads());
            team.forEach(5, i -> threads.add(Thread.currentThread().getName()));
        }
        assertEquals(Set.of(Thread.currentThread().getName()), threads);
    }

    @Test
    void failureIsRethrownAndTheTeamStaysUsable() {
        IllegalStateException boom = new IllegalStateException("boom at 3");
        try (SpinningTeam team = new SpinningTeam(2, "test-team")) {
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> team.forEach(6, i -> {
                if (i == 3) throw boom;
            }));
            assertSame(boom, thrown);
            AtomicIntegerArray runs = new AtomicIntegerArray(4);
            team.forEach(4, runs::incrementAndGet);
            for (int i = 0; i < 4; i++) assertEquals(1, runs.get(i));
        }
    }

    @Test
    void closedTeamAndBadSizeAreRefused() {
        SpinningTeam team = new SpinningTeam(2, "test-team");
        team.close();
        assertThrows(IllegalStateException.class, () -> team.forEach(1, i -> { }));
        assertThrows(IllegalArgumentException.class, () -> new SpinningTeam(0, "test-team"));
    }
}
