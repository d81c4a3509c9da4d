package org.genrelab.classic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.genrelab.data.Split;
import org.genrelab.features.FmaFeatureCsv;

/**
 * The exact training and test matrices of one run: rows of a {@link FeatureTable} split in two and
 * standardised with statistics of the training part only.
 *
 * @param xTrain   standardised training rows
 * @param yTrain   class indices into {@code classes}
 * @param idsTrain track id of each training row
 * @param xTest    test rows, standardised with the training statistics
 * @param yTest    class indices
 * @param idsTest  track ids
 * @param classes  genre names, class k = {@code classes.get(k)}
 * @param columns  the feature columns
 * @param how      how the rows were split, e.g. {@code "stratified 75/25 seed 3"}
 */
public record TrainTestSplit(double[][] xTrain, int[] yTrain, List<String> idsTrain, double[][] xTest, int[] yTest,
                             List<String> idsTest, List<String> classes, List<FmaFeatureCsv.Column> columns, String how) {

    /**
     * A stratified shuffle split as scikit-learn's {@code train_test_split(stratify=y)} makes it: in
     * each genre, {@code round(testFraction · n_genre)} tracks drawn at random go to the test part.
     * Hand-written because Smile's stratified folds draw from a global random state, and the split must
     * depend on {@code seed} alone. The row selection differs from scikit-learn's; the exported
     * matrices ({@link MatrixExport}) carry the exact split to other toolkits.
     */
    public static TrainTestSplit stratified(FeatureTable table, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be in (0, 1), got " + testFraction);
        }
        table.validate();
        int[] y = table.labels();
        int k = table.genreNames().size();
        Random rnd = new Random(seed);
        boolean[] test = new boolean[y.length];
        for (int c = 0; c < k; c++) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < y.length; i++) if (y[i] == c) rows.add(i);
            Collections.shuffle(rows, rnd);
            int nTest = (int) Math.max(1, Math.min(rows.size() - 1, Math.round(testFraction * rows.size())));
            for (int t = 0; t < nTest; t++) test[rows.get(t)] = true;
        }
        return of(table, test, String.format(Locale.ROOT, "stratified %.0f/%.0f seed %d",
                100 * (1 - testFraction), 100 * testFraction, seed));
    }

    /**
     * FMA's official split: training rows train, test rows test; validation rows are left out (as in
     * FMA's own baselines), unless {@code trainOnValidation}.
     */
    public static TrainTestSplit official(FeatureTable table, boolean trainOnValidation) {
        table.validate();
        Split[] sp = table.splits();
        boolean[] test = new boolean[sp.length];
        boolean[] use = new boolean[sp.length];
        for (int i = 0; i < sp.length; i++) {
            if (sp[i] == null) {
                throw new IllegalArgumentException(table.source() + ": track " + table.trackIds().get(i)
                        + " has no FMA split");
            }
            test[i] = sp[i] == Split.TEST;
            use[i] = sp[i] != Split.VALIDATION || trainOnValidation;
        }
        return of(table, test, use, trainOnValidation ? "FMA official (training+validation / test)"
                : "FMA official (training / test)");
    }

    private static TrainTestSplit of(FeatureTable table, boolean[] test, String how) {
        boolean[] use = new boolean[test.length];
        Arrays.fill(use, true);
        return of(table, test, use, how);
    }

    private static TrainTestSplit of(FeatureTable table, boolean[] test, boolean[] use, String how) {
        int[] y = table.labels();
        double[][] x = table.values();
        List<double[]> xa = new ArrayList<>(), xb = new ArrayList<>();
        List<Integer> ya = new ArrayList<>(), yb = new ArrayList<>();
        List<String> ia = new ArrayList<>(), ib = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            if (!use[i]) continue;
            (test[i] ? xb : xa).add(x[i]);
            (test[i] ? yb : ya).add(y[i]);
            (test[i] ? ib : ia).add(table.trackIds().get(i));
        }
        if (xa.isEmpty() || xb.isEmpty()) {
            throw new IllegalArgumentException(table.source() + ": split '" + how + "' leaves " + xa.size()
                    + " training and " + xb.size() + " test rows");
        }
        double[][] train = xa.toArray(double[][]::new);
        double[][] tst = xb.toArray(double[][]::new);
        Standardizer s = Standardizer.fit(train);
        return new TrainTestSplit(s.transform(train), ya.stream().mapToInt(Integer::intValue).toArray(), ia,
                s.transform(tst), yb.stream().mapToInt(Integer::intValue).toArray(), ib, table.genreNames(),
                table.columns(), how);
    }
}
