package org.genrelab.dsp;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link MedianFilter}'s sliding median for several lines at once with the JDK's Vector API, one line
 * per lane. Each lane keeps its window sorted, and a step (one value leaves, one enters) rebuilds the
 * sorted window in one branch-free pass over its positions r:
 * <pre>
 *   w'[r] = w[r] &lt; leaving ? w[r] : w[r + 1]             (w[k] = +∞: the leaving value removed)
 *   w[r]  = w'[r] &lt; entering ? w'[r] : max(w'[r − 1], entering)   (w'[−1] = −∞: the entering one inserted)
 * </pre>
 * The scalar filter's binary search and shifting branch on the data, which a CPU mispredicts about once a
 * step; this pass does not branch. A median only selects one of its inputs, so the output is identical to
 * {@link MedianFilter}'s (tested). Values must not be NaN (the filters' callers pass magnitudes).
 *
 * <p>Needs {@code --add-modules jdk.incubator.vector}; {@link MedianFilter} loads this class only when the
 * module is present.
 */
final class VectorMedianFilter {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    /** Lines filtered together. */
    static final int LANES = D.length();

    private VectorMedianFilter() {
    }

    /**
     * Filters {@link #LANES} interleaved lines of n values each: {@code in[t·LANES + l]} is line l's value
     * t, and so is {@code out}'s. Window of odd {@code size}, scipy's 'reflect' boundary.
     */
    static void filterInterleaved(double[] in, double[] out, int n, int size) {
        int half = size / 2;
        double[] w = new double[size * LANES]; // w[r·LANES + l]: lane l's r-th smallest
        Arrays.fill(w, Double.POSITIVE_INFINITY);
        DoubleVector inf = DoubleVector.broadcast(D, Double.POSITIVE_INFINITY);
        for (int k = -half; k <= half; k++) { // fill: each value replaces one of the +∞ placeholders
            step(w, size, inf, DoubleVector.fromArray(D, in, MedianFilter.reflect(k, n) * LANES));
        }
        DoubleVector.fromArray(D, w, half * LANES).intoArray(out, 0);
        for (int t = 1; t < n; t++) {
            int leave = t - 1 - half;
            int enter = t + half;
            leave = leave >= 0 ? leave : MedianFilter.reflect(leave, n);
            enter = enter < n ? enter : MedianFilter.reflect(enter, n);
            step(w, size, DoubleVector.fromArray(D, in, leave * LANES), DoubleVector.fromArray(D, in, enter * LANES));
            DoubleVector.fromArray(D, w, half * LANES).intoArray(out, t * LANES);
        }
    }

    /** Removes {@code leaving} (present in every lane's window) and inserts {@code entering}, keeping each lane sorted. */
    private static void step(double[] w, int size, DoubleVector leaving, DoubleVector entering) {
        DoubleVector before = DoubleVector.broadcast(D, Double.NEGATIVE_INFINITY); // w'[r − 1]
        DoubleVector cur = DoubleVector.fromArray(D, w, 0);
        for (int r = 0; r < size; r++) {
            DoubleVector next = r + 1 < size ? DoubleVector.fromArray(D, w, (r + 1) * LANES)
                    : DoubleVector.broadcast(D, Double.POSITIVE_INFINITY);
            DoubleVector removed = cur.blend(next, cur.compare(VectorOperators.GE, leaving));
            DoubleVector inserted = removed.blend(before.max(entering), removed.compare(VectorOperators.GE, entering));
            inserted.intoArray(w, r * LANES);
            before = removed;
            cur = next;
        }
    }
}
