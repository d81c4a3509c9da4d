package org.genrelab.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Soft voting: an ensemble that predicts the class with the highest mean of its members' predicted
 * probabilities (scikit-learn's {@code VotingClassifier(voting='soft')} with equal weights). Members are
 * chosen without the test split: within each group (a model family), the member with the highest
 * validation accuracy. Run k of the ensemble averages run k of each member (a member with fewer runs,
 * such as a convex fit that every seed gives alike, takes part with run k modulo its count), so the
 * ensemble's spread over runs is comparable with its members'.
 */
public final class ProbabilityEnsemble {

    /**
     * A candidate member.
     *
     * @param model       its name
     * @param valAccuracy its validation accuracy, the choice's criterion
     * @param runs        each run's test probabilities, {@code [item][class]}, items and classes in the same order for all
     * @param seconds     its training time (all runs)
     */
    public record Member(String model, double valAccuracy, List<double[][]> runs, double seconds) {

        public Member {
            if (runs.isEmpty()) throw new IllegalArgumentException(model + " has no runs");
            if (Double.isNaN(valAccuracy)) throw new IllegalArgumentException(model + " has no validation accuracy");
            runs = List.copyOf(runs);
        }

        /** A member whose training time is not known (0). */
        public Member(String model, double valAccuracy, List<double[][]> runs) {
            this(model, valAccuracy, runs, 0);
        }
    }

    private ProbabilityEnsemble() {
    }

    /**
     * The member with the highest validation accuracy in each group, groups in order of first appearance
     * (the first member on a tie).
     */
    public static List<Member> bestPerGroup(List<Member> candidates, Function<Member, String> group) {
        Map<String, Member> best = new LinkedHashMap<>();
        for (Member m : candidates) {
            best.merge(group.apply(m), m, (a, b) -> b.valAccuracy() > a.valAccuracy() ? b : a);
        }
        return List.copyOf(best.values());
    }

    /** Run k of the ensemble: the mean of each member's run k (modulo its run count); as many runs as the largest member. */
    public static List<double[][]> runs(List<Member> members) {
        if (members.isEmpty()) throw new IllegalArgumentException("an ensemble needs at least one member");
        int n = members.stream().mapToInt(m -> m.runs().size()).max().orElseThrow();
        List<double[][]> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            List<double[][]> parts = new ArrayList<>();
            for (Member m : members) parts.add(m.runs().get(k % m.runs().size()));
            out.add(mean(parts, members));
        }
        return out;
    }

    /** The class of highest probability of each item (the first on a tie, as numpy's argmax). */
    public static int[] predict(double[][] probabilities) {
        int[] out = new int[probabilities.length];
        for (int i = 0; i < out.length; i++) out[i] = ClassificationMetrics.argmax(probabilities[i]);
        return out;
    }

    // p̄[i][k] = (1/M) Σ_m p_m[i][k]
    private static double[][] mean(List<double[][]> parts, List<Member> members) {
        int items = parts.get(0).length;
        int classes = parts.get(0)[0].length;
        double[][] sum = new double[items][classes];
        for (int m = 0; m < parts.size(); m++) {
            double[][] p = parts.get(m);
            if (p.length != items || p[0].length != classes) {
                throw new IllegalArgumentException(members.get(m).model() + ": " + p.length + " × " + p[0].length
                        + " probabilities, the first member has " + items + " × " + classes);
            }
            for (int i = 0; i < items; i++) for (int k = 0; k < classes; k++) sum[i][k] += p[i][k];
        }
        for (double[] row : sum) for (int k = 0; k < classes; k++) row[k] /= parts.size();
        return sum;
    }
}
