package org.genrelab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library's layering, read from its sources: the models and everything below them know nothing of the report or
 * the command line, the signal processing stands alone, only the entry points read the environment, and only the
 * command line, the notebooks' display ({@code report}) and programs with a {@code main} print. A plain scan of
 * {@code lib/src/main/java}, comments left out (string literals too where a call is looked for); a failure names
 * every offending file and line.
 */
class PackageDependenciesTest {

    /** The models and what they stand on: every package but {@code report} and {@code cli}. */
    static final Set<String> LOWER = Set.of("audio", "dsp", "features", "data", "vggish", "eval", "results", "classic",
            "deep", "tune", "bench");

    static final Pattern REPORT_OR_CLI = Pattern.compile("\\borg\\.genrelab\\.(report|cli)\\b");
    static final Pattern OTHER_THAN_DSP = Pattern.compile("\\borg\\.genrelab\\.(?!dsp\\b)\\w+");
    /** System.getenv, and RunParameters' readers of it, which only entry points call. */
    static final Pattern READS_ENVIRONMENT = Pattern.compile("\\bgetenv\\b|\\b(fromEnvironment|threadsFromEnvironment)\\s*\\(");
    static final Pattern PRINTS = Pattern.compile("\\bSystem\\s*\\.\\s*(out|err)\\b|\\bprintStackTrace\\s*\\(");
    static final Pattern MAIN = Pattern.compile("\\bstatic\\s+void\\s+main\\s*\\(");

    /** One source file: its package under org.genrelab, its path, and its text without comments (and without strings). */
    record Source(String pkg, Path file, String code, String bare) {

        boolean isProgram() {
            return MAIN.matcher(bare).find();
        }
    }

    @Test
    void lowerPackagesDoNotReachTheReportOrTheCommandLine() {
        assertNone("the model packages and those below them use org.genrelab.report or org.genrelab.cli",
                s -> LOWER.contains(s.pkg()), REPORT_OR_CLI, false);
    }

    @Test
    void dspUsesNothingElseOfGenreLab() {
        assertNone("dsp uses another package of org.genrelab", s -> s.pkg().equals("dsp"), OTHER_THAN_DSP, false);
    }

    @Test
    void onlyEntryPointsReadTheEnvironment() {
        assertNone("only the cli package and RunParameters (the notebooks' entry point) read the environment",
                s -> !s.pkg().equals("cli") && !(s.pkg().equals("results") && s.file().endsWith("RunParameters.java")),
                READS_ENVIRONMENT, true);
    }

    @Test
    void onlyTheCommandLineTheNotebooksDisplayAndProgramsPrint() {
        assertNone("the library prints (it reports through return values and callbacks; printing is for cli, report's "
                + "notebook display, bench and programs with a main)",
                s -> !Set.of("cli", "report", "bench").contains(s.pkg()) && !s.isProgram(), PRINTS, true);
    }

    @Test
    void theScanSeesCodeNotCommentsNorStrings() {
        String text = """
                /** System.out in a comment */
                class A { // System.getenv("X") here too
                    String s = "System.err \\" System.out";
                    char c = '"';
                    void f() { System.out.println(s); } /* org.genrelab.cli */
                }
                """;
        String bare = strip(text, true);
        assertEquals(text.lines().count(), bare.lines().count(), "lines keep their numbers");
        assertEquals(List.of(5), lines(bare, PRINTS));
        assertEquals(List.of(), lines(bare, READS_ENVIRONMENT));
        assertEquals(List.of(), lines(strip(text, false), REPORT_OR_CLI));
        assertEquals(List.of(3), lines(strip(text, false), Pattern.compile("System\\.err")), "strings kept where asked");
        String block = "String t = \"\"\"\n    System.out \"quoted\"\n    \"\"\"; System.err.println(t);\n";
        assertEquals(List.of(3), lines(strip(block, true), PRINTS), "text blocks are strings");
    }

    /** Fails, naming every file and line, if a source that {@code applies} matches {@code p}. */
    private static void assertNone(String rule, Predicate<Source> applies, Pattern p, boolean withoutStrings) {
        List<Source> sources = sources();
        assertTrue(sources.size() > 50, "found the library's sources: " + sources.size());
        List<String> offences = new ArrayList<>();
        for (Source s : sources) {
            if (!applies.test(s)) continue;
            String text = withoutStrings ? s.bare() : s.code();
            List<String> original = lines(s.file());
            for (int n : lines(text, p)) offences.add(SOURCES.relativize(s.file()) + ":" + n + ": " + original.get(n - 1).strip());
        }
        assertTrue(offences.isEmpty(), rule + ":\n  " + String.join("\n  ", offences));
    }

    static final Path SOURCES = SharedData.repo().resolve("lib/src/main/java/org/genrelab");

    /** Every .java file under org/genrelab, read once. */
    private static List<Source> sources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().map(f -> {
                String text = read(f);
                Path rel = SOURCES.relativize(f);
                String pkg = rel.getNameCount() > 1 ? rel.getName(0).toString() : "";
                return new Source(pkg, f, strip(text, false), strip(text, true));
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + SOURCES, e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path f) {
        return read(f).lines().toList();
    }

    /** The 1-based numbers of the lines where {@code p} matches. */
    static List<Integer> lines(String text, Pattern p) {
        List<Integer> out = new ArrayList<>();
        List<String> ls = text.lines().toList();
        for (int i = 0; i < ls.size(); i++) if (p.matcher(ls.get(i)).find()) out.add(i + 1);
        return out;
    }

    /**
     * The Java text with comments blanked, and string, text-block and char literals too when {@code strings}; line
     * breaks stay, so line numbers are the file's.
     */
    static String strip(String s, boolean strings) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') i = blank(s, i, out);
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                while (i < end) i = blank(s, i, out);
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                while (end > 0 && escaped(s, end)) end = s.indexOf("\"\"\"", end + 1);
                end = end < 0 ? n : end + 3;
                while (i < end) i = strings ? blank(s, i, out) : keep(s, i, out);
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < n && s.charAt(end) != c && s.charAt(end) != '\n') end += s.charAt(end) == '\\' ? 2 : 1;
                end = Math.min(n, end + 1);
                while (i < end) i = strings ? blank(s, i, out) : keep(s, i, out);
            } else {
                i = keep(s, i, out);
            }
        }
        return out.toString();
    }

    private static boolean escaped(String s, int at) {
        int k = at - 1;
        while (k >= 0 && s.charAt(k) == '\\') k--;
        return (at - 1 - k) % 2 == 1;
    }

    private static int blank(String s, int i, StringBuilder out) {
        out.append(s.charAt(i) == '\n' ? '\n' : ' ');
        return i + 1;
    }

    private static int keep(String s, int i, StringBuilder out) {
        out.append(s.charAt(i));
        return i + 1;
    }
}
