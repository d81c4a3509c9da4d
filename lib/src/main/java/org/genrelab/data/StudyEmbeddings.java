package org.genrelab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The 2020 study's VGGish embeddings of FMA-small in its on-disk format: a folder
 * {@code embeddings/<track_id>.npy} (float32, shape (frames, 128)) and id lists
 * {@code train.npy}, {@code val.npy}, {@code test.npy} (int64), labelled from an FMA tracks file.
 *
 * <p>Tracks that cannot be used are not dropped silently: each one becomes an {@link Exclusion}
 * with its reason (no label, no embedding file, another number of frames than required, a NaN or
 * infinite value). The genres are those of the listed tracks, so FMA's full {@code tracks.csv} (16 top
 * genres over all of FMA) labels FMA-small's 8.
 */
public final class StudyEmbeddings {

    /** The study's sequence length: 31 examples of 0.96 s in a 30-s clip. */
    public static final int FRAMES = 31;
    /** VGGish embedding width. */
    public static final int WIDTH = 128;

    /** A track left out, and why. */
    public record Exclusion(long trackId, Split split, String reason) {
    }

    /**
     * One split, ready for training: {@code x[i]} is a (frames × 128) sequence of track {@code ids[i]}
     * with genre index {@code y[i]} into {@link #genres()}.
     */
    public record SplitData(Split split, long[] ids, float[][][] x, int[] y) {
        public int size() {
            return ids.length;
        }

        /** The sequences flattened row-major to (n, frames·128): {@link EmbeddingRepresentation#FLATTENED}. */
        public double[][] flattened() {
            return EmbeddingRepresentation.FLATTENED.rows(this);
        }
    }

    private final Path folder;
    private final List<String> genres;
    private final Map<Split, SplitData> splits;
    private final List<Exclusion> exclusions;
    private final Map<Long, Integer> frameCounts;

    private StudyEmbeddings(Path folder, List<String> genres, Map<Split, SplitData> splits, List<Exclusion> exclusions,
                            Map<Long, Integer> frameCounts) {
        this.folder = folder;
        this.genres = genres;
        this.splits = splits;
        this.exclusions = exclusions;
        this.frameCounts = frameCounts;
    }

    /**
     * Loads every split, keeping tracks that have a label and exactly {@link #FRAMES} frames.
     *
     * @param folder the study's data folder (holding {@code embeddings/} and the id lists)
     * @param tracks labels (FMA {@code tracks.csv} or the simplified {@code fma_small_tracks.csv})
     */
    public static StudyEmbeddings load(Path folder, FmaTracks tracks) throws IOException {
        return load(folder, tracks, FRAMES);
    }

    /** The embeddings of a data folder: {@code <data>/study-embeddings/} labelled by its tracks file ({@link FmaTracks#find}). */
    public static StudyEmbeddings fromDataFolder(Path data) throws IOException {
        return load(data.resolve("study-embeddings"), FmaTracks.load(FmaTracks.find(data)));
    }

    /** As {@link #load(Path, FmaTracks)}, keeping tracks with exactly {@code frames} frames. */
    public static StudyEmbeddings load(Path folder, FmaTracks tracks, int frames) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString(), null,
                    "no study-embeddings folder (expected embeddings/<track_id>.npy and train.npy, val.npy, test.npy)");
        }
        Path emb = folder.resolve("embeddings");
        if (!Files.isDirectory(emb)) throw new NoSuchFileException(emb.toString(), null, "no embeddings/ folder");
        Map<Split, long[]> idLists = new EnumMap<>(Split.class);
        for (Split sp : Split.values()) idLists.put(sp, Npy.read(folder.resolve(sp.studyFileStem() + ".npy")).toLongs());
        // the genres of the listed tracks, not of the whole tracks file: FMA's full tracks.csv has 16 top genres
        List<String> genres = idLists.values().stream().flatMapToLong(Arrays::stream)
                .mapToObj(id -> tracks.get(id).map(FmaTrack::genreTop).orElse(null))
                .filter(g -> g != null).distinct().sorted().toList();
        Map<Split, SplitData> splits = new EnumMap<>(Split.class);
        List<Exclusion> exclusions = new ArrayList<>();
        Map<Long, Integer> frameCounts = new TreeMap<>();
        for (Split sp : Split.values()) {
            long[] ids = idLists.get(sp);
            NpyArray[] arrays = new NpyArray[ids.length];
            IOException[] errors = new IOException[ids.length];
            IntStream.range(0, ids.length).parallel().forEach(i -> {
                Path f = emb.resolve(ids[i] + ".npy");
                try {
                    arrays[i] = Files.exists(f) ? Npy.read(f) : null;
                } catch (IOException e) {
                    errors[i] = e;
                }
            });
            for (IOException e : errors) {
                if (e != null) throw e;
            }
            List<Integer> keep = new ArrayList<>();
            for (int i = 0; i < ids.length; i++) {
                if (arrays[i] != null) frameCounts.put(ids[i], arrays[i].shape()[0]);
                FmaTrack t = tracks.get(ids[i]).orElse(null);
                NpyArray a = arrays[i];
                if (t == null || t.genreTop() == null) {
                    exclusions.add(new Exclusion(ids[i], sp, "no genre label in " + tracks.source().getFileName()));
                } else if (a == null) {
                    exclusions.add(new Exclusion(ids[i], sp, "no embedding file embeddings/" + ids[i] + ".npy"));
                } else if (a.ndim() != 2 || (a.shape()[0] > 0 && a.shape()[1] != WIDTH)) {
                    throw new IOException(emb.resolve(ids[i] + ".npy") + ": shape " + Arrays.toString(a.shape())
                            + " is not (frames, " + WIDTH + ")");
                } else if (a.shape()[0] != frames) {
                    exclusions.add(new Exclusion(ids[i], sp, (a.shape()[0] < frames ? "short track: " : "long track: ")
                            + a.shape()[0] + " frame(s), exactly " + frames + " needed"));
                } else if (firstNonFinite(a.data()) >= 0) {
                    int at = firstNonFinite(a.data());
                    exclusions.add(new Exclusion(ids[i], sp, "NaN or infinite value (frame " + at / WIDTH + ", column "
                            + at % WIDTH + ")"));
                } else {
                    if (t.split() != sp) {
                        exclusions.add(new Exclusion(ids[i], sp, "listed in " + sp.studyFileStem()
                                + ".npy but FMA's split is " + t.split().fmaName()));
                        continue;
                    }
                    keep.add(i);
                }
            }
            int n = keep.size();
            long[] kid = new long[n];
            float[][][] x = new float[n][frames][WIDTH];
            int[] y = new int[n];
            for (int k = 0; k < n; k++) {
                int i = keep.get(k);
                kid[k] = ids[i];
                float[] v = arrays[i].toFloats();
                for (int t = 0; t < frames; t++) System.arraycopy(v, t * WIDTH, x[k][t], 0, WIDTH);
                y[k] = genres.indexOf(tracks.get(ids[i]).orElseThrow().genreTop());
            }
            splits.put(sp, new SplitData(sp, kid, x, y));
        }
        Set<Long> listed = new HashSet<>();
        for (SplitData d : splits.values()) for (long id : d.ids()) listed.add(id);
        for (Exclusion e : exclusions) listed.add(e.trackId());
        for (FmaTrack t : tracks.subset("small")) {
            if (!listed.contains(t.trackId())) {
                String why = Files.exists(emb.resolve(t.trackId() + ".npy"))
                        ? "labelled, but in none of train/val/test.npy"
                        : "labelled, but has no embedding file and is in none of train/val/test.npy";
                exclusions.add(new Exclusion(t.trackId(), t.split(), why));
            }
        }
        return new StudyEmbeddings(folder, List.copyOf(genres), splits, List.copyOf(exclusions),
                Collections.unmodifiableMap(frameCounts));
    }

    /** Index of the first NaN or infinite value, or −1. */
    private static int firstNonFinite(double[] v) {
        for (int i = 0; i < v.length; i++) if (!Double.isFinite(v[i])) return i;
        return -1;
    }

    /** The folder read. */
    public Path folder() {
        return folder;
    }

    /**
     * Where the notebooks keep the embeddings GenreLab computes of an audio collection, in the study's layout:
     * {@code <cache>/embeddings-<folder of tracks.csv>}.
     */
    public static Path folderFor(Path cache, Path tracksCsv) {
        Path parent = tracksCsv.toAbsolutePath().getParent();
        return cache.resolve("embeddings-" + (parent == null ? "data" : parent.getFileName().toString()));
    }

    /** {@link #source()} of the study's own embeddings. */
    public static final String STUDY = "study-embeddings";

    /** The manifest GenreLab's {@code embed} writes beside the embeddings it computed (the study's folder has none). */
    public static final String MANIFEST = "embeddings.json";

    /**
     * What the embeddings are, as results rows name their dataset: {@value #STUDY} for the study's own, else the folder
     * GenreLab's VGGish wrote them to (its {@value #MANIFEST} beside them), with "stand-in weights" when they are not
     * the pretrained network's, so that a table never passes them off as the study's.
     */
    public String source() {
        Path manifest = folder.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) return STUDY;
        String name;
        try {
            name = folder.toRealPath().getFileName().toString();
        } catch (IOException e) {
            name = folder.getFileName().toString();
        }
        boolean pretrained;
        try {
            pretrained = Files.readString(manifest).replaceAll("\\s", "").contains("\"pretrained\":true");
        } catch (IOException e) {
            pretrained = false;
        }
        return "GenreLab's VGGish embeddings (" + name + (pretrained ? ")" : ", stand-in weights)");
    }

    /** Genre names, sorted; label {@code y} indexes this list. */
    public List<String> genres() {
        return genres;
    }

    public SplitData split(Split split) {
        return splits.get(split);
    }

    public SplitData train() {
        return splits.get(Split.TRAINING);
    }

    public SplitData validation() {
        return splits.get(Split.VALIDATION);
    }

    public SplitData test() {
        return splits.get(Split.TEST);
    }

    /** Number of frames of every embedding file listed in the id lists, by track id. */
    public Map<Long, Integer> frameCounts() {
        return frameCounts;
    }

    /** Every track left out, with its reason. */
    public List<Exclusion> exclusions() {
        return exclusions;
    }
}
