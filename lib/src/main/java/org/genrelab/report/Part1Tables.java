package org.genrelab.report;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.StandardDeviation;
import org.genrelab.classic.FmaRealSlice;
import org.genrelab.classic.ModelTrainer;
import org.genrelab.classic.StudyProtocol;
import org.genrelab.features.FmaFeatureCsv;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The tables of notebook 02, built from a {@link StudyProtocol.Outcome}: the results beside the study's
 * F1 (percent, mean ± std over the runs, with the model's parameters and times), the real FMA slice's two
 * sides beside each other, per-genre F1 of one model, and its most important features.
 */
public final class Part1Tables {

    private Part1Tables() {
    }

    /**
     * One row per model: test macro-F1 and accuracy (percent, mean and population std over the runs), the
     * study's F1 for the same model ({@code study}'s key the model name starts with, case-insensitive, or
     * which it names in brackets, as "XGBoost (CatBoost stand-in)" names CatBoost; NaN if none), mean
     * training and prediction seconds, the parameters.
     */
    public static Table summary(String title, StudyProtocol.Outcome o, Map<String, Double> study,
                                List<ModelTrainer> trainers) {
        StringColumn model = StringColumn.create("model");
        DoubleColumn f1 = DoubleColumn.create("macro-F1");
        DoubleColumn f1Std = DoubleColumn.create("± std");
        DoubleColumn acc = DoubleColumn.create("accuracy");
        DoubleColumn ref = DoubleColumn.create("study F1");
        IntColumn runs = IntColumn.create("runs");
        DoubleColumn train = DoubleColumn.create("train s");
        DoubleColumn predict = DoubleColumn.create("predict s");
        StringColumn params = StringColumn.create("parameters");
        for (String m : o.models()) {
            List<StudyProtocol.Run> rs = o.runs(m);
            double[] f = rs.stream().mapToDouble(r -> 100 * r.macroF1()).toArray();
            model.append(m);
            f1.append(mean(f));
            f1Std.append(std(f));
            acc.append(meanPercent(rs, StudyProtocol.Run::accuracy));
            ref.append(studyF1(m, study));
            runs.append(rs.size());
            train.append(mean(rs.stream().mapToDouble(StudyProtocol.Run::trainSeconds).toArray()));
            predict.append(mean(rs.stream().mapToDouble(StudyProtocol.Run::predictSeconds).toArray()));
            params.append(trainers.stream().filter(t -> t.name().equals(m)).map(ModelTrainer::settings).findFirst()
                    .orElse(""));
        }
        return Table.create(title, model, f1, f1Std, acc, ref, runs, train, predict, params);
    }

    /**
     * The real FMA slice ({@link FmaRealSlice}), one row per model: test macro-F1 and accuracy (percent, mean over
     * the runs, as {@link #summary} gives them) on FMA's MFCC statistics beside those on the VGGish clip statistics
     * of the same tracks.
     */
    public static Table sideBySide(FmaRealSlice.Result slice) {
        StudyProtocol.Outcome features = slice.features();
        StudyProtocol.Outcome embeddings = slice.embeddings();
        StringColumn model = StringColumn.create("model");
        DoubleColumn f1f = DoubleColumn.create("FMA MFCC macro-F1");
        DoubleColumn f1e = DoubleColumn.create("VGGish macro-F1");
        DoubleColumn accf = DoubleColumn.create("FMA MFCC accuracy");
        DoubleColumn acce = DoubleColumn.create("VGGish accuracy");
        for (String m : features.models()) {
            model.append(m);
            f1f.append(meanPercent(features.runs(m), StudyProtocol.Run::macroF1));
            f1e.append(meanPercent(embeddings.runs(m), StudyProtocol.Run::macroF1));
            accf.append(meanPercent(features.runs(m), StudyProtocol.Run::accuracy));
            acce.append(meanPercent(embeddings.runs(m), StudyProtocol.Run::accuracy));
        }
        return Table.create("Real FMA, Hip-Hop and Rock, official split: test macro-F1 and accuracy (%), FMA's MFCC "
                + "statistics against VGGish clip statistics of the same " + slice.tables().features().size() + " tracks",
                model, f1f, f1e, accf, acce);
    }

    /** The study's F1 for a model name, NaN when the study has no such row. */
    static double studyF1(String model, Map<String, Double> study) {
        String lower = model.toLowerCase(Locale.ROOT);
        for (var e : study.entrySet()) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if (lower.startsWith(k) || lower.contains("(" + k)) return e.getValue();
        }
        return Double.NaN;
    }

    /** Per-genre test F1 (percent) of one model, mean over its runs, in the outcome's class order. */
    public static Table perGenreF1(StudyProtocol.Outcome o, String model) {
        double[] f = o.perClassF1(model);
        return Table.create("Per-genre F1 of " + model,
                StringColumn.create("genre", o.classes()),
                DoubleColumn.create("F1", Arrays.stream(f).map(v -> 100 * v)));
    }

    /** The {@code n} most important columns of a model (normalised importances, largest first); empty if it has none. */
    public static Table topImportances(StudyProtocol.Outcome o, String model, int n) {
        List<Map.Entry<FmaFeatureCsv.Column, Double>> top = o.importance(model).entrySet().stream()
                .sorted(Map.Entry.<FmaFeatureCsv.Column, Double>comparingByValue(Comparator.reverseOrder())).limit(n)
                .toList();
        return Table.create(model + ": feature importances (top " + n + ")",
                StringColumn.create("feature", top.stream().map(e -> e.getKey().toString())),
                DoubleColumn.create("importance", top.stream().mapToDouble(Map.Entry::getValue)));
    }

    /** A metric of the runs in percent, their arithmetic mean. */
    private static double meanPercent(List<StudyProtocol.Run> runs, ToDoubleFunction<StudyProtocol.Run> metric) {
        return mean(runs.stream().mapToDouble(r -> 100 * metric.applyAsDouble(r)).toArray());
    }

    /** Arithmetic mean. */
    static double mean(double[] v) {
        return Mean.of(v).getAsDouble();
    }

    /** Population standard deviation (numpy's default, ddof 0). */
    static double std(double[] v) {
        return StandardDeviation.of(v).setBiased(true).getAsDouble();
    }
}
