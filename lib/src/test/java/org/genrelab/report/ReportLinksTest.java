package org.genrelab.report;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportLinksTest {

    @Test
    void aPageThatNeedsAnythingOutsideTheReportIsNamed(@TempDir Path report) throws Exception {
        Files.createDirectories(report.resolve("html"));
        Files.createDirectories(report.resolve("charts"));
        Files.writeString(report.resolve("charts/a.png"), "png");
        Files.writeString(report.resolve("html/01-x.html"), "<html><script src=\"file:///usr/share/javascript/requirejs/require.min.js\">"
                + "</script><style>.a{background:url(data:image/png;base64,AAAA)}.b{background:url('https://example.org/x.png')}</style>"
                + "<a href=\"#top\">top</a><img src=\"../charts/a.png\"></html>");
        Files.writeString(report.resolve("index.html"), "<a href=\"html/01-x.html\">x</a><a href='html/02-y.html'>y</a>"
                + "<img src=\"charts/a.png\"><img src=\"/etc/passwd\"><a href=\"../outside.html\">o</a>");
        List<String> p = ReportLinks.problems(report);
        assertEquals(List.of("index.html: no such file in the report: html/02-y.html", "index.html: an absolute path: /etc/passwd",
                "index.html: leaves the report folder: ../outside.html",
                "html/01-x.html: refers outside the report: file:///usr/share/javascript/requirejs/require.min.js",
                "html/01-x.html: refers outside the report: https://example.org/x.png"), p);
    }
}
