package org.genrelab.features;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ZeroCrossingRate}'s crossing count over a range of positions with the JDK's Vector API: position i counts
 * when y[i] and y[i − 1] fall on different sides of the threshold, tested a vector of positions at a time as the
 * same float comparison. The plain loop's prefix count branched on every sample: 2.6 ms of a 30-s clip.
 *
 * <p>Needs {@code --add-modules jdk.incubator.vector}; callers check {@link org.genrelab.dsp.VectorApi#AVAILABLE}.
 */
final class VectorZeroCrossings {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    private VectorZeroCrossings() {
    }

    /** Positions i in [from, to) (from ≥ 1) where {@code y[i] ≤ negativeBelow} differs from {@code y[i−1] ≤ negativeBelow}. */
    static int count(float[] y, int from, int to, float negativeBelow) {
        int n = 0;
        int i = from;
        for (; i + F.length() <= to; i += F.length()) {
            var here = FloatVector.fromArray(F, y, i).compare(VectorOperators.LE, negativeBelow);
            var before = FloatVector.fromArray(F, y, i - 1).compare(VectorOperators.LE, negativeBelow);
            n += here.eq(before).not().trueCount();
        }
        for (; i < to; i++) if ((y[i] <= negativeBelow) != (y[i - 1] <= negativeBelow)) n++;
        return n;
    }
}
