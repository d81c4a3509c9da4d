package org.genrelab.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.genrelab.SharedData;
import org.genrelab.dsp.OracleFrames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * From the oracle's decoded {@code y.npy} of each of the three frame clips: every frame-level
 * array against {@code oracle/frames/<clip>/} with the README's per-array tolerances, and the seven
 * statistics against {@code oracle/features/legacy_features.csv} with {@code tolerances.csv}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FmaSpectralFeaturesTest {

    private static final double SR = 44100;

    /** Per clip: feature name → frame-level rows (float32 rmse kept as float[][] separately). */
    private final Map<String, Map<String, double[][]>> computed = new LinkedHashMap<>();
    private final Map<String, float[][]> rmse = new LinkedHashMap<>();

    @BeforeAll
    void computeAll() {
        for (String clip : OracleFrames.CLIPS) {
            StftFeatures f = StftFeatures.compute(OracleFrames.y(clip), SR);
            computed.put(clip, f.frames());
            rmse.put(clip, f.rmse());
        }
    }

    @Test
    void frameArraysMatchOracle() {
        List<String> failures = new ArrayList<>();
        for (String clip : OracleFrames.CLIPS) {
            Map<String, double[][]> f = computed.get(clip);
            check(failures, clip, "mfcc", f.get("mfcc"), 0, 1e-4);
            check(failures, clip, "spectral_centroid", f.get("spectral_centroid"), 1e-6, 1e-3);
            check(failures, clip, "spectral_bandwidth", f.get("spectral_bandwidth"), 1e-6, 1e-3);
            check(failures, clip, "spectral_rolloff", f.get("spectral_rolloff"), 0, 0); // exact
            check(failures, clip, "spectral_contrast", f.get("spectral_contrast"), 0, 1e-4);
            check(failures, clip, "rmse", toDoubles(rmse.get(clip)), 1e-5, 0);
            check(failures, clip, "zcr", f.get("zcr"), 0, 0); // exact
        }
        if (!failures.isEmpty()) fail(String.join("\n", failures));
    }

    /**
     * FMA's spectral features start from {@code stft = np.abs(librosa.stft(x))}, float32 from complex64, and MFCC
     * from its float32 squares. Given exactly those values, MFCC and centroid agree with librosa's to summation
     * order (about 1e-10 here), far inside the README's tolerances; from the float64 magnitude rounded to
     * float32, as before, they were up to 3.4e-6 and 2.8e-5 Hz off.
     */
    @Test
    void mfccAndCentroidStartFromFmasFloat32Spectrogram() {
        List<String> failures = new ArrayList<>();
        for (String clip : OracleFrames.CLIPS) {
            Map<String, double[][]> f = computed.get(clip);
            check(failures, clip, "mfcc", f.get("mfcc"), 0, 1e-8);
            check(failures, clip, "spectral_centroid", f.get("spectral_centroid"), 0, 1e-7);
        }
        if (!failures.isEmpty()) fail(String.join("\n", failures));
    }

    private static void check(List<String> failures, String clip, String name, double[][] actual, double rtol, double atol) {
        try {
            double dev = OracleFrames.assertClose(clip + " " + name, OracleFrames.matrix(clip, name), actual, rtol, atol);
            System.out.printf("%s %s: max |diff| %.3g%n", clip, name, dev);
        } catch (AssertionError e) {
            failures.add(e.getMessage());
        }
    }

    @Test
    void statisticsMatchLegacyFeaturesCsv() throws IOException {
        Path oracle = SharedData.oracle();
        FmaFeatureCsv golden = FmaFeatureCsv.read(oracle.resolve("features/legacy_features.csv"));
        List<Tolerance> tolerances = Tolerance.read(oracle.resolve("tolerances.csv"));
        List<String> failures = new ArrayList<>();
        int checked = 0;
        Map<String, Double> worst = new LinkedHashMap<>(); // feature/statistic → max |diff| / allowed
        for (String clip : OracleFrames.CLIPS) {
            String rowId = clip.replaceAll("_mp3$", ".mp3");
            Map<String, float[][]> stats = new LinkedHashMap<>();
            // rmse through its float32 row (FMA's statistics of rmse are float32)
            computed.get(clip).forEach((name, rows) -> stats.put(name,
                    name.equals("rmse") ? FeatureStatistics.of(rmse.get(clip)) : FeatureStatistics.of(rows)));
            checked += compareStatistics(golden, rowId, stats, tolerances, failures, worst);
        }
        System.out.println("statistics checked: " + checked + ", failed: " + failures.size());
        worst.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(8)
                .forEach(e -> System.out.printf("  worst %s: %.3g of its tolerance%n", e.getKey(), e.getValue()));
        if (!failures.isEmpty()) fail(failures.size() + " statistics out of tolerance:\n" + String.join("\n", failures));
        assertTrue(checked == 3 * 7 * (20 + 1 + 1 + 1 + 7 + 1 + 1), "checked " + checked);
    }

    /**
     * Compares FMA statistics ([7][rows] per feature) with a golden row; appends one message per
     * failing value (naming clip, feature, statistic, number and deviation). Returns values checked.
     */
    static int compareStatistics(FmaFeatureCsv golden, String rowId, Map<String, float[][]> stats,
            List<Tolerance> tolerances, List<String> failures, Map<String, Double> worst) {
        int checked = 0;
        for (Map.Entry<String, float[][]> e : stats.entrySet()) {
            String feature = e.getKey();
            for (int s = 0; s < FeatureStatistics.STATISTICS.size(); s++) {
                String statistic = FeatureStatistics.STATISTICS.get(s);
                double[] expected = golden.values(rowId, feature, statistic);
                float[] actual = e.getValue()[s];
                assertEquals(expected.length, actual.length, feature + " " + statistic + ": number of rows");
                Tolerance tol = Tolerance.find(tolerances, feature, statistic);
                for (int i = 0; i < expected.length; i++) {
                    double dev = Math.abs(actual[i] - expected[i]);
                    boolean ok = dev <= tol.atol + tol.rtol * Math.abs(expected[i])
                            || (Double.isNaN(actual[i]) && Double.isNaN(expected[i]));
                    checked++;
                    worst.merge(feature + "/" + statistic, dev / (tol.atol + tol.rtol * Math.abs(expected[i])), Math::max);
                    if (!ok) {
                        failures.add(String.format("%s %s %s %s: expected %.8g, got %.8g, |diff| %.3g > atol %.1g + rtol %.1g·|e|",
                                rowId, feature, statistic, FmaFeatureCsv.number(i + 1), expected[i], actual[i], dev, tol.atol, tol.rtol));
                    }
                }
            }
        }
        return checked;
    }

    private static double[][] toDoubles(float[][] f) {
        double[][] d = new double[f.length][];
        for (int i = 0; i < f.length; i++) {
            d[i] = new double[f[i].length];
            for (int j = 0; j < f[i].length; j++) d[i][j] = f[i][j];
        }
        return d;
    }

    /** A row of {@code tolerances.csv}: feature,statistics,rtol,atol,note with {@code *} wildcards. */
    record Tolerance(String feature, String statistics, double rtol, double atol) {

        static List<Tolerance> read(Path file) throws IOException {
            List<Tolerance> out = new ArrayList<>();
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) continue;
                String[] p = line.split(",", 5);
                out.add(new Tolerance(p[0], p[1], Double.parseDouble(p[2]), Double.parseDouble(p[3])));
            }
            return out;
        }

        /** First match in the order feature+statistics, *+statistics, feature+*, *+* (oracle README). */
        static Tolerance find(List<Tolerance> all, String feature, String statistics) {
            String[][] order = {{feature, statistics}, {"*", statistics}, {feature, "*"}, {"*", "*"}};
            for (String[] o : order) {
                for (Tolerance t : all) if (t.feature.equals(o[0]) && t.statistics.equals(o[1])) return t;
            }
            throw new IllegalStateException("no tolerance for " + feature + "/" + statistics);
        }
    }
}
