package org.genrelab.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.genrelab.SharedData;
import org.genrelab.report.NotebookRunner;
import org.genrelab.report.PythonNotebooks;
import org.genrelab.results.RunParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {

    static ReportCommand parse(String... args) {
        ReportCommand c = new ReportCommand();
        new CommandLine(c).parseArgs(args);
        return c;
    }

    @Test
    void theFullProtocolGetsALimitTheTwoHourSearchFitsIn() {
        Duration full = parse("--full").timeout();
        assertNotNull(full, "a hang guard stays");
        // README: the 200-trial search (05-lstm, one cell) took about 107 minutes on 2 cores
        assertTrue(full.compareTo(Duration.ofMinutes(107 * 3)) > 0, "full-mode limit " + full);
    }

    @Test
    void quickModeKeepsItsHourAndAnExplicitLimitWins() {
        assertEquals(Duration.ofMinutes(60), parse().timeout());
        assertEquals(Duration.ofMinutes(60), parse("--quick").timeout());
        assertEquals(Duration.ofMinutes(90), parse("--full", "--timeout", "90").timeout());
        assertEquals(Duration.ofMinutes(5), parse("--timeout", "5").timeout());
        assertNull(parse("--full", "--timeout", "0").timeout(), "0 is no limit");
    }

    @Test
    void aNegativeLimitIsRefused() throws Exception {
        assertEquals(2, parse("--timeout", "-1").call());
    }

    @Test
    void theHelpNamesBothDefaults() {
        StringWriter w = new StringWriter();
        new CommandLine(new ReportCommand()).usage(new PrintWriter(w));
        String help = w.toString().replaceAll("\\s+", " ");
        assertTrue(help.contains("60 in quick mode"), help);
        assertTrue(help.contains("12 hours with --full"), help);
        assertTrue(help.contains("0 for no limit"), help);
    }

    @Test
    void theIndexIsWrittenBeforeTheFirstNotebookAndAfterEachOne(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report");
        String readIndex = "import os\nhtml = open(os.path.join(os.environ['GENRELAB_REPORT'], 'index.html')).read()\n";
        Path a = PythonNotebooks.write(dir, "01-a", readIndex + "print('A sees ok:', html.count('class=\"ok\">ok'), 'running:', html.count('>running<'))");
        Path b = PythonNotebooks.write(dir, "02-b", readIndex + "print('B sees ok:', html.count('class=\"ok\">ok'), 'running:', html.count('>running<'))");
        RunParameters params = RunParameters.from(Map.of("GENRELAB_ROOT", SharedData.repo().toString(),
                "GENRELAB_REPORT", out.toString()));
        NotebookRunner runner = new NotebookRunner(SharedData.repo(), out, Map.of("GENRELAB_REPORT", out.toString()),
                Duration.ofMinutes(5), "python3");
        List<Integer> seen = new java.util.ArrayList<>();
        var outcomes = ReportCommand.runIndexed(runner, List.of(a, b), params, o -> seen.add(o.size()));
        assertEquals(List.of(1, 2), seen);
        assertTrue(outcomes.stream().allMatch(NotebookRunner.Outcome::ok), () -> outcomes.toString());
        // each notebook read the index as it stood while it ran
        assertTrue(Files.readString(out.resolve("notebooks/01-a.ipynb")).contains("A sees ok: 0 running: 1"));
        assertTrue(Files.readString(out.resolve("notebooks/02-b.ipynb")).contains("B sees ok: 1 running: 1"));
        String last = Files.readString(out.resolve("index.html"));
        assertEquals(2, last.split("class=\"ok\">ok", -1).length - 1, last);
        assertFalse(last.contains("Run in progress"), "the last index is the finished run's");
        assertFalse(Files.exists(out.resolve("index.html.tmp")));
    }
}
