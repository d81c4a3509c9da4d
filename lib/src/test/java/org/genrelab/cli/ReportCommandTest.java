package org.genrelab.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
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
}
