package org.genrelab.dsp;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Tuning}'s peak test for one bin, a vector of frames at a time with the JDK's Vector API: the gated values
 * of bins k − 1, k, k + 1 are compared lane-wise, and only the frames that hold a peak (a few percent) go through
 * the scalar interpolation, in ascending order as in {@link Tuning#peaksOfRow}. The comparisons are the same float
 * comparisons, so the peaks are the same. The plain loop branched on every frame: 1.8 ms of the 2.8 ms an
 * estimate took for a 30-s clip.
 *
 * <p>Needs {@code --add-modules jdk.incubator.vector}; {@link Tuning} loads this class only when the module is
 * present.
 */
final class VectorPeakPicking {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    private VectorPeakPicking() {
    }

    /** As {@link Tuning#peaksOfRow}. */
    static int row(float[][] s, int k, float[] colThreshold, double sr, int nFft, float[] pitches, float[] mags, int count) {
        float[] below = s[k - 1], row = s[k], above = s[k + 1];
        int n = row.length;
        int t = 0;
        FloatVector zero = FloatVector.zero(F);
        for (; t + F.length() <= n; t += F.length()) {
            // |v| where |v| > thr, else 0 (NaN gives 0, as the scalar test); written out, not a method taking vectors
            // (see VectorDecimate: one that C2 does not inline boxes them)
            FloatVector thr = FloatVector.fromArray(F, colThreshold, t);
            FloatVector a = FloatVector.fromArray(F, below, t).abs();
            FloatVector b = FloatVector.fromArray(F, row, t).abs();
            FloatVector c = FloatVector.fromArray(F, above, t).abs();
            FloatVector prev = zero.blend(a, a.compare(VectorOperators.GT, thr));
            FloatVector cur = zero.blend(b, b.compare(VectorOperators.GT, thr));
            FloatVector next = zero.blend(c, c.compare(VectorOperators.GT, thr));
            VectorMask<Float> peaks = cur.compare(VectorOperators.GT, prev).and(cur.compare(VectorOperators.GE, next));
            for (long bits = peaks.toLong(); bits != 0; bits &= bits - 1) {
                int u = t + Long.numberOfTrailingZeros(bits);
                count = Tuning.peak(below[u], row[u], above[u], k, sr, nFft, pitches, mags, count);
            }
        }
        count = Tuning.peaksOfRow(s, k, colThreshold, sr, nFft, pitches, mags, count, t, n); // the last frames
        return count;
    }
}
