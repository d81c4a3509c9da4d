package org.genrelab.report;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.genrelab.data.StudyEmbeddings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.genrelab.results.ResultRow;
import org.genrelab.results.ResultsCsv;
import org.genrelab.results.RunParameters;

/**
 * A clone with no data folder beside it (no {@code ../shared}): the notebooks still run whole, Part 2 on the
 * embeddings that 03 computes of the synthetic corpus, and every Part 2 table and the index say so.
 */
class NoDataFolderTest {

    @Test
    void withoutTheStudysEmbeddingsPart2RunsOnTheCorpussOwnAndSaysSo(@TempDir Path out) throws Exception {
        Path root = NotebookRunnerTest.ROOT;
        Path missing = out.resolve("no-data-here");
        var runner = new NotebookRunner(root, out, Map.of("GENRELAB_DATA", missing.toString(), "GENRELAB_QUICK", "1",
                "GENRELAB_REPORT", out.toString()), Duration.ofMinutes(20));
        List<String> names = List.of("00-dataset", "03-vggish-embeddings", "04-logreg-baseline", "05-lstm", "06-fcnn", "07-cnn",
                "08-results-part2");
        List<NotebookRunner.Outcome> outcomes = runner.runAll(names.stream().map(n -> root.resolve("notebooks/" + n + ".ipynb")).toList(),
                o -> { });
        for (NotebookRunner.Outcome o : outcomes) assertTrue(o.ok(), () -> o.notebook() + " failed:\n" + o.error());
        assertEquals(names.size(), outcomes.size());
        assertTrue(Files.readString(out.resolve("notebooks/00-dataset.ipynb")).contains("No data folder at " + missing),
                "00 says where it looked and what Part 2 reads instead");
        for (String nb : List.of("04-logreg-baseline", "05-lstm", "06-fcnn", "07-cnn", "08-results-part2")) {
            List<ResultRow> rows = ResultsCsv.read(out.resolve("results/" + nb + ".csv"));
            assertFalse(rows.isEmpty(), nb);
            for (ResultRow r : rows) {
                assertNotEquals(StudyEmbeddings.STUDY, r.dataset(), nb + ": " + r);
                assertTrue(r.dataset().contains("embeddings-corpus") && r.dataset().contains("stand-in weights"), nb + ": " + r);
            }
        }
        RunParameters params = RunParameters.from(Map.of("GENRELAB_ROOT", root.toString(), "GENRELAB_REPORT", out.toString(),
                "GENRELAB_DATA", missing.toString()));
        String index = Files.readString(ReportIndex.write(out, outcomes, params));
        assertTrue(index.contains("did not read the study's embeddings"), "the index says Part 2 ran on other embeddings");
        assertTrue(index.contains("other data than the reference") || index.contains("quick mode: smoke-test sizes"), index);
    }
}
