package org.genrelab.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * FMA track metadata read from either layout we meet:
 * <ul>
 *   <li>FMA's real {@code tracks.csv}: a two-level column header, {@code (set, split)},
 *       {@code (set, subset)}, {@code (track, genre_top)}, {@code (track, genres)},
 *       {@code (track, duration)}, ..., then a {@code track_id} row, then one row per track;</li>
 *   <li>the simplified single-header {@code fma_small_tracks.csv}:
 *       {@code subset,split,track_id,genre_top,genres}.</li>
 * </ul>
 * Parsing is commons-csv's (FMA's text fields hold quoted commas and line breaks).
 */
public final class FmaTracks {

    private final Path source;
    private final Map<Long, FmaTrack> byId;

    private FmaTracks(Path source, Map<Long, FmaTrack> byId) {
        this.source = source;
        this.byId = Collections.unmodifiableMap(byId);
    }

    /** Where a data folder may hold its tracks file, in order of preference. */
    public static final List<String> TRACKS_FILE_NAMES =
            List.of("tracks.csv", "fma_metadata/tracks.csv", "fma_small_tracks.csv");

    /** The tracks file of a data folder (see {@link #TRACKS_FILE_NAMES}); the error lists every place looked at. */
    public static Path find(Path dataFolder) throws NoSuchFileException {
        for (String n : TRACKS_FILE_NAMES) {
            Path p = dataFolder.resolve(n);
            if (Files.isRegularFile(p)) return p;
        }
        throw new NoSuchFileException(dataFolder.toString(), null, "no tracks file: looked for "
                + String.join(", ", TRACKS_FILE_NAMES) + " in it");
    }

    /** Reads a {@code tracks.csv} of either layout; errors name the file and the problem. */
    public static FmaTracks load(Path csv) throws IOException {
        if (!Files.exists(csv)) throw new NoSuchFileException(csv.toString(), null, "no tracks file");
        List<CSVRecord> records;
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            records = CSVFormat.RFC4180.builder().get().parse(r).getRecords();
        }
        if (records.isEmpty()) throw new IOException(csv + ": empty tracks file");
        CSVRecord first = records.get(0);
        boolean multiHeader = first.size() > 0 && first.get(0).isBlank() && records.size() >= 3;
        Map<String, Integer> col = new LinkedHashMap<>();
        int dataStart;
        if (multiHeader) {
            CSVRecord second = records.get(1);
            String top = "";
            for (int i = 0; i < first.size(); i++) {
                if (!first.get(i).isBlank()) top = first.get(i).trim();
                String sub = i < second.size() ? second.get(i).trim() : "";
                col.putIfAbsent(top + "/" + sub, i);
            }
            dataStart = 2;
            if (records.get(2).size() > 0 && records.get(2).get(0).trim().equals("track_id")) dataStart = 3;
            col.put("track_id", 0);
        } else {
            for (int i = 0; i < first.size(); i++) col.putIfAbsent(first.get(i).trim(), i);
            dataStart = 1;
            rename(col, "subset", "set/subset");
            rename(col, "split", "set/split");
            rename(col, "genre_top", "track/genre_top");
            rename(col, "genres", "track/genres");
            rename(col, "duration", "track/duration");
        }
        List<String> missing = new ArrayList<>();
        for (String need : List.of("track_id", "set/split", "set/subset", "track/genre_top")) {
            if (!col.containsKey(need)) missing.add(need);
        }
        if (!missing.isEmpty()) {
            throw new IOException(csv + ": not an FMA tracks file: missing column(s) " + missing
                    + " (expected FMA's tracks.csv with (set, split), (set, subset), (track, genre_top),"
                    + " or the columns subset,split,track_id,genre_top,genres)");
        }
        Map<Long, FmaTrack> byId = new TreeMap<>();
        for (int r = dataStart; r < records.size(); r++) {
            CSVRecord rec = records.get(r);
            long line = rec.getRecordNumber();
            String idText = field(rec, col.get("track_id"));
            long id;
            try {
                id = Long.parseLong(idText.trim());
            } catch (NumberFormatException e) {
                throw new IOException(csv + ": record " + line + ": track_id '" + idText + "' is not an integer");
            }
            Split split;
            try {
                split = Split.ofFmaName(field(rec, col.get("set/split")));
            } catch (IllegalArgumentException e) {
                throw new IOException(csv + ": track " + id + ": " + e.getMessage());
            }
            String genre = field(rec, col.get("track/genre_top")).trim();
            Integer gi = col.get("track/genres");
            List<Integer> genres = gi == null ? List.of() : parseIdList(field(rec, gi));
            Integer di = col.get("track/duration");
            double duration = Double.NaN;
            if (di != null && !field(rec, di).isBlank()) duration = Double.parseDouble(field(rec, di).trim());
            if (byId.put(id, new FmaTrack(id, field(rec, col.get("set/subset")).trim(), split,
                    genre.isEmpty() ? null : genre, genres, duration)) != null) {
                throw new IOException(csv + ": track " + id + " appears twice");
            }
        }
        return new FmaTracks(csv, byId);
    }

    private static void rename(Map<String, Integer> col, String from, String to) {
        Integer i = col.remove(from);
        if (i != null) col.putIfAbsent(to, i);
    }

    private static String field(CSVRecord rec, int i) {
        return i < rec.size() ? rec.get(i) : "";
    }

    private static List<Integer> parseIdList(String s) {
        String t = s.trim();
        if (t.startsWith("[")) t = t.substring(1);
        if (t.endsWith("]")) t = t.substring(0, t.length() - 1);
        List<Integer> out = new ArrayList<>();
        for (String p : t.split(",")) {
            if (!p.isBlank()) out.add(Integer.parseInt(p.trim()));
        }
        return List.copyOf(out);
    }

    /** The file these tracks were read from. */
    public Path source() {
        return source;
    }

    /** All tracks by id, in id order. */
    public Map<Long, FmaTrack> byId() {
        return byId;
    }

    /** The track of that id, if listed. */
    public Optional<FmaTrack> get(long trackId) {
        return Optional.ofNullable(byId.get(trackId));
    }

    /** Tracks of one subset ({@code small}, ...) that have a top-level genre, in id order. */
    public List<FmaTrack> subset(String subset) {
        return byId.values().stream()
                .filter(t -> t.subset().equalsIgnoreCase(subset) && t.genreTop() != null)
                .toList();
    }

    /** Number of tracks listed. */
    public int size() {
        return byId.size();
    }
}
