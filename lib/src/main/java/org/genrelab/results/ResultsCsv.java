package org.genrelab.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The tidy results file {@code report/results/<notebook>.csv}: one row per (experiment, model,
 * metric) with columns {@value ResultRow#HEADER}. Written atomically (temporary file, then move), so
 * a crash never leaves half a file; a notebook writes it with {@link #write(RunParameters, String, List, Object)},
 * which puts the {@link RunRecord} of the run beside it.
 */
public final class ResultsCsv {

    private ResultsCsv() {
    }

    /**
     * Writes a notebook's results file ({@link RunParameters#resultsFile}) and beside it the record of the run
     * that produced it ({@link RunRecord}: commit, machine, parameters, {@code settings.toString()}). The old
     * record goes first, so a crash in between leaves results without a record, never with another run's.
     * The notebook's run journal ({@link RunParameters#runJournal}) has served its purpose then and is removed.
     *
     * @return the results file
     */
    public static Path write(RunParameters params, String notebook, List<ResultRow> rows, Object settings) throws IOException {
        Path file = params.resultsFile(notebook);
        RunRecord record = RunRecord.of(params, notebook, settings);
        Files.deleteIfExists(RunRecord.fileFor(file));
        write(file, rows);
        record.write(RunRecord.fileFor(file));
        Path journal = params.runJournal(notebook);
        if (Files.isDirectory(journal)) {
            try (var files = Files.walk(journal)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
            }
        }
        return file;
    }

    /** Writes the rows to {@code file} (no run record: see {@link #write(RunParameters, String, List, Object)}). */
    public static void write(Path file, List<ResultRow> rows) throws IOException {
        AtomicFiles.writeCsv(file, List.of(ResultRow.HEADER.split(",")), p -> {
            for (ResultRow r : rows) {
                p.printRecord(r.experiment(), r.model(), r.metric(), num(r.value()), num(r.std()), r.runs(),
                        num(r.seconds()), r.device(), r.dataset());
            }
        });
    }

    public static List<ResultRow> read(Path file) throws IOException {
        List<ResultRow> out = new ArrayList<>();
        try (var r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r);
            if (!parser.getHeaderNames().equals(List.of(ResultRow.HEADER.split(",")))) {
                throw new IOException(file + ": not a results file: header " + parser.getHeaderNames()
                        + ", expected " + ResultRow.HEADER);
            }
            for (CSVRecord c : parser) {
                out.add(new ResultRow(c.get(0), c.get(1), c.get(2), parse(c.get(3)), parse(c.get(4)),
                        Integer.parseInt(c.get(5)), parse(c.get(6)), c.get(7), c.get(8)));
            }
        }
        return out;
    }


    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    private static double parse(String s) {
        return s.isBlank() ? Double.NaN : Double.parseDouble(s);
    }
}
