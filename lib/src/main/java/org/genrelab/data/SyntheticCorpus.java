package org.genrelab.data;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.genrelab.audio.Mp3Encoder;

/**
 * GenreLab's default dataset: a deterministic, FMA-shaped corpus of synthetic songs for FMA's
 * eight top-level genres, written as MP3 in FMA's layout ({@code audio/000/000123.mp3}) with
 * FMA-format {@code tracks.csv} and {@code genres.csv}, plus {@link CorpusManifest}'s
 * {@code manifest.csv} and a {@value #PARAMETERS_FILE} that {@link #ensure} compares to decide
 * whether the folder is current.
 *
 * <p>Every track draws from its own generator seeded by (corpus seed, track index), so the files
 * are byte-identical whatever the thread count. Bit rates vary, some tracks are mono, some 48 kHz,
 * and three tracks are deliberately defective (one empty, one truncated, one near-silent), as FMA
 * has a few.
 */
public final class SyntheticCorpus {

    /** Bumped whenever the generator's output changes, so cached corpora are regenerated. */
    public static final int GENERATOR_VERSION = 1;
    /** Tracks per genre by default: about 3.3 s of CPU per 30-s track (render + encode) puts 96 tracks near 160 s on two idle cores. */
    public static final int DEFAULT_PER_GENRE = 12;
    /** The default seed. */
    public static final long DEFAULT_SEED = 2020;
    /** Clip length, as FMA's clips. */
    public static final double DEFAULT_SECONDS = 30.0;
    /** The parameters file whose content identifies a finished corpus. */
    public static final String PARAMETERS_FILE = "corpus.properties";
    /** Present while a generation is under way; marks an interrupted corpus as ours to clear. */
    static final String INCOMPLETE_FILE = "corpus.incomplete";

    private static final int[] BIT_RATES = {96, 128, 160, 192, 192, 256, 320};

    private SyntheticCorpus() {}

    /** What a corpus is generated from. */
    public record Parameters(int perGenre, long seed, double seconds) {
        public Parameters {
            if (perGenre < 1) throw new IllegalArgumentException("perGenre must be at least 1, not " + perGenre);
            if (!(seconds > 0)) throw new IllegalArgumentException("seconds must be positive, not " + seconds);
        }

        Properties toProperties() {
            Properties p = new Properties();
            p.setProperty("generator_version", Integer.toString(GENERATOR_VERSION));
            p.setProperty("per_genre", Integer.toString(perGenre));
            p.setProperty("seed", Long.toString(seed));
            p.setProperty("seconds", Double.toString(seconds));
            p.setProperty("renderer", SongGenerator.rendererName());
            return p;
        }
    }

    /**
     * Makes sure {@code dir} holds the corpus of these parameters (and this generator version and
     * renderer): returns at once if it does, otherwise (re)generates it. A non-empty folder that
     * is not a synthetic corpus is refused rather than overwritten.
     */
    public static CorpusManifest ensure(Path dir, int perGenre, long seed) throws IOException {
        return ensure(dir, new Parameters(perGenre, seed, DEFAULT_SECONDS), defaultThreads());
    }

    /**
     * The parameters of the default corpus: {@link #DEFAULT_PER_GENRE} clips of 30 s per genre. Quick mode uses it
     * too: it shrinks Part 2's searches and epochs, not Part 1's audio, so the main job's default run is on this corpus.
     */
    public static Parameters defaults() {
        return new Parameters(DEFAULT_PER_GENRE, DEFAULT_SEED, DEFAULT_SECONDS);
    }

    /**
     * The default corpus under {@code cacheRoot} ({@code corpus/}), generated once and reused while its parameters
     * hold; returns its {@code tracks.csv}. A generation says its progress to {@code log}.
     */
    public static Path ensureDefault(Path cacheRoot, int threads, Consumer<String> log) throws IOException {
        Path dir = cacheRoot.resolve("corpus");
        ensure(dir, defaults(), threads, log);
        return dir.resolve("tracks.csv");
    }

    /** {@link #audioOrDefault(Path, Path, int, Consumer)}, silent. */
    public static Path audioOrDefault(Path userTracksCsv, Path cacheRoot, int threads) throws IOException {
        return audioOrDefault(userTracksCsv, cacheRoot, threads, line -> { });
    }

    /**
     * Part 1's audio: the user's FMA {@code tracks.csv} when given (non-null), else the default corpus's
     * ({@link #ensureDefault}, which says a generation's progress to {@code log}).
     */
    public static Path audioOrDefault(Path userTracksCsv, Path cacheRoot, int threads, Consumer<String> log)
            throws IOException {
        return userTracksCsv != null ? userTracksCsv : ensureDefault(cacheRoot, threads, log);
    }

    /** {@link #ensure(Path, Parameters, int, Consumer)}, silent. */
    public static CorpusManifest ensure(Path dir, Parameters params, int threads) throws IOException {
        return ensure(dir, params, threads, line -> { });
    }

    /**
     * {@link #ensure(Path, int, long)} with every parameter and the number of threads; a generation says its progress
     * to {@code log} ({@link #generate}).
     */
    public static CorpusManifest ensure(Path dir, Parameters params, int threads, Consumer<String> log)
            throws IOException {
        Path propsFile = dir.resolve(PARAMETERS_FILE);
        if (Files.isRegularFile(propsFile)) {
            Properties have = new Properties();
            try (Reader r = Files.newBufferedReader(propsFile, StandardCharsets.UTF_8)) {
                have.load(r);
            }
            if (have.equals(params.toProperties()) && Files.isRegularFile(dir.resolve(CorpusManifest.FILE_NAME))) {
                return CorpusManifest.read(dir.resolve(CorpusManifest.FILE_NAME));
            }
            clear(dir);
        } else if (Files.isRegularFile(dir.resolve(INCOMPLETE_FILE))) {
            clear(dir);
        } else if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    throw new IOException(dir + ": not empty and has no " + PARAMETERS_FILE
                            + ": not a synthetic corpus folder, refusing to write into it");
                }
            }
        }
        return generate(dir, params, threads, log);
    }

    /** Deletes what a previous generation wrote (only our own names). */
    private static void clear(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(PARAMETERS_FILE));
        Files.deleteIfExists(dir.resolve(INCOMPLETE_FILE));
        for (String f : List.of("tracks.csv", "genres.csv", CorpusManifest.FILE_NAME)) Files.deleteIfExists(dir.resolve(f));
        Path audio = dir.resolve("audio");
        if (Files.isDirectory(audio)) {
            try (Stream<Path> s = Files.walk(audio)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
    }

    static int defaultThreads() {
        return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    }

    /** The plan of one track, fixed before any audio is made. */
    record Plan(int index, long trackId, GenreStyle genre, Split split, CorpusManifest.Condition condition,
            int sampleRate, int channels, int bitRateKbps, long seed) {}

    /** Draws ids, splits, encodings and defects for every track, from the corpus seed alone. */
    static List<Plan> plan(Parameters params) {
        GenreStyle[] genres = GenreStyle.values();
        int n = params.perGenre();
        int total = n * genres.length;
        SplittableRandom rnd = new SplittableRandom(params.seed());
        // genre of each position, shuffled so track ids interleave genres as in FMA
        GenreStyle[] order = new GenreStyle[total];
        for (int i = 0; i < total; i++) order[i] = genres[i / n];
        shuffle(order, rnd);
        // FMA's 80/10/10 split, per genre
        TreeMap<GenreStyle, List<Split>> splits = new TreeMap<>();
        for (GenreStyle g : genres) {
            int test = (int) Math.round(n * 0.1);
            int val = (int) Math.round(n * 0.1);
            Split[] s = new Split[n];
            for (int i = 0; i < n; i++) s[i] = i < test ? Split.TEST : i < test + val ? Split.VALIDATION : Split.TRAINING;
            shuffle(s, rnd);
            splits.put(g, new ArrayList<>(Arrays.asList(s)));
        }
        // three defects, one of each kind, at seeded positions
        CorpusManifest.Condition[] cond = new CorpusManifest.Condition[total];
        Arrays.fill(cond, CorpusManifest.Condition.OK);
        Integer[] pos = new Integer[total];
        for (int i = 0; i < total; i++) pos[i] = i;
        shuffle(pos, rnd);
        CorpusManifest.Condition[] defects = {CorpusManifest.Condition.EMPTY, CorpusManifest.Condition.TRUNCATED,
                CorpusManifest.Condition.NEAR_SILENT};
        for (int k = 0; k < defects.length && k < total; k++) cond[pos[k]] = defects[k];
        List<Plan> plans = new ArrayList<>(total);
        long id = 0;
        for (int i = 0; i < total; i++) {
            id += 2 + rnd.nextInt(40);
            int rate = rnd.nextDouble() < 0.15 ? 48000 : 44100;
            int channels = rnd.nextDouble() < 0.15 ? 1 : 2;
            int kbps = BIT_RATES[rnd.nextInt(BIT_RATES.length)];
            plans.add(new Plan(i, id, order[i], splits.get(order[i]).removeFirst(), cond[i], rate, channels, kbps,
                    rnd.nextLong()));
        }
        return plans;
    }

    private static <T> void shuffle(T[] a, SplittableRandom rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            T t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** FMA's audio path of a track id: {@code audio/000/000123.mp3}. */
    public static String audioPath(long trackId) {
        return String.format(Locale.ROOT, "audio/%03d/%06d.mp3", trackId / 1000, trackId);
    }

    /**
     * Generates the corpus into {@code dir} (which should be empty), on {@code threads} threads. Says to {@code log}
     * what it makes, why the SoundFont is not used if it is there but unusable, each tenth of the tracks done and
     * the total time.
     */
    public static CorpusManifest generate(Path dir, Parameters params, int threads, Consumer<String> log)
            throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(INCOMPLETE_FILE), "generation under way or interrupted\n");
        List<Plan> plans = plan(params);
        long t0 = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        int total = plans.size();
        String renderer = SongGenerator.rendererName();
        SongGenerator.soundFontProblem().ifPresent(p -> log.accept("SongGenerator: " + p));
        log.accept(String.format(Locale.ROOT, "synthetic corpus: %d tracks (%d per genre, seed %d) into %s on %d threads, %s",
                total, params.perGenre(), params.seed(), dir, threads, renderer));
        int[] tenthSaid = {0};
        List<CorpusManifest.Entry> entries = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<CorpusManifest.Entry>> futures = new ArrayList<>();
            for (Plan p : plans) {
                futures.add(pool.submit(() -> {
                    CorpusManifest.Entry e = make(dir, p, params.seconds());
                    int d = done.incrementAndGet();
                    int tenth = (int) ((long) d * 10 / total);
                    synchronized (tenthSaid) { // one line per tenth, in order, from the worker that completes it
                        if (tenth > tenthSaid[0]) {
                            tenthSaid[0] = tenth;
                            log.accept(String.format(Locale.ROOT, "synthetic corpus: %d/%d tracks, %.0f s", d, total,
                                    (System.nanoTime() - t0) / 1e9));
                        }
                    }
                    return e;
                }));
            }
            for (Future<CorpusManifest.Entry> f : futures) entries.add(f.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(dir + ": corpus generation interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) throw io;
            throw new IOException(dir + ": corpus generation failed: " + c, c);
        } finally {
            pool.shutdownNow();
        }
        CorpusManifest manifest = new CorpusManifest(entries);
        writeTracks(dir.resolve("tracks.csv"), manifest, params.seconds());
        writeGenres(dir.resolve("genres.csv"), manifest);
        manifest.write(dir.resolve(CorpusManifest.FILE_NAME));
        try (Writer w = Files.newBufferedWriter(dir.resolve(PARAMETERS_FILE), StandardCharsets.UTF_8)) {
            // sorted key=value lines, no date comment, so the file is reproducible too
            for (var e : new TreeMap<>(params.toProperties()).entrySet()) w.write(e.getKey() + "=" + e.getValue() + "\n");
        }
        Files.delete(dir.resolve(INCOMPLETE_FILE));
        log.accept(String.format(Locale.ROOT, "synthetic corpus: %d tracks generated in %.1f s", total,
                (System.nanoTime() - t0) / 1e9));
        return manifest;
    }

    /** Composes, renders and encodes one track as its plan says. */
    private static CorpusManifest.Entry make(Path dir, Plan p, double seconds) throws IOException {
        SplittableRandom rnd = new SplittableRandom(p.seed());
        SongGenerator.Song song = SongGenerator.compose(p.genre(), seconds, rnd);
        String rel = audioPath(p.trackId());
        Path out = dir.resolve(rel);
        Files.createDirectories(out.getParent());
        if (p.condition() == CorpusManifest.Condition.EMPTY) {
            Files.write(out, new byte[0]);
        } else {
            short[] stereo = SongGenerator.render(song.sequence(), seconds);
            double gain = p.condition() == CorpusManifest.Condition.NEAR_SILENT ? 5e-4 : 1.0; // -66 dB
            short[] pcm = p.channels() == 1 ? new short[stereo.length / 2] : stereo;
            if (p.channels() == 1) {
                for (int i = 0; i < pcm.length; i++) pcm[i] = (short) Math.round(gain * 0.5 * (stereo[2 * i] + stereo[2 * i + 1]));
            } else if (gain != 1.0) {
                for (int i = 0; i < pcm.length; i++) pcm[i] = (short) Math.round(gain * stereo[i]);
            }
            Mp3Encoder.encode(pcm, SongGenerator.RENDER_RATE, p.channels(), p.bitRateKbps(), p.sampleRate(), out);
            if (p.condition() == CorpusManifest.Condition.TRUNCATED) {
                byte[] all = Files.readAllBytes(out);
                Files.write(out, Arrays.copyOf(all, (int) (all.length * 0.4) + 7));
            }
        }
        return new CorpusManifest.Entry(p.trackId(), rel, p.genre(), p.split(), p.condition(), p.sampleRate(),
                p.channels(), p.bitRateKbps(), Math.round(song.tempoBpm() * 100) / 100.0, song.drums().name().toLowerCase(Locale.ROOT),
                song.scale().name().toLowerCase(Locale.ROOT), song.leadProgram(), song.harmonyProgram(),
                song.bassProgram());
    }

    /**
     * FMA's tracks.csv layout: a two-row column header ({@code (album, id)}, ...,
     * {@code (set, split)}, {@code (set, subset)}, {@code (track, genre_top)}, ...), then a
     * {@code track_id} row, then one row per track.
     */
    private static void writeTracks(Path file, CorpusManifest m, double seconds) throws IOException {
        String[][] cols = {{"album", "id"}, {"album", "title"}, {"artist", "id"}, {"artist", "name"},
                {"set", "split"}, {"set", "subset"}, {"track", "bit_rate"}, {"track", "duration"},
                {"track", "genre_top"}, {"track", "genres"}, {"track", "genres_all"}, {"track", "title"}};
        List<CorpusManifest.Entry> rows = new ArrayList<>(m.entries());
        rows.sort(Comparator.comparingLong(CorpusManifest.Entry::trackId));
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
            List<String> top = new ArrayList<>(List.of(""));
            List<String> sub = new ArrayList<>(List.of(""));
            List<String> idRow = new ArrayList<>(List.of("track_id"));
            for (String[] c : cols) {
                top.add(c[0]);
                sub.add(c[1]);
                idRow.add("");
            }
            p.printRecord(top);
            p.printRecord(sub);
            p.printRecord(idRow);
            for (CorpusManifest.Entry e : rows) {
                String genres = "[" + e.genre().genreId() + "]";
                p.printRecord(e.trackId(), e.trackId(), "Synthetic album " + e.trackId(), e.trackId(),
                        "GenreLab synthesizer", e.split().fmaName(), "small", e.bitRateKbps() * 1000,
                        (long) Math.round(seconds), e.genre().title(), genres, genres,
                        e.genre().title() + " study " + e.trackId());
            }
        }
    }

    /** FMA's genres.csv for the eight top-level genres, with this corpus's track counts. */
    private static void writeGenres(Path file, CorpusManifest m) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
            p.printRecord("genre_id", "#tracks", "parent", "title", "top_level");
            GenreStyle[] gs = GenreStyle.values().clone();
            Arrays.sort(gs, Comparator.comparingInt(GenreStyle::genreId));
            for (GenreStyle g : gs) {
                long count = m.entries().stream().filter(e -> e.genre() == g).count();
                p.printRecord(g.genreId(), count, 0, g.title(), g.genreId());
            }
        }
    }
}
