package org.genrelab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.genrelab.tune.TrialRecord;
import org.junit.jupiter.api.Test;

/** Search tables and notebook progress lines, on a hand-made set of trial records. */
class SearchTablesTest {

    private static final List<TrialRecord<String>> TRIALS = List.of(
            new TrialRecord<>(0, "a", List.of(0.5, 0.6, 0.55), 3, "patience", null),
            new TrialRecord<>(1, "b", List.of(0.2), 1, "asha@1", null),
            new TrialRecord<>(2, "c", List.of(0.5, 0.7), 2, "asha@2", null),
            new TrialRecord<>(3, "d", List.of(0.1), 1, "asha@1", null),
            new TrialRecord<>(4, "e", List.of(), 0, "failure", "boom"));

    @Test
    void endReasonsAreCountedInRungOrder() {
        var t = SearchTables.stoppedBy(TRIALS);
        assertEquals(List.of("asha@1", "asha@2", "patience", "failure"), t.stringColumn("ended by").asList());
        assertEquals(List.of(2, 1, 1, 1), t.intColumn("trials").asList());
        assertEquals(1.0, t.doubleColumn("mean epochs").getDouble(0), 0);
    }

    @Test
    void topTrialsAreTheBestByValidation() {
        var t = SearchTables.top("top", TRIALS, 2);
        assertEquals(List.of(2, 0), t.intColumn("trial").asList());
        assertEquals(0.7, t.doubleColumn("best validation").getDouble(0), 0);
    }

    @Test
    void progressPrintsOncePerTenth() {
        NotebookProgress p = new NotebookProgress("x", 20);
        assertNull(p.step());
        assertTrue(p.step().startsWith("x: 2/20 (10%)"));
        for (int i = 0; i < 17; i++) p.step();
        assertTrue(p.step().startsWith("x: 20/20 (100%)"));
    }

    @Test
    void progressFromARunningCountIgnoresLateSmallerCounts() {
        NotebookProgress p = new NotebookProgress("x", 10);
        assertTrue(p.at(3).startsWith("x: 3/10 (30%)"));
        assertNull(p.at(2)); // a worker thread reporting late
        assertNull(p.at(3));
        assertTrue(p.step().startsWith("x: 4/10 (40%)"));
        assertThrows(IllegalArgumentException.class, () -> p.at(11));
    }

    @Test
    void countsAndFailuresTables() {
        var t = DatasetTables.counts("c", "frames", List.of("31", "10", "31", "1"));
        assertEquals(List.of("1", "10", "31"), t.stringColumn("frames").asList());
        assertEquals(List.of(1, 1, 2), t.intColumn("tracks").asList());
        var f = DatasetTables.failures("f", List.of("11"), List.of("CORRUPT: not audio"));
        assertEquals("CORRUPT: not audio", f.stringColumn("reason").get(0));
    }
}
