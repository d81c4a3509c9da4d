package org.genrelab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.genrelab.results.GitRevision;
import org.genrelab.results.Machine;
import org.genrelab.results.ResultRow;
import org.genrelab.results.ResultsCsv;
import org.genrelab.results.RunParameters;
import org.genrelab.results.RunRecord;
import tech.tablesaw.api.Table;

/** Writes the report's {@code index.html}: the run (parameters, the code's commit, the machine), every notebook with its
 * status, run time and link, then every results table (one line per experiment and model, a column per metric; the CSV
 * beside it keeps the long form) with the commit, time and settings of the run that wrote it ({@link RunRecord}).
 * The report command rewrites it before the first notebook and after each one, atomically, so that a run killed
 * midway leaves an index of what it did, never the previous run's. */
public final class ReportIndex {

    private ReportIndex() {
    }

    /**
     * Where the run stands.
     *
     * @param planned  every notebook the run was asked to execute, in order; those without an outcome are listed
     *                 as still to run (or, once the run has ended, as not run)
     * @param finished whether the run has ended (all notebooks ran, or it stopped at a failure)
     * @param started  when the run began: results tables written before it are marked as not from this run;
     *                 {@code null} if unknown (nothing is marked)
     */
    public record Progress(List<String> planned, boolean finished, Instant started) {
        public Progress {
            planned = List.copyOf(planned);
        }
    }

    /** The index of a run that has ended with these outcomes (its start unknown: no table is marked as older). */
    public static Path write(Path reportDir, List<NotebookRunner.Outcome> outcomes, RunParameters params) throws IOException {
        return write(reportDir, outcomes, params,
                new Progress(outcomes.stream().map(NotebookRunner.Outcome::notebook).toList(), true, null));
    }

    /** The index of a run, finished or not; written to a temporary file, then moved over {@code index.html}. */
    public static Path write(Path reportDir, List<NotebookRunner.Outcome> outcomes, RunParameters params, Progress progress)
            throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>GenreLab report</title>")
          .append("<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto}td,th{padding:3px 10px}")
          .append(Headline.CSS)
          .append(".run{color:#57606a;font-size:90%}.ok{color:#1a7f37}.fail{color:#cf222e}pre{background:#f6f8fa;padding:8px;overflow:auto}</style></head><body>")
          .append("<h1>GenreLab report</h1><p>Music genre classification on FMA-small: the 2020 study's experiments, "
                  + "reproduced in Java.</p>");
        Headline.append(sb, reportDir, Reproduction.referenceFolder(params.root()));
        sb.append("<h2>Run</h2><table>");
        params.asMap().forEach((k, v) -> sb.append("<tr><td>").append(HtmlTables.escape(k)).append("</td><td>")
                .append(HtmlTables.escape(v)).append("</td></tr>"));
        if (progress.started() != null) {
            sb.append("<tr><td>started</td><td>").append(progress.started().truncatedTo(ChronoUnit.SECONDS))
              .append("</td></tr>");
        }
        sb.append("<tr><td>code</td><td>").append(HtmlTables.escape(GitRevision.of(params.root()).toString()))
          .append("</td></tr><tr><td>machine</td><td>").append(HtmlTables.escape(Machine.describe())).append("</td></tr>");
        sb.append("</table><h2>Notebooks</h2>");
        if (!progress.finished()) {
            sb.append("<p class=\"fail\">Run in progress (or stopped before it ended): ").append(outcomes.size())
              .append(" of ").append(progress.planned().size()).append(" notebooks done; this page was written ")
              .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(".</p>");
        }
        sb.append("<table><tr><th>notebook</th><th>status</th><th>run time</th></tr>");
        double total = 0;
        for (NotebookRunner.Outcome o : outcomes) {
            total += o.seconds();
            String link = o.html() != null ? "<a href=\"html/" + o.notebook() + ".html\">" + o.notebook() + "</a>" : o.notebook();
            sb.append("<tr><td>").append(link).append("</td><td class=\"").append(o.ok() ? "ok\">ok" : "fail\">failed")
              .append("</td><td>").append(String.format(Locale.ROOT, "%.1f s", o.seconds())).append("</td></tr>");
        }
        List<String> done = outcomes.stream().map(NotebookRunner.Outcome::notebook).toList();
        boolean first = true;
        for (String nb : progress.planned()) {
            if (done.contains(nb)) continue;
            String status = progress.finished() ? "not run" : first ? "running" : "to run";
            first = false;
            sb.append("<tr><td>").append(HtmlTables.escape(nb)).append("</td><td>").append(status).append("</td><td></td></tr>");
        }
        sb.append(String.format(Locale.ROOT, "<tr><td><b>total</b></td><td></td><td><b>%.1f s</b></td></tr></table>", total));
        for (NotebookRunner.Outcome o : outcomes) {
            if (!o.ok()) sb.append("<h3 class=\"fail\">").append(o.notebook()).append(" failed</h3><pre>")
                    .append(HtmlTables.escape(o.error() == null ? "" : o.error())).append("</pre>");
        }
        Path results = reportDir.resolve("results");
        if (Files.isDirectory(results)) {
            sb.append("<h2>Results, notebook by notebook</h2>");
            try (Stream<Path> s = Files.list(results)) {
                for (Path f : s.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                    String name = f.getFileName().toString();
                    Provenance prov = provenance(f, progress.started());
                    sb.append("<h3>").append(HtmlTables.escape(name.replaceFirst("\\.csv$", "")))
                      .append(" <small>(<a href=\"results/").append(name).append("\">csv</a>) ")
                      .append(HtmlTables.escape(prov.mode())).append("</small>")
                      .append(prov.older() ? " <span class=\"fail\">not from this run</span>" : "").append("</h3>");
                    List<ResultRow> rows;
                    try {
                        rows = ResultsCsv.read(f);
                    } catch (IOException | RuntimeException e) { // one bad file costs its table, not the index
                        sb.append("<p class=\"fail\">Unreadable results file: ").append(HtmlTables.escape(String.valueOf(e)))
                          .append("</p>");
                        continue;
                    }
                    Table table;
                    try {
                        table = ResultTables.wide("", rows);
                    } catch (IllegalArgumentException repeated) { // a metric twice for one model: show the rows as written
                        table = ResultTables.tidy("", rows);
                    }
                    sb.append(HtmlTables.toHtml(table));
                    sb.append("<p class=\"run\">").append(HtmlTables.escape(prov.line())).append("</p>");
                }
            }
        }
        sb.append("</body></html>\n");
        Path index = reportDir.resolve("index.html");
        Files.createDirectories(reportDir);
        Path tmp = reportDir.resolve("index.html.tmp");
        Files.writeString(tmp, sb.toString());
        Files.move(tmp, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return index;
    }

    /**
     * What the index says about a results file.
     *
     * @param mode  its mode and seed, e.g. "quick mode, seed 42" or "full mode, seed 42, 10 seeds" (from its run record)
     * @param older whether it was written before this run started, so this run did not produce it
     * @param line  when and by which commit it was written, with the settings
     */
    record Provenance(String mode, boolean older, String line) {
    }

    /** The provenance of a results file from the {@link RunRecord} beside it; {@code started}: this run's start, or null. */
    static Provenance provenance(Path resultsCsv, Instant started) {
        RunRecord r;
        try {
            r = RunRecord.besideResults(resultsCsv).orElse(null);
        } catch (IOException e) {
            return new Provenance("mode and seed unknown", olderThan(resultsCsv, null, started),
                    "Unreadable run record: " + e.getMessage());
        }
        if (r == null) {
            return new Provenance("mode and seed unknown", olderThan(resultsCsv, null, started),
                    "No run record beside this file: the commit and settings that produced it are unknown.");
        }
        boolean older = olderThan(resultsCsv, r, started);
        return new Provenance(modeAndSeed(r.parameters()), older, "Written " + r.finished() + " by commit " + r.shortCommit()
                + (older ? ", before this run started (" + started.truncatedTo(ChronoUnit.SECONDS)
                        + "): this run did not write it" : "")
                + (r.settings().isEmpty() ? "" : "; settings: " + r.settings()));
    }

    /** "quick mode, seed 42", with the seed count when the run set one, from a run record's parameters. */
    static String modeAndSeed(Map<String, String> p) {
        String quick = p.get("GENRELAB_QUICK");
        String mode = "1".equals(quick) ? "quick mode" : "0".equals(quick) ? "full mode" : "mode unknown";
        String seed = p.get("GENRELAB_SEED");
        String seeds = p.getOrDefault("GENRELAB_SEEDS", "");
        return mode + ", seed " + (seed == null ? "unknown" : seed) + (seeds.matches("\\d+") ? ", " + seeds + " seeds" : "");
    }

    /** Whether a results file predates the run: by its record's finishing time, else by the file's time. */
    private static boolean olderThan(Path resultsCsv, RunRecord r, Instant started) {
        if (started == null) return false;
        Instant since = started.truncatedTo(ChronoUnit.SECONDS); // records keep whole seconds
        try {
            Instant written = r != null ? Instant.parse(r.finished()) : Files.getLastModifiedTime(resultsCsv).toInstant();
            return written.isBefore(since);
        } catch (IOException | DateTimeException e) {
            return true; // cannot tell when it was written: do not claim it for this run
        }
    }
}
