package org.genrelab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.genrelab.data.StudyEmbeddings;
import org.genrelab.eval.TestSetBootstrap;
import org.genrelab.results.ResultRow;
import org.genrelab.results.ResultsCsv;
import org.genrelab.results.PredictionsCsv;
import org.genrelab.results.RunRecord;
import org.genrelab.eval.TestSetIntervals;

/**
 * The reproduction at a glance: one line per model of the study, with the study's test macro-F1, the committed
 * reference run's (a full run, {@code notebooks/reference/}: mean ± std over its seeds and a 95% bootstrap interval
 * over the test tracks), whether the study's figure lies inside that interval, and this run's figure with its mode.
 * A few lines beyond the study follow each part's study models, marked as such.
 *
 * <p>Both the reference and a report are a {@link ResultsFolder}: {@code results/<notebook>.csv} with the
 * {@code .run.json} beside it, and {@code predictions/<notebook>.csv}, whose test predictions give the intervals.
 * Part 1's intervals come from the official split (one test set for every run); Part 2's from the study's split.
 */
public final class Reproduction {

    /** The study's two tables. */
    public enum Part {
        PART1("Part 1 · hand-crafted features"),
        PART2("Part 2 · VGGish embeddings");

        private final String title;

        Part(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /**
     * A model of the headline and where its results are.
     *
     * @param label      the name a reader knows it by
     * @param study      the study's test macro-F1 (percent), or null for a model beyond the study
     * @param notebook   the notebook that writes its results, e.g. {@code "05-lstm"}
     * @param experiment the results rows' experiment
     * @param model      the results rows' model, or its start when {@code prefix} (the logistic regression's name
     *                   carries the C chosen on validation)
     */
    public record Entry(Part part, String label, Double study, String notebook, String experiment, String model,
                        boolean prefix) {

        boolean matches(ResultRow r) {
            return r.experiment().equals(experiment) && (prefix ? r.model().startsWith(model) : r.model().equals(model));
        }

        public boolean beyondStudy() {
            return study == null;
        }
    }

    /** What Part 1 ran on by default. */
    static final String SYNTHETIC = "the synthetic corpus";

    /** Part 1's rows come from the official split, whose test tracks every run shares. */
    static final String PART1_EXPERIMENT = "part1-study-features-official-split";
    static final String PART1_NOTEBOOK = "02-classical-models";

    /** The headline's models: the study's, then those beyond it, per part. */
    public static final List<Entry> ENTRIES = List.of(
            new Entry(Part.PART1, "SVC", 59.92, PART1_NOTEBOOK, PART1_EXPERIMENT, "SVC", false),
            new Entry(Part.PART1, "Random forest", 56.23, PART1_NOTEBOOK, PART1_EXPERIMENT, "Random forest", false),
            new Entry(Part.PART1, "Gradient boosting", 57.13, PART1_NOTEBOOK, PART1_EXPERIMENT, "Gradient boosting", false),
            new Entry(Part.PART1, "Logistic regression", 53.59, PART1_NOTEBOOK, PART1_EXPERIMENT, "Logistic regression", false),
            new Entry(Part.PART1, "CatBoost (here XGBoost, a stand-in)", 59.34, PART1_NOTEBOOK, PART1_EXPERIMENT,
                    "XGBoost (CatBoost stand-in)", false),
            new Entry(Part.PART2, "Logistic regression (flattened embeddings)", 52.63, "04-logreg-baseline", "part2",
                    "logistic-C", true),
            new Entry(Part.PART2, "LSTM, the study's published configuration", 54.01, "05-lstm", "part2", "lstm-published", false),
            new Entry(Part.PART2, "LSTM, best of our ASHA search", 54.01, "05-lstm", "part2", "lstm-asha-best", false),
            new Entry(Part.PART2, "Fully connected net 2-1", 48.32, "06-fcnn", "part2", "fcnn-2-1-h30", false),
            new Entry(Part.PART2, "CNN", 53.28, "07-cnn", "part2", "cnn", false),
            new Entry(Part.PART2, "Logistic regression on clip statistics", null, "04-logreg-baseline", "part2",
                    "logistic-clip-statistics-C", true),
            new Entry(Part.PART2, "LSTM, mean and max readout", null, "05-lstm", "part2", "lstm-published-meanmax", false),
            new Entry(Part.PART2, "Ensemble: the best of each family voting", null, "08-results-part2", "part2",
                    Part2Ensemble.MODEL, false));

    /**
     * One model's figures in one results folder.
     *
     * @param macroF1  test macro-F1 (percent), mean over the runs
     * @param std      its population std over the runs (percent)
     * @param interval the 95% bootstrap interval of the mean over the test tracks (percent), or null without predictions
     * @param mode     "full" or "quick" (from the run record), or "unknown"
     * @param data       what Part 1 ran on ("the synthetic corpus" or the audio / features given), Part 2's dataset column
     * @param comparable whether the study's figures can be compared with these: FMA's data, not the synthetic corpus,
     *                   and for Part 2 the study's own embeddings
     * @param record     the run record beside the results, or null
     */
    public record Figures(String model, double macroF1, double std, int runs, TestSetBootstrap.Interval interval, String mode,
                          String data, boolean comparable, RunRecord record) {

        public boolean quick() {
            return "quick".equals(mode);
        }
    }

    /**
     * A line of the headline.
     *
     * @param reference the reference run's figures, or null if the reference lacks this model
     * @param current   this run's, or null if this run did not produce it
     */
    public record Line(Entry entry, Figures reference, Figures current) {

        /** Whether the study's figure lies inside the reference's interval: "yes", "no (ours higher)", … or why not asked. */
        public String studyInside() {
            if (entry.beyondStudy()) return "beyond the study";
            if (reference == null) return "no reference";
            if (!reference.comparable()) return "not comparable: " + reference.data();
            if (reference.interval() == null) return "no interval";
            double s = entry.study();
            TestSetBootstrap.Interval i = reference.interval();
            return s < i.lower() ? "no (ours higher)" : s > i.upper() ? "no (ours lower)" : "yes";
        }

        /**
         * What this run says against the reference: quick mode's sizes make its figures a smoke test; a full run's
         * figure beyond twice the seed spread of the reference (or 0.1 points for a deterministic model) is flagged.
         */
        public String currentVerdict() {
            if (current == null) return "not run";
            if (current.quick()) return "quick mode: smoke-test sizes, not comparable";
            if (reference == null) return current.mode() + " run; no reference to compare";
            if (!current.data().equals(reference.data())) return "other data than the reference (" + current.data() + ")";
            double d = current.macroF1() - reference.macroF1();
            double tolerance = Math.max(0.1, 2 * Math.max(reference.std(), current.std()));
            return Math.abs(d) <= tolerance ? String.format(Locale.ROOT, "as the reference (%+.2f)", d)
                    : String.format(Locale.ROOT, "differs from the reference by %+.2f, beyond twice the seed spread", d);
        }

        /** Whether {@link #currentVerdict()} flags a difference. */
        public boolean flagged() {
            return currentVerdict().startsWith("differs");
        }
    }

    private Reproduction() {
    }

    /** The folder of the committed reference results: {@code notebooks/reference/} of the repository. */
    public static Path referenceFolder(Path root) {
        return root.resolve("notebooks").resolve("reference");
    }

    /**
     * The headline's lines from the reference folder and a report folder (either may lack any notebook).
     *
     * @param seed the bootstrap's seed (the same resamples for the reference and the run)
     */
    public static List<Line> lines(Path reference, Path report, long seed) throws IOException {
        ResultsFolder ref = new ResultsFolder(reference);
        ResultsFolder run = new ResultsFolder(report);
        List<Line> out = new ArrayList<>();
        for (Entry e : ENTRIES) out.add(new Line(e, ref.figures(e, seed), run.figures(e, seed)));
        return out;
    }

    /** The lines of one part. */
    public static List<Line> of(List<Line> lines, Part part) {
        return lines.stream().filter(l -> l.entry().part() == part).toList();
    }

    /** "55.52 ± 1.22", or "52.51" for one run; "" for none. */
    static String meanStd(Figures f) {
        if (f == null) return "";
        return f.runs() > 1 ? String.format(Locale.ROOT, "%.2f ± %.2f", f.macroF1(), f.std())
                : String.format(Locale.ROOT, "%.2f", f.macroF1());
    }

    /** "52.71 – 58.19", or "" without an interval. */
    static String interval(Figures f) {
        if (f == null || f.interval() == null) return "";
        return String.format(Locale.ROOT, "%.2f – %.2f", f.interval().lower(), f.interval().upper());
    }

    /** A part's headline as a Markdown table (README's), from the reference's figures. */
    public static String markdown(List<Line> lines) {
        StringBuilder sb = new StringBuilder("| model | study | GenreLab (mean ± std) | 95% interval | study inside? |\n"
                + "|---|---|---|---|---|\n");
        for (Line l : lines) {
            Figures r = l.reference();
            sb.append("| ").append(l.entry().beyondStudy() ? "*" + l.entry().label() + "* (beyond the study)" : l.entry().label())
              .append(" | ").append(l.entry().study() == null ? "" : String.format(Locale.ROOT, "%.2f", l.entry().study()))
              .append(" | ").append(r == null ? "not in the reference" : meanStd(r) + (r.runs() > 1 ? " (" + r.runs() + " runs)" : ""))
              .append(" | ").append(interval(r)).append(" | ").append(l.studyInside()).append(" |\n");
        }
        return sb.toString();
    }

    /**
     * The results and predictions of a report, or of the reference, which has the same layout.
     *
     * <p>The bootstrap needs each model's test predictions; a folder without them still gives the mean ± std.
     */
    static final class ResultsFolder {
        private final Path dir;
        private final Map<String, List<ResultRow>> results = new LinkedHashMap<>();
        private final Map<String, List<PredictionsCsv.Run>> predictions = new LinkedHashMap<>();

        ResultsFolder(Path dir) {
            this.dir = dir;
        }

        private List<ResultRow> results(String notebook) throws IOException {
            if (!results.containsKey(notebook)) {
                Path f = dir.resolve("results").resolve(notebook + ".csv");
                results.put(notebook, Files.isRegularFile(f) ? ResultsCsv.read(f) : List.of());
            }
            return results.get(notebook);
        }

        private List<PredictionsCsv.Run> predictions(String notebook) throws IOException {
            if (!predictions.containsKey(notebook)) {
                Path f = dir.resolve("predictions").resolve(notebook + ".csv");
                predictions.put(notebook, Files.isRegularFile(f) ? PredictionsCsv.read(f) : List.of());
            }
            return predictions.get(notebook);
        }

        /** The entry's figures here, or null if this folder has no macro-F1 row for it. */
        Figures figures(Entry e, long seed) throws IOException {
            ResultRow row = results(e.notebook()).stream().filter(r -> e.matches(r) && r.metric().equals("macro_f1"))
                    .findFirst().orElse(null);
            if (row == null) return null;
            List<PredictionsCsv.Run> runs = predictions(e.notebook()).stream().filter(r -> r.model().equals(row.model())).toList();
            TestSetBootstrap.Interval interval = null;
            if (!runs.isEmpty()) {
                TestSetBootstrap.Interval i = TestSetIntervals.of(Map.of(row.model(), runs), row.model(), seed).get(0).macroF1();
                interval = new TestSetBootstrap.Interval(100 * i.estimate(), 100 * i.lower(), 100 * i.upper());
            }
            RunRecord record = RunRecord.besideResults(dir.resolve("results").resolve(e.notebook() + ".csv")).orElse(null);
            String mode = record == null ? "unknown" : record.mode();
            String data = data(e.part(), row, record);
            boolean comparable = e.part() == Part.PART2 ? data.equals(StudyEmbeddings.STUDY) : !data.equals(SYNTHETIC);
            return new Figures(row.model(), 100 * row.value(), 100 * row.std(), row.runs(), interval, mode, data, comparable,
                    record);
        }

        /** What the model ran on, as the headline names it. */
        private static String data(Part part, ResultRow row, RunRecord record) {
            if (part == Part.PART2) return row.dataset();
            String features = record == null ? null : record.parameters().get("GENRELAB_FMA_FEATURES");
            if (features != null && !features.isBlank() && !features.startsWith("(")) {
                return "FMA's features " + Path.of(features).getFileName();
            }
            String audio = record == null ? null : record.parameters().get("GENRELAB_AUDIO");
            return audio == null || audio.startsWith("(") ? SYNTHETIC : "audio of " + Path.of(audio).getFileName();
        }
    }
}
