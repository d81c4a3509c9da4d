package org.genrelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code genrelab part2}: its help lists its options and models; bad input is a usage error (2), said plainly. */
class Part2CommandTest {

    @Test
    void theHelpListsTheOptionsAndEveryModel() {
        CommandRun r = CommandRun.of("part2", "--help");
        assertEquals(0, r.code(), r.err());
        String help = r.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("Usage: genrelab part2"), help);
        for (String option : new String[] {"--data=DIR", "--mode=quick|full|full1", "--seed=SEED", "--seeds=COUNT", "--search-threads=N", "MODEL..."}) {
            assertTrue(help.contains(option), option + " in " + help);
        }
        for (String model : Part2Model.NAMES) assertTrue(help.contains(model), model + " in " + help);
    }

    @Test
    void anUnknownModelIsAUsageErrorNamingTheModelsThereAre() {
        CommandRun r = CommandRun.of("part2", "cnn", "polka");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown model 'polka' (have logistic, lstm-published,"), r.err());
        assertTrue(r.err().contains("Usage: genrelab part2"), r.err());
        assertNoStackTrace(r);
    }

    @Test
    void aBadTrialNumberIsAUsageError() {
        CommandRun notANumber = CommandRun.of("part2", "lstm-trial=best");
        assertEquals(2, notANumber.code());
        assertTrue(notANumber.err().contains("lstm-trial=ID needs a search configuration's number"), notANumber.err());
        CommandRun beyond = CommandRun.of("part2", "--mode", "quick", "lstm-trial=6");
        assertEquals(2, beyond.code());
        assertTrue(beyond.err().contains("'lstm-trial=6': the quick search has configurations 0 to 5"), beyond.err());
        assertNoStackTrace(beyond);
    }

    @Test
    void ensembleAndIntervalsNeedATrainedModelBeforeThem() {
        for (String[] args : new String[][] {{"part2", "ensemble", "cnn"}, {"part2", "intervals"}, {"part2", "ensemble", "intervals", "cnn"}}) {
            CommandRun r = CommandRun.of(args);
            assertEquals(2, r.code(), String.join(" ", args));
            assertTrue(r.err().contains("needs a trained model before it, e.g. part2 cnn "), r.err());
            assertNoStackTrace(r);
        }
    }

    @Test
    void aBadModeOrNumberIsAUsageError() {
        CommandRun mode = CommandRun.of("part2", "--mode", "fast", "cnn");
        assertEquals(2, mode.code());
        assertTrue(mode.err().contains("'fast' is not a mode: quick, full or full1"), mode.err());
        CommandRun seeds = CommandRun.of("part2", "--seeds", "0", "cnn");
        assertEquals(2, seeds.code());
        assertTrue(seeds.err().contains("--seeds must be at least 1, not 0"), seeds.err());
        CommandRun threads = CommandRun.of("part2", "--search-threads", "all", "cnn");
        assertEquals(2, threads.code());
        assertTrue(threads.err().contains("'all' is not an int"), threads.err());
        CommandRun none = CommandRun.of("part2");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("Missing required parameter: 'MODEL'"), none.err());
    }

    @Test
    void aMissingDataFolderIsAUsageErrorSayingWhereTheDataComesFrom(@TempDir Path dir) {
        Path missing = dir.resolve("no-data");
        CommandRun r = CommandRun.of("part2", "--data", missing.toString(), "cnn");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("data folder " + missing + " does not exist"), r.err());
        assertTrue(r.err().contains("study-embeddings/"), r.err());
        assertFalse(r.out().contains("device:"), "nothing ran: " + r.out());
        assertNoStackTrace(r);
    }

    /** The default data folder is ../shared/data beside the repository that --root (the launcher's GENRELAB_ROOT) names. */
    @Test
    void theDefaultDataFolderIsBesideTheRepository(@TempDir Path dir) {
        String env = System.getenv("GENRELAB_DATA");
        assumeTrue(env == null || env.isBlank(), "GENRELAB_DATA is set: it is the default data folder then");
        CommandRun r = CommandRun.of("--root", dir.resolve("repo").toString(), "part2", "cnn");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("data folder " + dir.resolve("shared/data") + " does not exist"), r.err());
    }

    static void assertNoStackTrace(CommandRun r) {
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace: " + r.err());
    }
}
