package org.genrelab.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.genrelab.results.RunRecord;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The top of the report's index: did the Java reproduction match the study? Per part, a table of the study's models
 * ({@link Reproduction}: the study's F1, the reference full run's mean ± std and 95% interval, whether the study's
 * figure lies inside it, this run's figure and mode) and a chart of the same, written to {@code charts/} beside the
 * index. Quick-mode figures are marked as smoke-test sizes; a full run's figure beyond the reference's seed spread is
 * flagged.
 */
public final class Headline {

    /** The bootstrap seed of the headline's intervals: fixed, so the reference's intervals do not move with --seed. */
    public static final long BOOTSTRAP_SEED = 42;

    /** Style of the headline's tables (appended to the index's style sheet). */
    static final String CSS = "table.headline{border-collapse:collapse;margin:0.5em 0}"
            + "table.headline th{border-bottom:1px solid #999;text-align:left;vertical-align:bottom}"
            + "table.headline td.num{text-align:right;white-space:nowrap}"
            + "table.headline tr.beyond td{color:#444;font-style:italic}"
            + ".quick{color:#8c6d1f}.yes{color:#1a7f37}.no{color:#cf222e}.na{color:#57606a}"
            + ".banner{background:#fff8c5;border:1px solid #d4a72c;padding:6px 10px}"
            + ".flag{background:#ffebe9;border:1px solid #cf222e;padding:6px 10px}";

    private Headline() {
    }

    /** Appends the headline section for the report in {@code reportDir} against the reference in {@code reference}. */
    static void append(StringBuilder sb, Path reportDir, Path reference) throws IOException {
        List<Reproduction.Line> lines;
        try {
            lines = Reproduction.lines(reference, reportDir, BOOTSTRAP_SEED);
        } catch (IOException | RuntimeException e) { // a bad file costs the headline, not the index
            sb.append("<p class=\"fail\">The reproduction's headline could not be built: ")
              .append(HtmlTables.escape(String.valueOf(e))).append("</p>");
            return;
        }
        sb.append("<h2>The reproduction at a glance</h2>");
        sb.append("<p>For each model of the study: the study's test macro-F1; GenreLab's <b>reference</b>, a full run ")
          .append("committed with the code (<code>notebooks/reference/</code>), as mean ± std over its seeds with a 95% ")
          .append("bootstrap interval over the test tracks; whether the study's figure lies inside that interval; and ")
          .append("<b>this run</b>'s figure. All figures are macro-F1 in percent on the test split.</p>");
        boolean quick = lines.stream().anyMatch(l -> l.current() != null && l.current().quick());
        if (quick) {
            sb.append("<p class=\"banner\"><b>This run is in quick mode.</b> Its figures come from smoke-test sizes (a ")
              .append("slice of the training data, few epochs, few seeds): they show that the pipeline runs, not how ")
              .append("well the models do, and are not comparable with the study. The reference column is the full ")
              .append("protocol; <code>./genrelab report --full</code> reproduces it.</p>");
        }
        lines.stream().filter(l -> l.entry().part() == Reproduction.Part.PART2 && l.current() != null
                && !l.current().comparable()).findFirst().ifPresent(l -> sb.append("<p class=\"banner\"><b>Part 2 of this run ")
                .append("did not read the study's embeddings</b> but ").append(HtmlTables.escape(l.current().data()))
                .append(": no data folder was found (<code>../shared/data</code> beside the repository, or <code>--data DIR</code>). ")
                .append("Its figures test the pipeline, not the study. For the study's own embeddings: ")
                .append("<code>data/fetch-study-embeddings.sh DEST</code>, then <code>./genrelab report --data DEST</code>.</p>"));
        long flagged = lines.stream().filter(Reproduction.Line::flagged).count();
        if (flagged > 0) {
            sb.append("<p class=\"flag\"><b>").append(flagged).append(" model(s) of this full run differ from the reference ")
              .append("by more than twice the seed spread</b> (marked below).</p>");
        }
        Path charts = reportDir.resolve("charts");
        for (Reproduction.Part part : Reproduction.Part.values()) {
            List<Reproduction.Line> of = Reproduction.of(lines, part);
            sb.append("<h3>").append(HtmlTables.escape(part.title())).append("</h3>");
            sb.append("<p>").append(HtmlTables.escape(summary(of))).append("</p>");
            table(sb, of);
            provenance(sb, of);
            XYChart chart = chart(part, of);
            if (chart != null) {
                Files.createDirectories(charts);
                String file = "headline-" + part.name().toLowerCase(Locale.ROOT) + ".png";
                Path tmp = charts.resolve(file + ".tmp");
                ImageIO.write(Show.image(chart), "png", tmp.toFile());
                Files.move(tmp, charts.resolve(file), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                sb.append("<p><img src=\"charts/").append(file).append("\" alt=\"").append(HtmlTables.escape(chart.getTitle()))
                  .append("\" style=\"max-width:100%\"></p>");
            }
        }
    }

    /** One sentence on a part: how many of the study's figures lie inside the reference's intervals, or why not asked. */
    static String summary(List<Reproduction.Line> lines) {
        List<Reproduction.Line> study = lines.stream().filter(l -> !l.entry().beyondStudy()).toList();
        List<Reproduction.Line> withRef = study.stream().filter(l -> l.reference() != null).toList();
        if (withRef.isEmpty()) {
            return "The reference has no results for this part yet (notebooks/reference/).";
        }
        if (withRef.stream().noneMatch(l -> l.reference().comparable())) {
            return "The reference ran on " + withRef.get(0).reference().data() + ", not on FMA: it shows the pipeline "
                    + "end to end, and its figures are not comparable with the study's.";
        }
        long inside = withRef.stream().filter(l -> l.studyInside().equals("yes")).count();
        long higher = withRef.stream().filter(l -> l.studyInside().equals("no (ours higher)")).count();
        long lower = withRef.stream().filter(l -> l.studyInside().equals("no (ours lower)")).count();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "%d of the study's %d figures lie inside the reference's 95%% interval", inside, withRef.size()));
        if (higher > 0) s.append(String.format(Locale.ROOT, "; %d below it (GenreLab higher)", higher));
        if (lower > 0) s.append(String.format(Locale.ROOT, "; %d above it (GenreLab lower)", lower));
        s.append('.');
        lines.stream().filter(l -> l.entry().beyondStudy() && l.reference() != null)
                .max(Comparator.comparingDouble(l -> l.reference().macroF1()))
                .ifPresent(best -> {
                    double studyBest = study.stream().mapToDouble(l -> l.entry().study()).max().orElse(Double.NaN);
                    s.append(String.format(Locale.ROOT, " Beyond the study, %s reaches %.2f (the study's best: %.2f).",
                            best.entry().label(), best.reference().macroF1(), studyBest));
                });
        return s.toString();
    }

    private static void table(StringBuilder sb, List<Reproduction.Line> lines) {
        sb.append("<table class=\"headline\"><tr><th>model</th><th>study F1</th><th>reference<br>mean ± std (runs)</th>")
          .append("<th>reference<br>95% interval</th><th>study inside<br>the interval?</th><th>this run</th>")
          .append("<th>this run against the reference</th></tr>");
        for (Reproduction.Line l : lines) {
            Reproduction.Figures r = l.reference();
            Reproduction.Figures c = l.current();
            String inside = l.studyInside();
            String insideClass = inside.equals("yes") ? "yes" : inside.startsWith("no (") ? "no" : "na";
            String verdict = l.currentVerdict();
            String verdictClass = c != null && c.quick() ? "quick" : l.flagged() ? "no" : c == null ? "na" : "yes";
            sb.append("<tr").append(l.entry().beyondStudy() ? " class=\"beyond\"" : "").append("><td>")
              .append(HtmlTables.escape(l.entry().label())).append(l.entry().beyondStudy() ? " (beyond the study)" : "")
              .append("</td><td class=\"num\">")
              .append(l.entry().study() == null ? "" : String.format(Locale.ROOT, "%.2f", l.entry().study()))
              .append("</td><td class=\"num\">").append(r == null ? "" : HtmlTables.escape(Reproduction.meanStd(r))
                      + (r.runs() > 1 ? " (" + r.runs() + ")" : ""))
              .append("</td><td class=\"num\">").append(HtmlTables.escape(Reproduction.interval(r)))
              .append("</td><td class=\"").append(insideClass).append("\">").append(HtmlTables.escape(inside))
              .append("</td><td class=\"num").append(c != null && c.quick() ? " quick" : "").append("\">")
              .append(c == null ? "" : HtmlTables.escape(Reproduction.meanStd(c)) + " <small>(" + c.mode() + ")</small>")
              .append("</td><td class=\"").append(verdictClass).append("\">").append(HtmlTables.escape(verdict))
              .append("</td></tr>");
        }
        sb.append("</table>");
    }

    /** Which runs the reference's rows come from: commit, machine and date of each distinct run record. */
    private static void provenance(StringBuilder sb, List<Reproduction.Line> lines) {
        Set<String> runs = new LinkedHashSet<>();
        for (Reproduction.Line l : lines) {
            if (l.reference() == null || l.reference().record() == null) continue;
            RunRecord r = l.reference().record();
            runs.add(r.notebook() + ": " + r.mode() + " run of " + r.finished().substring(0, 10) + ", commit " + r.shortCommit()
                    + ", " + r.machine());
        }
        if (!runs.isEmpty()) {
            sb.append("<p class=\"run\">Reference: ").append(HtmlTables.escape(String.join("; ", runs))).append(".</p>");
        }
    }

    /**
     * The reference's intervals as horizontal bars, the study's figure as a cross on each study model's row, and this
     * run's figure as a dot when it is a full run; null when the reference has none of the part's models.
     */
    static XYChart chart(Reproduction.Part part, List<Reproduction.Line> lines) {
        List<Reproduction.Line> drawn = lines.stream().filter(l -> l.reference() != null && l.reference().interval() != null)
                .toList();
        if (drawn.isEmpty()) return null;
        List<String> names = new ArrayList<>();
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        List<Double> studyX = new ArrayList<>();
        List<Double> studyY = new ArrayList<>();
        List<Double> runX = new ArrayList<>();
        List<Double> runY = new ArrayList<>();
        for (int i = 0; i < drawn.size(); i++) {
            Reproduction.Line l = drawn.get(i);
            double at = drawn.size() - i;
            var iv = l.reference().interval();
            names.add(l.entry().label() + (l.entry().beyondStudy() ? " (beyond)" : ""));
            xs.add(new double[] {iv.lower(), l.reference().macroF1(), iv.upper()});
            ys.add(new double[] {at, at, at});
            if (l.entry().study() != null) {
                studyX.add(l.entry().study());
                studyY.add(at);
            }
            if (l.current() != null && !l.current().quick()) {
                runX.add(l.current().macroF1());
                runY.add(at);
            }
        }
        XYChart c = Charts.intervals(part.title() + ": the reference's test macro-F1 with its 95% interval, and the study's",
                "test macro-F1 (%)", names, xs, ys);
        if (!studyX.isEmpty()) {
            var s = c.addSeries("the study's figure", studyX, studyY);
            s.setMarker(SeriesMarkers.CROSS);
            s.setLineStyle(SeriesLines.NONE);
            s.setMarkerColor(Color.BLACK);
        }
        if (!runX.isEmpty()) {
            var s = c.addSeries("this run", runX, runY);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineStyle(SeriesLines.NONE);
            s.setMarkerColor(Color.GRAY);
        }
        return c;
    }
}
