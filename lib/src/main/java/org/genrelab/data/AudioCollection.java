package org.genrelab.data;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.genrelab.audio.AudioDecoder;

/**
 * The audio files a command works on, each with its row id: either every audio file of a folder
 * (id = file name, as in the oracle's tables), or the tracks of an FMA {@code tracks.csv} subset
 * (id = FMA's integer track id, file in FMA's layout {@code <audio root>/000/000123.mp3}). A folder's entries
 * that cannot be read are items too, with the reason ({@link Item#unreadable}), so that every input is
 * accounted for; a tracks file's audio is checked by the extractors when they come to it.
 */
public final class AudioCollection {

    /**
     * A track id and its audio file.
     *
     * @param unreadable why the folder walk could not read this entry (a broken symbolic link, a directory or other
     *                   non-file with an audio file's name, a file or folder this user may not read), or null; the
     *                   extractors list such an item among their failures with this reason
     */
    public record Item(String id, Path audio, FmaTrack track, String unreadable) {

        /** A readable item (or one not checked yet: the extractors check every file before they compute it). */
        public Item(String id, Path audio, FmaTrack track) {
            this(id, audio, track, null);
        }
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
     * Every entry with an audio file's name below {@code folder} (subfolders included, symbolic links followed),
     * sorted by path; id = file name. Nothing is skipped in silence: an entry with an audio name that is no
     * readable file (a broken symbolic link, a directory such as {@code x.mp3/}, a named pipe, a file this user
     * may not read) is listed with {@link Item#unreadable} saying why, and so is a subfolder the walk may not open
     * (id: its path below {@code folder} with a trailing {@code /}), whose audio, if any, is unknown. Only a
     * link back to a folder already walked is passed over, as everything below it is listed once already.
     * Two entries with the same name in different subfolders would share one row id (and one cache entry), so
     * they are refused with an error naming both.
     */
    public static List<Item> folder(Path folder) throws IOException {
        List<Item> found = new ArrayList<>();
        Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(folder) && isAudioName(dir)) found.add(item(dir)); // a folder named like a track: listed, then walked
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (isAudioName(file)) found.add(item(file)); // broken links arrive here too, with the link's attributes
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (file.equals(folder)) throw e; // the folder itself cannot be read: nothing to list
                if (e instanceof FileSystemLoopException) return FileVisitResult.CONTINUE; // walked already
                if (isAudioName(file)) {
                    found.add(item(file));
                } else if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(file)) {
                    found.add(unlistable(folder, file, e));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                if (e != null) found.add(unlistable(folder, dir, e)); // the listing broke off part way
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(Comparator.comparing(Item::audio));
        Map<String, Path> byId = new HashMap<>();
        for (Item it : found) {
            Path before = byId.putIfAbsent(it.id(), it.audio());
            if (before != null) {
                throw new IOException("two audio files have the same name, and rows are keyed by file name: "
                        + before + " and " + it.audio() + "; rename one or give them separate runs");
            }
        }
        if (found.isEmpty()) throw new NoSuchFileException(folder.toString(), null, "no audio files (" + AUDIO_EXTENSIONS + ") in it");
        return found;
    }

    /** True when the name ends in one of {@link #AUDIO_EXTENSIONS} (any case) after something. */
    static boolean isAudioName(Path p) {
        Path name = p.getFileName();
        if (name == null) return false;
        String n = name.toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 && AUDIO_EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static Item item(Path p) {
        return new Item(p.getFileName().toString(), p, null, AudioDecoder.unreadable(p));
    }

    private static Item unlistable(Path root, Path dir, IOException e) {
        String why = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : String.valueOf(e.getMessage());
        return new Item(root.relativize(dir) + "/", dir, null,
                "a folder this walk could not read (" + why + "); any audio files in it are not included");
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
