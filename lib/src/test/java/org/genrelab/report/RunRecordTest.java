package org.genrelab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.genrelab.results.ResultRow;
import org.genrelab.results.ResultsCsv;
import org.genrelab.results.RunParameters;
import org.genrelab.results.RunRecord;
import org.genrelab.results.GitRevision;
import org.genrelab.results.Machine;

/** Run records: the commit as the git command reports it, the record beside the results, the index's line. */
class RunRecordTest {

    /** Runs the git command (the independent reference for JGit's answers) and returns its output. */
    private static String git(Path dir, String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 7];
        System.arraycopy(new String[] {"git", "-C", dir.toString(), "-c", "user.name=t", "-c", "user.email=t@example.org"}, 0, cmd, 0, 7);
        System.arraycopy(args, 0, cmd, 7, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "git " + String.join(" ", args) + ": " + out);
        return out.strip();
    }

    private static Path repoWithOneCommit(Path dir) throws Exception {
        git(dir, "init", "-q");
        Files.writeString(dir.resolve("a.txt"), "one\n");
        Files.createDirectories(dir.resolve("notebooks"));
        git(dir, "add", "a.txt");
        git(dir, "commit", "-q", "-m", "first");
        return dir;
    }

    @Test
    void theRevisionIsTheCommitGitReportsAndSeesChangesToTrackedFilesOnly(@TempDir Path dir) throws Exception {
        repoWithOneCommit(dir);
        String head = git(dir, "rev-parse", "HEAD");
        assertEquals(new GitRevision(head, false), GitRevision.of(dir));
        assertEquals(new GitRevision(head, false), GitRevision.of(dir.resolve("notebooks")), "found from a folder below");
        Files.writeString(dir.resolve("new.txt"), "untracked\n");
        assertFalse(GitRevision.of(dir).modified(), "an untracked file is not a change to the code");
        Files.writeString(dir.resolve("a.txt"), "two\n");
        GitRevision two = GitRevision.of(dir);
        assertEquals(head, two.commit());
        assertTrue(two.modified());
        assertTrue(two.toString().matches(head + " \\(with uncommitted changes [0-9a-f]{12}\\)"), two.toString());
        assertEquals(two, GitRevision.of(dir), "the same edits, the same revision");
        Files.writeString(dir.resolve("a.txt"), "three\n");
        assertNotEquals(two.toString(), GitRevision.of(dir).toString(), "other uncommitted edits, another revision");
        git(dir, "commit", "-q", "-am", "second");
        assertEquals(new GitRevision(git(dir, "rev-parse", "HEAD"), false), GitRevision.of(dir));
    }

    @Test
    void outsideARepositoryOrBeforeTheFirstCommitTheRevisionIsUnknown(@TempDir Path dir) throws Exception {
        Path plain = Files.createDirectories(dir.resolve("plain"));
        if (GitRevision.of(dir).commit().equals(GitRevision.UNKNOWN)) { // the temp folder is not inside some repository
            assertEquals(new GitRevision(GitRevision.UNKNOWN, false), GitRevision.of(plain));
        }
        Path empty = Files.createDirectories(dir.resolve("empty"));
        git(empty, "init", "-q");
        assertEquals(new GitRevision(GitRevision.UNKNOWN, false), GitRevision.of(empty));
    }

    @Test
    void aNotebooksResultsCarryTheRecordOfTheirRun(@TempDir Path dir) throws Exception {
        Path repo = repoWithOneCommit(Files.createDirectories(dir.resolve("repo")));
        Path report = dir.resolve("report");
        var params = RunParameters.from(Map.of("GENRELAB_ROOT", repo.toString(), "GENRELAB_REPORT", report.toString(),
                "GENRELAB_SEED", "7", "GENRELAB_QUICK", "1"));
        Instant before = Instant.now().minusSeconds(1);
        Path csv = ResultsCsv.write(params, "07-cnn",
                List.of(new ResultRow("part2", "cnn", "macro_f1", 0.53, 0.01, 5, 9, "cpu", "study-embeddings")),
                "cnnEpochs=60, seeds=5");
        assertEquals(report.resolve("results/07-cnn.csv"), csv);
        assertEquals(0.53, ResultsCsv.read(csv).get(0).value(), 1e-12);
        Path json = report.resolve("results/07-cnn.run.json");
        assertEquals(json, RunRecord.fileFor(csv));
        RunRecord r = RunRecord.read(json);
        assertEquals("07-cnn", r.notebook());
        assertEquals(git(repo, "rev-parse", "HEAD"), r.commit());
        assertFalse(r.modified());
        assertEquals(params.asMap(), r.parameters());
        assertEquals("7", r.parameters().get("GENRELAB_SEED"));
        assertEquals("cnnEpochs=60, seeds=5", r.settings());
        assertEquals(Machine.describe(), r.machine());
        Instant finished = Instant.parse(r.finished());
        assertTrue(!finished.isBefore(before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                && Duration.between(finished, Instant.now()).getSeconds() < 60, r.finished());
        assertTrue(Files.readString(json).contains("\"GENRELAB_SEED\": \"7\""), "plain JSON a person can read");

        // the index says which commit and settings wrote each table, and which table has no record
        ResultsCsv.write(report.resolve("results/06-fcnn.csv"),
                List.of(new ResultRow("part2", "fcnn", "macro_f1", 0.5, 0, 1, 3, "cpu", "d")));
        var ok = new NotebookRunner.Outcome("07-cnn", true, 1, null, null, null);
        String html = Files.readString(ReportIndex.write(report, List.of(ok), params));
        assertTrue(html.contains("by commit " + r.commit().substring(0, 10) + "; settings: cnnEpochs=60, seeds=5"), html);
        assertTrue(html.contains("No run record beside this file"), "06's table is marked as unrecorded");
        assertTrue(html.contains("<td>code</td><td>" + r.commit() + "</td>"), "the run table names the code's commit");
    }

    @Test
    void writingResultsAgainReplacesTheRecordAndAFileThatIsNoRecordIsNamed(@TempDir Path dir) throws Exception {
        Path repo = repoWithOneCommit(Files.createDirectories(dir.resolve("repo")));
        var params = RunParameters.from(Map.of("GENRELAB_ROOT", repo.toString(), "GENRELAB_REPORT", dir.resolve("r").toString()));
        var rows = List.of(new ResultRow("e", "m", "macro_f1", 0.5, 0, 1, 1, "cpu", "d"));
        ResultsCsv.write(params, "05-lstm", rows, "first");
        Files.writeString(repo.resolve("a.txt"), "changed\n");
        Path csv = ResultsCsv.write(params, "05-lstm", rows, null);
        RunRecord r = RunRecord.besideResults(csv).orElseThrow();
        assertEquals("", r.settings());
        assertTrue(r.modified());
        assertTrue(r.shortCommit().endsWith(" + uncommitted changes"));
        // writing a notebook's results removes its run journal, and only its own
        Path own = Files.createDirectories(params.runJournal("05-lstm"));
        Files.writeString(own.resolve("cnn-0123.json"), "{}");
        Path other = Files.createDirectories(params.runJournal("06-fcnn"));
        ResultsCsv.write(params, "05-lstm", rows, null);
        assertTrue(Files.notExists(own), "05's journal is gone once its results are written");
        assertTrue(Files.isDirectory(other), "06's journal stays");
        Path bad = dir.resolve("bad.run.json");
        Files.writeString(bad, "[1, 2");
        IOException e = assertThrows(IOException.class, () -> RunRecord.read(bad));
        assertTrue(e.getMessage().contains("bad.run.json"), e.getMessage());
        Files.writeString(bad, "{\"x\": 1}");
        assertThrows(IOException.class, () -> RunRecord.read(bad));
    }
}
