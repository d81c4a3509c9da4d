package org.genrelab.results;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes files atomically: into a temporary file beside the file (a name of its own, ending in {@code .tmp}), which
 * then replaces it, so a crash never leaves half a file, a reader sees the old one or the new, and two writers of the
 * same file (a retried task beside the first attempt) never share a temporary file. Used for a run's results,
 * predictions and record, and for the extractors' per-track files.
 */
public final class AtomicFiles {

    /** What goes into a file, written as UTF-8 text. */
    interface Content {
        void writeTo(Writer w) throws IOException;
    }

    /** The records of a CSV file, after its header. */
    interface Records {
        void printTo(CSVPrinter p) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code file} (and the folders above it) with the content. */
    static void write(Path file, Content content) throws IOException {
        Path tmp = temporaryFor(file);
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            content.writeTo(w);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Writes {@code file} (and the folders above it) with these bytes. */
    public static void write(Path file, byte[] bytes) throws IOException {
        Path tmp = temporaryFor(file);
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Path temporaryFor(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        return Files.createTempFile(dir, file.getFileName() + ".", ".tmp");
    }

    /** Writes {@code file} as RFC 4180 CSV with {@code \n} line ends: the header row, then the records. */
    static void writeCsv(Path file, List<String> header, Records records) throws IOException {
        write(file, w -> {
            try (CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n")
                    .setHeader(header.toArray(String[]::new)).get())) {
                records.printTo(p);
            }
        });
    }
}
