package org.genrelab.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/** XChart charts in GenreLab's one house style (size, fonts, legend), built from tables and arrays. */
public final class Charts {

    public static final int WIDTH = 800;
    public static final int HEIGHT = 450;

    private Charts() {
    }

    /** Grouped bars: categories from {@code categoryColumn}, one series per numeric column named. */
    public static CategoryChart bars(Table table, String title, String categoryColumn, String yTitle, String... seriesColumns) {
        return bars(table, title, categoryColumn, yTitle, null, seriesColumns);
    }

    /**
     * Grouped bars as {@link #bars}, the first series with error bars of ± {@code stdColumn} (a missing std, as
     * for one run, is a bar of zero length), e.g. our mean ± std beside the study's single figure.
     */
    public static CategoryChart barsWithSpread(Table table, String title, String categoryColumn, String yTitle,
                                               String valueColumn, String stdColumn, String... otherColumns) {
        String[] series = new String[otherColumns.length + 1];
        series[0] = valueColumn;
        System.arraycopy(otherColumns, 0, series, 1, otherColumns.length);
        return bars(table, title, categoryColumn, yTitle, stdColumn, series);
    }

    private static CategoryChart bars(Table table, String title, String categoryColumn, String yTitle, String stdColumn,
                                      String... seriesColumns) {
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(categoryColumn).yAxisTitle(yTitle).build();
        style(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setXAxisLabelRotation(30);
        List<String> cats = table.stringColumn(categoryColumn).asList();
        for (int i = 0; i < seriesColumns.length; i++) {
            List<Double> values = Arrays.stream(table.numberColumn(seriesColumns[i]).asDoubleArray()).boxed().toList();
            if (i == 0 && stdColumn != null) {
                List<Double> std = Arrays.stream(table.numberColumn(stdColumn).asDoubleArray())
                        .map(v -> Double.isNaN(v) ? 0 : v).boxed().toList();
                c.addSeries(seriesColumns[i] + " (± std)", cats, values, std);
            } else {
                c.addSeries(seriesColumns[i], cats, values);
            }
        }
        if (stdColumn != null) {
            c.getStyler().setErrorBarsColorSeriesColor(false);
            c.getStyler().setErrorBarsColor(Color.DARK_GRAY);
        }
        return c;
    }

    /** Lines y(x), one series per name; {@code xs[i]} and {@code ys[i]} belong to {@code names[i]}. */
    public static XYChart lines(String title, String xTitle, String yTitle, List<String> names, List<double[]> xs, List<double[]> ys) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(c.getStyler());
        c.getStyler().setDecimalPattern("#.###");
        c.getStyler().setLegendVisible(names.size() > 1);
        for (int i = 0; i < names.size(); i++) c.addSeries(names.get(i), xs.get(i), ys.get(i)).setMarker(SeriesMarkers.NONE);
        return c;
    }

    /** Per-epoch curves (epoch 1, 2, ...), one series per name, e.g. train and validation loss. */
    public static XYChart curves(String title, String yTitle, Map<String, List<Double>> series) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("epoch").yAxisTitle(yTitle).build();
        style(c.getStyler());
        series.forEach((name, ys) -> {
            double[] x = new double[ys.size()];
            for (int i = 0; i < x.length; i++) x[i] = i + 1;
            c.addSeries(name, x, ys.stream().mapToDouble(Double::doubleValue).toArray())
                    .setMarker(SeriesMarkers.NONE);
        });
        return c;
    }

    /**
     * Horizontal intervals, one row per name (a forest plot): {@code xs[i]} holds the row's low, estimate and
     * high, drawn as a line with a marker at each, at height {@code ys[i]} (the same value three times); the
     * legend names the rows in order. (The y axis carries no labels: XChart's tick calculator does not end when
     * a label formatter maps most ticks to the same text.)
     */
    public static XYChart intervals(String title, String xTitle, List<String> names, List<double[]> xs, List<double[]> ys) {
        int rows = names.size();
        XYChart c = new XYChartBuilder().width(WIDTH).height(Math.max(HEIGHT / 2, 80 + 28 * rows)).title(title).xAxisTitle(xTitle)
                .build();
        style(c.getStyler());
        c.getStyler().setYAxisMin(0.5);
        c.getStyler().setYAxisMax(rows + 0.5);
        c.getStyler().setYAxisTicksVisible(false);
        c.getStyler().setPlotGridHorizontalLinesVisible(false);
        c.getStyler().setMarkerSize(9);
        for (int i = 0; i < rows; i++) c.addSeries(names.get(i), xs.get(i), ys.get(i)).setMarker(SeriesMarkers.DIAMOND);
        return c;
    }

    /** Points y(x), e.g. each search trial's validation accuracy against the epoch it stopped at. */
    public static XYChart scatter(String title, String xTitle, String yTitle, double[] x, double[] y) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(c.getStyler());
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        c.getStyler().setLegendVisible(false);
        c.addSeries("points", x, y);
        return c;
    }

    /**
     * A time-frequency matrix (rows × frames, row 0 at the bottom) as a heat map, frames averaged into at
     * most {@code maxColumns} columns so that a 30-s clip stays light.
     */
    public static HeatMapChart heatmap(String title, String yTitle, double[][] m, int maxColumns) {
        int rows = m.length;
        int frames = m[0].length;
        int cols = Math.min(frames, maxColumns);
        HeatMapChart c = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("frame")
                .yAxisTitle(yTitle).build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setShowValue(false);
        c.getStyler().setLegendVisible(false);
        c.getStyler().setXAxisTicksVisible(false);
        c.getStyler().setYAxisTicksVisible(rows <= 24);
        c.getStyler().setRangeColors(new Color[] {new Color(13, 8, 135), new Color(204, 71, 120), new Color(240, 249, 33)});
        List<Integer> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        for (int j = 0; j < cols; j++) xs.add(j * frames / cols);
        for (int i = 0; i < rows; i++) ys.add(i);
        List<Number[]> cells = new ArrayList<>();
        for (int j = 0; j < cols; j++) {
            int a = j * frames / cols;
            int b = Math.max(a + 1, (j + 1) * frames / cols);
            for (int i = 0; i < rows; i++) {
                double s = 0;
                for (int t = a; t < b; t++) s += m[i][t];
                cells.add(new Number[] {j, i, s / (b - a)});
            }
        }
        c.addSeries("values", xs, ys, cells);
        return c;
    }

    /** A frames × values matrix (e.g. log-mel {@code [frames][bands]}) as a heat map with frames along x. */
    public static HeatMapChart frameHeatmap(String title, String yTitle, double[][] frames, int maxColumns) {
        double[][] t = new double[frames[0].length][frames.length];
        for (int f = 0; f < frames.length; f++) for (int i = 0; i < t.length; i++) t[i][f] = frames[f][i];
        return heatmap(title, yTitle, t, maxColumns);
    }

    /** A confusion matrix (rows = true class) as a heat map. */
    public static HeatMapChart confusion(String title, List<String> classes, int[][] counts) {
        HeatMapChart c = new HeatMapChartBuilder().width(WIDTH).height(WIDTH * 3 / 4).title(title)
                .xAxisTitle("predicted").yAxisTitle("true").build();
        c.getStyler().setShowValue(true);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setRangeColors(new Color[] {new Color(247, 251, 255), new Color(8, 48, 107)});
        List<Number[]> cells = new ArrayList<>();
        for (int t = 0; t < counts.length; t++) {
            for (int p = 0; p < counts.length; p++) cells.add(new Number[] {p, t, counts[t][p]});
        }
        c.addSeries("counts", classes, classes, cells);
        return c;
    }

    /**
     * {@code body} under its title: centred on the image's width, wrapped at spaces onto as many lines as it needs
     * ({@link #titleLines}), on white.
     */
    public static BufferedImage withTitle(BufferedImage body, String title, Font font) {
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        FontMetrics fm = pg.getFontMetrics(font);
        pg.dispose();
        List<String> lines = titleLines(title, fm, body.getWidth() - 2 * TITLE_MARGIN);
        int lineHeight = fm.getHeight();
        int band = TITLE_MARGIN + lines.size() * lineHeight;
        BufferedImage out = new BufferedImage(body.getWidth(), band + body.getHeight(),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(font);
        g.setColor(Color.BLACK);
        for (int i = 0; i < lines.size(); i++) {
            int w = fm.stringWidth(lines.get(i));
            g.drawString(lines.get(i), Math.max(TITLE_MARGIN, (out.getWidth() - w) / 2), TITLE_MARGIN / 2 + i * lineHeight + fm.getAscent());
        }
        g.drawImage(body, 0, band, null);
        g.dispose();
        return out;
    }

    /** Space around a title drawn by {@link #withTitle}, in pixels. */
    static final int TITLE_MARGIN = 10;

    /** The title's words in lines no wider than {@code width} (a single word wider than that keeps a line to itself). */
    static List<String> titleLines(String title, FontMetrics fm, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : title.strip().split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && fm.stringWidth(candidate) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) lines.add(line.toString());
        return lines;
    }

    private static void style(Styler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setAntiAlias(true);
    }
}
