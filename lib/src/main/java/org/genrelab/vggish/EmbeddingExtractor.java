package org.genrelab.vggish;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.genrelab.audio.AudioDecoder;
import org.genrelab.audio.DecodeOutcome;
import org.genrelab.audio.DecodedAudio;
import org.genrelab.data.AudioCollection;
import org.genrelab.data.Npy;
import org.genrelab.data.NpyArray;
import org.genrelab.data.Split;
import org.genrelab.data.StudyEmbeddings;
import org.genrelab.deep.DeviceChoice;
import org.genrelab.dsp.Resample;
import org.genrelab.results.AtomicFiles;

/**
 * VGGish embeddings of a dataset in the study's on-disk format: {@code <out>/embeddings/<id>.npy}
 * (float32, shape (frames, 128), one row per 0.96 s) and, for FMA data, {@code train.npy},
 * {@code val.npy}, {@code test.npy} (int64 track ids of FMA's split) — what
 * {@link org.genrelab.data.StudyEmbeddings} reads. Per track: decode to mono at the native rate,
 * resample to 16 kHz (resampy {@code kaiser_best}), log-mel examples ({@link VggishFrontEnd}), the
 * network ({@link VggishBlock}, raw output before the final ReLU as the study's TensorFlow embeddings,
 * optionally PCA + quantisation).
 *
 * <p>Resumable: each track's file is written under a temporary name and moved into place, so a run
 * killed at any moment loses only the tracks in flight and redoes nothing it finished; failures are
 * remembered ({@code failed/<id>.txt}) with their reason and listed in {@code failures.csv}. An input that cannot
 * be read (a broken symbolic link, a directory or other non-file, a file this user may not read, no file at all)
 * is listed there too with its reason, but not remembered: the next run looks at it again.
 * {@code embeddings.json} records the weights (checkpoint SHA-256, or the stand-in) and the
 * post-processing; a folder made with other weights is refused rather than mixed. Decoding and the
 * front end run on worker threads while the network runs on PyTorch's threads.
 */
public final class EmbeddingExtractor {

    /** A track that gave no embedding, and why. */
    public record Failure(String id, Path audio, String reason) {
    }

    /**
     * What a run produced. Every input is counted once: {@code found = written + reused + failed.size()}.
     *
     * @param folder          the output folder
     * @param found           the inputs given to the run
     * @param written         embeddings computed and written by this run
     * @param reused          embeddings already in the folder (the resume cache)
     * @param failed          the inputs without an embedding, with their reasons
     * @param failedFromCache how many of those failures were remembered in {@code failed/} from an earlier run
     *                        rather than met by this one
     * @param unreadable      how many of them could not be read at all (not remembered: looked at again by every run)
     * @param seconds         the run's wall time
     */
    public record Result(Path folder, int found, int written, int reused, List<Failure> failed, int failedFromCache,
            int unreadable, double seconds) {
    }

    /** The reason listed for an item whose embedding never ended (a lost task); the next run embeds it. */
    public static final String NOT_COMPUTED = "not computed: its task ended without a result; run again to compute it";

    private final VggishWeights weights;
    private final VggishPostprocessor pca;
    private final int[] convChannels;
    private final int[] fc;
    private final int threads;

    /**
     * @param weights      the network's weights
     * @param pca          PCA + quantisation to apply, or null for the raw embeddings (the study's)
     * @param convChannels the six convolution widths ({@link VggishBlock#FULL_CONV_CHANNELS} for real VGGish)
     * @param fc           the three fully connected widths
     * @param threads      worker threads for decoding and the front end (≥ 1)
     */
    public EmbeddingExtractor(VggishWeights weights, VggishPostprocessor pca, int[] convChannels, int[] fc, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        this.weights = weights;
        this.pca = pca;
        this.convChannels = convChannels.clone();
        this.fc = fc.clone();
        this.threads = threads;
    }

    /**
     * What an extractor is made from, small enough to send to other machines: each rebuilds the same extractor from
     * files it can read (a distributed engine's executors build theirs once each).
     *
     * @param weightsFile  the torchvggish checkpoint, or null for the stand-in of these widths
     * @param weightsSha256 the checkpoint's SHA-256 as the planning machine read it (an executor that reads other bytes
     *                     refuses to embed), or the stand-in's seed tag
     * @param pcaFile      the PCA parameters, or null for the raw embeddings
     * @param convChannels the six convolution widths
     * @param fc           the three fully connected widths
     */
    public record Recipe(String weightsFile, String weightsSha256, String pcaFile, int[] convChannels, int[] fc)
            implements Serializable {

        /** The recipe of these weights and PCA file for the full-size network. */
        public static Recipe fullSize(VggishWeights weights, Path pcaFile) {
            return new Recipe(weights.file() == null ? null : weights.file().toAbsolutePath().toString(), weights.sha256(),
                    pcaFile == null ? null : pcaFile.toAbsolutePath().toString(), VggishBlock.FULL_CONV_CHANNELS,
                    VggishBlock.FULL_FC);
        }

        /** The extractor, its weights read (or the stand-in made) here. */
        public EmbeddingExtractor build(int threads) throws IOException {
            VggishWeights w = weightsFile == null ? VggishWeights.standIn(convChannels, fc, VggishWeights.STAND_IN_SEED)
                    : VggishWeights.pretrained(Path.of(weightsFile));
            if (!w.sha256().equals(weightsSha256)) {
                throw new IOException("the weights read here (" + (weightsFile == null ? "stand-in" : weightsFile) + ", "
                        + w.sha256() + ") are not those the run was planned with (" + weightsSha256 + ")");
            }
            return new EmbeddingExtractor(w, pcaFile == null ? null : VggishPostprocessor.read(Path.of(pcaFile)),
                    convChannels, fc, threads);
        }
    }

    /** The full-size network. */
    public static EmbeddingExtractor fullSize(VggishWeights weights, VggishPostprocessor pca, int threads) {
        return new EmbeddingExtractor(weights, pca, VggishBlock.FULL_CONV_CHANNELS, VggishBlock.FULL_FC, threads);
    }

    /** Where the notebooks keep a dataset's embeddings ({@link StudyEmbeddings#folderFor}). */
    public static Path folderFor(Path cache, Path tracksCsv) {
        return StudyEmbeddings.folderFor(cache, tracksCsv);
    }

    /** Frames per track of an embeddings folder, by id (ids sorted as strings). */
    public static SortedMap<String, Integer> frameCounts(Path out) throws IOException {
        SortedMap<String, Integer> m = new TreeMap<>();
        try (var files = Files.list(out.resolve("embeddings"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".npy")).toList()) {
                String name = f.getFileName().toString();
                m.put(name.substring(0, name.length() - 4), Npy.read(f).shape()[0]);
            }
        }
        return m;
    }

    /**
     * The first embedded track (smallest id) of a {@link #frameCounts} map; when there is none, an error that says so,
     * with how many tracks failed and why (the first few reasons), instead of an empty map's bare exception.
     */
    public static String firstEmbedded(SortedMap<String, Integer> frames, Result result) {
        if (!frames.isEmpty()) return frames.firstKey();
        List<Failure> failed = result.failed();
        String why = failed.isEmpty() ? "no track was given to it"
                : failed.size() + " track(s) failed, e.g. " + String.join("; ", failed.stream().limit(3)
                        .map(f -> f.id() + " (" + f.reason().strip() + ")").toList());
        throw new IllegalStateException("No track could be embedded into " + result.folder() + ": " + why
                + ". Check the audio (--audio / GENRELAB_AUDIO, or the synthetic corpus in .cache/).");
    }

    /** The configuration written to {@code embeddings.json}. */
    public String configJson() {
        return "{\n  \"format\": \"study: embeddings/<id>.npy float32 (frames, " + fc[2] + ")\",\n"
                + "  \"weights\": \"" + weights.description().replace("\"", "'") + "\",\n"
                + "  \"pretrained\": " + weights.pretrained() + ",\n"
                + "  \"weights_sha256\": \"" + weights.sha256() + "\",\n"
                + "  \"conv_channels\": " + Arrays.toString(convChannels) + ",\n"
                + "  \"fc\": " + Arrays.toString(fc) + ",\n"
                + "  \"final_relu\": false,\n"
                + "  \"pca\": " + (pca != null) + ",\n"
                + "  \"sample_rate\": " + VggishFrontEnd.SAMPLE_RATE + ",\n"
                + "  \"resampler\": \"resampy kaiser_best\"\n}\n";
    }

    /**
     * What a run has to do, found before anything is computed ({@link #plan}): the inputs, the output folder, what it
     * already holds, and the items left to embed. The local run embeds {@code todo} on its threads; a distributed
     * engine may embed them anywhere that writes the same folder ({@link #embedInto}); {@link #finish} then writes
     * the split files and failures.csv.
     *
     * @param items           every input, in the caller's order
     * @param out             the output folder
     * @param todo            the items to embed now
     * @param unreadable      reasons of the inputs that cannot be read, by id (not remembered)
     * @param reused          embeddings already in the folder
     * @param failedFromCache failures remembered in {@code failed/}
     * @param startNanos      when the run began ({@link System#nanoTime})
     */
    public record Plan(List<AudioCollection.Item> items, Path out, List<AudioCollection.Item> todo,
            Map<String, String> unreadable, int reused, int failedFromCache, long startNanos) {

        /** Inputs already settled before any computing: reused embeddings, remembered failures, unreadable inputs. */
        public int settled() {
            return reused + failedFromCache + unreadable.size();
        }
    }

    /** Embeds every item not yet in {@code out}, then writes the split id files and failures.csv. */
    public Result run(List<AudioCollection.Item> items, Path out, IntConsumer progress) throws IOException, InterruptedException {
        Plan plan = plan(items, out);
        int done = plan.settled();
        progress.accept(done);
        int written = 0;
        BlockingQueue<Prepared> queue = new ArrayBlockingQueue<>(2 * threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "vggish-front-end");
            th.setDaemon(true);
            return th;
        });
        try (NDManager manager = NDManager.newBaseManager(DeviceChoice.device(), DeviceChoice.ENGINE)) {
            VggishBlock block = loadBlock(manager);
            List<Future<?>> jobs = new ArrayList<>();
            for (AudioCollection.Item it : plan.todo()) {
                jobs.add(pool.submit(() -> {
                    queue.put(prepare(it));
                    return null;
                }));
            }
            for (int i = 0; i < plan.todo().size(); i++) {
                if (store(queue.take(), out, manager, block)) written++;
                progress.accept(++done);
            }
            for (Future<?> f : jobs) {
                try {
                    f.get();
                } catch (ExecutionException ex) {
                    throw new IOException("front end failed", ex.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return finish(plan, written);
    }

    /**
     * Checks the output folder (its {@code embeddings.json} must match this extractor's configuration) and finds what
     * is left to embed. Nothing is computed.
     *
     * @throws IllegalStateException if the folder holds embeddings of another configuration
     */
    public Plan plan(List<AudioCollection.Item> items, Path out) throws IOException {
        long t0 = System.nanoTime();
        Path emb = out.resolve("embeddings");
        Path failed = out.resolve("failed");
        Files.createDirectories(emb);
        Files.createDirectories(failed);
        for (Path dir : List.of(emb, failed)) { // leftovers of writes cut short by a kill
            try (var files = Files.list(dir)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".tmp")).toList()) Files.deleteIfExists(f);
            }
        }
        Path config = out.resolve("embeddings.json");
        String json = configJson();
        if (Files.exists(config)) {
            String old = Files.readString(config, StandardCharsets.UTF_8);
            if (!old.equals(json)) {
                throw new IllegalStateException(out + " holds embeddings made with another configuration (" + config
                        + "); use another output folder or delete it. Existing:\n" + old + "Asked:\n" + json);
            }
        } else {
            AtomicFiles.write(config, json.getBytes(StandardCharsets.UTF_8));
        }
        List<AudioCollection.Item> todo = new ArrayList<>();
        Map<String, String> unreadable = new HashMap<>(); // met now; not remembered in failed/
        int reused = 0, failedFromCache = 0;
        for (AudioCollection.Item it : items) {
            if (Files.exists(emb.resolve(it.id() + ".npy"))) {
                reused++; // kept even if its audio has gone since
                continue;
            }
            String why = it.unreadable() != null ? it.unreadable() : AudioDecoder.unreadable(it.audio());
            if (why != null) unreadable.put(it.id(), DecodeOutcome.UNREADABLE + ": " + why);
            else if (Files.exists(failed.resolve(it.id() + ".txt"))) failedFromCache++;
            else todo.add(it);
        }
        return new Plan(List.copyOf(items), out, List.copyOf(todo), Map.copyOf(unreadable), reused, failedFromCache, t0);
    }

    /** The network with this extractor's weights, its parameters in {@code manager}. */
    public VggishBlock loadBlock(NDManager manager) {
        return new VggishBlock(convChannels, fc, false).loadStateDict(manager, weights.stateDict());
    }

    /**
     * Embeds one item into {@code out} ({@code embeddings/<id>.npy}, or {@code failed/<id>.txt} with the reason):
     * the per-track step of {@link #run}, for an engine that spreads the items over machines. Writing the same item
     * twice (a retried task) leaves the same file.
     *
     * @return whether an embedding was written
     */
    public boolean embedInto(AudioCollection.Item it, Path out, NDManager manager, VggishBlock block) throws IOException {
        return store(prepare(it), out, manager, block);
    }

    private boolean store(Prepared p, Path out, NDManager manager, VggishBlock block) throws IOException {
        if (p.failure != null) {
            AtomicFiles.write(out.resolve("failed").resolve(p.item.id() + ".txt"), p.failure.getBytes(StandardCharsets.UTF_8));
            return false;
        }
        float[][] e = p.count == 0 ? new float[0][] : block.embed(manager, p.examples, p.count);
        requireFinite(e, p.item.id());
        if (pca != null && e.length > 0) e = pca.apply(e);
        double[] flat = new double[e.length * fc[2]];
        for (int r = 0; r < e.length; r++) for (int c = 0; c < fc[2]; c++) flat[r * fc[2] + c] = e[r][c];
        AtomicFiles.write(out.resolve("embeddings").resolve(p.item.id() + ".npy"),
                Npy.toBytes(new NpyArray("<f4", new int[] {e.length, fc[2]}, flat)));
        return true;
    }

    /** Writes the split id files and failures.csv of a plan whose items have been embedded into its folder. */
    public Result finish(Plan plan, int written) throws IOException {
        Path out = plan.out();
        List<Failure> failures = writeSummaries(plan.items(), out, out.resolve("embeddings"), out.resolve("failed"),
                plan.unreadable());
        return new Result(out, plan.items().size(), written, plan.reused(), failures, plan.failedFromCache(),
                plan.unreadable().size(), (System.nanoTime() - plan.startNanos()) / 1e9);
    }

    /**
     * Refuses an embedding with a NaN or infinite value: nothing is written for the track, and a run started again
     * tries it again (the PyTorch CPU engine's oneDNN convolutions returned NaN now and then on finite input in
     * one configuration; see {@link org.genrelab.deep.UnfoldedConv1d}).
     */
    static void requireFinite(float[][] e, String id) {
        for (int r = 0; r < e.length; r++) {
            for (int c = 0; c < e[r].length; c++) {
                if (!Float.isFinite(e[r][c])) {
                    throw new IllegalStateException("VGGish returned " + e[r][c] + " for track " + id + " (frame " + r
                            + ", dimension " + c + "); nothing was written for it, and the tracks finished so far are kept:"
                            + " run again to retry it. With the same weights every time, check the weights.");
                }
            }
        }
    }

    /**
     * Decodes, resamples and frames one track; failures become a reason, never an exception. Public for the
     * embedding benchmark, which times this front end apart from the network.
     */
    public static Prepared prepare(AudioCollection.Item it) {
        try {
            DecodedAudio a = AudioDecoder.decodeMono(it.audio());
            if (!a.ok()) return new Prepared(it, null, 0, a.outcome() + ": " + a.reason());
            double[] y16k = Resample.resample(a.toDoubles(), a.sampleRate(), VggishFrontEnd.SAMPLE_RATE,
                    Resample.Filter.KAISER_BEST);
            double[][][] ex = VggishFrontEnd.waveformToExamples(y16k);
            int f = VggishBlock.NUM_FRAMES * VggishBlock.NUM_BANDS;
            float[] flat = new float[ex.length * f];
            for (int n = 0; n < ex.length; n++) {
                for (int t = 0; t < VggishBlock.NUM_FRAMES; t++) {
                    for (int b = 0; b < VggishBlock.NUM_BANDS; b++) flat[n * f + t * VggishBlock.NUM_BANDS + b] = (float) ex[n][t][b];
                }
            }
            return new Prepared(it, flat, ex.length, null);
        } catch (Exception | OutOfMemoryError e) {
            return new Prepared(it, null, 0, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * One track framed for the network: {@code count} log-mel examples flattened into {@code examples}, or null
     * and the {@code failure}'s reason.
     */
    public record Prepared(AudioCollection.Item item, float[] examples, int count, String failure) {
    }

    /** failures.csv, and train/val/test id files of FMA items that have an embedding. */
    private static List<Failure> writeSummaries(List<AudioCollection.Item> items, Path out, Path emb, Path failed,
            Map<String, String> unreadable) throws IOException {
        List<Failure> failures = new ArrayList<>();
        TreeMap<Split, List<Long>> bySplit = new TreeMap<>();
        if (items.stream().anyMatch(it -> it.track() != null && it.track().split() != null)) {
            for (Split sp : Split.values()) bySplit.put(sp, new ArrayList<>());
        }
        for (AudioCollection.Item it : items) {
            Path f = failed.resolve(it.id() + ".txt");
            if (unreadable.containsKey(it.id())) {
                failures.add(new Failure(it.id(), it.audio(), unreadable.get(it.id())));
            } else if (Files.exists(f) && !Files.exists(emb.resolve(it.id() + ".npy"))) {
                failures.add(new Failure(it.id(), it.audio(), Files.readString(f, StandardCharsets.UTF_8)));
            } else if (!Files.exists(emb.resolve(it.id() + ".npy"))) { // a lost distributed task: the next run embeds it
                failures.add(new Failure(it.id(), it.audio(), NOT_COMPUTED));
            } else if (it.track() != null && it.track().split() != null) {
                bySplit.computeIfAbsent(it.track().split(), k -> new ArrayList<>()).add(it.track().trackId());
            }
        }
        StringBuilder csv = new StringBuilder("id,audio,reason\n");
        failures.stream().sorted(Comparator.comparing(Failure::id)).forEach(f -> csv.append(f.id()).append(',')
                .append(quote(f.audio().toString())).append(',').append(quote(f.reason())).append('\n'));
        AtomicFiles.write(out.resolve("failures.csv"), csv.toString().getBytes(StandardCharsets.UTF_8));
        for (var e : bySplit.entrySet()) {
            List<Long> ids = e.getValue();
            ids.sort(null);
            double[] d = ids.stream().mapToDouble(Long::doubleValue).toArray();
            AtomicFiles.write(out.resolve(e.getKey().studyFileStem() + ".npy"), Npy.toBytes(new NpyArray("<i8", new int[] {d.length}, d)));
        }
        return failures;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"").replace('\n', ' ') + "\"";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "VGGish %s, PCA %s", weights.description(), pca != null ? "on" : "off");
    }
}
