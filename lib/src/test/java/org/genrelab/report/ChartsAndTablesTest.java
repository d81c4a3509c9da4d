package org.genrelab.report;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import org.genrelab.results.RunParameters;

class ChartsAndTablesTest {

    @Test
    void htmlTablesEscapeAndFormat() {
        Table t = Table.create("a <b>", StringColumn.create("model", "SVC <rbf>"), DoubleColumn.create("f1", 0.59921234));
        String html = HtmlTables.toHtml(t);
        assertTrue(html.contains("<caption") && html.contains("a &lt;b&gt;"));
        assertTrue(html.contains(">SVC &lt;rbf&gt;<"));
        assertTrue(html.contains(">0.599<"), html);
        assertEquals("55.83", HtmlTables.format(55.833333), "two decimals from 1 up");
        assertEquals("0.0123", HtmlTables.format(0.012345), "three significant digits below 1");
        assertEquals("-1.50", HtmlTables.format(-1.5));
        assertEquals("800", HtmlTables.format(800));
    }

    @Test
    void chartsRenderToImagesOfTheHouseSize() {
        Map<String, List<Double>> s = new LinkedHashMap<>();
        s.put("train", List.of(2.0, 1.5, 1.2));
        s.put("validation", List.of(2.1, 1.7, 1.6));
        BufferedImage img = Show.image(Charts.curves("loss", "cross-entropy", s));
        assertEquals(Charts.WIDTH, img.getWidth());
        assertTrue(img.getHeight() > Charts.HEIGHT && img.getHeight() < Charts.HEIGHT + 40,
                "the chart's height and one line of title above it: " + img.getHeight());
        // the two series are drawn: the image is not blank
        int first = img.getRGB(Charts.WIDTH / 2, Charts.HEIGHT / 2);
        boolean varied = false;
        for (int x = 100; x < Charts.WIDTH - 100 && !varied; x += 3) {
            for (int y = 60; y < Charts.HEIGHT - 60 && !varied; y += 3) varied = img.getRGB(x, y) != first;
        }
        assertTrue(varied);
        assertNotNull(Show.image(Charts.confusion("c", List.of("a", "b"), new int[][] {{3, 1}, {0, 4}})));
        assertNotNull(Show.image(Charts.scatter("s", "epoch", "acc", new double[] {1, 2}, new double[] {0.3, 0.5})));
    }

    @Test
    void aTitleWiderThanTheChartIsWrappedWholeAboveIt() {
        String title = "Official split: test macro-F1 with 95% bootstrap intervals over its test tracks, every model "
                + "of the study's first table beside the study's own figure";
        var chart = Charts.intervals(title, "macro-F1 (%)", List.of("a", "b"), List.of(new double[] {50, 55, 60},
                new double[] {40, 45, 50}), List.of(new double[] {2, 2, 2}, new double[] {1, 1, 1}));
        java.awt.Font font = chart.getStyler().getChartTitleFont();
        java.awt.FontMetrics fm = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics().getFontMetrics(font);
        assertTrue(fm.stringWidth(title) > chart.getWidth(), "the title is wider than the chart");
        List<String> lines = Charts.titleLines(title, fm, chart.getWidth() - 2 * Charts.TITLE_MARGIN);
        assertTrue(lines.size() >= 2, lines.toString());
        assertEquals(title, String.join(" ", lines), "every word kept, in order");
        for (String l : lines) assertTrue(fm.stringWidth(l) <= chart.getWidth() - 2 * Charts.TITLE_MARGIN, l);
        BufferedImage img = Show.image(chart);
        BufferedImage body = org.knowm.xchart.BitmapEncoder.getBufferedImage(chart); // XChart's own, title inside the plot
        assertTrue(img.getHeight() > body.getHeight() + lines.size() * fm.getHeight() - fm.getHeight() / 2,
                "a band of " + lines.size() + " lines above the chart: " + img.getHeight() + " vs " + body.getHeight());
        assertEquals(title, chart.getTitle(), "the chart keeps its title");
        assertTrue(chart.getStyler().isChartTitleVisible());
    }

    @Test
    void barsWithSpreadDrawOurStdAsErrorBarsAndNoneForTheStudy() {
        Table t = Table.create("r", StringColumn.create("model", "lstm", "logistic"),
                DoubleColumn.create("ours", 53.30, 52.51), DoubleColumn.create("std", 0.80, Double.NaN),
                DoubleColumn.create("study", 54.01, 52.63));
        var chart = Charts.barsWithSpread(t, "F1", "model", "macro-F1 (%)", "ours", "std", "study");
        assertEquals(List.of("ours (± std)", "study"), List.copyOf(chart.getSeriesMap().keySet()));
        assertEquals(List.of(0.80, 0.0), List.copyOf(chart.getSeriesMap().get("ours (± std)").getExtraValues()),
                "a missing std (one run) is a bar of zero length");
        assertNull(chart.getSeriesMap().get("study").getExtraValues());
        // the error bar is drawn: pixels of its colour that the same bars without spread do not have
        int withBars = countColour(Show.image(chart), java.awt.Color.DARK_GRAY.getRGB());
        int without = countColour(Show.image(Charts.bars(t, "F1", "model", "macro-F1 (%)", "ours", "study")),
                java.awt.Color.DARK_GRAY.getRGB());
        assertTrue(withBars > without + 10, withBars + " vs " + without);
    }

    private static int countColour(BufferedImage img, int rgb) {
        int n = 0;
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y = 0; y < img.getHeight(); y++) if (img.getRGB(x, y) == rgb) n++;
        }
        return n;
    }

    @Test
    void runParametersComeFromTheEnvironmentWithClearErrors() {
        RunParameters p = RunParameters.from(Map.of("GENRELAB_QUICK", "1", "GENRELAB_SEED", "7", "GENRELAB_ROOT", "/r"));
        assertTrue(p.quick());
        assertEquals(7, p.seed());
        assertEquals(java.nio.file.Path.of("/r/report/results/x.csv"), p.resultsFile("x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunParameters.from(Map.of("GENRELAB_SEED", "abc")));
        assertTrue(e.getMessage().contains("GENRELAB_SEED"));
        IllegalStateException d = assertThrows(IllegalStateException.class,
                () -> RunParameters.from(Map.of("GENRELAB_DATA", "/no/such/folder")).requireData());
        assertTrue(d.getMessage().contains("/no/such/folder"));
    }

    @Test
    void seedsComeFromGenrelabSeedsOrTheNotebooksDefault() {
        RunParameters unset = RunParameters.from(Map.of("GENRELAB_SEED", "7"));
        assertArrayEquals(new long[] {7, 8, 9, 10, 11}, unset.seeds(5));
        assertArrayEquals(new long[] {7}, unset.seeds(1));
        RunParameters ten = RunParameters.from(Map.of("GENRELAB_SEED", "7", "GENRELAB_SEEDS", "10"));
        assertEquals(10, ten.seeds(5).length);
        assertEquals(16, ten.seeds(1)[9]);
        assertEquals("10", ten.asMap().get("GENRELAB_SEEDS"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunParameters.from(Map.of("GENRELAB_SEEDS", "0")));
        assertTrue(e.getMessage().contains("GENRELAB_SEEDS must be at least 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RunParameters.from(Map.of("GENRELAB_SEEDS", "five")));
        assertThrows(IllegalArgumentException.class, () -> RunParameters.from(Map.of("GENRELAB_SEEDS", "4294967297")));
        // Part 2: the mode's settings, with the run's seed count for the models and the sweep left as the study's
        var full = org.genrelab.deep.Part2Settings.of(RunParameters.from(Map.of("GENRELAB_QUICK", "0", "GENRELAB_SEEDS", "10")));
        assertEquals(10, full.seeds());
        assertEquals(org.genrelab.deep.Part2Settings.full().fcnnRuns(), full.fcnnRuns());
        assertEquals(org.genrelab.deep.Part2Settings.full().trials(), full.trials());
        var quick = org.genrelab.deep.Part2Settings.of(RunParameters.from(Map.of("GENRELAB_QUICK", "1")));
        assertEquals(org.genrelab.deep.Part2Settings.quick(), quick);
        // GENRELAB_THREADS: the search's trials at once, and the PyTorch threads they share, follow it (default all cores)
        var one = org.genrelab.deep.Part2Settings.of(RunParameters.from(Map.of("GENRELAB_QUICK", "1", "GENRELAB_THREADS", "1")));
        assertEquals(1, one.threads());
        assertEquals(1, one.torchThreads());
        assertEquals(3, RunParameters.threads(Map.of("GENRELAB_THREADS", "3")));
        assertEquals(Runtime.getRuntime().availableProcessors(), RunParameters.threads(Map.of()));
        assertThrows(IllegalArgumentException.class, () -> RunParameters.threads(Map.of("GENRELAB_THREADS", "0")));
        // printed in the notebooks: the sweep's sizes, the same text every run
        assertEquals(org.genrelab.deep.Part2Settings.quick().toString(), quick.toString());
        assertTrue(quick.toString().contains("fcnnHidden=[30]"), quick.toString());
        int[] sizes = quick.fcnnHidden();
        sizes[0] = 999;
        assertEquals(30, quick.fcnnHidden()[0], "the settings keep their own copy");
    }

    @Test
    void requireDataNamesWhatTheDataFolderLacks(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("fma_small_tracks.csv"), "subset,split,track_id,genre_top,genres\n");
        RunParameters p = RunParameters.from(Map.of("GENRELAB_DATA", dir.toString()));
        IllegalStateException e = assertThrows(IllegalStateException.class, p::requireData);
        assertTrue(e.getMessage().contains("lacks study-embeddings/embeddings/, study-embeddings/train.npy, "
                + "study-embeddings/val.npy, study-embeddings/test.npy."), e.getMessage());
        java.nio.file.Files.createDirectories(dir.resolve("study-embeddings/embeddings"));
        for (String f : new String[] {"train.npy", "val.npy", "test.npy"}) {
            java.nio.file.Files.writeString(dir.resolve("study-embeddings").resolve(f), "");
        }
        assertEquals(dir, p.requireData());
        java.nio.file.Files.delete(dir.resolve("fma_small_tracks.csv"));
        e = assertThrows(IllegalStateException.class, p::requireData);
        assertTrue(e.getMessage().contains("lacks a tracks file (tracks.csv"), e.getMessage());
        assertEquals(org.genrelab.SharedData.data().toAbsolutePath().normalize(),
                RunParameters.from(Map.of("GENRELAB_DATA", org.genrelab.SharedData.data().toString())).requireData());
    }

    @Test
    void theNotebooksThatReadTheDataFolderAreKnownBeforeTheyRun() throws Exception {
        java.nio.file.Path nb = org.genrelab.SharedData.repo().resolve("notebooks");
        assertTrue(NotebookRunner.readsDataFolder(nb.resolve("00-dataset.ipynb")));
        assertTrue(NotebookRunner.readsDataFolder(nb.resolve("05-lstm.ipynb")));
        assertFalse(NotebookRunner.readsDataFolder(nb.resolve("01-features.ipynb")), "Part 1 runs on audio alone");
    }
}
