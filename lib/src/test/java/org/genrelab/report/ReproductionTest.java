package org.genrelab.report;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.genrelab.eval.ClassificationMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.genrelab.results.ResultRow;
import org.genrelab.results.ResultsCsv;
import org.genrelab.results.PredictionsCsv;
import org.genrelab.results.RunRecord;
import org.genrelab.results.RunParameters;

/** The headline from a reference folder and a run's, on results and predictions made here with known scores. */
class ReproductionTest {

    static final List<String> GENRES = List.of("Electronic", "Experimental", "Folk", "Hip-Hop", "Instrumental",
            "International", "Pop", "Rock");

    /** 800 test labels, 100 per genre, and a prediction right on the first {@code correct} of each genre's 100. */
    static PredictionsCsv.Run run(String model, int run, int correct) {
        List<String> truth = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        for (int g = 0; g < 8; g++) {
            for (int i = 0; i < 100; i++) {
                truth.add(GENRES.get(g));
                predicted.add(i < correct ? GENRES.get(g) : GENRES.get((g + 1) % 8));
            }
        }
        return new PredictionsCsv.Run(model, run, truth, predicted);
    }

    static double macroF1(PredictionsCsv.Run r) {
        return ClassificationMetrics.macroF1(PredictionsCsv.indices(r.truth(), GENRES), PredictionsCsv.indices(r.predicted(), GENRES), 8);
    }

    /** Writes a notebook's results (macro-F1 of each model's runs), run record and predictions into a report folder. */
    static void notebook(Path dir, String notebook, boolean quick, Map<String, List<PredictionsCsv.Run>> models) throws Exception {
        List<ResultRow> rows = new ArrayList<>();
        List<PredictionsCsv.Run> all = new ArrayList<>();
        models.forEach((m, runs) -> {
            rows.add(ResultRow.of("part2", m, "macro_f1", runs.stream().mapToDouble(ReproductionTest::macroF1).toArray(), 1,
                    "cpu", "study-embeddings"));
            all.addAll(runs);
        });
        Path csv = dir.resolve("results").resolve(notebook + ".csv");
        ResultsCsv.write(csv, rows);
        new RunRecord(notebook, "2026-12-07T12:00:00Z", "abcdef1234567", false, "test machine",
                Map.of("GENRELAB_QUICK", quick ? "1" : "0"), "").write(RunRecord.fileFor(csv));
        PredictionsCsv.write(dir.resolve("predictions").resolve(notebook + ".csv"), all);
    }

    @Test
    void theStudysFigureIsJudgedAgainstTheReferencesIntervalAndAQuickRunIsMarked(@TempDir Path tmp) throws Exception {
        Path ref = tmp.resolve("reference");
        Path report = tmp.resolve("report");
        // reference: the CNN right on 54 of 100 per genre (macro-F1 near 54: the study's 53.28 inside a ±3.5 interval),
        // the published LSTM on 70 (the study's 54.01 far below)
        notebook(ref, "07-cnn", false, Map.of("cnn", List.of(run("cnn", 0, 54), run("cnn", 1, 54))));
        notebook(ref, "05-lstm", false, Map.of("lstm-published", List.of(run("lstm-published", 0, 70))));
        notebook(report, "07-cnn", true, Map.of("cnn", List.of(run("cnn", 0, 30))));
        List<Reproduction.Line> lines = Reproduction.lines(ref, report, 42);
        assertEquals(Reproduction.ENTRIES.size(), lines.size(), "a line for every model of the headline, results or not");

        Reproduction.Line cnn = line(lines, "CNN");
        assertEquals(53.28, cnn.entry().study());
        assertEquals(100 * macroF1(run("cnn", 0, 54)), cnn.reference().macroF1(), 1e-9);
        assertEquals(2, cnn.reference().runs());
        var iv = cnn.reference().interval();
        assertNotNull(iv, "the reference's predictions give its interval");
        assertTrue(iv.lower() < cnn.reference().macroF1() && cnn.reference().macroF1() < iv.upper(), iv.toString());
        assertTrue(iv.upper() - iv.lower() > 4 && iv.upper() - iv.lower() < 10, "800 tracks: an interval some 7 points wide: " + iv);
        assertEquals("yes", cnn.studyInside());
        assertTrue(cnn.current().quick());
        assertEquals("quick mode: smoke-test sizes, not comparable", cnn.currentVerdict());

        Reproduction.Line lstm = line(lines, "LSTM, the study's published configuration");
        assertEquals("no (ours higher)", lstm.studyInside());
        assertNull(lstm.current());
        assertEquals("not run", lstm.currentVerdict());
        assertEquals("no reference", line(lines, "Fully connected net 2-1").studyInside());
        assertEquals("beyond the study", line(lines, "LSTM, mean and max readout").studyInside());
    }

    @Test
    void aFullRunIsComparedWithTheReferenceWithinTwiceTheSeedSpread(@TempDir Path tmp) throws Exception {
        Path ref = tmp.resolve("reference");
        notebook(ref, "07-cnn", false, Map.of("cnn", List.of(run("cnn", 0, 52), run("cnn", 1, 56))));
        Path close = tmp.resolve("close");
        notebook(close, "07-cnn", false, Map.of("cnn", List.of(run("cnn", 0, 53), run("cnn", 1, 56))));
        Path far = tmp.resolve("far");
        notebook(far, "07-cnn", false, Map.of("cnn", List.of(run("cnn", 0, 70), run("cnn", 1, 70))));
        Reproduction.Line near = line(Reproduction.lines(ref, close, 42), "CNN");
        assertFalse(near.flagged(), near.currentVerdict());
        assertTrue(near.currentVerdict().startsWith("as the reference (+"), near.currentVerdict());
        Reproduction.Line off = line(Reproduction.lines(ref, far, 42), "CNN");
        assertTrue(off.flagged(), off.currentVerdict());
        assertTrue(off.currentVerdict().contains("beyond twice the seed spread"), off.currentVerdict());
    }

    @Test
    void theIndexLeadsWithTheHeadlineAndItsChart(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("repo");
        Path report = tmp.resolve("report");
        notebook(Reproduction.referenceFolder(root), "07-cnn", false, Map.of("cnn", List.of(run("cnn", 0, 54))));
        notebook(report, "07-cnn", true, Map.of("cnn", List.of(run("cnn", 0, 30))));
        RunParameters params = RunParameters.from(Map.of("GENRELAB_ROOT", root.toString(), "GENRELAB_REPORT", report.toString()));
        String html = Files.readString(ReportIndex.write(report, List.of(), params));
        int headline = html.indexOf("The reproduction at a glance");
        assertTrue(headline > 0 && headline < html.indexOf("<h2>Run</h2>"), "the headline comes before the run's details");
        assertTrue(html.contains("This run is in quick mode."), "quick mode is announced");
        assertTrue(html.contains("53.28") && html.contains("59.92"), "the study's figures of both parts");
        assertTrue(html.contains("quick mode: smoke-test sizes, not comparable"));
        assertTrue(html.contains("<img src=\"charts/headline-part2.png\""), "Part 2's chart");
        assertTrue(Files.size(report.resolve("charts/headline-part2.png")) > 1000);
        assertFalse(html.contains("charts/headline-part1.png"), "no chart for a part the reference lacks");
        assertTrue(html.contains("The reference has no results for this part yet"));
    }

    @Test
    void readmesHeadlineBlockIsRewrittenBetweenItsMarkers(@TempDir Path tmp) throws Exception {
        Path ref = tmp.resolve("reference");
        notebook(ref, "07-cnn", false, Map.of("cnn", List.of(run("cnn", 0, 54))));
        Path readme = tmp.resolve("README.md");
        Files.writeString(readme, "# X\n\n" + ReadmeHeadline.BEGIN + "\nold\n" + ReadmeHeadline.END + "\n\nafter\n");
        assertTrue(ReadmeHeadline.rewrite(readme, ref));
        String text = Files.readString(readme);
        assertTrue(text.startsWith("# X\n\n" + ReadmeHeadline.BEGIN + "\n") && text.endsWith(ReadmeHeadline.END + "\n\nafter\n"));
        assertFalse(text.contains("old"));
        assertTrue(text.contains("| CNN | 53.28 | " + Reproduction.meanStd(line(Reproduction.lines(ref, ref, 42), "CNN").reference())
                + " | "), text);
        assertFalse(ReadmeHeadline.rewrite(readme, ref), "the same reference, the same text");
        Files.writeString(readme, "no markers\n");
        assertThrows(java.io.IOException.class, () -> ReadmeHeadline.rewrite(readme, ref));
    }

    static Reproduction.Line line(List<Reproduction.Line> lines, String label) {
        return lines.stream().filter(l -> l.entry().label().equals(label)).findFirst().orElseThrow();
    }
}
