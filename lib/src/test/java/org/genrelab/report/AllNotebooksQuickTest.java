package org.genrelab.report;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.genrelab.results.ResultRow;
import org.genrelab.results.ResultsCsv;
import org.genrelab.results.RunParameters;

/** Every notebook, in order, headless in quick mode on the shared real data: what CI re-runs. */
class AllNotebooksQuickTest {

    @Test
    void everyNotebookRunsInQuickModeAndWritesItsResults(@TempDir Path out) throws Exception {
        List<Path> notebooks = NotebookRunner.notebooksIn(NotebookRunnerTest.ROOT.resolve("notebooks"));
        assertTrue(notebooks.size() >= 6, "notebooks: " + notebooks);
        List<NotebookRunner.Outcome> outcomes = NotebookRunnerTest.runner(out).runAll(notebooks, o -> { });
        for (NotebookRunner.Outcome o : outcomes) assertTrue(o.ok(), () -> o.notebook() + " failed:\n" + o.error());
        assertEquals(notebooks.size(), outcomes.size());
        for (String nb : List.of("04-logreg-baseline", "05-lstm", "06-fcnn", "07-cnn")) {
            List<ResultRow> rows = ResultsCsv.read(out.resolve("results/" + nb + ".csv"));
            assertTrue(rows.stream().anyMatch(r -> r.metric().equals("macro_f1") && r.value() > 0.2),
                    nb + ": a test macro-F1 well above chance (0.125) even in quick mode: " + rows);
        }
        List<ResultRow> features = ResultsCsv.read(out.resolve("results/01-features.csv"));
        assertTrue(features.stream().anyMatch(r -> r.metric().equals("tracks") && r.value() >= 8), "01 extracted a feature table: " + features);
        List<ResultRow> classical = ResultsCsv.read(out.resolve("results/02-classical-models.csv"));
        assertEquals(25, classical.stream().filter(r -> r.metric().equals("macro_f1")).count(),
                "02: five models on the study's features and on all 518 (stratified), and on the official split: " + classical);
        assertTrue(Files.size(out.resolve("matrices/02-study-features/train.csv")) > 0, "02 exports its matrices");
        assertTrue(Files.readString(out.resolve("notebooks/02-classical-models.ipynb"))
                .contains("Official split: test macro-F1 (%) with 95% bootstrap intervals"), "02 bootstraps the official split's test tracks");
        assertTrue(classical.stream().anyMatch(r -> r.model().equals("Random forest") && r.metric().equals("macro_f1")
                && r.value() > 0.2), "02: the forest learns the corpus (it once predicted one genre): " + classical);
        String summary = Files.readString(out.resolve("notebooks/08-results-part2.ipynb"));
        assertTrue(summary.contains("54.01") && summary.contains("52.63"), "08 shows the study's numbers beside ours");
        assertTrue(summary.contains("with 95% bootstrap intervals; differences to ") && summary.contains("The ensemble against "),
                "08 shows the models' bootstrap intervals and the ensemble's difference to the best model");
        List<ResultRow> ensemble = ResultsCsv.read(out.resolve("results/08-results-part2.csv"));
        assertTrue(ensemble.stream().anyMatch(r -> r.model().equals(Part2Ensemble.MODEL) && r.metric().equals("macro_f1")
                && r.value() > 0.2), "08 scores the ensemble: " + ensemble);
        var members = Part2Ensemble.fromNotebooks(RunParameters.from(java.util.Map.of("GENRELAB_ROOT", out.toString(),
                "GENRELAB_REPORT", out.toString())), List.of("04-logreg-baseline", "05-lstm", "06-fcnn", "07-cnn"),
                List.copyOf(StudyReference.part2().keySet())).members();
        assertEquals(List.of("logistic", "lstm", "fcnn", "cnn"), members.stream()
                .map(m -> Part2Ensemble.family(m.model(), List.copyOf(StudyReference.part2().keySet()))).toList(),
                "one member per family, from the probabilities the notebooks saved: " + members);
        // same inputs, same outputs: nothing printed may carry an object's identity (e.g. an array's "[I@1b2c3d")
        java.util.regex.Pattern identity = java.util.regex.Pattern.compile("\\[[IJDFZBCS]@[0-9a-f]{5,8}\\b|\\[L[\\w.$]+;@[0-9a-f]{5,8}\\b");
        for (Path nb : notebooks) {
            var m = identity.matcher(Files.readString(out.resolve("notebooks").resolve(nb.getFileName())));
            assertFalse(m.find(), () -> nb.getFileName() + " prints an object identity: " + m.group());
        }
        assertTrue(NotebookRunnerTest.kernels().isEmpty(), "kernel JVMs left behind");
        theIndexLeadsWithTheReproductionAndTravels(out, outcomes);
    }

    /**
     * The index of this quick run against the committed reference: every model of the headline with the study's
     * figure, the reference's mean ± std and interval, this run's figure marked as quick; and nothing in the index or
     * the notebook pages that points outside the report folder.
     */
    private static void theIndexLeadsWithTheReproductionAndTravels(Path out, List<NotebookRunner.Outcome> outcomes) throws Exception {
        Path root = NotebookRunnerTest.ROOT;
        RunParameters params = RunParameters.from(java.util.Map.of("GENRELAB_ROOT", root.toString(), "GENRELAB_REPORT", out.toString()));
        String index = Files.readString(ReportIndex.write(out, outcomes, params));
        assertTrue(index.indexOf("The reproduction at a glance") < index.indexOf("<h2>Run</h2>"), "the headline comes first");
        assertTrue(index.contains("This run is in quick mode."));
        List<Reproduction.Line> lines = Reproduction.lines(Reproduction.referenceFolder(root), out, Headline.BOOTSTRAP_SEED);
        for (Reproduction.Line l : lines) {
            String label = l.entry().label();
            assertTrue(index.contains(HtmlTables.escape(label)), label);
            if (l.entry().study() != null) {
                assertTrue(index.contains(String.format(java.util.Locale.ROOT, "%.2f", l.entry().study())), label);
            }
            if (l.reference() != null) { // a notebook whose full run is not committed yet leaves its rows without one
                assertNotNull(l.reference().interval(), "the committed reference has the test predictions of " + label);
                assertEquals("full", l.reference().mode(), label);
                assertTrue(index.contains(Reproduction.meanStd(l.reference())) && index.contains(Reproduction.interval(l.reference())),
                        label + ": the reference's figures in the index");
            } else {
                assertEquals(l.entry().beyondStudy() ? "beyond the study" : "no reference", l.studyInside(), label);
            }
            assertNotNull(l.current(), "this quick run produced " + label);
            assertTrue(l.current().quick(), label);
            assertEquals("quick mode: smoke-test sizes, not comparable", l.currentVerdict(), label);
        }
        assertTrue(lines.stream().filter(l -> l.entry().part() == Reproduction.Part.PART2).anyMatch(l -> l.reference() != null),
                "the committed reference has Part 2 results");
        assertTrue(Files.size(out.resolve("charts/headline-part2.png")) > 1000, "Part 2's headline chart");
        List<String> problems = ReportLinks.problems(out);
        assertTrue(problems.isEmpty(), "every link, image, script and style of the report resolves inside it:\n"
                + String.join("\n", problems));
        assertTrue(ReportLinks.pages(out).size() >= outcomes.size() + 1, "the index and a page per notebook were checked");
    }
}
