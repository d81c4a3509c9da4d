package org.genrelab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The audio files a command works on, each with its row id: either every audio file of a folder
 * (id = file name, as in the oracle's tables), or the tracks of an FMA {@code tracks.csv} subset
 * (id = FMA's integer track id, file in FMA's layout {@code <audio root>/000/000123.mp3}).
 */
public final class AudioCollection {

    /** A track id and its audio file. */
    public record Item(String id, Path audio, FmaTrack track) {
    }

    /** Audio file endings a folder scan picks up. */
    public static final Set<String> AUDIO_EXTENSIONS = Set.of("mp3", "wav", "flac", "ogg");

    /** Folders beside {@code tracks.csv} (or its parent) where FMA-layout audio may live, in order. */
    public static final List<String> AUDIO_ROOT_NAMES = List.of("audio", "fma_small", "fma_medium", "fma_large", "fma_full");

    private AudioCollection() {
    }

    /** A folder of audio files or an FMA tracks file, whichever {@code input} is. */
    public static List<Item> of(Path input, String subset) throws IOException {
        if (Files.isDirectory(input)) return folder(input);
        if (Files.isRegularFile(input) && input.getFileName().toString().endsWith(".csv")) return tracksCsv(input, subset);
        throw new NoSuchFileException(input.toString(), null, "neither an audio folder nor a tracks .csv file");
    }

    /**
     * Every audio file below {@code folder} (subfolders included), sorted by path; id = file name.
     * Two files with the same name in different subfolders would share one row id (and one cache
     * entry), so they are refused with an error naming both.
     */
    public static List<Item> folder(Path folder) throws IOException {
        List<Item> out = new ArrayList<>();
        Map<String, Path> byId = new HashMap<>();
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String n = p.getFileName().toString();
                int dot = n.lastIndexOf('.');
                if (dot > 0 && AUDIO_EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT))) {
                    Path before = byId.putIfAbsent(n, p);
                    if (before != null) {
                        throw new IOException("two audio files have the same name, and rows are keyed by file name: "
                                + before + " and " + p + "; rename one or give them separate runs");
                    }
                    out.add(new Item(n, p, null));
                }
            }
        }
        if (out.isEmpty()) throw new NoSuchFileException(folder.toString(), null, "no audio files (" + AUDIO_EXTENSIONS + ") in it");
        return out;
    }

    /** The tracks of one subset of an FMA tracks file, with their audio in FMA's layout. */
    public static List<Item> tracksCsv(Path csv, String subset) throws IOException {
        FmaTracks tracks = FmaTracks.load(csv);
        Path root = audioRoot(csv);
        List<Item> out = new ArrayList<>();
        for (FmaTrack t : tracks.subset(subset)) out.add(new Item(Long.toString(t.trackId()), fmaPath(root, t.trackId()), t));
        if (out.isEmpty()) throw new IOException(csv + ": no track of subset '" + subset + "' with a genre");
        return out;
    }

    /** FMA's audio path of a track: {@code <root>/<id / 1000, 3 digits>/<id, 6 digits>.mp3}. */
    public static Path fmaPath(Path root, long trackId) {
        String id = String.format(Locale.ROOT, "%06d", trackId);
        return root.resolve(id.substring(0, 3)).resolve(id + ".mp3");
    }

    /** The audio root of a tracks file: a folder named as in {@link #AUDIO_ROOT_NAMES} beside it or beside its folder. */
    public static Path audioRoot(Path tracksCsv) throws NoSuchFileException {
        Path dir = tracksCsv.toAbsolutePath().getParent();
        for (Path base : new Path[] {dir, dir.getParent()}) {
            if (base == null) continue;
            for (String n : AUDIO_ROOT_NAMES) {
                if (Files.isDirectory(base.resolve(n))) return base.resolve(n);
            }
        }
        throw new NoSuchFileException(tracksCsv.toString(), null,
                "no audio folder beside it (looked for " + AUDIO_ROOT_NAMES + " in " + dir + " and its parent)");
    }
}
