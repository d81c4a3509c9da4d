package org.genrelab.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.lang.reflect.Method;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * One call to show a result in a notebook: {@code Show.table(t)} renders a Tablesaw table as an HTML
 * table, {@code Show.chart(c)} an XChart chart as an inline PNG.
 *
 * <p>The Java kernel (rapaio-jupyter-kernel) is reached by reflection through its
 * {@code Global.display(mime, object)}, so the library has no compile-time dependency on the kernel and the same
 * calls print plain text when run outside a notebook (tests, command line).
 */
public final class Show {

    private static final Object UNRESOLVED = new Object();
    private static volatile Object displayMethods = UNRESOLVED;

    private Show() {
    }

    /** Shows a table as HTML (as plain text outside a notebook). */
    public static void table(Table table) {
        if (!display(HtmlTables.toHtml(table), null)) System.out.println(table.printAll());
    }

    /** Shows a chart as an inline PNG (outside a notebook: a one-line note). */
    public static void chart(Chart<?, ?> chart) {
        BufferedImage img = image(chart);
        if (!display(null, img)) System.out.println("[chart: " + chart.getTitle() + ", " + img.getWidth() + "x" + img.getHeight() + "]");
    }

    /** Shows several charts one after the other. */
    public static void charts(List<? extends Chart<?, ?>> charts) {
        charts.forEach(Show::chart);
    }

    /** Shows charts as one image: a grid of {@code columns} columns, each chart scaled to {@code cellWidth} pixels wide. */
    public static void grid(List<? extends Chart<?, ?>> charts, int columns, int cellWidth) {
        BufferedImage img = gridImage(charts, columns, cellWidth);
        if (!display(null, img)) System.out.println("[grid of " + charts.size() + " charts, " + img.getWidth() + "x" + img.getHeight() + "]");
    }

    /** The image {@link #grid} shows. */
    public static BufferedImage gridImage(List<? extends Chart<?, ?>> charts, int columns, int cellWidth) {
        if (charts.isEmpty() || columns < 1 || cellWidth < 1) throw new IllegalArgumentException("need charts, columns >= 1, width >= 1");
        List<BufferedImage> imgs = charts.stream().map(Show::image).toList();
        int cellHeight = (int) Math.round((double) imgs.get(0).getHeight() * cellWidth / imgs.get(0).getWidth());
        int rows = (imgs.size() + columns - 1) / columns;
        BufferedImage out = new BufferedImage(columns * cellWidth, rows * cellHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        for (int i = 0; i < imgs.size(); i++) {
            g.drawImage(imgs.get(i), (i % columns) * cellWidth, (i / columns) * cellHeight, cellWidth, cellHeight, null);
        }
        g.dispose();
        return out;
    }

    /** Shows an HTML fragment (as its text outside a notebook). */
    public static void html(String html) {
        if (!display(html, null)) System.out.println(html.replaceAll("<[^>]+>", ""));
    }

    /**
     * The chart drawn as an image, as {@link #chart} shows it. The title is drawn above the chart, centred on the whole
     * image and wrapped onto more lines where it is wider ({@link Charts#withTitle}): XChart centres it over the plot
     * alone and cuts a long one at the image's edges.
     */
    public static BufferedImage image(Chart<?, ?> chart) {
        String title = chart.getTitle();
        if (title == null || title.isBlank() || !chart.getStyler().isChartTitleVisible()) {
            return BitmapEncoder.getBufferedImage(chart);
        }
        chart.getStyler().setChartTitleVisible(false);
        BufferedImage body;
        try {
            body = BitmapEncoder.getBufferedImage(chart);
        } finally {
            chart.getStyler().setChartTitleVisible(true);
        }
        return Charts.withTitle(body, title, chart.getStyler().getChartTitleFont());
    }

    private static boolean display(String html, BufferedImage image) {
        Method m = resolve();
        if (m == null) return false;
        try {
            if (html != null) m.invoke(null, "text/html", html);
            else m.invoke(null, "image/png", image);
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /** {@code Global.display(String mime, Object)} of the running kernel, or null outside one. */
    private static Method resolve() {
        Object cached = displayMethods;
        if (cached == UNRESOLVED) {
            try {
                ClassLoader cl = Thread.currentThread().getContextClassLoader();
                Class<?> global = Class.forName("org.rapaio.jupyter.kernel.global.Global", true, cl == null ? Show.class.getClassLoader() : cl);
                cached = global.getMethod("display", String.class, Object.class);
            } catch (ReflectiveOperationException | LinkageError e) {
                cached = null;
            }
            displayMethods = cached;
        }
        return (Method) cached;
    }
}
