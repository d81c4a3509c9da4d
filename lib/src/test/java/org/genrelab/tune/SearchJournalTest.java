package org.genrelab.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A search killed part-way and started again gives the records of an uninterrupted run and retrains only what was lost. */
class SearchJournalTest {

    /** A scripted configuration: its curve is a deterministic function of it (as a seeded trial's is). */
    record Cfg(double level, long noiseSeed) {
        double metric(int epoch) {
            return level + new Random(noiseSeed * 1_000 + epoch).nextDouble() * 0.3 * Math.log(epoch + 2);
        }
    }

    private static final String KEY = "scripted search, 60 trials, asha(1, 2, 16), protocol(30, 3, improvements)";

    private static List<Cfg> configs() {
        return RandomSearch.sample(60, 3, rnd -> new Cfg(rnd.nextDouble() * 0.5, rnd.nextLong()));
    }

    private static List<TrialRecord<Cfg>> search(List<Cfg> configs, RandomSearch.TrialFactory<Cfg> factory,
                                                 SearchJournal<Cfg> journal) throws InterruptedException {
        return RandomSearch.run(configs, factory, new AshaScheduler(1, 2, 16), new TrialProtocol(30, 3, true), 2, journal, r -> { });
    }

    /** Trials that follow their configuration's curve, counted as they are created (that is, trained). */
    private static RandomSearch.TrialFactory<Cfg> counting(AtomicInteger trained) {
        return (id, c) -> {
            trained.incrementAndGet();
            return c::metric;
        };
    }

    /** A whole search of these configurations, journalled. */
    private static List<TrialRecord<Cfg>> journalledSearch(List<Cfg> configs, SearchJournal<Cfg> j) throws InterruptedException {
        return search(configs, (id, c) -> c::metric, j);
    }

    @Test
    void aKilledSearchResumesWithTheUninterruptedRecordsAndTrainsOnlyTheLostTrials(@TempDir Path dir) throws Exception {
        List<Cfg> configs = configs();
        List<TrialRecord<Cfg>> uninterrupted = search(configs, (id, c) -> c::metric, null);
        assertTrue(uninterrupted.stream().map(TrialRecord::stoppedBy).distinct().count() >= 2,
                "the scripted set ends trials in several ways: " + uninterrupted.stream().map(TrialRecord::stoppedBy).toList());

        // the first run dies in trial 25 (an Error, as when the JVM is killed: nothing catches it)
        SearchJournal<Cfg> first = SearchJournal.open(dir, KEY, Cfg.class);
        assertEquals(0, first.resumed());
        assertThrows(IllegalStateException.class, () -> search(configs, (id, c) -> epoch -> {
            if (id == 25) throw new AssertionError("killed");
            return c.metric(epoch);
        }, first));

        SearchJournal<Cfg> again = SearchJournal.open(dir, KEY, Cfg.class);
        int journalled = again.resumed();
        // trials start in id order with 8 under way at most, so 18 had ended before trial 25 began
        assertTrue(journalled >= 18 && journalled < 60, journalled + " trials journalled");
        AtomicInteger trained = new AtomicInteger();
        List<TrialRecord<Cfg>> resumed = search(configs, counting(trained), again);
        assertEquals(uninterrupted, resumed, "the same records, decisions included");
        assertEquals(60 - journalled, trained.get(), "only the trials not journalled are trained");
        assertEquals(60, SearchJournal.open(dir, KEY, Cfg.class).resumed());
    }

    @Test
    void aTornLastLineIsDroppedAndAnotherSearchsJournalIsNotUsed(@TempDir Path dir) throws Exception {
        List<Cfg> configs = configs().subList(0, 12);
        SearchJournal<Cfg> j = SearchJournal.open(dir, KEY, Cfg.class);
        List<TrialRecord<Cfg>> full = journalledSearch(configs, j);
        Files.writeString(j.file(), "{\"id\":11,\"config\":{\"lev", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        SearchJournal<Cfg> reopened = SearchJournal.open(dir, KEY, Cfg.class);
        assertEquals(12, reopened.resumed());
        assertEquals(13, Files.readAllLines(reopened.file()).size(), "the header and 12 whole lines, the torn one gone");
        AtomicInteger trained = new AtomicInteger();
        assertEquals(full, search(configs, counting(trained), reopened));
        assertEquals(0, trained.get());

        assertEquals(0, SearchJournal.open(dir, KEY + ", other data", Cfg.class).resumed(), "another key, another journal");
        // the right file name with another search's header is not used either
        List<String> lines = new ArrayList<>(Files.readAllLines(reopened.file()));
        lines.set(0, "{\"search\":\"something else\"}");
        Files.write(reopened.file(), lines);
        assertEquals(0, SearchJournal.open(dir, KEY, Cfg.class).resumed());
    }

    @Test
    void aJournalThatDoesNotReplayStopsTheSearchNamingItsFile(@TempDir Path dir) throws Exception {
        List<Cfg> configs = configs().subList(0, 12);
        SearchJournal<Cfg> j = SearchJournal.open(dir, KEY, Cfg.class);
        List<TrialRecord<Cfg>> full = journalledSearch(configs, j);
        TrialRecord<Cfg> t = full.get(3);
        String wrong = t.stoppedBy().equals("patience") ? "max-epochs" : "patience";
        List<String> lines = Files.readAllLines(j.file()).stream()
                .map(l -> l.startsWith("{\"id\":3,") ? l.replace("\"stoppedBy\":\"" + t.stoppedBy() + "\"", "\"stoppedBy\":\"" + wrong + "\"") : l)
                .toList();
        assertTrue(String.join("\n", lines).contains("\"stoppedBy\":\"" + wrong + "\""), "the journal was altered");
        Files.write(j.file(), lines);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> search(configs, (id, c) -> c::metric, SearchJournal.open(dir, KEY, Cfg.class)));
        assertTrue(e.getCause().getMessage().contains(j.file().toString()) && e.getCause().getMessage().contains("trial 3"),
                e.getCause().getMessage());
    }

    @Test
    void aFailedTrialIsReplayedAsTheFailureItWasSinceLaterTrialsDecidedWithout(@TempDir Path dir) throws Exception {
        List<Cfg> configs = configs().subList(0, 6);
        SearchJournal<Cfg> j = SearchJournal.open(dir, KEY, Cfg.class);
        List<TrialRecord<Cfg>> first = search(configs, (id, c) -> epoch -> {
            if (id == 0 && epoch == 2) throw new IllegalStateException("out of memory");
            return c.metric(epoch);
        }, j);
        assertEquals("failure", first.get(0).stoppedBy());
        assertEquals(1, first.get(0).stoppedAt(), "it failed in its second epoch");
        assertEquals(6, j.size());
        AtomicInteger trained = new AtomicInteger();
        List<TrialRecord<Cfg>> resumed = search(configs, counting(trained), SearchJournal.open(dir, KEY, Cfg.class));
        assertEquals(first, resumed);
        assertEquals("IllegalStateException: out of memory", resumed.get(0).failure());
        assertEquals(0, trained.get());
        assertTrue(j.finished(0, new Cfg(9, 9)).isEmpty(), "a record is only used for its own configuration");
        j.delete();
        assertTrue(Files.notExists(j.file()));
    }
}
