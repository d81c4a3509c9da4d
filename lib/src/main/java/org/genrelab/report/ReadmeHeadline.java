package org.genrelab.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * README's results table, made from the reference folder ({@link Reproduction}) between the lines
 * {@value #BEGIN} and {@value #END}, so that README shows the committed reference and nothing else.
 */
public final class ReadmeHeadline {

    public static final String BEGIN = "<!-- headline:begin -->";
    public static final String END = "<!-- headline:end -->";

    private ReadmeHeadline() {
    }

    /** The Markdown between the markers: each part's table from the reference's figures. */
    public static String block(Path reference) throws IOException {
        List<Reproduction.Line> lines = Reproduction.lines(reference, reference, Headline.BOOTSTRAP_SEED);
        StringBuilder sb = new StringBuilder();
        for (Reproduction.Part part : Reproduction.Part.values()) {
            List<Reproduction.Line> of = Reproduction.of(lines, part);
            sb.append("\n**").append(part.title()).append("** — ").append(Headline.summary(of)).append("\n\n")
              .append(Reproduction.markdown(of));
        }
        return sb.append('\n').toString();
    }

    /**
     * Rewrites the block between the markers of {@code readme}; returns whether the file changed.
     *
     * @throws IOException if the file lacks the markers, in order
     */
    public static boolean rewrite(Path readme, Path reference) throws IOException {
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        String updated = withBlock(text, block(reference), readme.toString());
        if (updated.equals(text)) return false;
        Path tmp = readme.resolveSibling(readme.getFileName() + ".tmp");
        Files.writeString(tmp, updated, StandardCharsets.UTF_8);
        Files.move(tmp, readme, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    /** The block between the markers of a README's text (what {@link #rewrite} wrote). */
    public static String current(String text, String source) throws IOException {
        int[] at = markers(text, source);
        return text.substring(at[0] + BEGIN.length(), at[1]);
    }

    static String withBlock(String text, String block, String source) throws IOException {
        int[] at = markers(text, source);
        return text.substring(0, at[0] + BEGIN.length()) + block + text.substring(at[1]);
    }

    private static int[] markers(String text, String source) throws IOException {
        int b = text.indexOf(BEGIN);
        int e = text.indexOf(END);
        if (b < 0 || e < b) throw new IOException(source + " lacks the lines " + BEGIN + " and " + END + ", in that order");
        return new int[] {b, e};
    }
}
