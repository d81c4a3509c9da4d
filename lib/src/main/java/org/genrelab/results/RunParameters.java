package org.genrelab.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.genrelab.data.FmaTracks;
import org.genrelab.data.StudyEmbeddings;

/**
 * A notebook's parameters, read from environment variables (d2l-java's habit) so that CI can run
 * every notebook small:
 * <ul>
 *   <li>{@code GENRELAB_DATA}: the data folder (default: {@code ../shared/data} beside the repository); where it does not
 *       exist, Part 2 reads the embeddings that notebook 03 computes of Part 1's audio ({@link #part2Data()});</li>
 *   <li>{@code GENRELAB_QUICK}: {@code 1} for quick mode (small sizes, few epochs), default {@code 0};</li>
 *   <li>{@code GENRELAB_SEED}: the seed of every random choice, default 42;</li>
 *   <li>{@code GENRELAB_SEEDS}: runs per model (seeds {@code seed, seed + 1, …}) where results are a mean ± std,
 *       default each notebook's own (5 in full mode, as the issues ask; 1–2 in quick mode);</li>
 *   <li>{@code GENRELAB_REPORT}: where results go, default {@code report/} in the repository;</li>
 *   <li>{@code GENRELAB_THREADS}: CPU threads for training, default all cores;</li>
 *   <li>{@code GENRELAB_AUDIO}: Part 1's audio: an FMA {@code tracks.csv} with its audio folder beside it
 *       (default: the embedded synthetic corpus, generated into {@code .cache/});</li>
 *   <li>{@code GENRELAB_FMA_FEATURES}: Part 1's features: FMA's published {@code features.csv} (from
 *       {@code fma_metadata.zip}), or a file in its layout holding some of its feature groups; notebook 02 then
 *       trains the study's models on the study's features that file has (FMA's has MFCC and Tonnetz, not tempo
 *       nor the harmonic and percussive powers), labelled from the data folder's tracks file, instead of the
 *       features computed from Part 1's audio (default: unset, the computed features).</li>
 * </ul>
 */
public record RunParameters(Path root, Path data, boolean quick, long seed, Path report, int threads, Path audio,
                            int seedCount, Path fmaFeatures) {

    /** Reads the parameters from the process environment. */
    public static RunParameters fromEnvironment() {
        return from(System.getenv());
    }

    /** Reads the parameters from the given variables (testable). */
    public static RunParameters from(Map<String, String> env) {
        Path root = Path.of(env.getOrDefault("GENRELAB_ROOT", ".")).toAbsolutePath().normalize();
        String d = env.get("GENRELAB_DATA");
        Path data = (d == null || d.isBlank() ? root.resolve("../shared/data") : Path.of(d)).toAbsolutePath().normalize();
        boolean quick = parseBool("GENRELAB_QUICK", env.getOrDefault("GENRELAB_QUICK", "0"));
        long seed = parseLong("GENRELAB_SEED", env.getOrDefault("GENRELAB_SEED", "42"));
        String r = env.get("GENRELAB_REPORT");
        Path report = (r == null || r.isBlank() ? root.resolve("report") : Path.of(r)).toAbsolutePath().normalize();
        int threads = threads(env);
        String a = env.get("GENRELAB_AUDIO");
        Path audio = a == null || a.isBlank() ? null : Path.of(a).toAbsolutePath().normalize();
        String n = env.get("GENRELAB_SEEDS");
        long count = n == null || n.isBlank() ? 0 : parseLong("GENRELAB_SEEDS", n);
        if (n != null && !n.isBlank() && (count < 1 || count > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("GENRELAB_SEEDS must be at least 1, not " + n.trim());
        }
        int seedCount = (int) count;
        String f = env.get("GENRELAB_FMA_FEATURES");
        Path fmaFeatures = f == null || f.isBlank() ? null : Path.of(f).toAbsolutePath().normalize();
        return new RunParameters(root, data, quick, seed, report, threads, audio, seedCount, fmaFeatures);
    }

    /** {@code GENRELAB_THREADS} of the given variables, default all cores; at least 1. */
    public static int threads(Map<String, String> env) {
        int threads = (int) parseLong("GENRELAB_THREADS",
                env.getOrDefault("GENRELAB_THREADS", String.valueOf(Runtime.getRuntime().availableProcessors())));
        if (threads < 1) throw new IllegalArgumentException("GENRELAB_THREADS must be at least 1, not " + threads);
        return threads;
    }

    /**
     * The data folder, or a clear error saying what is missing and where the data comes from: the folder
     * itself, its {@code study-embeddings/} (embeddings/ and the split lists) or its tracks file.
     */
    public Path requireData() {
        String where = "Set GENRELAB_DATA (or --data) to a folder holding study-embeddings/ (the study's VGGish "
                + "embeddings, from the repository SizovV/Music_Genres, folder data/) and fma_small_tracks.csv or FMA's "
                + "tracks.csv (fma_metadata.zip from github.com/mdeff/fma).";
        if (!Files.isDirectory(data)) throw new IllegalStateException("data folder " + data + " does not exist. " + where);
        List<String> missing = new ArrayList<>();
        Path emb = data.resolve("study-embeddings");
        if (!Files.isDirectory(emb.resolve("embeddings"))) missing.add("study-embeddings/embeddings/");
        for (String split : new String[] {"train.npy", "val.npy", "test.npy"}) {
            if (!Files.isRegularFile(emb.resolve(split))) missing.add("study-embeddings/" + split);
        }
        try {
            FmaTracks.find(data);
        } catch (NoSuchFileException e) {
            missing.add("a tracks file (" + String.join(", ", FmaTracks.TRACKS_FILE_NAMES) + ")");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("data folder " + data + " lacks " + String.join(", ", missing) + ". " + where);
        }
        return data;
    }

    /**
     * Whether the data folder exists, so that Part 2 reads the study's embeddings. Without it (a clone with no
     * {@code ../shared} beside it), Part 2 reads the embeddings that notebook 03 computes of Part 1's audio
     * ({@link #part2Data()}), and every results row names them as its dataset.
     */
    public boolean hasStudyData() {
        return Files.isDirectory(data);
    }

    /**
     * The folder Part 2 reads, in the study's layout: the data folder ({@link #requireData()}) when it exists; else a
     * folder in the cache ({@code part2-data/}) whose {@code study-embeddings} is the embeddings notebook 03 wrote of
     * Part 1's audio ({@link org.genrelab.data.StudyEmbeddings#folderFor}) and whose {@code tracks.csv} is that audio's
     * labels and split.
     *
     * @throws IllegalStateException without a data folder and before notebook 03 has written the embeddings
     */
    public Path part2Data() throws IOException {
        if (hasStudyData()) return requireData();
        Path tracks = audio != null ? audio : cache().resolve("corpus").resolve("tracks.csv");
        Path embeddings = StudyEmbeddings.folderFor(cache(), tracks);
        if (!Files.isRegularFile(embeddings.resolve("train.npy")) || !Files.isRegularFile(tracks)) {
            throw new IllegalStateException("no data folder at " + data + " (the study's embeddings), and no embeddings of "
                    + "Part 1's audio in " + embeddings + " yet: notebook 03-vggish-embeddings writes them, and "
                    + "./genrelab report runs it before the Part 2 notebooks. For the study's own embeddings: "
                    + "data/fetch-study-embeddings.sh DEST, then --data DEST.");
        }
        Path dir = cache().resolve("part2-data");
        Files.createDirectories(dir);
        link(dir.resolve("study-embeddings"), embeddings);
        link(dir.resolve("tracks.csv"), tracks);
        return dir;
    }

    /** Points {@code link} at {@code target}, replacing what was there. */
    private static void link(Path link, Path target) throws IOException {
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, target.toAbsolutePath());
    }

    /**
     * The seeds of a model's runs: {@code seed, seed + 1, …}, as many as {@code GENRELAB_SEEDS} says, else
     * {@code defaultCount} (the notebook's own choice for its mode).
     */
    public long[] seeds(int defaultCount) {
        if (defaultCount < 1) throw new IllegalArgumentException("defaultCount must be at least 1, not " + defaultCount);
        long[] s = new long[seedCount > 0 ? seedCount : defaultCount];
        for (int i = 0; i < s.length; i++) s[i] = seed + i;
        return s;
    }

    /** Where this run keeps generated data (corpus, feature tables): {@code <root>/.cache}. */
    public Path cache() {
        return root.resolve(".cache");
    }

    /**
     * Where a notebook journals its finished training runs until its results are written:
     * {@code <root>/.cache/runs/<notebook>}.
     */
    public Path runJournal(String notebook) {
        return cache().resolve("runs").resolve(notebook);
    }

    /** The tidy results file of a notebook: {@code <report>/results/<notebook>.csv}. */
    public Path resultsFile(String notebook) {
        return report.resolve("results").resolve(notebook + ".csv");
    }

    /** The parameters as printed in a notebook's first cell. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("GENRELAB_DATA", data.toString());
        m.put("GENRELAB_QUICK", quick ? "1" : "0");
        m.put("GENRELAB_SEED", Long.toString(seed));
        m.put("GENRELAB_SEEDS", seedCount > 0 ? Integer.toString(seedCount) : "(each notebook's default)");
        m.put("GENRELAB_REPORT", report.toString());
        m.put("GENRELAB_THREADS", Integer.toString(threads));
        m.put("GENRELAB_AUDIO", audio == null ? "(synthetic corpus)" : audio.toString());
        m.put("GENRELAB_FMA_FEATURES", fmaFeatures == null ? "(features computed from the audio)" : fmaFeatures.toString());
        return m;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        asMap().forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
        return sb.toString();
    }

    private static boolean parseBool(String name, String v) {
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off", "" -> false;
            default -> throw new IllegalArgumentException(name + " must be 0 or 1, not '" + v + "'");
        };
    }

    private static long parseLong(String name, String v) {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, not '" + v + "'");
        }
    }
}
