package org.genrelab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.genrelab.eval.ClassificationMetrics;
import org.genrelab.eval.ProbabilityEnsemble;
import org.genrelab.results.PredictionsCsv;
import org.genrelab.results.ResultRow;
import org.genrelab.results.ResultsCsv;
import org.genrelab.results.RunParameters;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Beyond the study: the Part 2 model families voting together. Of each family (logistic regression, LSTM,
 * FCNN, CNN: the study's names, matched at the start of a model's name as in {@link Part2Summary}), the
 * model with the highest validation accuracy joins; the ensemble averages their test probabilities
 * ({@link ProbabilityEnsemble}) and is scored like any model, run by run.
 */
public final class Part2Ensemble {

    /** The ensemble's model name in results and predictions. */
    public static final String MODEL = "ensemble";

    /**
     * @param members the chosen models, one per family, in family order
     * @param runs    the ensemble's test predictions and probabilities, one per run
     * @param rows    test macro-F1, accuracy and macro AUC over the runs, with the members' training seconds
     */
    public record Result(List<ProbabilityEnsemble.Member> members, List<PredictionsCsv.Run> runs, List<ResultRow> rows) {

        /** The members with their validation accuracy (%) and run count. */
        public Table membersTable() {
            return Table.create("Ensemble members: the best of each family on validation",
                    StringColumn.create("model", members.stream().map(ProbabilityEnsemble.Member::model)),
                    DoubleColumn.create("val accuracy (%)", members.stream().mapToDouble(m -> 100 * m.valAccuracy())),
                    IntColumn.create("runs", members.stream().mapToInt(m -> m.runs().size()).toArray()));
        }
    }

    private Part2Ensemble() {
    }

    /**
     * The ensemble of models given in memory.
     *
     * @param candidates models with their validation accuracy and test probabilities ({@code classes} order)
     * @param truth      the test labels, indices into {@code classes}
     * @param families   family names, e.g. {@link StudyReference#part2()}'s keys
     * @param device     where the members trained
     * @param dataset    what they trained on, e.g. {@code "study-embeddings"}
     */
    public static Result of(List<ProbabilityEnsemble.Member> candidates, int[] truth, List<String> classes,
                            List<String> families, String device, String dataset) {
        List<ProbabilityEnsemble.Member> members = ProbabilityEnsemble.bestPerGroup(candidates, m -> family(m.model(), families));
        double seconds = members.stream().mapToDouble(ProbabilityEnsemble.Member::seconds).sum(); // the members' training time
        List<double[][]> probs = ProbabilityEnsemble.runs(members);
        int n = probs.size();
        double[] f1 = new double[n];
        double[] acc = new double[n];
        double[] auc = new double[n];
        List<PredictionsCsv.Run> runs = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double[][] p = probs.get(k);
            if (p.length != truth.length) {
                throw new IllegalArgumentException("the members predict " + p.length + " test items, there are " + truth.length);
            }
            int[] pred = ProbabilityEnsemble.predict(p);
            f1[k] = ClassificationMetrics.macroF1(truth, pred, classes.size());
            acc[k] = ClassificationMetrics.accuracy(truth, pred);
            auc[k] = ClassificationMetrics.macroOvrAuc(truth, p);
            runs.add(PredictionsCsv.Run.of(MODEL, k, truth, pred, p, classes));
        }
        List<ResultRow> rows = List.of(ResultRow.of("part2", MODEL, "macro_f1", f1, seconds, device, dataset),
                ResultRow.of("part2", MODEL, "accuracy", acc, seconds, device, dataset),
                ResultRow.of("part2", MODEL, "macro_auc", auc, seconds, device, dataset));
        return new Result(members, runs, rows);
    }

    /**
     * The ensemble of the models that notebooks saved: each model with a {@link ResultRow#VAL_ACCURACY} row in
     * the notebook's results and probabilities in its predictions file is a candidate.
     */
    public static Result fromNotebooks(RunParameters params, List<String> notebooks, List<String> families)
            throws IOException {
        List<ProbabilityEnsemble.Member> candidates = new ArrayList<>();
        Map<String, String> deviceOf = new HashMap<>();
        Map<String, String> datasetOf = new HashMap<>();
        List<String> classes = null;
        List<String> truth = null;
        for (String nb : notebooks) {
            var results = params.resultsFile(nb);
            var predictions = PredictionsCsv.fileFor(params, nb);
            if (!Files.exists(results) || !Files.exists(predictions)) continue;
            Map<String, ResultRow> val = new HashMap<>();
            Map<String, ResultRow> f1 = new HashMap<>();
            for (ResultRow r : ResultsCsv.read(results)) {
                if (!r.experiment().equals(Part2Summary.EXPERIMENT)) continue; // e.g. the FCNN sweep's rows
                if (r.metric().equals(ResultRow.VAL_ACCURACY)) val.put(r.model(), r);
                if (r.metric().equals("macro_f1")) f1.put(r.model(), r);
            }
            Map<String, List<double[][]>> byModel = new LinkedHashMap<>();
            for (PredictionsCsv.Run r : PredictionsCsv.read(predictions)) {
                if (!r.hasProbabilities() || !val.containsKey(r.model())) continue;
                if (classes == null) {
                    classes = r.classes();
                    truth = r.truth();
                } else if (!classes.equals(r.classes()) || !truth.equals(r.truth())) {
                    throw new IllegalStateException(predictions + ": " + r.model() + " run " + r.run()
                            + " was tested on other items or classes than the models before it; rerun the notebooks on the same data");
                }
                byModel.computeIfAbsent(r.model(), k -> new ArrayList<>()).add(r.probabilities());
            }
            for (var e : byModel.entrySet()) {
                ResultRow v = val.get(e.getKey());
                candidates.add(new ProbabilityEnsemble.Member(e.getKey(), v.value(), e.getValue(), v.seconds()));
                deviceOf.put(e.getKey(), v.device());
                datasetOf.put(e.getKey(), v.dataset());
            }
        }
        if (candidates.isEmpty()) {
            throw new IllegalStateException("no model of " + notebooks + " saved test probabilities and a validation accuracy:"
                    + " run those notebooks first");
        }
        LinkedHashSet<String> devices = new LinkedHashSet<>();
        LinkedHashSet<String> datasets = new LinkedHashSet<>();
        ProbabilityEnsemble.bestPerGroup(candidates, m -> family(m.model(), families)).forEach(m -> {
            devices.add(deviceOf.get(m.model()));
            datasets.add(datasetOf.get(m.model()));
        });
        final List<String> cls = classes;
        int[] y = truth.stream().mapToInt(cls::indexOf).toArray();
        if (Arrays.stream(y).anyMatch(i -> i < 0)) throw new IllegalStateException("a test label is not among the classes " + cls);
        return of(candidates, y, classes, families, String.join(" + ", devices), String.join("; ", datasets));
    }

    /** The first family whose name starts the model's name (case-insensitive), else the model's own name. */
    static String family(String model, List<String> families) {
        String m = model.toLowerCase(Locale.ROOT);
        return families.stream().filter(f -> m.startsWith(f.toLowerCase(Locale.ROOT))).findFirst().orElse(model);
    }
}
