package org.genrelab.classic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.genrelab.data.EmbeddingRepresentation;
import org.genrelab.data.FmaTracks;
import org.genrelab.data.Split;
import org.genrelab.data.StudyEmbeddings;
import org.genrelab.eval.TestSetIntervals;
import org.genrelab.results.PredictionsCsv;
import org.genrelab.results.ResultRow;

/**
 * Part 1 on real FMA data: FMA's own published MFCC statistics (librosa 0.5.0) of the 2 000 FMA-small
 * Hip-Hop and Rock tracks ({@value #FILE} in the data folder), beside the study's VGGish embeddings of the
 * same tracks as clip statistics ({@link EmbeddingRepresentation#CLIP_STATISTICS}), each through the same
 * models on FMA's official split ({@link StudyProtocol#official}: trained on the training tracks, tested on
 * the test tracks). Both tables hold identical tracks in identical order, so the two feature sets are
 * tested on the same tracks and their macro-F1 get bootstrap intervals over one test set.
 *
 * <p>Tracks left out are named: the file's blank and unlabelled rows ({@link FmaPublishedFeatures.Report})
 * and the tracks without a whole embedding ({@link StudyEmbeddings#exclusions()}), from both sides.
 */
public final class FmaRealSlice {

    /** The slice of FMA's features.csv, relative to the data folder. */
    public static final String FILE = "fma-sample/fma_features_mfcc_2000.csv";
    /** Experiment name of the result rows of FMA's features. */
    public static final String EXPERIMENT = "part1-fma-real-slice";
    /** Experiment name of the result rows of the embeddings of the same tracks. */
    public static final String EMBEDDINGS_EXPERIMENT = "part1-fma-real-slice-vggish";
    /** Prefix of the saved predictions' model names, FMA's features. */
    public static final String FEATURES_PREFIX = "real slice: FMA MFCC / ";
    /** Prefix of the saved predictions' model names, the embeddings. */
    public static final String EMBEDDINGS_PREFIX = "real slice: VGGish / ";
    /** How a track's embedding sequence becomes one row. */
    public static final EmbeddingRepresentation REPRESENTATION = EmbeddingRepresentation.CLIP_STATISTICS;

    private FmaRealSlice() {
    }

    /**
     * The two tables over identical tracks.
     *
     * @param published        what reading FMA's file found (blank rows, unlabelled rows, absent study features)
     * @param features         FMA's published features of the tracks (the study's features the file has: MFCC)
     * @param embeddings       the study's embeddings of the same tracks, in the same order
     * @param withoutEmbedding usable tracks of the file left out of both sides: track id → why it has no embedding row
     */
    public record Tables(FmaPublishedFeatures published, FeatureTable features, FeatureTable embeddings,
                         Map<String, String> withoutEmbedding) {

        /** What was read and left out, as lines of text. */
        public List<String> lines() {
            List<String> l = new ArrayList<>(published.report().lines());
            StringBuilder w = new StringBuilder();
            withoutEmbedding.forEach((id, why) -> w.append(w.isEmpty() ? "" : "; ").append(id).append(" (").append(why).append(')'));
            l.add("tracks without a whole embedding in the study's data, left out of both sides: "
                    + (withoutEmbedding.isEmpty() ? "none" : withoutEmbedding.size() + " — " + w));
            Map<Split, Integer> n = new EnumMap<>(Split.class);
            for (Split s : features.splits()) n.merge(s, 1, Integer::sum);
            l.add("identical tracks on both sides: " + features.size() + " (" + n.getOrDefault(Split.TRAINING, 0)
                    + " training, " + n.getOrDefault(Split.TEST, 0) + " test; the " + n.getOrDefault(Split.VALIDATION, 0)
                    + " validation tracks are not used, as in FMA's baselines); " + features.columns().size()
                    + " columns of FMA's features, " + embeddings.columns().size() + " of the embeddings ("
                    + REPRESENTATION.description() + ")");
            return l;
        }
    }

    /** {@value #FILE} of a data folder. */
    public static Path file(Path data) {
        return data.resolve(FILE);
    }

    /** Whether the data folder holds the slice and the study's embeddings. */
    public static boolean available(Path data) {
        return Files.isRegularFile(file(data)) && Files.isDirectory(data.resolve("study-embeddings"));
    }

    /**
     * Reads the slice and the embeddings of a data folder, labelled from its tracks file, and keeps the tracks
     * both have, in the file's order.
     */
    public static Tables load(Path data) throws IOException {
        FmaTracks tracks = FmaTracks.load(FmaTracks.find(data));
        FmaPublishedFeatures published = FmaPublishedFeatures.read(file(data), tracks);
        FeatureTable f = published.studyFeatureSet();
        StudyEmbeddings emb = StudyEmbeddings.load(data.resolve("study-embeddings"), tracks);
        FeatureTable e = FeatureTable.ofEmbeddings(emb, REPRESENTATION);
        Set<String> embedded = new HashSet<>(e.trackIds());
        Map<String, String> why = new LinkedHashMap<>();
        List<String> both = new ArrayList<>();
        for (String id : f.trackIds()) {
            if (embedded.contains(id)) {
                both.add(id);
                continue;
            }
            why.put(id, emb.exclusions().stream().filter(x -> Long.toString(x.trackId()).equals(id)).map(StudyEmbeddings.Exclusion::reason)
                    .findFirst().orElse("not in the study's train/val/test lists"));
        }
        FeatureTable features = f.tracks(both);
        features = new FeatureTable(FILE, features.trackIds(), features.columns(), features.values(), features.genres(),
                features.splits());
        FeatureTable embeddings = e.tracks(both);
        if (!Arrays.equals(features.genres(), embeddings.genres()) || !Arrays.equals(features.splits(), embeddings.splits())) {
            throw new IllegalStateException("the slice's and the embeddings' labels or splits differ for the same tracks");
        }
        return new Tables(published, features, embeddings, Collections.unmodifiableMap(why));
    }

    /**
     * The outcome of both sides.
     *
     * @param tables     what was trained on; {@code null} when the data folder lacks the slice
     * @param features   the models on FMA's features
     * @param embeddings the same models on the embeddings
     * @param absent     why nothing ran, or {@code null}
     */
    public record Result(Tables tables, StudyProtocol.Outcome features, StudyProtocol.Outcome embeddings, String absent) {

        /** Whether the slice was there and the models ran. */
        public boolean present() {
            return absent == null;
        }

        /** Both outcomes, FMA's features first; empty when absent. */
        public List<StudyProtocol.Outcome> outcomes() {
            return present() ? List.of(features, embeddings) : List.of();
        }

        /** What was read and left out, or the one line saying the slice is absent. */
        public String describe() {
            return present() ? String.join("\n", tables.lines()) : absent;
        }

        /**
         * Both sides' result rows ({@value #EXPERIMENT}, {@value #EMBEDDINGS_EXPERIMENT}); empty when absent.
         *
         * @param threads the threads the models trained on ({@link StudyProtocol.Outcome#resultRows(int)})
         */
        public List<ResultRow> resultRows(int threads) {
            List<ResultRow> rows = new ArrayList<>();
            for (StudyProtocol.Outcome o : outcomes()) rows.addAll(o.resultRows(threads));
            return rows;
        }

        /** Both sides' test predictions by model, the names prefixed {@link #FEATURES_PREFIX}, {@link #EMBEDDINGS_PREFIX}. */
        public Map<String, List<PredictionsCsv.Run>> predictionsByModel() {
            Map<String, List<PredictionsCsv.Run>> out = new LinkedHashMap<>();
            if (!present()) return out;
            prefixed(features, FEATURES_PREFIX, out);
            prefixed(embeddings, EMBEDDINGS_PREFIX, out);
            return out;
        }

        /** Every run's test predictions, for the notebook's predictions file; empty when absent. */
        public List<PredictionsCsv.Run> predictions() {
            return predictionsByModel().values().stream().flatMap(List::stream).toList();
        }

        /** The model of highest test macro-F1 of both sides (prefixed name): the intervals' reference. */
        public String reference() {
            return TestSetIntervals.best(predictionsByModel());
        }

        /** Each model's test macro-F1 with a 95% bootstrap interval over the shared test tracks, and its difference to {@link #reference()}. */
        public List<TestSetIntervals.Row> intervals(long seed) {
            return TestSetIntervals.of(predictionsByModel(), reference(), seed);
        }

        private static void prefixed(StudyProtocol.Outcome o, String prefix, Map<String, List<PredictionsCsv.Run>> out) {
            o.predictions().forEach((m, runs) -> out.put(prefix + m, runs.stream().map(r -> new PredictionsCsv.Run(prefix + m,
                    r.run(), r.truth(), r.predicted(), r.classes(), r.probabilities())).toList()));
        }
    }

    /** The models on both tables, FMA's official split, one run per seed. */
    public static Result run(Tables t, List<ModelTrainer> models, long... seeds) {
        StudyProtocol.Outcome f = StudyProtocol.official(EXPERIMENT, t.features(), models, seeds);
        StudyProtocol.Outcome e = StudyProtocol.official(EMBEDDINGS_EXPERIMENT, t.embeddings(), models, seeds);
        return new Result(t, f, e, null);
    }

    /**
     * {@link #run} on the data folder's slice when {@link #available}, else a result that says in one line what is
     * missing and holds no rows.
     */
    public static Result runIfPresent(Path data, List<ModelTrainer> models, long... seeds) throws IOException {
        if (!available(data)) {
            List<String> missing = new ArrayList<>();
            if (!Files.isRegularFile(file(data))) missing.add(FILE);
            if (!Files.isDirectory(data.resolve("study-embeddings"))) missing.add("study-embeddings/");
            return new Result(null, null, null, "Real FMA slice skipped: the data folder " + data + " has no "
                    + String.join(" nor ", missing) + ".");
        }
        return run(load(data), models, seeds);
    }
}
