package org.genrelab.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Renders a Tablesaw table as a compact, escaped HTML table (numbers right-aligned, as {@link #format} writes them). */
public final class HtmlTables {

    private HtmlTables() {
    }

    public static String toHtml(Table table) {
        StringBuilder sb = new StringBuilder();
        sb.append("<table class=\"genrelab\" style=\"border-collapse:collapse;font-family:sans-serif;font-size:13px\">");
        if (table.name() != null && !table.name().isBlank()) {
            sb.append("<caption style=\"font-weight:bold;text-align:left\">").append(escape(table.name())).append("</caption>");
        }
        sb.append("<thead><tr>");
        for (Column<?> c : table.columns()) {
            sb.append("<th style=\"border-bottom:1px solid #999;padding:2px 8px\">").append(escape(c.name())).append("</th>");
        }
        sb.append("</tr></thead><tbody>");
        for (int r = 0; r < table.rowCount(); r++) {
            sb.append("<tr>");
            for (Column<?> c : table.columns()) {
                boolean numeric = c.type() == ColumnType.DOUBLE || c.type() == ColumnType.FLOAT
                        || c.type() == ColumnType.INTEGER || c.type() == ColumnType.LONG || c.type() == ColumnType.SHORT;
                sb.append("<td style=\"padding:2px 8px;text-align:").append(numeric ? "right" : "left").append("\">");
                sb.append(escape(cell(c, r)));
                sb.append("</td>");
            }
            sb.append("</tr>");
        }
        sb.append("</tbody></table>");
        return sb.toString();
    }

    private static String cell(Column<?> c, int r) {
        if (c.isMissing(r)) return "";
        Object v = c.get(r);
        if (v instanceof Double d) return format(d);
        if (v instanceof Float f) return format(f);
        return String.valueOf(v);
    }

    /**
     * A number as a reader wants it: integers as such, others with two decimals (percentages, seconds), and below 1 in
     * absolute value to three significant digits (an AUC of 0.873, an importance of 0.0123).
     */
    public static String format(double d) {
        if (Double.isNaN(d)) return "";
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return String.format(Locale.ROOT, "%.0f", d);
        if (Math.abs(d) >= 1 || Double.isInfinite(d)) return String.format(Locale.ROOT, "%.2f", d);
        return new BigDecimal(d).round(new MathContext(3)).toPlainString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
