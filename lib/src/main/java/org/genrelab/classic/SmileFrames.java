package org.genrelab.classic;

import java.util.function.ToIntFunction;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.vector.ValueVector;

/** Rows and labels as the Smile DataFrame its tree ensembles train on: columns {@code x1..xp} and {@code y}. */
final class SmileFrames {

    static final Formula FORMULA = Formula.lhs("y");

    private SmileFrames() {
    }

    static DataFrame features(double[][] x) {
        String[] names = new String[x[0].length];
        for (int j = 0; j < names.length; j++) names[j] = "x" + (j + 1);
        return DataFrame.of(x, names);
    }

    static DataFrame labelled(double[][] x, int[] y) {
        return features(x).merge(new DataFrame(ValueVector.of("y", y)));
    }

    /** A trained Smile tree ensemble as a {@link TrainedModel}: predictions row by row, and its importances. */
    static TrainedModel treeModel(ToIntFunction<Tuple> predict, double[] importance) {
        return new TrainedModel() {
            @Override
            public int[] predict(double[][] rows) {
                DataFrame f = features(rows);
                int[] out = new int[rows.length];
                for (int i = 0; i < out.length; i++) out[i] = predict.applyAsInt(f.get(i));
                return out;
            }

            @Override
            public double[] featureImportance() {
                return importance;
            }
        };
    }
}
