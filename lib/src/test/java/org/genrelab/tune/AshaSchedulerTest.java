package org.genrelab.tune;

import static org.genrelab.tune.AshaScheduler.Decision.CONTINUE;
import static org.genrelab.tune.AshaScheduler.Decision.STOP;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Promotion and stopping decisions worked out by hand with Ray Tune 1.0's rule: the cutoff at a rung
 * is the (1 − 1/η) percentile (numpy, linear) of the values recorded there before.
 */
class AshaSchedulerTest {

    @Test
    void rungsAreGraceTimesPowersOfEtaBelowMax() {
        assertArrayEquals(new int[] {1, 2, 4, 8, 16, 32}, new AshaScheduler(1, 2, 50).rungEpochs()); // the study's
        assertArrayEquals(new int[] {1, 3}, new AshaScheduler(1, 3, 9).rungEpochs());
        assertArrayEquals(new int[] {2, 4, 8, 16}, new AshaScheduler(2, 2, 20).rungEpochs());
        assertArrayEquals(new int[] {5, 15, 45}, new AshaScheduler(5, 3, 100).rungEpochs());
    }

    @Test
    void cutoffIsNumpysLinearPercentile() {
        // np.percentile([0.3, 0.5], 50) = 0.4; np.percentile([.3,.5,.6], 66.67) = 0.5 + (1.3333-1)*(0.1) = 0.5333
        assertEquals(0.4, AshaScheduler.cutoff(List.of(0.5, 0.3), 2), 1e-12);
        assertEquals(0.5 + (4.0 / 3 - 1) * 0.1, AshaScheduler.cutoff(List.of(0.5, 0.3, 0.6), 3), 1e-12);
        assertTrue(Double.isNaN(AshaScheduler.cutoff(List.of(), 2)));
    }

    @Test
    void judgesEachReportAgainstTheValuesRecordedBeforeIt() {
        AshaScheduler s = new AshaScheduler(1, 2, 8); // rungs 1, 2, 4
        assertEquals(CONTINUE, s.onResult(0, 1, 0.5)); // first at rung 1: no cutoff
        assertEquals(STOP, s.onResult(1, 1, 0.3)); // cutoff median[0.5] = 0.5
        assertEquals(CONTINUE, s.onResult(2, 1, 0.45)); // cutoff median[0.5, 0.3] = 0.4
        assertEquals(CONTINUE, s.onResult(3, 1, 0.45)); // cutoff median[.3,.45,.5] = 0.45, not below
        assertEquals(List.of(0.5, 0.3, 0.45, 0.45), s.recordedAt(0));
        // trial 0 at iteration 2: first at rung 2; trial 2 at iteration 2: cutoff 0.6 -> stops
        assertEquals(CONTINUE, s.onResult(0, 2, 0.6));
        assertEquals(STOP, s.onResult(2, 2, 0.55));
        // iteration 3 passes no rung; iteration 8 = max_t stops everything
        assertEquals(-1, s.rungFor(0, 3));
        assertEquals(CONTINUE, s.onResult(0, 3, 0.0));
        assertEquals(STOP, s.onResult(0, 8, 1.0));
        assertTrue(s.isRecorded(2, 1) && !s.isRecorded(1, 1));
    }

    @Test
    void aTrialThatSkipsIterationsIsJudgedAtTheHighestRungItPassed() {
        AshaScheduler s = new AshaScheduler(1, 2, 50);
        assertEquals(2, s.rungFor(0, 5)); // rungs 1, 2, 4: iteration 5 is judged at 4
        assertEquals(CONTINUE, s.onResult(0, 5, 0.5));
        assertEquals(1, s.rungFor(0, 6)); // then at 2, where it has no record yet (Ray walks rungs downwards)
    }

    @Test
    void scriptedSearchWithTheStudysProtocolStopsWhereWorkedOutByHand() throws Exception {
        // curves of validation accuracy per epoch; reports only on improvement; patience 1; grace 1, eta 2, max_t 4
        List<double[]> curves = List.of(
                new double[] {0.5, 0.6, 0.6, 0.7, 0.8, 0.9}, // A
                new double[] {0.3, 0.9},                     // B
                new double[] {0.55, 0.5, 0.5, 0.9},          // C
                new double[] {0.6, 0.65, 0.64, 0.63});       // D
        AshaScheduler s = new AshaScheduler(1, 2, 4);
        List<TrialRecord<double[]>> r = RandomSearch.run(curves, (id, c) -> epoch -> c[epoch - 1], s,
                new TrialProtocol(6, 1, true), 1);
        // A: it1 (.5) first -> on; it2 (.6) first at rung 2 -> on; epoch 3 no gain; epoch 4 (.7) is it3 (no rung);
        //    epoch 5 (.8) is it4 = max_t -> stops after 5 epochs.
        // B: it1 .3 < median[.5] -> ASHA stops it at rung 1 after epoch 1.
        // C: it1 .55 vs median[.5,.3]=.4 -> on; epochs 2, 3 no gain -> patience 1 exceeded after epoch 3.
        // D: it1 .6 vs median[.3,.5,.55]=.5 -> on; it2 .65 vs median[.6]=.6 -> on; epochs 3, 4 no gain -> patience.
        assertArrayEquals(new int[] {5, 1, 3, 4}, r.stream().mapToInt(TrialRecord::stoppedAt).toArray());
        assertEquals(List.of("max-t", "asha@1", "patience", "patience"), r.stream().map(TrialRecord::stoppedBy).toList());
        assertEquals(0.65, r.get(3).bestMetric());
    }

    @Test
    void everyEpochProtocolStopsAtRungsAndAtMax() throws Exception {
        List<Double> levels = List.of(0.5, 0.3, 0.6, 0.55);
        AshaScheduler s = new AshaScheduler(1, 3, 9); // rungs 1, 3; cutoff = 66.7th percentile of earlier values
        List<TrialRecord<Double>> r = RandomSearch.run(levels, (id, level) -> epoch -> level, s,
                TrialProtocol.everyEpoch(20), 1);
        // A first everywhere -> to max_t 9. B .3 < .5 -> 1. C .6 >= cutoff of [.5,.3] (.4333) at 1, first >= [.5] at 3
        // -> 9. D at 1: cutoff of [.5,.3,.6] = .5333 -> on; at 3: cutoff of [.5,.6] = .5667 -> .55 stops at 3.
        assertArrayEquals(new int[] {9, 1, 9, 3}, r.stream().mapToInt(TrialRecord::stoppedAt).toArray());
    }

    @Test
    void severalThreadsDecideExactlyAsOneThread() throws Exception {
        Random rnd = new Random(3);
        List<double[]> curves = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            double[] c = new double[30];
            double level = rnd.nextDouble() * 0.5;
            for (int e = 0; e < c.length; e++) c[e] = level + rnd.nextDouble() * 0.3 * Math.log(e + 2);
            curves.add(c);
        }
        List<String> one = summary(RandomSearch.run(curves, (id, c) -> epoch -> c[epoch - 1],
                new AshaScheduler(1, 2, 16), new TrialProtocol(30, 3, true), 1));
        for (int threads : new int[] {2, 4}) {
            Random jitter = new Random(threads);
            List<Long> sleeps = Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < 2000; i++) sleeps.add((long) jitter.nextInt(3));
            List<String> many = summary(RandomSearch.run(curves, (id, c) -> epoch -> {
                Thread.sleep(sleeps.get((id * 31 + epoch) % sleeps.size())); // trials finish epochs out of order
                return c[epoch - 1];
            }, new AshaScheduler(1, 2, 16), new TrialProtocol(30, 3, true), threads));
            assertEquals(one, many, threads + " threads");
        }
        assertTrue(one.stream().anyMatch(x -> x.contains("asha@1")) && one.stream().anyMatch(x -> x.contains("asha@2")),
                "the scripted set exercises several rungs: " + one);
    }

    private static List<String> summary(List<TrialRecord<double[]>> r) {
        return r.stream().map(t -> t.id() + ":" + t.stoppedAt() + ":" + t.stoppedBy()).toList();
    }

    @Test
    void aTrialThatThrowsIsRecordedNotFatal() throws Exception {
        AshaScheduler s = new AshaScheduler(1, 2, 4);
        List<TrialRecord<Integer>> r = RandomSearch.run(List.of(1), (id, c) -> epoch -> {
            if (epoch == 2) throw new IllegalStateException("boom");
            return 0.1 * epoch;
        }, s, TrialProtocol.everyEpoch(10), 2);
        assertEquals(1, r.get(0).stoppedAt());
        assertEquals("failure", r.get(0).stoppedBy());
        assertTrue(r.get(0).failure().contains("boom"));
    }

    @Test
    void aCrashedSearchReturnsOnlyOnceNoTrialIsTrainingAnyMore() throws Exception {
        // trial 1 trains epochs of 100 ms that ignore interrupts; when the callback for trial 0 throws, the search
        // must not return while trial 1 is still inside an epoch (it would train on beside a rerun)
        java.util.concurrent.atomic.AtomicInteger epochsDone = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean inEpoch = new java.util.concurrent.atomic.AtomicBoolean();
        RandomSearch.TrialFactory<Integer> factory = (id, c) -> epoch -> {
            if (c == 0) throw new IllegalStateException("trial 0 fails at once");
            inEpoch.set(true);
            long end = System.nanoTime() + 100_000_000L;
            while (System.nanoTime() < end) Thread.onSpinWait();
            epochsDone.incrementAndGet();
            inEpoch.set(false);
            return 0.5;
        };
        java.util.function.Consumer<TrialRecord<Integer>> crashOnTrial0 = r -> {
            if (r.id() == 0) {
                try {
                    Thread.sleep(150); // trial 1 is well into an epoch by now
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("progress bar broke");
            }
        };
        assertThrows(IllegalStateException.class, () -> RandomSearch.run(List.of(0, 1), factory, new AshaScheduler(1, 2, 50),
                TrialProtocol.everyEpoch(50), 2, null, crashOnTrial0));
        assertFalse(inEpoch.get(), "a trial is still inside an epoch after the search returned");
        int atReturn = epochsDone.get();
        Thread.sleep(250);
        assertEquals(atReturn, epochsDone.get(), "epochs trained after the search returned");
    }

    @Test
    void samplingIsSeededAndWithinBoundsAndBadSettingsAreRefused() {
        List<Double> a = RandomSearch.sample(50, 7, rnd -> RandomSearch.logUniform(rnd, 1e-4, 1e-1));
        List<Double> b = RandomSearch.sample(50, 7, rnd -> RandomSearch.logUniform(rnd, 1e-4, 1e-1));
        assertEquals(a, b);
        assertTrue(a.stream().allMatch(v -> v >= 1e-4 && v < 1e-1));
        assertThrows(IllegalArgumentException.class, () -> new AshaScheduler(1, 1, 9));
        assertThrows(IllegalArgumentException.class, () -> new AshaScheduler(5, 3, 2));
        assertThrows(IllegalArgumentException.class, () -> new TrialProtocol(0, 1, true));
    }
}
