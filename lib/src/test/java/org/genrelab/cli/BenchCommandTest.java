package org.genrelab.cli;

import static org.genrelab.cli.Part2CommandTest.assertNoStackTrace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.genrelab.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code genrelab bench}: one subcommand per benchmark; bench classic's options reach the benchmark. */
class BenchCommandTest {

    @Test
    void benchClassicsHelpListsItsOptions() {
        CommandRun r = CommandRun.of("bench", "classic", "--help");
        assertEquals(0, r.code(), r.err());
        String help = r.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("Usage: genrelab bench classic"), help);
        for (String option : List.of("--data=DIR", "--csv=FEATURES_CSV", "--tracks=TRACKS_CSV", "--features=study|all", "--per-genre=N",
                "--seeds=N", "--official", "--all-models", "--held-only", "--only=NAME", "--repeats=N", "--model-seeds=N",
                "--cold-runs=N", "--out=DIR")) {
            assertTrue(help.contains(option), option + " in " + help);
        }
    }

    @Test
    void benchListsItsBenchmarksAndWantsOne() {
        CommandRun help = CommandRun.of("bench", "--help");
        assertEquals(0, help.code());
        for (String b : List.of("features", "vggish", "part2", "classic")) assertTrue(help.out().contains("  " + b + " "), help.out());
        CommandRun none = CommandRun.of("bench");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("Missing the benchmark: features, vggish, part2, classic or spark"), none.err());
        CommandRun unknown = CommandRun.of("bench", "polka");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("Unmatched argument at index 1: 'polka'"), unknown.err());
    }

    @Test
    void badBenchClassicOptionsAreUsageErrors(@TempDir Path dir) {
        CommandRun model = CommandRun.of("bench", "classic", "--only", "SVC,Polka");
        assertEquals(2, model.code());
        assertTrue(model.err().contains("--only: no model named [Polka]; have [SVC, Random forest,"), model.err());
        CommandRun half = CommandRun.of("bench", "classic", "--csv", dir.resolve("features.csv").toString());
        assertEquals(2, half.code());
        assertTrue(half.err().contains("Missing required argument(s): --tracks=TRACKS_CSV"), half.err());
        CommandRun both = CommandRun.of("bench", "classic", "--data", dir.toString(), "--csv", "a.csv", "--tracks", "b.csv");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("are mutually exclusive"), both.err());
        CommandRun repeats = CommandRun.of("bench", "classic", "--repeats", "0");
        assertEquals(2, repeats.code());
        assertTrue(repeats.err().contains("--repeats must be at least 1, not 0"), repeats.err());
        CommandRun set = CommandRun.of("bench", "classic", "--csv", "a.csv", "--tracks", "b.csv", "--features", "some");
        assertEquals(2, set.code());
        assertTrue(set.err().contains("'some' is not a feature set: study or all"), set.err());
        CommandRun data = CommandRun.of("bench", "classic", "--data", dir.resolve("none").toString());
        assertEquals(2, data.code());
        assertTrue(data.err().contains("data folder " + dir.resolve("none") + " does not exist"), data.err());
        for (CommandRun r : List.of(model, half, both, repeats, set, data)) assertNoStackTrace(r);
    }

    /** bench features' default clips are found from the repository that --root names (the launcher's GENRELAB_ROOT). */
    @Test
    void benchFeaturesLooksForItsClipsBesideTheRepository(@TempDir Path dir) {
        CommandRun r = CommandRun.of("--root", dir.resolve("repo").toString(), "bench", "features");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no folder " + dir.resolve("shared/oracle/clips")), r.err());
    }

    /**
     * A small bench classic, Java's side only as far as the files go: its options reach the benchmark (one model,
     * two model seeds: two rows of it in java_scores.csv, two fits reported).
     */
    @Test
    void benchClassicRunsTheNamedModelWithItsSeeds(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("bench");
        CommandRun r = CommandRun.of("--root", SharedData.repo().toString(), "bench", "classic", "--data", SharedData.data().toString(), "--per-genre", "40",
                "--only", "Logistic regression", "--repeats", "2", "--model-seeds", "2", "--cold-runs", "0", "--out", out.toString());
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("table study embeddings") && r.out().contains("320 tracks"), r.out());
        assertTrue(r.out().contains("Logistic regression          fastest of 2 fits"), r.out());
        List<String> scores = Files.readAllLines(out.resolve("java_scores.csv"));
        assertEquals(3, scores.size(), scores.toString());
        assertTrue(scores.get(1).startsWith("Logistic regression,") && scores.get(2).startsWith("Logistic regression,"), scores.toString());
        assertTrue(Files.isRegularFile(out.resolve("matrices/train.csv")) && Files.isRegularFile(out.resolve("results.csv")));
    }
}
