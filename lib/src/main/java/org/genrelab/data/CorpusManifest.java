package org.genrelab.data;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The synthetic corpus's own record of every file it wrote ({@code manifest.csv}): the track,
 * its genre and split, how it was encoded, the musical traits it was drawn with, and its
 * {@link Condition} — whether the file is a good MP3 or one of the deliberate defects.
 */
public record CorpusManifest(List<Entry> entries) {

    /** The manifest's file name inside a corpus folder. */
    public static final String FILE_NAME = "manifest.csv";

    /** What state a written audio file is in. */
    public enum Condition {
        /** A complete MP3 of the song. */
        OK,
        /** A zero-byte file. */
        EMPTY,
        /** A complete encode cut to its first 40 % of bytes, mid-frame. */
        TRUNCATED,
        /** The song at -66 dB: decodes fine, nearly silent. */
        NEAR_SILENT;

        /** The lower-case name written in the manifest. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Condition ofLabel(String s) {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        }
    }

    /** One audio file of the corpus. */
    public record Entry(long trackId, String path, GenreStyle genre, Split split, Condition condition,
            int sampleRate, int channels, int bitRateKbps, double tempoBpm, String drums, String scale,
            int leadProgram, int harmonyProgram, int bassProgram) {}

    private static final String[] HEADER = {"track_id", "path", "genre_top", "split", "condition", "sample_rate",
            "channels", "bit_rate_kbps", "tempo_bpm", "drums", "scale", "lead_program", "harmony_program",
            "bass_program"};

    public CorpusManifest {
        entries = List.copyOf(entries);
    }

    /** Writes the manifest as CSV with a header row. */
    public void write(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
            p.printRecord((Object[]) HEADER);
            for (Entry e : entries) {
                p.printRecord(e.trackId(), e.path(), e.genre().title(), e.split().fmaName(), e.condition().label(),
                        e.sampleRate(), e.channels(), e.bitRateKbps(), String.format(Locale.ROOT, "%.2f", e.tempoBpm()),
                        e.drums(), e.scale(), e.leadProgram(), e.harmonyProgram(), e.bassProgram());
            }
        }
    }

    /** Reads a manifest written by {@link #write}; errors name the file and the record. */
    public static CorpusManifest read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "no corpus manifest");
        List<Entry> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<CSVRecord> recs = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(r).getRecords();
            for (CSVRecord c : recs) {
                try {
                    out.add(new Entry(Long.parseLong(c.get("track_id")), c.get("path"), genreOf(c.get("genre_top")),
                            Split.ofFmaName(c.get("split")), Condition.ofLabel(c.get("condition")),
                            Integer.parseInt(c.get("sample_rate")), Integer.parseInt(c.get("channels")),
                            Integer.parseInt(c.get("bit_rate_kbps")), Double.parseDouble(c.get("tempo_bpm")),
                            c.get("drums"), c.get("scale"), Integer.parseInt(c.get("lead_program")),
                            Integer.parseInt(c.get("harmony_program")), Integer.parseInt(c.get("bass_program"))));
                } catch (IllegalArgumentException e) {
                    throw new IOException(file + ": record " + c.getRecordNumber() + ": " + e.getMessage(), e);
                }
            }
        }
        return new CorpusManifest(out);
    }

    static GenreStyle genreOf(String title) {
        for (GenreStyle g : GenreStyle.values()) if (g.title().equals(title)) return g;
        throw new IllegalArgumentException("unknown genre '" + title + "'");
    }
}
