package org.genrelab.report;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.genrelab.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.genrelab.results.ResultRow;
import org.genrelab.results.ResultsCsv;
import org.genrelab.results.RunParameters;
import org.genrelab.results.RunRecord;

/**
 * Executes the real notebooks headless through the project's kernel spec, as {@code ./genrelab report} does.
 * Needs {@code ./genrelab setup} (Jupyter, the kernel spec): {@code ./genrelab test} runs it first.
 */
class NotebookRunnerTest {

    static final Path ROOT = SharedData.repo();

    static NotebookRunner runner(Path out) {
        assertTrue(Files.exists(ROOT.resolve(".cache/jupyter/kernels/genrelab-java/kernel.json")),
                "no kernel spec: run ./genrelab setup first (./genrelab test does)");
        return new NotebookRunner(ROOT, out, Map.of("GENRELAB_DATA", SharedData.data().toString(),
                "GENRELAB_QUICK", "1", "GENRELAB_REPORT", out.toString()),
                // a hang guard, not a speed test: 05-lstm takes about 6 minutes on a quiet 2-core machine and
                // ran past 10 with two training jobs beside it
                Duration.ofMinutes(20));
    }

    /** Kernel JVMs alive now. */
    /** Kernel JVMs started from this checkout (another checkout's test run on the same machine is not ours). */
    static List<ProcessHandle> kernels() {
        String ours = ROOT.toAbsolutePath().normalize().resolve("environment/kernel").toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a))
                        .map(cmd -> cmd.contains("org.genrelab.kernel.KernelMain") && cmd.contains(ours)).orElse(false))
                .toList();
    }

    @Test
    void datasetNotebookShowsTheUsableCountsOfTheStudyEmbeddings(@TempDir Path out) throws Exception {
        NotebookRunner.Outcome o = runner(out).run(ROOT.resolve("notebooks/00-dataset.ipynb"));
        assertTrue(o.ok(), () -> "00-dataset failed: " + o.error());
        String nb = Files.readString(o.executed());
        // the counts table: 6393 / 800 / 800 usable tracks, and each exclusion with its reason
        assertTrue(nb.contains("<td style=\\\"padding:2px 8px;text-align:right\\\">6393</td>"), "6393 usable training tracks shown");
        assertTrue(nb.contains("short track: 0 frame(s)"), "exclusion reasons shown");
        assertTrue(nb.contains("image/png"), "the bar chart is an inline PNG");
        assertFalse(nb.contains("\"execution\""), "no timing metadata in the executed notebook");
        assertTrue(Files.exists(o.html()), "HTML written");
        List<ResultRow> rows = ResultsCsv.read(out.resolve("results/00-dataset.csv"));
        assertEquals(6393, rows.stream().filter(r -> r.metric().equals("usable_training")).findFirst().orElseThrow().value());
        assertEquals(800, rows.stream().filter(r -> r.metric().equals("usable_test")).findFirst().orElseThrow().value());
        assertTrue(kernels().isEmpty(), "kernel JVMs left behind: " + kernels());
    }

    @Test
    void aFailingCellStopsTheRunAndItsErrorIsReported(@TempDir Path dir) throws Exception {
        Path nb = dir.resolve("99-broken.ipynb");
        Files.writeString(nb, """
                {"cells":[{"cell_type":"code","metadata":{},"execution_count":null,"outputs":[],
                  "source":["int x = 1;\\n","throw new IllegalStateException(\\"deliberate failure \\" + x);"]},
                 {"cell_type":"code","metadata":{},"execution_count":null,"outputs":[],"source":["System.out.println(\\"never\\");"]}],
                 "metadata":{"kernelspec":{"name":"genrelab-java","display_name":"Java (GenreLab)","language":"java"}},
                 "nbformat":4,"nbformat_minor":5}
                """);
        Path out = dir.resolve("report");
        List<NotebookRunner.Outcome> outcomes = runner(out).runAll(List.of(nb, ROOT.resolve("notebooks/00-dataset.ipynb")), x -> { });
        assertEquals(1, outcomes.size(), "the run stops at the first failing notebook");
        NotebookRunner.Outcome o = outcomes.get(0);
        assertFalse(o.ok());
        assertTrue(o.error().contains("deliberate failure 1"), o.error());
        assertTrue(o.error().contains("throw new IllegalStateException"), "the failing cell's source is shown: " + o.error());
        assertTrue(kernels().isEmpty(), "kernel JVMs left behind: " + kernels());
    }

    @Test
    void theIndexLinksEveryNotebookAndItsResults(@TempDir Path out) throws IOException {
        Files.createDirectories(out.resolve("results"));
        ResultsCsv.write(out.resolve("results/00-dataset.csv"),
                List.of(new ResultRow("dataset", "m", "usable_test", 800, 0, 1, Double.NaN, "-", "fma-small")));
        var ok = new NotebookRunner.Outcome("00-dataset", true, 1.5, null, out.resolve("notebooks/00-dataset.ipynb"),
                out.resolve("html/00-dataset.html"));
        var bad = new NotebookRunner.Outcome("01-x", false, 2, "Boom <here>", null, null);
        Path index = ReportIndex.write(out, List.of(ok, bad), RunParameters.from(Map.of()));
        String html = Files.readString(index);
        assertTrue(html.contains("href=\"html/00-dataset.html\""));
        assertTrue(html.contains("Boom &lt;here&gt;"), "errors are escaped");
        assertTrue(html.contains("href=\"results/00-dataset.csv\""));
        assertTrue(html.contains(">800<"));
        assertTrue(html.contains(">usable test</th>"), "one column per metric, its name as a reader's header");
    }

    @Test
    void aResultsFileWithARepeatedMetricIsShownAsWritten(@TempDir Path out) throws IOException {
        Files.createDirectories(out.resolve("results"));
        ResultsCsv.write(out.resolve("results/06-fcnn.csv"), List.of(
                new ResultRow("part2", "fcnn", "macro_f1", 0.51, 0, 1, 3, "cpu", "d"),
                new ResultRow("part2", "fcnn", "macro_f1", 0.52, 0, 1, 3, "cpu", "d")));
        var ok = new NotebookRunner.Outcome("06-fcnn", true, 1.5, null, null, null);
        String html = Files.readString(ReportIndex.write(out, List.of(ok), RunParameters.from(Map.of())));
        assertTrue(html.contains(">metric</th>"), "the long form, not the wide one");
        assertTrue(html.contains(">0.51") && html.contains(">0.52"), "both rows are shown");
    }

    @Test
    void anUnreadableResultsFileIsShownAsSuchAndTheOthersStillAre(@TempDir Path out) throws IOException {
        Files.createDirectories(out.resolve("results"));
        Files.writeString(out.resolve("results/01-broken.csv"), "experiment,model,metric,value,std,runs,seconds,device,dataset\n"
                + "e,m,f1,not-a-number,0,1,1,cpu,d\n");
        Files.writeString(out.resolve("results/02-other.csv"), "a,b\n1,2\n");
        ResultsCsv.write(out.resolve("results/03-good.csv"),
                List.of(new ResultRow("part2", "cnn", "macro_f1", 0.5355, 0, 1, 3, "cpu", "d")));
        var ok = new NotebookRunner.Outcome("03-good", true, 1.5, null, null, null);
        String html = Files.readString(ReportIndex.write(out, List.of(ok), RunParameters.from(Map.of())));
        assertTrue(html.contains("Unreadable results file: java.lang.NumberFormatException"), html);
        assertTrue(html.contains("02-other.csv: not a results file"), html);
        assertTrue(html.contains(">53.55<"), "the readable table is still there, its macro-F1 in percent");
    }

    @Test
    void eachTableShowsItsModeAndSeedAndTablesOlderThanTheRunAreMarked(@TempDir Path out) throws IOException {
        Path results = out.resolve("results");
        var rows = List.of(new ResultRow("part2", "cnn", "macro_f1", 0.5355, 0, 1, 3, "cpu", "d"));
        // left by an earlier full run with ten seeds
        ResultsCsv.write(results.resolve("05-lstm.csv"), rows);
        new RunRecord("05-lstm", "2026-01-02T03:04:05Z", "0123456789abcdef", false, "m",
                Map.of("GENRELAB_QUICK", "0", "GENRELAB_SEED", "7", "GENRELAB_SEEDS", "10"), "").write(RunRecord.fileFor(results.resolve("05-lstm.csv")));
        // written by this (quick) run
        java.time.Instant started = java.time.Instant.now();
        RunParameters quick = RunParameters.from(Map.of("GENRELAB_QUICK", "1", "GENRELAB_SEED", "42", "GENRELAB_REPORT", out.toString()));
        ResultsCsv.write(quick, "07-cnn", rows, "epochs 2");
        // no record, file older than the run
        ResultsCsv.write(results.resolve("04-logreg.csv"), rows);
        Files.setLastModifiedTime(results.resolve("04-logreg.csv"), java.nio.file.attribute.FileTime.from(started.minusSeconds(3600)));
        var ok = new NotebookRunner.Outcome("07-cnn", true, 1.5, null, null, null);
        String html = Files.readString(ReportIndex.write(out, List.of(ok), quick,
                new ReportIndex.Progress(List.of("07-cnn"), true, started)));
        String lstm = section(html, "05-lstm"), cnn = section(html, "07-cnn"), logreg = section(html, "04-logreg");
        assertTrue(lstm.contains("full mode, seed 7, 10 seeds"), lstm);
        assertTrue(lstm.contains("not from this run") && lstm.contains("before this run started"), lstm);
        assertTrue(cnn.contains("quick mode, seed 42"), cnn);
        assertFalse(cnn.contains("not from this run"), cnn);
        assertTrue(logreg.contains("mode and seed unknown") && logreg.contains("not from this run"), logreg);
    }

    /** The index's part about one results table: from its heading to the next. */
    static String section(String html, String table) {
        int i = html.indexOf("<h3>" + table + " ");
        assertTrue(i >= 0, "no table " + table + " in " + html);
        int j = html.indexOf("<h3>", i + 1);
        return html.substring(i, j < 0 ? html.length() : j);
    }

    static NotebookRunner pythonRunner(Path out) {
        return new NotebookRunner(ROOT, out, Map.of(), Duration.ofMinutes(5), "python3");
    }

    @Test
    void aFailingNotebookKeepsWhatItShowedBeforeTheFailingCell(@TempDir Path dir) throws Exception {
        Path nb = PythonNotebooks.write(dir, "98-fails", "print('shown ' + 'before')", "raise ValueError('deliberate failure')",
                "print('never ' + 'ran')");
        Path out = dir.resolve("report");
        NotebookRunner.Outcome o = pythonRunner(out).run(nb);
        assertFalse(o.ok(), "a failing cell fails the notebook");
        assertTrue(o.error().contains("An error occurred while executing the following cell"), o.error());
        assertTrue(o.error().contains("raise ValueError") && o.error().contains("deliberate failure"), o.error());
        assertNotNull(o.executed(), "the executed part is kept");
        String executed = Files.readString(o.executed());
        assertTrue(executed.contains("shown before"), "the first cell's output is kept");
        assertFalse(executed.contains("never ran"), "the cells after the failing one did not run");
        assertEquals(List.of("cell 2: ValueError: deliberate failure"), NotebookRunner.errorOutputs(o.executed()));
        assertNotNull(o.html());
        assertTrue(Files.readString(o.html()).contains("shown before"), "the HTML shows it too");
        String index = Files.readString(ReportIndex.write(out, List.of(o), RunParameters.from(Map.of())));
        assertTrue(index.contains("href=\"html/98-fails.html\"") && index.contains("deliberate failure")
                && index.contains("fail\">failed"), index);
    }

    @Test
    void anErrorOutputInAnExecutedNotebookMarksItFailed(@TempDir Path dir) throws Exception {
        // a cell tagged raises-exception lets execution go on past its error: the run succeeds, the notebook shows an error
        Path nb = PythonNotebooks.writeTagged(dir, "97-tagged", new String[][] {{"raises-exception"}, null},
                "1 / 0", "print('after')");
        NotebookRunner.Outcome o = pythonRunner(dir.resolve("report")).run(nb);
        assertFalse(o.ok(), "an error output is a failure");
        assertTrue(o.error().contains("cell 1: ZeroDivisionError: division by zero"), o.error());
        assertTrue(Files.readString(o.executed()).contains("after"));
    }

    @Test
    void aNotebookThatRunsCleanlyIsOk(@TempDir Path dir) throws Exception {
        NotebookRunner.Outcome o = pythonRunner(dir.resolve("report")).run(PythonNotebooks.write(dir, "96-fine", "print(6 * 7)"));
        assertTrue(o.ok(), () -> o.error());
        assertTrue(Files.readString(o.executed()).contains("42"));
        assertFalse(Files.readString(o.executed()).contains("\"execution\""), "no timing metadata");
        assertTrue(Files.exists(o.html()));
    }
}
