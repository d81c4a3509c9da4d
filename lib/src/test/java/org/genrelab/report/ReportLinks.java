package org.genrelab.report;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a report needs from outside itself: every {@code src}, {@code href} and CSS {@code url(…)} of its index and
 * notebook pages must be an anchor, a {@code data:} URI, or a relative path to a file inside the report folder; an
 * absolute path, a {@code file://} or a network address is a page that breaks once the report is copied or served.
 */
final class ReportLinks {

    private static final Pattern ATTRIBUTE = Pattern.compile("(?i)\\b(?:src|href)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");
    private static final Pattern CSS_URL = Pattern.compile("(?i)url\\(\\s*[\"']?([^\"')]+)");

    private ReportLinks() {
    }

    /** The pages of a report: {@code index.html} and {@code html/*.html}. */
    static List<Path> pages(Path report) throws IOException {
        List<Path> pages = new ArrayList<>(List.of(report.resolve("index.html")));
        if (Files.isDirectory(report.resolve("html"))) {
            try (Stream<Path> s = Files.list(report.resolve("html"))) {
                s.filter(p -> p.toString().endsWith(".html")).sorted().forEach(pages::add);
            }
        }
        return pages;
    }

    /** Every reference of the report's pages that does not resolve to a file of the report, with its page. */
    static List<String> problems(Path report) throws IOException {
        Path root = report.toAbsolutePath().normalize();
        List<String> out = new ArrayList<>();
        for (Path page : pages(root)) {
            String html = Files.readString(page, StandardCharsets.UTF_8);
            List<String> refs = new ArrayList<>();
            Matcher a = ATTRIBUTE.matcher(html);
            while (a.find()) refs.add(a.group(1) != null ? a.group(1) : a.group(2));
            Matcher u = CSS_URL.matcher(html);
            while (u.find()) refs.add(u.group(1).strip());
            for (String ref : refs) {
                String problem = problem(root, page, ref);
                if (problem != null) out.add(root.relativize(page) + ": " + problem);
            }
        }
        return out;
    }

    /** Why {@code ref} on {@code page} is not self-contained, or null if it is. */
    static String problem(Path root, Path page, String ref) {
        String r = ref.strip();
        if (r.isEmpty() || r.startsWith("#") || r.regionMatches(true, 0, "data:", 0, 5)) return null;
        if (r.contains("://") || r.startsWith("//") || r.regionMatches(true, 0, "file:", 0, 5)
                || r.regionMatches(true, 0, "javascript:", 0, 11) || r.regionMatches(true, 0, "mailto:", 0, 7)) {
            return "refers outside the report: " + ref;
        }
        if (r.startsWith("/")) return "an absolute path: " + ref;
        String path = URLDecoder.decode(r.replaceFirst("[?#].*$", ""), StandardCharsets.UTF_8);
        Path target = page.getParent().resolve(path).normalize();
        if (!target.startsWith(root)) return "leaves the report folder: " + ref;
        if (!Files.isRegularFile(target)) return "no such file in the report: " + ref;
        return null;
    }
}
